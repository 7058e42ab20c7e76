import type { IsoDate } from '../calendar/dates.ts';
import { parseDeadline } from '../deadlines/deadlineSpec.ts';
import { evaluateTask, type PeriodWindow, type TaskProgressUpdate } from './evaluateTask.ts';
import { evaluateTrajectory, milestonesOf } from './trajectory.ts';

// When a unit's own update leaves an item behind — a task overdue, an indicator off its
// trajectory — the report must say what happened and what is planned (giải trình). Judged on
// the update itself, as of the period's end (or today, while the period is still running).

export const EXPLANATION_REASONS = ['overdue', 'off_track'] as const;
export type ExplanationReason = (typeof EXPLANATION_REASONS)[number];

export function taskNeedsExplanation(
  deadlineText: string | null,
  state: TaskProgressUpdate['state'] | null,
  completedOn: IsoDate | null,
  period: PeriodWindow,
  today: IsoDate,
): ExplanationReason | null {
  if (!state) return null;
  const update: TaskProgressUpdate = { reportedOn: period.end, state, completedOn };
  const status = evaluateTask(parseDeadline(deadlineText ?? ''), [update], period, today);
  return status === 'overdue' || status === 'done_late' ? 'overdue' : null;
}

export function indicatorNeedsExplanation(
  targets: { year: number | null; text: string }[],
  measureUnit: string | null,
  value: number | null,
  periodEnd: IsoDate,
): ExplanationReason | null {
  if (value === null) return null;
  const milestones = milestonesOf(targets, measureUnit);
  const { status } = evaluateTrajectory({ milestones, date: periodEnd, actual: value });
  return status === 'off_track' ? 'off_track' : null;
}
