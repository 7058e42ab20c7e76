import type { Kysely } from 'kysely';
import type { DraftIndicator, DraftTask, PlanDraft, PlanMetadata } from '@tiendo/core';
import type { Database } from '../../db/schema.ts';
import { createPlanFromDraft } from '../../plans/store.ts';
import { changeLinks, setParentPlan } from '../../cascade/cascade.ts';
import { buildCommune, buildUnit, nextNumber, type UnitRow } from './org.ts';

// A plan made the way the app makes one from a reviewed import (createPlanFromDraft): its
// sections, tasks, indicators, targets and lead units are the rows a published plan has.

type Db = Kysely<Database>;

export interface PlanOverrides {
  /** The commune whose plan it is; a new commune (and one unit) when not given. */
  communeId?: number;
  /** The units that lead the items, in turn (task i: leads[i % n]); the commune's by default. */
  leads?: UnitRow[];
  /** How many tasks, or each task's fields over the defaults. */
  tasks?: number | Array<Partial<DraftTask>>;
  /** How many indicators, or each indicator's fields over the defaults. */
  indicators?: number | Array<Partial<DraftIndicator>>;
  status?: 'draft' | 'published';
  plan?: Partial<PlanMetadata>;
}

export interface PlanRow {
  id: number;
  communeId: number;
  draft: PlanDraft;
}

const listOf = <T>(spec: number | Array<Partial<T>>): Array<Partial<T>> =>
  typeof spec === 'number' ? Array.from({ length: spec }, () => ({})) : spec;

/** A draft of `tasks` and `indicators` led in turn by `leads` (pure: no rows). */
export function planDraft(
  leads: Array<{ name: string }>,
  overrides: Omit<PlanOverrides, 'communeId' | 'leads' | 'status'> = {},
): PlanDraft {
  const n = nextNumber();
  const lead = (i: number) => leads[i % leads.length]?.name ?? null;
  return {
    source: `ke-hoach-thu-${n}.docx`,
    plan: {
      issuer: 'Ủy ban nhân dân xã',
      locality: null,
      number: `${n}/KH-UBND`,
      date: '2026-01-15',
      title: `Kế hoạch thử ${n}`,
      signer: null,
      basis: [],
      replaces: [],
      focal_unit: null,
      reporting: [],
      ...overrides.plan,
    },
    indicators: listOf(overrides.indicators ?? 1).map((fields, i) => ({
      table: 'PHỤ LỤC 1',
      group: 'I. Chỉ tiêu thử',
      code: String(i + 1),
      name: `Chỉ tiêu thử ${i + 1}`,
      unit: '%',
      targets: { '2026': '≥ 80' },
      lead: lead(i),
      output: null,
      director: null,
      responsible: null,
      ...fields,
    })),
    tasks: listOf(overrides.tasks ?? 2).map((fields, i) => ({
      table: 'PHỤ LỤC 2',
      group: 'I. Nhiệm vụ thử',
      code: String(i + 1),
      content: `Nhiệm vụ thử ${i + 1}`,
      lead: lead(i),
      coordinate: null,
      output: 'Báo cáo kết quả',
      deadline: 'Thường xuyên', // judged period by period, never overdue
      director: null,
      responsible: null,
      ...fields,
    })),
  };
}

/** A published plan (2 tasks, 1 indicator by default) of a commune. */
export async function buildPlan(db: Db, overrides: PlanOverrides = {}): Promise<PlanRow> {
  let communeId = overrides.communeId;
  let leads = overrides.leads;
  if (communeId === undefined) {
    communeId = (await buildCommune(db)).id;
    leads ??= [await buildUnit(db, { communeId })];
  }
  leads ??= await db
    .selectFrom('org_units')
    .select(['id', 'name', 'parent_id as parentId'])
    .where('parent_id', '=', communeId)
    .where('kind', '=', 'unit')
    .orderBy('id')
    .execute();
  const draft = planDraft(leads, overrides);
  const id = await createPlanFromDraft(db, {
    communeId,
    draft,
    status: overrides.status ?? 'published',
  });
  return { id, communeId, draft };
}

export interface CascadeOverrides {
  /** The commune's plan, and the higher-level plan it carries out. */
  childPlanId: number;
  parentPlanId: number;
  /** Who confirms the links (the audit's user). */
  userId: number;
  /** [child item, parent item] pairs confirmed as links. */
  tasks?: Array<[number, number]>;
  indicators?: Array<[number, number]>;
}

/** Makes a plan carry out a higher-level one, through the cascade's own functions. */
export async function linkPlans(db: Db, overrides: CascadeOverrides): Promise<void> {
  const { childPlanId, userId } = overrides;
  await setParentPlan(db, childPlanId, overrides.parentPlanId, userId);
  const links = (kind: 'task' | 'indicator', pairs: Array<[number, number]> = []) =>
    pairs.map(([childId, parentId]) => ({ kind, childId, parentId, linked: true }));
  const changes = [...links('task', overrides.tasks), ...links('indicator', overrides.indicators)];
  if (changes.length) await changeLinks(db, childPlanId, changes, userId);
}
