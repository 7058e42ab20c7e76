import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { inForceOn } from '../plans/versions.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { nowIso, todayInVietnam } from '../http/time.ts';
import {
  indicatorNeedsExplanation,
  minDate,
  taskNeedsExplanation,
  type UpdateState,
} from '@tiendo/core';
import { prefillFromLastPeriod } from './prefill.ts';
import { contributionsFor } from './contributions.ts';
import { assignedTargets } from './assignedTargets.ts';
import { periodWritable } from './itemUpdates.ts';
import { atomically } from '../audit/log.ts';
import { lockDate } from './periodLocks.ts';

// A unit's report for a period, as the unit sees it: exactly the tasks it leads or
// coordinates and the indicators it is responsible for, each with what it has written so far.

/** The report of `unitId` for `periodId`, created (as a draft) on first opening. */
export async function openReport(
  db: Kysely<Database>,
  periodId: number,
  unitId: number,
): Promise<number> {
  const period = await db
    .selectFrom('reporting_periods')
    .innerJoin('plans', 'plans.id', 'reporting_periods.plan_id')
    .select(['reporting_periods.id', 'reporting_periods.status', 'plans.status as planStatus'])
    .where('reporting_periods.id', '=', periodId)
    .executeTakeFirst();
  if (!period) throw notFound('Không tìm thấy kỳ báo cáo');
  const existing = await findReport(db, periodId, unitId);
  if (existing) return existing;
  if (period.status === 'planned') throw badRequest('Kỳ báo cáo chưa được mở.');
  if (period.planStatus === 'archived')
    throw badRequest('Kế hoạch đã được lưu trữ: không nhận báo cáo mới.');
  // Two tabs opening at once: the unique (period, unit) constraint keeps one report; the
  // report and what it carries over from the last period arrive together or not at all.
  const created = await atomically(db, async (db) => {
    const now = nowIso();
    const row = await db
      .insertInto('reports')
      .values({
        period_id: periodId,
        unit_id: unitId,
        status: 'draft',
        submitted_at: null,
        submitted_by: null,
        reviewed_at: null,
        reviewed_by: null,
        review_comment: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['period_id', 'unit_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) await prefillFromLastPeriod(db, row.id, periodId, unitId);
    return row;
  });
  return created?.id ?? (await findReport(db, periodId, unitId))!;
}

async function findReport(db: Kysely<Database>, periodId: number, unitId: number) {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('period_id', '=', periodId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row?.id;
}

/** The unit's tasks in the plan as it stood on `day` (a period's last day). */
function unitTasks(db: Kysely<Database>, planId: number, unitId: number, day: string) {
  return db
    .selectFrom('tasks')
    .innerJoin('task_units as tu', 'tu.item_id', 'tasks.id')
    .leftJoin('plan_sections as s', 's.id', 'tasks.section_id')
    .select(['s.appendix', 's.heading'])
    .select([
      'tasks.id',
      'tasks.code',
      'tasks.content',
      'tasks.output',
      'tasks.deadline_text',
      'tasks.lead_text',
      'tu.role',
    ])
    .where('tasks.plan_id', '=', planId)
    .where(inForceOn('tasks', day))
    .where('tu.unit_id', '=', unitId)
    .orderBy('tasks.ordinal')
    .execute();
}

function unitIndicators(db: Kysely<Database>, planId: number, unitId: number, day: string) {
  return db
    .selectFrom('indicators')
    .innerJoin('indicator_units as iu', 'iu.item_id', 'indicators.id')
    .leftJoin('plan_sections as s', 's.id', 'indicators.section_id')
    .select(['s.appendix', 's.heading'])
    .select(['indicators.id', 'indicators.code', 'indicators.name', 'indicators.measure_unit'])
    .where('indicators.plan_id', '=', planId)
    .where(inForceOn('indicators', day))
    .where('iu.unit_id', '=', unitId)
    .where('iu.role', '=', 'lead')
    .orderBy('indicators.ordinal')
    .execute();
}

async function reportHeader(db: Kysely<Database>, reportId: number) {
  const report = await db
    .selectFrom('reports')
    .innerJoin('reporting_periods as p', 'p.id', 'reports.period_id')
    .innerJoin('plans', 'plans.id', 'p.plan_id')
    .innerJoin('org_units as unit', 'unit.id', 'reports.unit_id')
    .select([
      'reports.id',
      'reports.status',
      'reports.version',
      'reports.unit_id as unitId',
      'unit.name as unitName',
      'reports.submitted_at as submittedAt',
      'reports.reviewed_at as reviewedAt',
      'reports.review_comment as reviewComment',
      'p.id as periodId',
      'p.label as periodLabel',
      'p.due_date as dueDate',
      'p.lock_after_days as lockAfterDays',
      'p.status as periodStatus',
      'p.window_start as windowStart',
      'p.window_end as windowEnd',
      'plans.id as planId',
      'plans.title as planTitle',
      'reports.unlocked_at as unlockedAt',
      'reports.unlock_reason as unlockReason',
    ])
    .where('reports.id', '=', reportId)
    .executeTakeFirst();
  if (!report) throw notFound('Không tìm thấy báo cáo');
  return report;
}

type ReportHeader = Awaited<ReturnType<typeof reportHeader>>;

/** The unit's items with what it wrote for each, and whether each must be explained — what
 *  both the report screen and sending the report (reviewFlow.ts) judge by. */
async function reportItems(db: Kysely<Database>, report: ReportHeader) {
  const today = todayInVietnam();
  const window = { start: report.windowStart, end: report.windowEnd };
  const [tasks, indicators, updates, values, targets] = await Promise.all([
    unitTasks(db, report.planId, report.unitId, report.windowEnd),
    unitIndicators(db, report.planId, report.unitId, report.windowEnd),
    db.selectFrom('task_updates').selectAll().where('report_id', '=', report.id).execute(),
    db.selectFrom('indicator_values').selectAll().where('report_id', '=', report.id).execute(),
    db
      .selectFrom('indicator_targets')
      .innerJoin('indicators', 'indicators.id', 'indicator_targets.indicator_id')
      .select(['indicator_targets.indicator_id', 'indicator_targets.year', 'raw_text'])
      .where('indicators.plan_id', '=', report.planId)
      .where(inForceOn('indicators', report.windowEnd))
      .execute(),
  ]);
  return {
    tasks: tasks.map((t) => {
      const update = updates.find((u) => u.task_id === t.id);
      return {
        taskId: t.id,
        code: t.code,
        section: sectionOf(t),
        content: t.content,
        output: t.output,
        deadline: t.deadline_text,
        role: t.role as 'lead' | 'coordinate',
        updateId: update?.id ?? null,
        update: update ? taskUpdateView(update) : null,
        needsExplanation:
          t.role === 'lead' && update
            ? taskNeedsExplanation(
                t.deadline_text,
                update.status as 'done' | null,
                update.completed_on,
                window,
                today,
              )
            : null,
      };
    }),
    indicators: indicators.map((i) => {
      const value = values.find((v) => v.indicator_id === i.id);
      const own = targets
        .filter((t) => t.indicator_id === i.id)
        .map((t) => ({ year: t.year, text: t.raw_text }));
      return {
        indicatorId: i.id,
        code: i.code,
        section: sectionOf(i),
        name: i.name,
        unit: i.measure_unit,
        targets: own,
        needsExplanation: indicatorNeedsExplanation(
          own,
          i.measure_unit,
          value?.value_number ?? null,
          minDate(today, report.windowEnd),
        ),
        value: value
          ? {
              version: value.version,
              valueNumber: value.value_number,
              valueText: value.value_text,
              dataSource: value.data_source,
              note: value.note,
              reviewComment: value.review_comment,
              explanation: value.explanation,
              prefilled: value.updated_by === null,
            }
          : null,
      };
    }),
  };
}

/** Where an item sits in the plan, as the report screen groups it: its group heading, or the
 *  appendix when the table has no groups. */
const sectionOf = (item: { appendix: string | null; heading: string | null }) =>
  item.heading ?? item.appendix;

/** The items that must be explained (overdue, off track) and are not yet, as "nhiệm vụ 3". */
export async function unexplainedItems(db: Kysely<Database>, reportId: number) {
  const { tasks, indicators } = await reportItems(db, await reportHeader(db, reportId));
  return [
    ...tasks
      .filter((t) => t.needsExplanation && !t.update?.explanation)
      .map((t) => `nhiệm vụ ${t.code}`),
    ...indicators
      .filter((i) => i.needsExplanation && !i.value?.explanation)
      .map((i) => `chỉ tiêu ${i.code}`),
  ];
}

export async function loadReport(db: Kysely<Database>, reportId: number) {
  const report = await reportHeader(db, reportId);
  const items = await reportItems(db, report);
  const led = items.tasks.filter((t) => t.role === 'lead').map((t) => t.taskId);
  const [attachments, contributions, assigned] = await Promise.all([
    db
      .selectFrom('attachments')
      .select(['id', 'task_update_id', 'filename', 'size_bytes', 'sha256'])
      .where('report_id', '=', reportId)
      .orderBy('id')
      .execute(),
    contributionsFor(db, report.periodId, led),
    assignedTargets(db, report.planId),
  ]);
  return {
    ...report,
    /** The day the period locks itself (khóa sổ), if it does. */
    lockOn: lockDate({ due_date: report.dueDate, lock_after_days: report.lockAfterDays }),
    editable:
      periodWritable(report.periodStatus, report.unlockedAt !== null) &&
      ['draft', 'returned'].includes(report.status),
    tasks: items.tasks.map(({ updateId, ...t }) => ({
      ...t,
      contributions: contributions.get(t.taskId) ?? null,
      attachments: attachments
        .filter((a) => updateId !== null && a.task_update_id === updateId)
        .map((a) => ({ id: a.id, filename: a.filename, size: a.size_bytes, sha256: a.sha256 })),
    })),
    indicators: items.indicators.map((i) => ({
      ...i,
      /** What the province assigned to this commune (giao chỉ tiêu), by year. */
      assigned: assigned
        .filter((a) => a.indicatorId === i.indicatorId)
        .map((a) => ({ year: a.year, value: a.value })),
    })),
  };
}

function taskUpdateView(u: {
  version: number;
  status: UpdateState | null;
  progress: number | null;
  results: string | null;
  resources_vnd: number | string | null;
  difficulties: string | null;
  proposals: string | null;
  evidence_text: string | null;
  completed_on: string | null;
  review_comment: string | null;
  explanation: string | null;
  updated_by: number | null;
}) {
  return {
    version: u.version,
    status: u.status,
    progress: u.progress,
    results: u.results,
    // bigint comes back as a string from PostgreSQL
    resourcesVnd: u.resources_vnd === null ? null : Number(u.resources_vnd),
    difficulties: u.difficulties,
    proposals: u.proposals,
    evidenceText: u.evidence_text,
    completedOn: u.completed_on,
    reviewComment: u.review_comment,
    explanation: u.explanation,
    /** Carried over from the last period and not touched since. */
    prefilled: u.updated_by === null,
  };
}
