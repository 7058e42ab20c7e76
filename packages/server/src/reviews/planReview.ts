import type { Kysely } from 'kysely';
import {
  evaluateTrajectory,
  milestonesOf,
  summariseStatuses,
  TASK_STATUS_LABELS,
  TRAJECTORY_LABELS,
  type TaskStatus,
  type TrajectoryStatus,
} from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { todayInVietnam } from '../http/time.ts';
import { periodSummary, type PeriodSummary } from '../exports/periodSummary.ts';
import { planCompliance } from '../reports/compliance.ts';
import { COUNTED_STATUSES } from '../reports/countedUpdates.ts';
import { selectConcerns } from '../concerns/concerns.ts';
import { listAmendments } from '../plans/amendmentHistory.ts';
import { lineageOf } from '../plans/versions.ts';

// The yearly review (sơ kết năm) and the five-year review (tổng kết) of a plan: over a span,
// each task's status at the end of every reporting period, each indicator's value against its
// milestone year by year, how timely the units reported, the difficulties raised and what
// became of them, and the amendments made. Every period is read through the same period
// summary as the period report (so judged by the plan as it stood then); tasks and
// indicators are followed across amendments by their lineage.

type Db = Kysely<Database>;

/** "2026" (one year) or "term" (every period of the plan). */
export type ReviewSpan = { kind: 'year'; year: number } | { kind: 'term' };

export async function planReview(
  db: Db,
  planId: number,
  span: ReviewSpan,
  asOf = todayInVietnam(),
) {
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'status'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  const all = await db
    .selectFrom('reporting_periods')
    .select(['id', 'label', 'window_start', 'window_end', 'status'])
    .where('plan_id', '=', planId)
    .where('status', '!=', 'planned')
    .orderBy('window_end')
    .orderBy('window_start', 'desc')
    .execute();
  const years = [...new Set(all.map((p) => Number(p.window_end.slice(0, 4))))];
  const window =
    span.kind === 'year'
      ? { from: `${span.year}-01-01`, to: `${span.year}-12-31` }
      : { from: all[0]?.window_start ?? asOf, to: all.at(-1)?.window_end ?? asOf };
  // One period per closing day: a quarter and a year ending together judge alike.
  const periods = all
    .filter((p) => p.window_end >= window.from && p.window_end <= window.to)
    .filter((p, i, xs) => xs.findIndex((q) => q.window_end === p.window_end) === i);
  if (periods.length === 0)
    throw badRequest(
      span.kind === 'year'
        ? `Năm ${span.year} chưa có kỳ báo cáo nào được mở: chưa có gì để sơ kết.`
        : 'Kế hoạch chưa có kỳ báo cáo nào được mở: chưa có gì để tổng kết.',
    );
  const summaries: PeriodSummary[] = [];
  for (const p of periods) summaries.push(await periodSummary(db, p.id, asOf));
  const last = summaries.at(-1)!;
  const tasks = taskRows(summaries);
  const [indicators, compliance, concerns, amendments] = await Promise.all([
    indicatorRows(db, planId, summaries, window),
    planCompliance(db, planId, asOf, window),
    selectConcerns(db)
      .select('p.window_end')
      .where('c.plan_id', '=', planId)
      .where('p.window_end', '>=', window.from)
      .where('p.window_end', '<=', window.to)
      .execute(),
    listAmendments(db, planId),
  ]);
  return {
    plan: {
      id: planId,
      title: last.period.planTitle,
      number: last.period.planNumber,
      communeName: last.period.communeName,
      provinceName: last.period.provinceName,
      metadata: last.metadata,
    },
    span: {
      ...span,
      ...window,
      label:
        span.kind === 'year'
          ? `năm ${span.year}`
          : `giai đoạn ${window.from.slice(0, 4)}–${window.to.slice(0, 4)}`,
    },
    /** The years with reporting periods, for choosing a yearly review. */
    years,
    periods: periods.map((p) => ({ id: p.id, label: p.label, windowEnd: p.window_end })),
    tasks,
    counts: summariseStatuses(tasks.filter((t) => t.final).map((t) => t.final!)),
    indicators,
    units: compliance.units,
    reporting: compliance.total,
    concerns: {
      raised: concerns.length,
      answered: concerns.filter((c) => c.status !== 'open').length,
      open: concerns.filter((c) => c.status === 'open').length,
      items: concerns.map((c) => ({
        id: c.id,
        kind: c.kind as 'difficulty' | 'proposal',
        unit: c.unitName,
        taskCode: c.taskCode,
        period: c.periodLabel,
        content: c.content,
        answer: c.answer,
        status: c.status as 'open' | 'answered' | 'closed',
      })),
    },
    // Amendments that took effect in the span, or were issued in it (to take effect later).
    amendments: amendments.filter((a) =>
      [a.effectiveOn, a.basisDate ?? a.createdAt.slice(0, 10)].some(
        (day) => day >= window.from && day <= window.to,
      ),
    ),
  };
}
export type PlanReview = Awaited<ReturnType<typeof planReview>>;

