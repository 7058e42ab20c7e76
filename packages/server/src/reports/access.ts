import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { canManageCommune } from '../org/queries.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { COUNTED_STATUSES } from './countedUpdates.ts';

// Who may do what with a unit's period report:
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
  status: string;
  version: number;
  periodStatus: string;
  /** The period is locked or closed but reopened for this unit alone. */
  unlocked: boolean;
}

const has = (user: SessionUser, role: string, scope: number | null) =>
  user.roles.some((r) => r.role === role && r.scopeUnitId === scope);

export const isAdmin = (user: SessionUser) => user.roles.some((r) => r.role === 'admin');

export function canWriteUnitReport(user: SessionUser, unitId: number): boolean {
  return has(user, 'unit_reporter', unitId);
}

export function canReviewReports(user: SessionUser, communeId: number): boolean {
  return canManageCommune(user, communeId);
}

export function canReadUnitReport(
  user: SessionUser,
  scope: { unitId: number; communeId: number; provinceId: number | null; status: string },
): boolean {
  return (
    canWriteUnitReport(user, scope.unitId) ||
    canReviewReports(user, scope.communeId) ||
    has(user, 'commune_leader', scope.communeId) ||
    (has(user, 'province_viewer', scope.provinceId) && COUNTED_STATUSES.includes(scope.status))
  );
}

export async function loadReportContext(
  db: Kysely<Database>,
  reportId: number,
): Promise<ReportContext> {
  const row = await db
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
      'commune.parent_id as provinceId',
      'p.status as periodStatus',
      'reports.unlocked_at',
    ])
    .where('reports.id', '=', reportId)
    .executeTakeFirst();
  if (!row) throw notFound('Không tìm thấy báo cáo');
  const { unlocked_at, ...context } = row;
  return { ...context, unlocked: unlocked_at !== null };
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
  if (!canWriteUnitReport(user, context.unitId))
    throw forbidden('Chỉ người báo cáo của đơn vị mới sửa được báo cáo này');
  return context;
}

export async function reviewableReport(
  db: Kysely<Database>,
  user: SessionUser,
  reportId: number,
): Promise<ReportContext> {
  const context = await loadReportContext(db, reportId);
  if (!canReviewReports(user, context.communeId))
    throw forbidden('Chỉ cán bộ đầu mối của xã mới duyệt được báo cáo');
  return context;
}
