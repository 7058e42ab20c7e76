import type { Kysely, Transaction } from 'kysely';
import { PlanDraft, unitKey, type DraftIndicator, type DraftTask } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../http/time.ts';

// Turns a reviewed PlanDraft into the plan's rows: sections (one per appendix and group),
// indicators (nested by code: 6.1 under 6), their milestone targets, tasks, and the links
// from each item to the org units named in its chủ trì / phối hợp cells.

type Trx = Transaction<Database>;
interface UnitRef {
  id: number;
  key: string;
}

export interface PublishOptions {
  communeId: number;
  draft: PlanDraft;
  status: 'draft' | 'published';
  documentId?: number | null;
}

export async function createPlanFromDraft(
  db: Kysely<Database>,
  options: PublishOptions,
): Promise<number> {
  const draft = PlanDraft.parse(options.draft);
  return db.transaction().execute(async (trx) => {
    const units = await communeUnits(trx, options.communeId);
    const planId = await insertPlan(trx, options, units);
    const sections = new SectionCache(trx, planId);
    await insertIndicators(trx, planId, draft.indicators, sections, units);
    await insertTasks(trx, planId, draft.tasks, sections, units);
    return planId;
  });
}

async function communeUnits(trx: Trx, communeId: number): Promise<UnitRef[]> {
  const rows = await trx
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('parent_id', '=', communeId)
    .execute();
  return rows.map((r) => ({ id: r.id, key: unitKey(r.name) })).filter((u) => u.key.length > 0);
}

/** Units whose normalised name occurs in the cell text. Refined by the importer's matcher. */
export function unitsNamedIn(cell: string | null, units: UnitRef[]): number[] {
  if (!cell) return [];
  const key = ` ${unitKey(cell)} `;
  return units
    .filter((u) => key.includes(` ${u.key} `) || key.includes(` ${u.key};`))
    .map((u) => u.id);
}

async function insertPlan(trx: Trx, options: PublishOptions, units: UnitRef[]): Promise<number> {
  const { plan } = options.draft;
  const now = nowIso();
  const focal = unitsNamedIn(plan.focal_unit, units)[0] ?? null;
  const row = await trx
    .insertInto('plans')
    .values({
      commune_id: options.communeId,
      document_id: options.documentId ?? null,
      number: plan.number,
      title: plan.title,
      issuer: plan.issuer,
      issued_on: plan.date,
      status: options.status,
      focal_unit_id: focal,
      focal_unit_text: plan.focal_unit,
      parent_plan_id: null,
      draft_json: options.status === 'draft' ? JSON.stringify(options.draft) : null,
      metadata_json: JSON.stringify({
        basis: plan.basis,
        signer: plan.signer,
        reporting: plan.reporting,
        replaces: plan.replaces,
        locality: plan.locality,
        source: options.draft.source,
      }),
      created_at: now,
      updated_at: now,
      published_at: options.status === 'published' ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

class SectionCache {
  private ids = new Map<string, number>();
  constructor(
    private trx: Trx,
    private planId: number,
  ) {}
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
function targetYear(key: string): number | null {
  return /^\d{4}$/.test(key) ? Number(key) : null;
}

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
    await linkUnits(trx, 'indicator_units', row.id, unitsNamedIn(ind.lead, units), []);
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
      unitsNamedIn(task.lead, units),
      unitsNamedIn(task.coordinate, units),
    );
  }
}

async function linkUnits(
  trx: Trx,
  table: 'task_units' | 'indicator_units',
  itemId: number,
  lead: number[],
  coordinate: number[],
) {
  const rows = [
    ...lead.map((unit_id) => ({ item_id: itemId, unit_id, role: 'lead' })), // chủ trì
    ...coordinate
      .filter((u) => !lead.includes(u))
      .map((unit_id) => ({ item_id: itemId, unit_id, role: 'coordinate' })), // phối hợp
  ];
  if (rows.length) await trx.insertInto(table).values(rows).execute();
}