/** Each task across the span (by lineage): its status at the end of each period (null where it
 *  was not in force), the text of its latest version, and its final status. */
function taskRows(summaries: PeriodSummary[]) {
  const rows = new Map<
    number,
    {
      lineageId: number;
      code: string;
      appendix: string;
      /** The plan's group heading ("III. …"), null when the table has none. */
      group: string | null;
      content: string;
      lead: string | null;
      deadline: string | null;
      statuses: Array<TaskStatus | null>;
    }
  >();
  summaries.forEach((s, i) => {
    for (const t of s.tasks) {
      const row = rows.get(t.lineageId) ?? {
        lineageId: t.lineageId,
        code: t.code,
        appendix: t.appendix,
        group: t.group,
        content: t.content,
        lead: t.lead,
        deadline: t.deadline,
        statuses: summaries.map(() => null),
      };
      Object.assign(row, { code: t.code, content: t.content, lead: t.lead, deadline: t.deadline });
      row.statuses[i] = t.status;
      rows.set(t.lineageId, row);
    }
  });
  return [...rows.values()].map((row) => {
    const final = row.statuses.at(-1) ?? null;
    return {
      ...row,
      /** The status at the span's end; null when the task was retired before it. */
      final,
      finalLabel: final ? TASK_STATUS_LABELS[final] : 'Thôi theo dõi',
    };
  });
}

/** Each indicator (by lineage), year by year: the milestone of the version in force at the
 *  year's last period, the last value sent in the year, and where it stands on its trajectory. */
async function indicatorRows(
  db: Db,
  planId: number,
  summaries: PeriodSummary[],
  window: { from: string; to: string },
) {
  const values = await db
    .selectFrom('indicator_values as v')
    .innerJoin('reports as r', 'r.id', 'v.report_id')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
    .select(['v.value_number', 'v.value_text', 'p.window_end', 'r.submitted_at'])
    .select(lineageOf('i').as('lineage'))
    .where('p.plan_id', '=', planId)
    .where('r.status', 'in', COUNTED_STATUSES)
    .where('p.window_end', '>=', window.from)
    .where('p.window_end', '<=', window.to)
    .orderBy('p.window_end')
    .orderBy('r.submitted_at')
    .execute();
  const lastOfYear = new Map<string, PeriodSummary>();
  for (const s of summaries) lastOfYear.set(s.period.window_end.slice(0, 4), s);
  const rows = new Map<number, ReturnType<typeof indicatorShell>>();
  for (const [year, s] of lastOfYear)
    for (const ind of s.indicators) {
      const row = rows.get(ind.lineageId) ?? indicatorShell(ind);
      Object.assign(row, { code: ind.code, name: ind.name, unit: ind.unit });
      const target = targetFor(ind.targets, Number(year));
      const sent = values
        .filter((v) => Number(v.lineage) === ind.lineageId && v.window_end.startsWith(year))
        .at(-1);
      const actual = sent ? (sent.value_number ?? sent.value_text) : null;
      const milestones = milestonesOf(ind.targets, ind.unit);
      const judged = evaluateTrajectory({
        milestones,
        date: s.period.window_end,
        actual,
      });
      row.years.push({
        year: Number(year),
        target,
        value: actual === null ? null : String(actual),
        trajectory: judged.status,
        trajectoryLabel: TRAJECTORY_LABELS[judged.status],
      });
      rows.set(ind.lineageId, row);
    }
  return [...rows.values()];
}

function indicatorShell(ind: PeriodSummary['indicators'][number]) {
  return {
    lineageId: ind.lineageId,
    code: ind.code,
    appendix: ind.appendix,
    name: ind.name,
    unit: ind.unit,
    years: [] as Array<{
      year: number;
      target: string | null;
      value: string | null;
      trajectory: TrajectoryStatus;
      trajectoryLabel: string;
    }>,
  };
}

/** The year's milestone; else the one for every year; else the next milestone, so a row of
 *  2026 shows what 2030 asks ("≥ 80% (mốc 2030)") rather than nothing. */
function targetFor(targets: Array<{ year: number | null; text: string }>, year: number) {
  const exact = targets.find((t) => t.year === year) ?? targets.find((t) => t.year === null);
  if (exact) return exact.text;
  const next = targets
    .filter((t) => t.year !== null && t.year > year)
    .sort((a, b) => a.year! - b.year!)[0];
  return next ? `${next.text} (mốc ${next.year})` : null;
}
