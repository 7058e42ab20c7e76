import type { Kysely } from 'kysely';
import { addDays, type IsoDate } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { badRequest } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { openReport } from './reportView.ts';
import { refreshPlanTallies } from './periodTallies.ts';

// A period locks itself a set number of days after its due date (khóa sổ), so figures stop
// moving once they have been reported upward; the focal officer can reopen it for one unit,
// with a reason, until that unit's report is approved again.

/** The day a period locks, or null when it never locks by itself. */
export function lockDate(period: { due_date: string; lock_after_days: number | null }) {
  return period.lock_after_days === null
    ? null
    : addDays(period.due_date as IsoDate, period.lock_after_days);
}

/** Locks every open or closed period whose lock day has passed; returns their ids. */
export async function lockOverduePeriods(db: Kysely<Database>, today: IsoDate): Promise<number[]> {
  const candidates = await db
    .selectFrom('reporting_periods')
    .select(['id', 'status', 'due_date', 'lock_after_days', 'version'])
    .where('status', 'in', ['open', 'closed'])
    .where('lock_after_days', 'is not', null)
    .execute();
  const locked: number[] = [];
  for (const period of candidates) {
    if (lockDate(period)! >= today) continue;
    await atomically(db, async (db) => {
      // Guarded by the version: a focal officer's change at the same moment wins.
      const result = await db
        .updateTable('reporting_periods')
        .set({ status: 'locked', version: period.version + 1, updated_at: nowIso() })
        .where('id', '=', period.id)
        .where('version', '=', period.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return;
      await recordAudit(db, {
        userId: null,
        entity: 'period',
        entityId: period.id,
        action: 'auto_lock',
        before: { status: period.status },
        after: { status: 'locked', lock_after_days: period.lock_after_days },
      });
      locked.push(period.id);
    });
  }
  return locked;
}

/** Reopens a closed or locked period for one unit: its report becomes editable again. */
export async function unlockForUnit(
  db: Kysely<Database>,
  periodId: number,
  unitId: number,
  reason: string,
  userId: number,
): Promise<number> {
  return atomically(db, async (db) => {
    const period = await db
      .selectFrom('reporting_periods')
      .select(['status', 'plan_id'])
      .where('id', '=', periodId)
      .executeTakeFirstOrThrow();
    if (!['closed', 'locked'].includes(period.status))
      throw badRequest('Kỳ báo cáo đang mở hoặc chưa mở: không cần mở lại cho từng đơn vị.');
    const reportId = await openReport(db, periodId, unitId);
    const before = await db
      .selectFrom('reports')
      .select(['status', 'version'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    const reopen = before.status === 'submitted' || before.status === 'approved';
    await db
      .updateTable('reports')
      .set({
        unlocked_at: nowIso(),
        unlocked_by: userId,
        unlock_reason: reason,
        version: before.version + 1,
        updated_at: nowIso(),
        ...(reopen ? { status: 'returned', review_comment: reason } : {}),
      })
      .where('id', '=', reportId)
      .execute();
    if (reopen) await refreshPlanTallies(db, period.plan_id);
    await recordAudit(db, {
      userId,
      entity: 'report',
      entityId: reportId,
      action: 'unlock',
      reason,
      before: { status: before.status, period_status: period.status },
    });
    return reportId;
  });
}
