import type { Kysely } from 'kysely';
import {
  evaluateTask,
  parseDeadline,
  summariseCounts,
  summariseStatuses,
  type DeadlineSpec,
  type TaskProgressUpdate,
  type TaskStatus,
} from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { lineageOf, versionInForce } from '../plans/versions.ts';
import { nowIso, todayInVietnam } from '../http/time.ts';
import { sentOnTime } from './compliance.ts';
import { COUNTED_STATUSES, countedTaskUpdates, progressOf } from './countedUpdates.ts';

// A period's tally: its plan's tasks counted by status (judged by the domain core exactly as
// the commune's own period summary judges them) and its units' reports received and on time.
// The province and national roll-ups add tallies up instead of re-judging every task of every
// commune, so their cost follows the number of communes asked about, not the country's
// history. Kept in `period_tallies`:
// - recomputed inside the transaction of every step that changes one (a report sent,
//   returned, approved or reopened; a period's due date; an item added): `refreshPlanTallies`;
// - judged as of min(today, window end), so a period still running goes stale when the day
//   moves on; readers recompute stale and missing tallies and store them (`periodTallies`),
//   never overwriting a fresher row written meanwhile by a transaction.

export type TaskCounts = Record<TaskStatus, number>;

export interface PeriodTally {
  periodId: number;
  evaluatedOn: string;
  counts: TaskCounts;
  tasks: number;
  donePercent: number;
  overdue: number;
  received: number;
  onTime: number;
}

interface PeriodFacts {
  id: number;
  plan_id: number;
  window_start: string;
  window_end: string;
  due_date: string;
}

const judgedOn = (asOf: string, windowEnd: string) => (asOf < windowEnd ? asOf : windowEnd);

/** Adds tallies up (a merged commune answers for several periods of one round). */
export function combineTallies(tallies: PeriodTally[]) {
  const counts = {} as TaskCounts;
  for (const t of tallies)
    for (const [status, n] of Object.entries(t.counts) as Array<[TaskStatus, number]>)
      counts[status] = (counts[status] ?? 0) + n;
  const { total, donePercent, ...all } = summariseCounts(counts);
  return {
    counts: all,
    tasks: total,
    donePercent,
    overdue: all.overdue,
    received: tallies.reduce((sum, t) => sum + t.received, 0),
    onTime: tallies.reduce((sum, t) => sum + t.onTime, 0),
  };
}

/** Judges the periods from scratch: a handful of set-based queries for all of them. */
export async function computeTallies(
  db: Kysely<Database>,
  periods: PeriodFacts[],
  asOf = todayInVietnam(),
): Promise<PeriodTally[]> {
  if (!periods.length) return [];
  const planIds = [...new Set(periods.map((p) => p.plan_id))];
  const [tasks, reports, updates] = await Promise.all([
    db
      .selectFrom('tasks')
      .select(['plan_id', 'deadline_text', 'valid_from', 'valid_to'])
      .select(lineageOf('tasks').as('lineage'))
      .where('plan_id', 'in', planIds)
      .execute(),
    db
      .selectFrom('reports')
      .select(['period_id', 'unit_id', 'first_submitted_at'])
      .where(
        'period_id',
        'in',
        periods.map((p) => p.id),
      )
      .where('status', 'in', COUNTED_STATUSES)
      .execute(),
    countedTaskUpdates(db, planIds, { until: maxOf(periods.map((p) => p.window_end)) })
      .innerJoin('tasks as reported', 'reported.id', 'u.task_id')
      .select(['u.status', 'u.completed_on', 'p.window_end'])
      .select(lineageOf('reported').as('lineage'))
      .execute(),
  ]);
  const tasksOf = groupBy(tasks, (t) => t.plan_id);
  const reportsOf = groupBy(reports, (r) => r.period_id);
  const updatesOf = new Map<number, Array<TaskProgressUpdate>>();
  // Keyed by the task across amendments: a version judges what was reported on earlier ones.
  for (const u of updates) {
    const progress = progressOf(u);
    const key = Number(u.lineage);
    if (progress) (updatesOf.get(key) ?? updatesOf.set(key, []).get(key)!).push(progress);
  }
  const specs = new Map<string, DeadlineSpec>();
  const specOf = (text: string) =>
    specs.get(text) ?? specs.set(text, parseDeadline(text)).get(text)!;
  return periods.map((p) => {
    const window = { start: p.window_start, end: p.window_end };
    const inForce = (tasksOf.get(p.plan_id) ?? []).filter((t) => versionInForce(t, p.window_end));
    const statuses = inForce.map((t) =>
      evaluateTask(
        specOf(t.deadline_text ?? ''),
        // Updates reported for later periods say nothing about this one.
        (updatesOf.get(Number(t.lineage)) ?? []).filter((u) => u.reportedOn <= p.window_end),
        window,
        asOf,
      ),
    );
    const { total, donePercent, ...counts } = summariseStatuses(statuses);
    const received = reportsOf.get(p.id) ?? [];
    return {
      periodId: p.id,
      evaluatedOn: judgedOn(asOf, p.window_end),
      counts,
      tasks: total,
      donePercent,
      overdue: counts.overdue,
      received: new Set(received.map((r) => r.unit_id)).size,
      onTime: received.filter((r) => sentOnTime(r.first_submitted_at, p.due_date)).length,
    };
  });
}

