import { isoDate, minDate, type IsoDate } from '../calendar/dates.ts';
import type { DeadlineSpec } from '../deadlines/deadlineSpec.ts';

// Task status in a reporting period, as government task-tracking reports it:
// done on time / done late / in progress within the deadline / overdue, plus not started,
// not reported, and not applicable (the task has not begun in this period).

export type TaskStatus =
  | 'done_on_time' // hoàn thành đúng hạn
  | 'done_late' // hoàn thành quá hạn
  | 'in_progress' // đang thực hiện trong hạn
  | 'overdue' // quá hạn chưa hoàn thành
  | 'not_started' // chưa triển khai
  | 'not_reported' // chưa báo cáo
  | 'not_applicable'; // chưa đến thời gian thực hiện

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  in_progress: 'Đang thực hiện',
  overdue: 'Quá hạn',
  not_started: 'Chưa triển khai',
  not_reported: 'Chưa báo cáo',
  not_applicable: 'Chưa đến hạn thực hiện',
};

/** What a unit reported about a task (one row of a period report). */
export interface TaskProgressUpdate {
  reportedOn: IsoDate;
  state: 'not_started' | 'in_progress' | 'done';
  /** When the work was completed; defaults to the report date. */
  completedOn?: IsoDate | null;
}

export interface PeriodWindow {
  start: IsoDate;
  end: IsoDate;
}

function latestUpTo(
  updates: TaskProgressUpdate[],
  end: IsoDate,
  from?: IsoDate,
): TaskProgressUpdate | undefined {
  return updates
    .filter((u) => u.reportedOn <= end && (!from || u.reportedOn >= from))
    .sort((a, b) => a.reportedOn.localeCompare(b.reportedOn))
    .at(-1);
}

/** Status of a task with one due date, judged at `at` using updates up to the period's end. */
function againstDue(due: IsoDate, latest: TaskProgressUpdate | undefined, at: IsoDate): TaskStatus {
  if (latest?.state === 'done') {
    const completed = latest.completedOn ?? latest.reportedOn;
    return completed <= due ? 'done_on_time' : 'done_late';
  }
  if (at > due) return 'overdue';
  if (!latest) return 'not_reported';
  return latest.state;
}

/**
 * @param asOf the day of evaluation (today); a past period is judged at its own end.
 */
export function evaluateTask(
  spec: DeadlineSpec,
  updates: TaskProgressUpdate[],
  period: PeriodWindow,
  asOf: IsoDate,
): TaskStatus {
  const at = minDate(asOf, period.end);
  switch (spec.kind) {
    case 'window':
      if (spec.start > period.end) return 'not_applicable';
      return againstDue(spec.due, latestUpTo(updates, period.end), at);
    case 'yearly': {
      // Recurring every year: each year is judged on its own, due 31/12 of that year.
      const year = Number(at.slice(0, 4));
      if (
        (spec.fromYear !== null && year < spec.fromYear) ||
        (spec.toYear !== null && year > spec.toYear)
      )
        return 'not_applicable';
      const inYear = updates.filter(
        (u) =>
          (u.completedOn ?? u.reportedOn).startsWith(`${year}-`) ||
          u.reportedOn.startsWith(`${year}-`),
      );
      return againstDue(isoDate(year, 12, 31), latestUpTo(inYear, period.end), at);
    }
    default: {
      // Ongoing tasks, and tasks still waiting for a date, are assessed period by period:
      // they are never overdue, only reported or not.
      const latest = latestUpTo(updates, period.end, period.start);
      if (!latest) return 'not_reported';
      return latest.state === 'done' ? 'done_on_time' : latest.state;
    }
  }
}

/** Counts and percentages for upward reports ("hoàn thành 60,38%"). */
export function summariseStatuses(
  statuses: TaskStatus[],
): Record<TaskStatus, number> & { total: number; donePercent: number } {
  const counts = Object.fromEntries(Object.keys(TASK_STATUS_LABELS).map((k) => [k, 0])) as Record<
    TaskStatus,
    number
  >;
  for (const s of statuses) counts[s]++;
  return summariseCounts(counts);
}

/** The same from counts per status (tallies added up across periods or communes). */
export function summariseCounts(
  counts: Record<TaskStatus, number>,
): Record<TaskStatus, number> & { total: number; donePercent: number } {
  const all = Object.fromEntries(
    (Object.keys(TASK_STATUS_LABELS) as TaskStatus[]).map((k) => [k, counts[k] ?? 0]),
  ) as Record<TaskStatus, number>;
  const total = Object.values(all).reduce((a, b) => a + b, 0);
  const applicable = total - all.not_applicable;
  const done = all.done_on_time + all.done_late;
  return {
    ...all,
    total,
    donePercent: applicable ? Math.round((done / applicable) * 10_000) / 100 : 0,
  };
}
