import type { Kysely } from 'kysely';
import type { ColumnOverrides } from '@tiendo/importer';
import {
  matchUnitCell,
  PlanDraft,
  type DraftIndicator,
  type DraftTask,
  type UnitRef,
} from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../http/time.ts';
import { atomically } from '../audit/log.ts';

// Turns a reviewed PlanDraft into the plan's rows: sections (one per appendix and group),
// indicators (nested by code: 6.1 under 6), their milestone targets, tasks, and the links
// from each item to the org units its chủ trì / phối hợp cells name (a collective such as
// "các phòng, ban, đơn vị" links every unit of the commune).

// A transaction, or the caller's handle when already inside one (see audit/log.ts atomically).
type Trx = Kysely<Database>;

export interface NewPlan {
  communeId: number;
  draft: PlanDraft;
  status: 'draft' | 'published';
  documentId?: number | null;
  /** For a draft: the importer's output and the document's lines, kept for review. */
  envelope?: DraftEnvelope;
}

/** What a plan in review keeps: the import, the reviewed draft, the source lines. */
export interface DraftEnvelope {
  imported: PlanDraft;
  edited: PlanDraft;
  sourceLines: string[];
  /** Column roles the reviewer set, per table (draft.tables order): kept for each re-read. */
  columnRoles?: ColumnOverrides;
}

export async function createPlanFromDraft(db: Kysely<Database>, plan: NewPlan): Promise<number> {
  const draft = PlanDraft.parse(plan.draft);
  return atomically(db, async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('plans')
      .values({
        ...planColumns(draft),
        commune_id: plan.communeId,
        document_id: plan.documentId ?? null,
        status: plan.status,
        focal_unit_id: null,
        parent_plan_id: null,
        draft_json:
          plan.status === 'draft'
            ? JSON.stringify(plan.envelope ?? { imported: draft, edited: draft, sourceLines: [] })
            : null,
        created_at: now,
        updated_at: now,
        published_at: plan.status === 'published' ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (plan.status === 'published') await insertPlanRows(trx, row.id, plan.communeId, draft);
    return row.id;
  });
}

/** The plan table's columns that come from the draft's metadata. */
export function planColumns(draft: PlanDraft) {
  const { plan } = draft;
  return {
    number: plan.number,
    title: plan.title || draft.source,
    issuer: plan.issuer,
    issued_on: plan.date,
    focal_unit_text: plan.focal_unit,
    metadata_json: JSON.stringify({
      basis: plan.basis,
      signer: plan.signer,
      reporting: plan.reporting,
      replaces: plan.replaces,
      locality: plan.locality,
      source: draft.source,
    }),
  };
}

export async function communeUnits(
  trx: Trx | Kysely<Database>,
  communeId: number,
): Promise<UnitRef[]> {
  return trx
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('parent_id', '=', communeId)
    .where('kind', '=', 'unit')
    .execute();
}

/** Inserts sections, indicators, targets, tasks and unit links of a draft under a plan. */
export async function insertPlanRows(
  trx: Trx,
  planId: number,
  communeId: number,
  draft: PlanDraft,
): Promise<void> {
  const units = await communeUnits(trx, communeId);
  const focal = matchUnitCell(draft.plan.focal_unit, units).matched[0]?.unitId ?? null;
  await trx.updateTable('plans').set({ focal_unit_id: focal }).where('id', '=', planId).execute();
  const sections = new SectionCache(trx, planId);
  await insertIndicators(trx, planId, draft.indicators, sections, units);
  await insertTasks(trx, planId, draft.tasks, sections, units);
}

class SectionCache {
  private readonly ids = new Map<string, number>();
  private readonly trx: Trx;
  private readonly planId: number;

  constructor(trx: Trx, planId: number) {
    this.trx = trx;
    this.planId = planId;
  }
  async get(
    kind: 'indicators' | 'tasks',
    appendix: string,
    heading: string | null,
  ): Promise<number> {
    const key = `${kind}\u0000${appendix}\u0000${heading ?? ''}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const row = await this.trx
      .insertInto('plan_sections')
      .values({ plan_id: this.planId, kind, appendix, heading, ordinal: this.ids.size })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.ids.set(key, row.id);
    return row.id;
  }
}

/** "2030" → 2030; "all" (one value for every year) → null. */
const targetYear = (key: string): number | null => (/^\d{4}$/.test(key) ? Number(key) : null);

async function insertIndicators(
  trx: Trx,
  planId: number,
  rows: DraftIndicator[],
  sections: SectionCache,
  units: UnitRef[],
) {
  const now = nowIso();
  const byCode = new Map<string, number>();
  for (const [ordinal, ind] of rows.entries()) {
    const sectionId = await sections.get('indicators', ind.table, ind.group);
    const parentCode = ind.code.includes('.') ? ind.code.slice(0, ind.code.lastIndexOf('.')) : null;
    const row = await trx
      .insertInto('indicators')
      .values({
        plan_id: planId,
        section_id: sectionId,
        parent_id: parentCode ? (byCode.get(`${ind.table}|${parentCode}`) ?? null) : null,
        code: ind.code,
        name: ind.name,
        measure_unit: ind.unit,
        lead_text: ind.lead,
        output: ind.output,
        director: ind.director,
        responsible: ind.responsible,
        catalogue_id: null,
        ordinal,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    byCode.set(`${ind.table}|${ind.code}`, row.id);
    const targets = Object.entries(ind.targets).map(([year, raw]) => ({
      indicator_id: row.id,
      year: targetYear(year),
      raw_text: raw,
    }));
    if (targets.length) await trx.insertInto('indicator_targets').values(targets).execute();
    await linkUnits(trx, 'indicator_units', row.id, unitIdsOf(ind.lead, units), []);
  }
}

async function insertTasks(
  trx: Trx,
  planId: number,
  rows: DraftTask[],
  sections: SectionCache,
  units: UnitRef[],
) {
  const now = nowIso();
  for (const [ordinal, task] of rows.entries()) {
    const sectionId = await sections.get('tasks', task.table, task.group);
    const row = await trx
      .insertInto('tasks')
      .values({
        plan_id: planId,
        section_id: sectionId,
        code: task.code,
        content: task.content,
        lead_text: task.lead,
        coordinate_text: task.coordinate,
        output: task.output,
        deadline_text: task.deadline,
        director: task.director,
        responsible: task.responsible,
        ordinal,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkUnits(
      trx,
      'task_units',
      row.id,
      unitIdsOf(task.lead, units),
      unitIdsOf(task.coordinate, units),
    );
  }
}

/** The units a chủ trì / phối hợp cell names (a collective: every unit of the commune). */
export function unitIdsOf(cell: string | null, units: UnitRef[]): number[] {
  const match = matchUnitCell(cell, units);
  return match.collective ? units.map((u) => u.id) : match.matched.map((m) => m.unitId);
}

export async function linkUnits(
  trx: Trx,
  table: 'task_units' | 'indicator_units',
  itemId: number,
  lead: number[],
  coordinate: number[],
) {
  // A unit named twice is linked once; named both ways, it leads.
  const leads = [...new Set(lead)];
  const rows = [
    ...leads.map((unit_id) => ({ item_id: itemId, unit_id, role: 'lead' as const })), // chủ trì
    ...[...new Set(coordinate)]
      .filter((u) => !leads.includes(u))
      .map((unit_id) => ({ item_id: itemId, unit_id, role: 'coordinate' as const })), // phối hợp
  ];
  if (rows.length) await trx.insertInto(table).values(rows).execute();
}
