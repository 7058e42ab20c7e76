import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isSqlite } from '../db/dialect.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { canManageCommune } from '../org/queries.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import type { PeriodStatus, PlanStatus, ReportStatus } from '@tiendo/core';
import { can, type ItemUnits } from '../access/policy.ts';
import { roleScope } from '../access/scope.ts';

export type { ItemUnits };

// Who may do what with a unit's period report (the rules: access/policy.ts):
//   unit reporter   of the unit          read, write (draft/returned), submit
//   focal officer   of the commune       read all units' reports, return, approve, reopen
//   commune leader  of the commune       read
//   province viewer of the province      read submitted and approved reports
//   admin                                everything a focal officer can

export interface ReportContext {
  reportId: number;
  periodId: number;
  unitId: number;
  communeId: number;
  provinceId: number | null;
  planId: number;
  /** The plan's: an archived plan is read-only. */
  planStatus: PlanStatus;
  status: ReportStatus;
  version: number;
  periodStatus: PeriodStatus;
  /** The period is locked or closed but reopened for this unit alone. */
  unlocked: boolean;
}

// The rules are access/policy.ts's (report.write, report.review, report.read, report.readText);
// these name them for the report routes.

export function canWriteUnitReport(user: SessionUser, unitId: number): boolean {
  return roleScope(user).reporterOf.has(unitId);
}

export function canReviewReports(user: SessionUser, communeId: number): boolean {
  return canManageCommune(user, communeId);
}

export function canReadUnitReport(
  user: SessionUser,
  report: { unitId: number; communeId: number; provinceId: number | null; status: ReportStatus },
): boolean {
  return can(roleScope(user), 'report.read', report);
}

/** The select behind a ReportContext: the report with its period, plan and commune. A save adds
 *  its item's role to it (itemUpdates.ts), so the two stay one query. `hold`: see lockReport. */
export function reportContextQuery(db: Kysely<Database>, reportId: number, hold = false) {
  return db
    .selectFrom('reports')
    .innerJoin('reporting_periods as p', 'p.id', 'reports.period_id')
    .innerJoin('plans', 'plans.id', 'p.plan_id')
    .innerJoin('org_units as commune', 'commune.id', 'plans.commune_id')
    .select([
      'reports.id as reportId',
      'reports.period_id as periodId',
      'reports.unit_id as unitId',
      'reports.status as status',
      'reports.version as version',
      'plans.commune_id as communeId',
      'plans.id as planId',
      'plans.status as planStatus',
      'commune.parent_id as provinceId',
      'p.status as periodStatus',
      'reports.unlocked_at',
    ])
    .where('reports.id', '=', reportId)
    .$if(hold && !isSqlite(db), (q) => q.forNoKeyUpdate('reports'));
}

/** A reportContextQuery row as a ReportContext (plus whatever else the query selected). */
export function toReportContext<Row extends { unlocked_at: string | null }>(
  row: Row | undefined,
): Omit<Row, 'unlocked_at'> & { unlocked: boolean } {
  if (!row) throw notFound('Không tìm thấy báo cáo');
  const { unlocked_at, ...context } = row;
  return { ...context, unlocked: unlocked_at !== null };
}

export async function loadReportContext(
  db: Kysely<Database>,
  reportId: number,
): Promise<ReportContext> {
  return toReportContext(await reportContextQuery(db, reportId).executeTakeFirst());
}

/**
 * The report as it is now, held for the rest of the caller's transaction: on PostgreSQL the read
 * takes the report row's lock (FOR NO KEY UPDATE, as an update of it would), so a submission, a
 * review or a save of the same report running at the same time waits for this transaction to
 * end, and then sees what it did. SQLite needs no lock: its transactions begin immediate
 * (db/dialect.ts), so one writer runs at a time. What a request read before its transaction
 * began may be stale; this is not.
 */
export async function lockReport(db: Kysely<Database>, reportId: number): Promise<ReportContext> {
  return toReportContext(await reportContextQuery(db, reportId, true).executeTakeFirst());
}

export async function readableReport(
  db: Kysely<Database>,
  user: SessionUser,
  reportId: number,
): Promise<ReportContext> {
  const context = await loadReportContext(db, reportId);
  if (!canReadUnitReport(user, context)) throw forbidden('Bạn không có quyền xem báo cáo này');
  return context;
}

