import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { badRequest } from '../http/errors.ts';
import { linkUnits, unitIdsOf } from './store.ts';
import { localSection, nextPlace } from './localItems.ts';
import type { ChangeContext } from './amendments.ts';
import type { IndicatorFields, TaskFields } from './amendmentInput.ts';

// The rows behind one plan item (task or indicator) as an amendment touches them: the item's
// table and unit links, which API field is which column, what a new version carries over
// from the old one, and the data of reports not yet sent that moves to the new version.

type Db = Kysely<Database>;
export type ItemKind = 'task' | 'indicator';

export const ITEM_TABLES = {
  task: { table: 'tasks', links: 'task_units', section: 'tasks' },
  indicator: { table: 'indicators', links: 'indicator_units', section: 'indicators' },
} as const;

/** API field → column, per kind (targets are rows of their own). */
export const FIELD_COLUMNS: Record<ItemKind, Record<string, string>> = {
  task: {
    content: 'content',
    lead: 'lead_text',
    coordinate: 'coordinate_text',
    output: 'output',
    deadline: 'deadline_text',
    director: 'director',
    responsible: 'responsible',
  },
  indicator: {
    name: 'name',
    unit: 'measure_unit',
    lead: 'lead_text',
    output: 'output',
    director: 'director',
    responsible: 'responsible',
  },
};

/** Where amendments put the items they add when no section is named. */
export const AMENDED_APPENDIX = 'ĐIỀU CHỈNH, BỔ SUNG';

type Added =
  | {
      kind: 'task';
      sectionId: number | null;
      code: string | null;
      fields: Partial<TaskFields> & { content: string };
    }
  | {
      kind: 'indicator';
      sectionId: number | null;
      code: string | null;
      fields: Partial<IndicatorFields> & { name: string; targets: Record<string, string> };
    };

/** A new item, in force from the amendment's effective day. */
export async function addItem(c: ChangeContext, change: Added) {
  const { table, links, section } = ITEM_TABLES[change.kind];
  const sectionId = await sectionFor(c, section, change.sectionId);
  const place = await nextPlace(c.db, c.planId, table);
  const code = change.code ?? place.code;
  const columns: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(FIELD_COLUMNS[change.kind]))
    columns[column] = (change.fields as Record<string, unknown>)[field] ?? null;
  const { id } = await c.db
    .insertInto(table as 'tasks')
    .values({
      ...columns,
      ...(change.kind === 'indicator' ? { parent_id: null, catalogue_id: null } : {}),
      plan_id: c.planId,
      section_id: sectionId,
      code,
      ordinal: place.ordinal,
      valid_from: c.day,
      amendment_id: c.amendmentId,
      created_at: c.now,
      updated_at: c.now,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const coordinate = change.kind === 'task' ? change.fields.coordinate : null;
  await linkUnits(
    c.db,
    links,
    id,
    unitIdsOf(change.fields.lead ?? null, c.units),
    unitIdsOf(coordinate ?? null, c.units),
  );
  if (change.kind === 'indicator') await writeTargets(c.db, id, change.fields.targets);
  return { id, code };
}

async function sectionFor(
  c: ChangeContext,
  kind: 'tasks' | 'indicators',
  sectionId: number | null,
): Promise<number> {
  if (sectionId === null) return localSection(c.db, c.planId, kind, AMENDED_APPENDIX);
  const found = await c.db
    .selectFrom('plan_sections')
    .select('id')
    .where('id', '=', sectionId)
    .where('plan_id', '=', c.planId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!found) throw badRequest('Phần (phụ lục) được chọn không thuộc kế hoạch này.');
  return found.id;
}

/** What a new version keeps of the old one: its unit links (unless it names new units), its
 *  links to the plan above and below (cascade), the province's split of its target, and its
 *  sub-indicators (6.1 under 6). */
export async function copyItemLinks(
  db: Db,
  kind: ItemKind,
  from: number,
  to: number,
  keep: { units: boolean },
) {
  const { links } = ITEM_TABLES[kind];
  if (keep.units) {
    const rows = await db
      .selectFrom(links as 'task_units')
      .select(['unit_id', 'role'])
      .where('item_id', '=', from)
      .execute();
    if (rows.length)
      await db
        .insertInto(links as 'task_units')
        .values(rows.map((r) => ({ ...r, item_id: to })))
        .execute();
  }
  const now = new Date().toISOString();
  for (const side of ['child', 'parent'] as const) {
    const rows = await db
      .selectFrom('cascade_links')
      .selectAll()
      .where(`${side}_kind`, '=', kind)
      .where(`${side}_id`, '=', from)
      .execute();
    for (const { id: _id, ...link } of rows)
      await db
        .insertInto('cascade_links')
        .values({ ...link, [`${side}_id`]: to, created_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
  if (kind === 'indicator') {
    const shares = await db
      .selectFrom('target_shares')
      .selectAll()
      .where('indicator_id', '=', from)
      .execute();
    for (const { id: _id, ...share } of shares)
      await db
        .insertInto('target_shares')
        .values({ ...share, indicator_id: to })
        .execute();
    await db
      .updateTable('indicators')
      .set({ parent_id: to })
      .where('parent_id', '=', from)
      .where('superseded_by', 'is', null)
      .execute();
  }
}

/** What units wrote on the old version in reports of periods the new one now governs (only
 *  unsent reports: an amendment cannot reach back over a sent period) moves to the new one. */
export async function moveOpenReportData(
  db: Db,
  planId: number,
  kind: ItemKind,
  from: number,
  to: number,
  day: string,
) {
  const governed = db
    .selectFrom('reports')
    .innerJoin('reporting_periods as p', 'p.id', 'reports.period_id')
    .select('reports.id')
    .where('p.plan_id', '=', planId)
    .where('p.window_end', '>=', day);
  if (kind === 'task')
    await db
      .updateTable('task_updates')
      .set({ task_id: to })
      .where('task_id', '=', from)
      .where('report_id', 'in', governed)
      .execute();
  else
    await db
      .updateTable('indicator_values')
      .set({ indicator_id: to })
      .where('indicator_id', '=', from)
      .where('report_id', 'in', governed)
      .execute();
}

/** An indicator's milestone targets by year ("2026") or for every year ("all"). */
export async function targetsOf(db: Db, indicatorId: number): Promise<Record<string, string>> {
  return (await targetsOfEach(db, [indicatorId])).get(indicatorId) ?? {};
}

/** The same for several indicators, in one query. */
export async function targetsOfEach(db: Db, indicatorIds: number[]) {
  const out = new Map<number, Record<string, string>>();
  if (!indicatorIds.length) return out;
  const rows = await db
    .selectFrom('indicator_targets')
    .select(['indicator_id', 'year', 'raw_text'])
    .where('indicator_id', 'in', indicatorIds)
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const targets = out.get(r.indicator_id) ?? out.set(r.indicator_id, {}).get(r.indicator_id)!;
    targets[r.year === null ? 'all' : String(r.year)] = r.raw_text;
  }
  return out;
}

export async function writeTargets(db: Db, indicatorId: number, targets: Record<string, string>) {
  const rows = Object.entries(targets).map(([year, raw]) => ({
    indicator_id: indicatorId,
    year: year === 'all' ? null : Number(year),
    raw_text: raw,
  }));
  if (rows.length) await db.insertInto('indicator_targets').values(rows).execute();
}
