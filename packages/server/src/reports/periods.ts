import type { Kysely, Selectable } from 'kysely';
import {
  generateReportingPeriods,
  type Frequency,
  type IsoDate,
  type PeriodView,
  type ReportingSchedule,
} from '@tiendo/core';
import type { Database, ReportingPeriodTable } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { refreshPlanTallies } from './periodTallies.ts';
import { noticePeriodOpened, type Outbox, type ReportNotice } from '../reminders/reportNotices.ts';

// Reporting periods of a plan (kỳ báo cáo): generated from the plan's own reporting
// obligations by the domain core (Decree 09 data windows), or added ad hoc; the focal officer
// sets due dates and opens, closes and locks them.

export type PeriodStatus = 'planned' | 'open' | 'closed' | 'locked';
export const PERIOD_TRANSITIONS: Record<PeriodStatus, PeriodStatus[]> = {
  planned: ['open'],
  open: ['closed'],
  closed: ['open', 'locked'],
  locked: ['open'],
};

/** When a plan states no reporting obligation: the 6-month and yearly reports of Decree 09. */
const DEFAULT_SCHEDULES: ReportingSchedule[] = [
  { frequency: 'semiannual', dues: ['06-20'] },
  { frequency: 'annual', dues: ['12-20'] },
];

interface Obligation {
  frequency: string;
  due: string | null;
}

export function schedulesOf(obligations: Obligation[]): ReportingSchedule[] {
  const byFrequency = new Map<Frequency, string[]>();
  for (const o of obligations) {
    if (!['monthly', 'quarterly', 'semiannual', 'annual'].includes(o.frequency)) continue;
    const dues = byFrequency.get(o.frequency as Frequency) ?? [];
    if (o.due) dues.push(o.due);
    byFrequency.set(o.frequency as Frequency, dues);
  }
  const schedules = [...byFrequency].map(([frequency, dues]) => ({
    frequency,
    dues: dues.sort(),
  }));
  return schedules.length ? schedules : DEFAULT_SCHEDULES;
}

export async function planOf(db: Kysely<Database>, planId: number) {
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'commune_id', 'status', 'metadata_json'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  return plan;
}

