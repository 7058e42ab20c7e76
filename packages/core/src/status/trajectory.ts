import { daysBetween, isoDate, type IsoDate } from '../calendar/dates.ts';
import {
  evaluateTarget,
  milestoneValue,
  parseTarget,
  targetDirection,
  type Direction,
  type TargetExpression,
} from '../targets/targetExpression.ts';

// Early warning for indicators: the value expected today on the straight line between
// milestones (each milestone due 31/12 of its year), compared with the latest actual value.
// 2025 "≥60%" and 2030 "100%" → 60 + 40 × (2 years / 5 years) = 76% expected at the end of 2027.

export interface Milestone {
  year: number;
  target: TargetExpression;
}

/** An indicator's dated targets as milestones; a value for every year is not a milestone. */
export function milestonesOf(
  targets: { year: number | null; text: string }[],
  unit: string | null | undefined,
): Milestone[] {
  return targets
    .filter((t): t is { year: number; text: string } => t.year !== null)
    .map((t) => ({ year: t.year, target: parseTarget(t.text, { unit }) }));
}

export type TrajectoryStatus =
  | 'on_track' // đúng lộ trình
  | 'at_risk' // có nguy cơ chậm
  | 'off_track' // chậm so với lộ trình
  | 'needs_assessment' // chỉ tiêu định tính
  | 'not_assessable' // chưa đủ dữ liệu để đánh giá
  | 'no_data'; // chưa có số liệu

export const TRAJECTORY_LABELS: Record<TrajectoryStatus, string> = {
  on_track: 'Đúng lộ trình',
  at_risk: 'Có nguy cơ chậm',
  off_track: 'Chậm so với lộ trình',
  needs_assessment: 'Cần đánh giá định tính',
  not_assessable: 'Chưa đủ dữ liệu',
  no_data: 'Chưa có số liệu',
};

interface Point {
  date: IsoDate;
  value: number;
}

export interface TrajectoryInput {
  milestones: Milestone[];
  date: IsoDate;
  actual: number | string | null | undefined;
  /** The first measured value, the line's starting point before the first milestone. */
  baseline?: Point;
  /** How far behind the expected value still counts as "at risk" (fraction, default 10%). */
  tolerance?: number;
}

export interface TrajectoryResult {
  status: TrajectoryStatus;
  expected: number | null;
  direction: Direction;
}

function points(milestones: Milestone[], baseline?: Point): Point[] {
  const list = milestones
    .map((m) => ({ date: isoDate(m.year, 12, 31), value: milestoneValue(m.target) }))
    .filter((p): p is Point => p.value !== null)
    .sort((a, b) => a.date.localeCompare(b.date));
  if (baseline && (!list[0] || baseline.date < list[0].date)) list.unshift(baseline);
  return list;
}

/** The value expected on `date`, or null before the first point (no line to draw yet). */
export function expectedValueAt(
  milestones: Milestone[],
  date: IsoDate,
  baseline?: Point,
): number | null {
  const line = points(milestones, baseline);
  if (line.length === 0 || date < line[0]!.date) return null;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    if (date <= b.date) {
      const fraction = daysBetween(a.date, date) / daysBetween(a.date, b.date);
      return a.value + (b.value - a.value) * fraction;
    }
  }
  return line.at(-1)!.value;
}

export function evaluateTrajectory(input: TrajectoryInput): TrajectoryResult {
  const numeric = input.milestones.filter((m) => milestoneValue(m.target) !== null);
  const direction = numeric[0] ? targetDirection(numeric[0].target) : 'higher';
  const result = (status: TrajectoryStatus, expected: number | null = null) => ({
    status,
    expected,
    direction,
  });
  if (numeric.length === 0) {
    const qualitative = input.milestones.some(
      (m) => m.target.kind === 'qualitative' || m.target.kind === 'unparsed',
    );
    return result(qualitative ? 'needs_assessment' : 'not_assessable');
  }
  if (input.actual === null || input.actual === undefined || input.actual === '')
    return result('no_data');
  if (typeof input.actual !== 'number') return result('needs_assessment');
  const actual = input.actual;
  const expected = expectedValueAt(numeric, input.date, input.baseline);
  if (expected === null) {
    // Before the first milestone with no baseline: only "already there" can be said.
    const next = numeric.slice().sort((a, b) => a.year - b.year)[0]!;
    return result(evaluateTarget(next.target, actual) === 'met' ? 'on_track' : 'not_assessable');
  }
  const tolerance = input.tolerance ?? 0.1;
  const ahead = direction === 'higher' ? actual >= expected : actual <= expected;
  if (ahead) return result('on_track', expected);
  const close =
    direction === 'higher'
      ? actual >= expected * (1 - tolerance)
      : actual <= expected * (1 + tolerance);
  return result(close ? 'at_risk' : 'off_track', expected);
}
