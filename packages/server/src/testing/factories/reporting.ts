import type { Kysely, Selectable } from 'kysely';
import type { Database, ReportingPeriodTable } from '../../db/schema.ts';
import {
  addAdhocPeriod,
  changePeriod,
  generatePeriods,
  type AdhocPeriod,
} from '../../reports/periods.ts';
import { loadReport, openReport } from '../../reports/reportView.ts';
import { loadReportContext } from '../../reports/access.ts';
import {
  IndicatorValueInput,
  saveIndicatorValue,
  saveTaskUpdate,
  TaskUpdateInput,
} from '../../reports/itemUpdates.ts';
import { approveReport, submitReport } from '../../reports/reviewFlow.ts';

// Periods and reports through the domain functions the API calls, so that audit, tallies and
// notifications are as in real use.

type Db = Kysely<Database>;

export interface PeriodOverrides {
  planId: number;
  /** Who generates and opens it (the audit's user). */
  userId: number;
  /** The periods whose data window ends in [from, to] are made (2026 by default: for a plan
   *  without reporting obligations, both halves and the year); the first is returned. */
  from?: string;
  to?: string;
  status?: 'planned' | 'open';
  /** An ad hoc period (kỳ đột xuất) instead of the plan's regular ones. */
  adhoc?: AdhocPeriod;
}

/** The plan's first reporting period in [from, to] ("6 tháng đầu năm 2026" by default; the
 *  others stay planned), or the ad hoc period given; opened unless `status: 'planned'`. */
export async function buildPeriod(
  db: Db,
  overrides: PeriodOverrides,
): Promise<Selectable<ReportingPeriodTable>> {
  const { planId, userId, adhoc } = overrides;
  let periodId: number;
  if (adhoc) periodId = await addAdhocPeriod(db, planId, adhoc, userId);
  else {
    const [from, to] = [overrides.from ?? '2026-01-01', overrides.to ?? '2026-12-31'];
    await generatePeriods(db, planId, from, to, userId);
    const first = await db
      .selectFrom('reporting_periods')
      .select('id')
      .where('plan_id', '=', planId)
      .orderBy('window_end')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    periodId = first.id;
  }
  const period = () =>
    db
      .selectFrom('reporting_periods')
      .selectAll()
      .where('id', '=', periodId)
      .executeTakeFirstOrThrow();
  if (overrides.status === 'planned') return period();
  await changePeriod(db, periodId, { version: (await period()).version, status: 'open' }, userId);
  return period();
}

export interface ReportOverrides {
  periodId: number;
  unitId: number;
  /** The unit's reporter, who writes and sends it. */
  userId: number;
  /** What is written on the unit's first task, over an "in progress, 50 %" update. */
  task?: Partial<TaskUpdateInput>;
  /** The value of the unit's first indicator (if it leads one), over 85.5. */
  indicator?: Partial<IndicatorValueInput>;
  /** How far it goes: 'draft' (written, not sent), 'submitted' or 'approved' (by reviewerId). */
  status?: 'draft' | 'submitted' | 'approved';
  reviewerId?: number;
}

export interface ReportRow {
  id: number;
  /** The task and indicator written (the unit's first of each; null when it has none). */
  taskId: number;
  indicatorId: number | null;
}

/** A unit's report for an open period, its first task and indicator written. */
export async function buildReport(db: Db, overrides: ReportOverrides): Promise<ReportRow> {
  const { userId } = overrides;
  const id = await openReport(db, overrides.periodId, overrides.unitId);
  const context = await loadReportContext(db, id);
  const report = await loadReport(db, id);
  const task = report.tasks[0];
  if (!task) throw new Error(`unit ${overrides.unitId} has no task in the plan`);
  // Parsed as the API parses a body: what is not given is null.
  const taskInput = TaskUpdateInput.parse({
    version: 0,
    status: 'in_progress',
    progress: 50,
    results: 'Đã triển khai theo kế hoạch',
    evidenceText: 'Công văn số 12/UBND',
    ...overrides.task,
  });
  await saveTaskUpdate(db, context, task.taskId, taskInput, userId);
  const indicator = report.indicators[0];
  if (indicator) {
    const value = IndicatorValueInput.parse({
      version: 0,
      valueNumber: 85.5,
      dataSource: 'Cổng dịch vụ công',
      ...overrides.indicator,
    });
    await saveIndicatorValue(db, context, indicator.indicatorId, value, userId);
  }
  const status = overrides.status ?? 'draft';
  if (status !== 'draft') {
    const before = await loadReportContext(db, id);
    await submitReport(db, before, before.version, userId);
  }
  if (status === 'approved') {
    const submitted = await loadReportContext(db, id);
    await approveReport(db, submitted, submitted.version, null, overrides.reviewerId ?? userId);
  }
  return { id, taskId: task.taskId, indicatorId: indicator?.indicatorId ?? null };
}