/** Creates the periods whose data window ends within [from, to]; existing ones are kept. */
export async function generatePeriods(
  db: Kysely<Database>,
  planId: number,
  from: IsoDate,
  to: IsoDate,
  userId: number,
): Promise<number> {
  return atomically(db, async (db) => {
    const plan = await planOf(db, planId);
    if (plan.status !== 'published')
      throw badRequest('Chỉ tạo kỳ báo cáo cho kế hoạch đã ban hành.');
    const metadata = JSON.parse(plan.metadata_json) as { reporting?: Obligation[] };
    const specs = generateReportingPeriods(schedulesOf(metadata.reporting ?? []), from, to);
    let created = 0;
    for (const spec of specs) {
      const now = nowIso();
      const result = await db
        .insertInto('reporting_periods')
        .values({
          plan_id: planId,
          kind: spec.frequency,
          label: spec.label,
          window_start: spec.windowStart,
          window_end: spec.windowEnd,
          due_date: spec.due,
          lock_after_days: null,
          status: 'planned',
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['plan_id', 'kind', 'window_start', 'window_end']).doNothing(),
        )
        .executeTakeFirst();
      created += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    await recordAudit(db, {
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'generate_periods',
      after: { from, to, created },
    });
    return created;
  });
}

export interface AdhocPeriod {
  label: string;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  dueDate: IsoDate;
}

export async function addAdhocPeriod(
  db: Kysely<Database>,
  planId: number,
  period: AdhocPeriod,
  userId: number,
): Promise<number> {
  return atomically(db, async (db) => {
    if (period.windowEnd < period.windowStart)
      throw badRequest('Ngày kết thúc kỳ số liệu phải sau ngày bắt đầu.');
    if (period.dueDate < period.windowStart)
      throw badRequest('Hạn nộp báo cáo không được trước ngày bắt đầu kỳ.');
    const plan = await planOf(db, planId);
    if (plan.status !== 'published')
      throw badRequest('Chỉ tạo kỳ báo cáo cho kế hoạch đã ban hành.');
    const now = nowIso();
    const row = await db
      .insertInto('reporting_periods')
      .values({
        plan_id: planId,
        kind: 'adhoc',
        label: period.label,
        window_start: period.windowStart,
        window_end: period.windowEnd,
        due_date: period.dueDate,
        lock_after_days: null,
        status: 'planned',
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['plan_id', 'kind', 'window_start', 'window_end']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw badRequest('Đã có kỳ báo cáo đột xuất với cùng khoảng thời gian.');
    await recordAudit(db, {
      userId,
      entity: 'period',
      entityId: row.id,
      action: 'create',
      after: period,
    });
    return row.id;
  });
}

export interface PeriodChange {
  version: number;
  dueDate?: IsoDate;
  status?: PeriodStatus;
  lockAfterDays?: number | null;
}

/** Sets a period's due date, status or lock delay. Opening it for the first time tells the
 *  reporters of the units that owe a report (in the app, in the same transaction; by e-mail
 *  through `outbox` once it is done). */
export async function changePeriod(
  db: Kysely<Database>,
  periodId: number,
  change: PeriodChange,
  userId: number,
  outbox?: Outbox,
): Promise<number> {
  const done = await atomically(db, async (db) => {
    const before = await db
      .selectFrom('reporting_periods')
      .selectAll()
      .where('id', '=', periodId)
      .executeTakeFirst();
    if (!before) throw notFound('Không tìm thấy kỳ báo cáo');
    if (change.status && change.status !== before.status) {
      const allowed = PERIOD_TRANSITIONS[before.status as PeriodStatus] ?? [];
      if (!allowed.includes(change.status))
        throw badRequest(
          `Không chuyển được kỳ báo cáo từ "${PERIOD_LABELS[before.status as PeriodStatus]}" sang "${PERIOD_LABELS[change.status]}".`,
        );
    }
    const patch = {
      ...(change.dueDate ? { due_date: change.dueDate } : {}),
      ...(change.status ? { status: change.status } : {}),
      ...(change.lockAfterDays !== undefined ? { lock_after_days: change.lockAfterDays } : {}),
    };
    const result = await db
      .updateTable('reporting_periods')
      .set({ ...patch, version: change.version + 1, updated_at: nowIso() })
      .where('id', '=', periodId)
      .where('version', '=', change.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw conflict({ version: before.version, status: before.status, dueDate: before.due_date });
    // A new due date changes who reported on time; an opened period starts its tally.
    await refreshPlanTallies(db, before.plan_id);
    // Only the first opening: a period never returns to 'planned', so reopening tells no one.
    let notices: ReportNotice[] = [];
    if (before.status === 'planned' && change.status === 'open') {
      const plan = await planOf(db, before.plan_id);
      notices = await noticePeriodOpened(
        db,
        {
          planId: before.plan_id,
          communeId: plan.commune_id,
          label: before.label,
          dueDate: change.dueDate ?? before.due_date,
          windowEnd: before.window_end,
        },
        userId,
      );
    }
    await recordAudit(db, {
      userId,
      entity: 'period',
      entityId: periodId,
      action: change.status && change.status !== before.status ? change.status : 'edit',
      before: { status: before.status, due_date: before.due_date },
      after: patch,
    });
    return { version: change.version + 1, notices };
  });
  for (const notice of done.notices) outbox?.(notice);
  return done.version;
}

export const PERIOD_LABELS: Record<PeriodStatus, string> = {
  planned: 'Chưa mở',
  open: 'Đang mở',
  closed: 'Đã đóng',
  locked: 'Đã khóa',
};

/** The plan a period belongs to: its owner (commune_id), the province above the owner, the
 *  plan's id and status (undefined: no such period). */
export function periodPlan(db: Kysely<Database>, periodId: number) {
  return db
    .selectFrom('reporting_periods')
    .innerJoin('plans', 'plans.id', 'reporting_periods.plan_id')
    .innerJoin('org_units as owner', 'owner.id', 'plans.commune_id')
    .select([
      'plans.commune_id',
      'owner.parent_id as province_id',
      'plans.id as plan_id',
      'plans.status as plan_status',
    ])
    .where('reporting_periods.id', '=', periodId)
    .executeTakeFirst();
}

/** A period as the API sends it (camelCase, core contract PeriodView). */
export function presentPeriod(row: Selectable<ReportingPeriodTable>): PeriodView {
  return {
    id: row.id,
    planId: row.plan_id,
    kind: row.kind,
    label: row.label,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    dueDate: row.due_date,
    status: row.status,
    lockAfterDays: row.lock_after_days,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listPeriods(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom('reporting_periods')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('due_date')
    .orderBy('window_end')
    .execute();
}