export async function writableReport(
  db: Kysely<Database>,
  user: SessionUser,
  reportId: number,
): Promise<ReportContext> {
  const context = await loadReportContext(db, reportId);
  assertMayWrite(user, context);
  return context;
}

/** Only the unit's reporters write its report, and never into an archived plan. */
export function assertMayWrite(user: SessionUser, context: ReportContext): void {
  if (!canWriteUnitReport(user, context.unitId))
    throw forbidden('Chỉ người báo cáo của đơn vị mới sửa được báo cáo này');
  if (context.planStatus === 'archived')
    throw badRequest('Kế hoạch đã được lưu trữ: không nhận báo cáo nữa.');
}

export async function reviewableReport(
  db: Kysely<Database>,
  user: SessionUser,
  reportId: number,
): Promise<ReportContext> {
  const context = await loadReportContext(db, reportId);
  if (!canReviewReports(user, context.communeId))
    throw forbidden('Chỉ cán bộ đầu mối của xã mới duyệt được báo cáo');
  if (context.planStatus === 'archived') throw badRequest('Kế hoạch đã lưu trữ: chỉ để xem.');
  return context;
}

/**
 * Whether `user` may read the free text of a unit's report — results, difficulties, proposals,
 * explanations, evidence, notes, data sources, comments — where the figures and statuses are
 * for every reader of the plan. Whoever may read the whole report may (its unit's reporter, the
 * focal officer, the commune's leaders, the province above once sent, admins). Another unit's
 * reporter only, about one item of a sent report: the lead unit's consolidated update on a
 * task its own unit coordinates, and a coordinating unit's contribution to a task its own unit
 * leads (what the lead consolidates, reports/contributions.ts).
 */
export function canReadReportText(
  user: SessionUser,
  report: { unitId: number; communeId: number; provinceId: number | null; status: ReportStatus },
  item?: ItemUnits,
): boolean {
  return can(roleScope(user), 'report.readText', { ...report, ...(item ? { item } : {}) });
}

export type ReportTextReader = (
  report: { unitId: number; status: ReportStatus },
  item?: { kind: 'task' | 'indicator'; id: number },
) => boolean;

/** canReadReportText for the many reports of one plan (exports, an item's history): the plan's
 *  commune and its items' units are loaded once. */
export async function reportTextReader(
  db: Kysely<Database>,
  user: SessionUser,
  planId: number,
): Promise<ReportTextReader> {
  const plan = await db
    .selectFrom('plans')
    .innerJoin('org_units as commune', 'commune.id', 'plans.commune_id')
    .select(['plans.commune_id as communeId', 'commune.parent_id as provinceId'])
    .where('plans.id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  type Links = { lead: number[]; coordinate: number[] };
  const units = { task: new Map<number, Links>(), indicator: new Map<number, Links>() };
  if (user.roles.some((r) => r.role === 'unit_reporter')) {
    const [tasks, indicators] = await Promise.all([
      db
        .selectFrom('task_units as link')
        .innerJoin('tasks as item', 'item.id', 'link.item_id')
        .select(['link.item_id', 'link.unit_id', 'link.role'])
        .where('item.plan_id', '=', planId)
        .execute(),
      db
        .selectFrom('indicator_units as link')
        .innerJoin('indicators as item', 'item.id', 'link.item_id')
        .select(['link.item_id', 'link.unit_id', 'link.role'])
        .where('item.plan_id', '=', planId)
        .execute(),
    ]);
    for (const [kind, links] of [
      ['task', tasks],
      ['indicator', indicators],
    ] as const)
      for (const link of links) {
        const entry = units[kind].get(link.item_id) ?? { lead: [], coordinate: [] };
        if (link.role === 'lead' || link.role === 'coordinate') entry[link.role].push(link.unit_id);
        units[kind].set(link.item_id, entry);
      }
  }
  return (report, item) =>
    canReadReportText(
      user,
      { ...report, ...plan },
      item ? (units[item.kind].get(item.id) ?? { lead: [], coordinate: [] }) : undefined,
    );
}

/** A row with its free-text fields blanked (null), for a reader who may see only figures. */
export function withoutText<T extends object, K extends keyof T>(row: T, fields: readonly K[]): T {
  const out = { ...row };
  for (const field of fields) (out as Record<K, unknown>)[field] = null;
  return out;
}