/** The tallies of these periods: stored ones where still current, the rest recomputed and
 *  stored. */
export async function periodTallies(
  db: Kysely<Database>,
  periodIds: number[],
  asOf = todayInVietnam(),
): Promise<Map<number, PeriodTally>> {
  const out = new Map<number, PeriodTally>();
  for (const ids of chunks(periodIds, 1000)) {
    const rows = await db
      .selectFrom('reporting_periods as p')
      .leftJoin('period_tallies as t', 't.period_id', 'p.id')
      .select(['p.id', 'p.plan_id', 'p.window_start', 'p.window_end', 'p.due_date'])
      .select(['t.evaluated_on', 't.task_counts', 't.tasks', 't.done_percent', 't.overdue'])
      .select(['t.received', 't.on_time'])
      .where('p.id', 'in', ids)
      .execute();
    const stale: PeriodFacts[] = [];
    for (const row of rows) {
      if (row.evaluated_on !== judgedOn(asOf, row.window_end)) stale.push(row);
      else out.set(row.id, fromRow(row));
    }
    const fresh = await computeTallies(db, stale, asOf);
    await storeTallies(db, fresh, 'unless-newer');
    fresh.forEach((t) => out.set(t.periodId, t));
  }
  return out;
}

/** Recomputes every tally of a plan; called inside the transaction that changed it. */
export async function refreshPlanTallies(db: Kysely<Database>, planId: number): Promise<void> {
  const periods = await db
    .selectFrom('reporting_periods')
    .select(['id', 'plan_id', 'window_start', 'window_end', 'due_date'])
    .where('plan_id', '=', planId)
    .where('status', '!=', 'planned')
    .execute();
  await storeTallies(db, await computeTallies(db, periods), 'always');
}

async function storeTallies(
  db: Kysely<Database>,
  tallies: PeriodTally[],
  mode: 'always' | 'unless-newer',
): Promise<void> {
  const now = nowIso();
  for (const batch of chunks(tallies, 200)) {
    await db
      .insertInto('period_tallies')
      .values(
        batch.map((t) => ({
          period_id: t.periodId,
          evaluated_on: t.evaluatedOn,
          task_counts: JSON.stringify(t.counts),
          tasks: t.tasks,
          done_percent: t.donePercent,
          overdue: t.overdue,
          received: t.received,
          on_time: t.onTime,
          updated_at: now,
        })),
      )
      .onConflict((oc) => {
        const update = oc.column('period_id').doUpdateSet((eb) => ({
          evaluated_on: eb.ref('excluded.evaluated_on'),
          task_counts: eb.ref('excluded.task_counts'),
          tasks: eb.ref('excluded.tasks'),
          done_percent: eb.ref('excluded.done_percent'),
          overdue: eb.ref('excluded.overdue'),
          received: eb.ref('excluded.received'),
          on_time: eb.ref('excluded.on_time'),
          updated_at: eb.ref('excluded.updated_at'),
        }));
        // A reader's recomputation may rest on data a transaction has changed since: it only
        // fills a tally judged as of an earlier day, never replaces one of the same day.
        return mode === 'always'
          ? update
          : update.where('period_tallies.evaluated_on', '<', (eb) =>
              eb.ref('excluded.evaluated_on'),
            );
      })
      .execute();
  }
}

function fromRow(row: {
  id: number;
  evaluated_on: string | null;
  task_counts: string | null;
  tasks: number | null;
  done_percent: number | null;
  overdue: number | null;
  received: number | null;
  on_time: number | null;
}): PeriodTally {
  return {
    periodId: row.id,
    evaluatedOn: row.evaluated_on!,
    counts: JSON.parse(row.task_counts!) as TaskCounts,
    tasks: Number(row.tasks),
    donePercent: Number(row.done_percent),
    overdue: Number(row.overdue),
    received: Number(row.received),
    onTime: Number(row.on_time),
  };
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) (out.get(key(row)) ?? out.set(key(row), []).get(key(row))!).push(row);
  return out;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const maxOf = (values: string[]) => values.reduce((a, b) => (a > b ? a : b));
