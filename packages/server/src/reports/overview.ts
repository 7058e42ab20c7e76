import type { ReportStatus } from '@tiendo/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { inForceOn, trackedVersion, versionInForce } from '../plans/versions.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { notFound } from '../http/errors.ts';
import { todayInVietnam } from '../http/time.ts';
import { sentOnTime } from './compliance.ts';
import { contributionCounts } from './contributions.ts';
import { periodWritable } from './itemUpdates.ts';
import { presentPeriod } from './periods.ts';

// Who has reported: per period, every unit that has tasks or indicators in the plan with its
// report's state (the focal officer's checklist); per reporter, the periods their unit owes.

/** The units that owe reports in a plan: those with tasks or indicators — in force on
 *  `itemsOn` when given (a period's last day: the plan as amended then) — and, for a period
 *  due on `dueDate`, in existence then (a unit merged away before the due date owes
 *  nothing, its successor reports; a unit formed after it owes nothing for it). */
export async function unitsWithItems(
  db: Kysely<Database>,
  planId: number,
  dueDate?: string,
  itemsOn?: string,
) {
  const [tasks, indicators, dated] = await Promise.all([
    db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.item_id')
      .select(['task_units.unit_id', (e) => e.fn.countAll<number>().as('n')])
      .where('tasks.plan_id', '=', planId)
      .where(itemsOn ? inForceOn('tasks', itemsOn) : trackedVersion('tasks'))
      .groupBy('task_units.unit_id')
      .execute(),
    db
      .selectFrom('indicator_units')
      .innerJoin('indicators', 'indicators.id', 'indicator_units.item_id')
      .select(['indicator_units.unit_id', (e) => e.fn.countAll<number>().as('n')])
      .where('indicators.plan_id', '=', planId)
      .where(itemsOn ? inForceOn('indicators', itemsOn) : trackedVersion('indicators'))
      .where('indicator_units.role', '=', 'lead')
      .groupBy('indicator_units.unit_id')
      .execute(),
    dueDate
      ? db
          .selectFrom('org_units')
          .select(['id', 'valid_from', 'valid_to'])
          .where('kind', '=', 'unit')
          .where((eb) => eb.or([eb('valid_from', 'is not', null), eb('valid_to', 'is not', null)]))
          .execute()
      : [],
  ]);
  const gone = new Set(
    dated.filter((u) => !existedOn(dueDate!, u.valid_from, u.valid_to)).map((u) => u.id),
  );
  const counts = new Map<number, { tasks: number; indicators: number }>();
  for (const t of tasks) counts.set(t.unit_id, { tasks: Number(t.n), indicators: 0 });
  for (const i of indicators)
    counts.set(i.unit_id, { tasks: counts.get(i.unit_id)?.tasks ?? 0, indicators: Number(i.n) });
  for (const id of gone) counts.delete(id);
  return counts;
}

export async function periodOverview(db: Kysely<Database>, periodId: number) {
  const period = await db
    .selectFrom('reporting_periods')
    .innerJoin('plans', 'plans.id', 'reporting_periods.plan_id')
    .selectAll('reporting_periods')
    .select('plans.commune_id')
    .where('reporting_periods.id', '=', periodId)
    .executeTakeFirst();
  if (!period) throw notFound('Không tìm thấy kỳ báo cáo');
  const counts = await unitsWithItems(db, period.plan_id, period.due_date, period.window_end);
  const ids = [...counts.keys()];
  const [units, reports, contributions] = await Promise.all([
    ids.length
      ? db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', ids).execute()
      : [],
    db.selectFrom('reports').selectAll().where('period_id', '=', periodId).execute(),
    contributionCounts(db, period.plan_id, periodId),
  ]);
  return {
    period: { ...presentPeriod(period), communeId: period.commune_id },
    units: units
      .map((unit) => {
        const report = reports.find((r) => r.unit_id === unit.id);
        return {
          unitId: unit.id,
          unitName: unit.name,
          ...counts.get(unit.id)!,
          reportId: report?.id ?? null,
          status: report?.status ?? ('not_started' as const),
          version: report?.version ?? null,
          submittedAt: report?.submitted_at ?? null,
          onTime: sentOnTime(report?.first_submitted_at ?? null, period.due_date),
          unlocked: report?.unlocked_at
            ? { at: report.unlocked_at, reason: report.unlock_reason }
            : null,
          /** Contributions to tasks it coordinates (phối hợp): owed and sent. */
          contributions: contributions.get(unit.id) ?? { expected: 0, given: 0 },
        };
      })
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
  };
}

