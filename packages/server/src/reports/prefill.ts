import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../http/time.ts';
import { recordAudit } from '../audit/log.ts';
import { inForceOn, lineageOf, periodEnd } from '../plans/versions.ts';

/** The id of the version of `item`'s lineage in force at the end of `periodId` (null: none). */
const versionInForceFor = (table: 'tasks' | 'indicators', periodId: number) =>
  sql<
    number | null
  >`(select ${sql.ref('v.id')} from ${sql.table(table)} as v where ${lineageOf('v')} = ${lineageOf('item')} and ${inForceOn('v', periodEnd(periodId))})`.as(
    'current',
  );

// A new period's report starts from what the unit said last time (the state of each task,
// each indicator's value), so an unchanged task is one look and one click, not retyping.
// Carried-over rows have no author (updated_by null) until the unit touches them, so the
// screen can mark them "from the last period". Difficulties and proposals are not carried:
// they live on as tracked concerns (concerns/).

async function lastReportBefore(db: Kysely<Database>, periodId: number, unitId: number) {
  const period = await db
    .selectFrom('reporting_periods')
    .select(['plan_id', 'window_end'])
    .where('id', '=', periodId)
    .executeTakeFirstOrThrow();
  return db
    .selectFrom('reports')
    .innerJoin('reporting_periods as p', 'p.id', 'reports.period_id')
    .select('reports.id')
    .where('p.plan_id', '=', period.plan_id)
    .where('p.window_end', '<', period.window_end)
    .where('reports.unit_id', '=', unitId)
    .orderBy('p.window_end', 'desc')
    .orderBy('p.window_start')
    .limit(1)
    .executeTakeFirst();
}

export async function prefillFromLastPeriod(
  db: Kysely<Database>,
  reportId: number,
  periodId: number,
  unitId: number,
): Promise<void> {
  const last = await lastReportBefore(db, periodId, unitId);
  if (!last) return;
  const now = nowIso();
  // Each row goes onto the version of its item in force in the new period (an amendment in
  // between made a new one); an item retired since is not carried.
  const [tasks, values] = await Promise.all([
    db
      .selectFrom('task_updates as u')
      .innerJoin('tasks as item', 'item.id', 'u.task_id')
      .selectAll('u')
      .select(versionInForceFor('tasks', periodId))
      .where('u.report_id', '=', last.id)
      .execute()
      .then((rows) => rows.filter((r) => r.current !== null)),
    db
      .selectFrom('indicator_values as u')
      .innerJoin('indicators as item', 'item.id', 'u.indicator_id')
      .selectAll('u')
      .select(versionInForceFor('indicators', periodId))
      .where('u.report_id', '=', last.id)
      .execute()
      .then((rows) => rows.filter((r) => r.current !== null)),
  ]);
  const carried = { updated_at: now, updated_by: null, version: 1, report_id: reportId };
  if (tasks.length)
    await db
      .insertInto('task_updates')
      .values(
        tasks.map((u) => ({
          ...carried,
          task_id: Number(u.current),
          status: u.status,
          progress: u.progress,
          results: u.results,
          resources_vnd: u.resources_vnd,
          evidence_text: u.evidence_text,
          completed_on: u.completed_on,
        })),
      )
      .execute();
  if (values.length)
    await db
      .insertInto('indicator_values')
      .values(
        values.map((v) => ({
          ...carried,
          indicator_id: Number(v.current),
          value_number: v.value_number,
          value_text: v.value_text,
          data_source: v.data_source,
        })),
      )
      .execute();
  await recordAudit(db, {
    userId: null,
    entity: 'report',
    entityId: reportId,
    action: 'prefill',
    after: { from_report_id: last.id, tasks: tasks.length, indicators: values.length },
  });
}