export async function myReports(db: Kysely<Database>, user: SessionUser) {
  const unitIds = user.roles.filter((r) => r.role === 'unit_reporter').map((r) => r.scopeUnitId);
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('org_units as unit')
    .innerJoin('plans', 'plans.commune_id', 'unit.parent_id')
    .innerJoin('reporting_periods as p', 'p.plan_id', 'plans.id')
    .leftJoin('reports', (join) =>
      join.onRef('reports.period_id', '=', 'p.id').onRef('reports.unit_id', '=', 'unit.id'),
    )
    .select([
      'unit.id as unitId',
      'unit.name as unitName',
      'reports.unlocked_at as unlockedAt',
      'unit.valid_to as unitValidTo',
      'unit.valid_from as unitValidFrom',
      'p.window_start as windowStart',
      'p.window_end as windowEnd',
      'plans.id as planId',
      'plans.title as planTitle',
      'p.id as periodId',
      'p.label as periodLabel',
      'p.due_date as dueDate',
      'p.status as periodStatus',
      'reports.id as reportId',
      'reports.status as reportStatus',
      'reports.review_comment as reviewComment',
    ])
    .where('unit.id', 'in', unitIds)
    .where('plans.status', '=', 'published')
    .where('p.status', '!=', 'planned')
    .orderBy('p.due_date', 'desc')
    .execute();
  const spans = await itemSpans(db, { unitIds });
  const today = todayInVietnam();
  // A unit owes a period's report when it has an item in force on the period's last day.
  const owes = (r: (typeof rows)[number]) =>
    spans.some(
      (s) => s.planId === r.planId && s.unitId === r.unitId && versionInForce(s, r.windowEnd),
    );
  return rows
    .filter(owes)
    .filter((r) => existedOn(r.dueDate, r.unitValidFrom, r.unitValidTo))
    .map((r) => {
      const reportStatus: ReportStatus | 'not_started' = r.reportStatus ?? 'not_started';
      const { unlockedAt, unitValidTo: _to, unitValidFrom: _from, ...row } = r;
      return {
        ...row,
        reportStatus,
        bucket: inboxBucket(reportStatus, r.periodStatus, unlockedAt !== null, r.dueDate, today),
      };
    });
}

/** Where an owed report sits in the reporter's inbox ("Việc của tôi"). */
export type InboxBucket = 'returned' | 'overdue' | 'due' | 'done' | 'missed';

export function inboxBucket(
  reportStatus: string,
  periodStatus: string,
  unlocked: boolean,
  dueDate: string,
  today: string,
): InboxBucket {
  if (reportStatus === 'submitted' || reportStatus === 'approved') return 'done';
  if (!periodWritable(periodStatus, unlocked)) return 'missed';
  if (reportStatus === 'returned') return 'returned';
  return dueDate < today ? 'overdue' : 'due';
}

/** When these units have items to report on: per plan and unit, each distinct span of
 *  validity of the items they lead or coordinate (a unit with no item owes nothing). */
export async function itemSpans(
  db: Kysely<Database>,
  of: { unitIds: number[] } | { planId: number },
) {
  const spans = (table: 'task_units' | 'indicator_units', items: 'tasks' | 'indicators') => {
    let query = db
      .selectFrom(`${table} as link` as 'task_units as link')
      .innerJoin(`${items} as item` as 'tasks as item', 'item.id', 'link.item_id')
      .select([
        'item.plan_id as planId',
        'link.unit_id as unitId',
        'item.valid_from',
        'item.valid_to',
      ])
      .distinct()
      .where((eb) =>
        'planId' in of ? eb('item.plan_id', '=', of.planId) : eb('link.unit_id', 'in', of.unitIds),
      );
    if (table === 'indicator_units') query = query.where('link.role', '=', 'lead');
    return query.execute();
  };
  return (
    await Promise.all([spans('task_units', 'tasks'), spans('indicator_units', 'indicators')])
  ).flat();
}

/** Whether a unit existed on `day` (merged away before it, or formed after it: no). */
export function existedOn(day: string, validFrom: string | null, validTo: string | null) {
  return (validFrom === null || validFrom <= day) && (validTo === null || validTo >= day);
}
