import type { Kysely } from 'kysely';
import {
  addDays,
  evaluateTrajectory,
  expectedValueAt,
  milestonesOf,
  summariseStatuses,
  TRAJECTORY_LABELS,
  type TrajectoryStatus,
} from '@tiendo/core';
import type { CommuneDashboard } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { lineageOf } from '../plans/versions.ts';
import { sentOnTime } from '../reports/compliance.ts';
import { notFound } from '../http/errors.ts';
import { todayInVietnam } from '../http/time.ts';
import { periodSummary } from '../exports/periodSummary.ts';
import { COUNTED_STATUSES } from '../reports/countedUpdates.ts';

// What a commune's leaders look at for one plan and period: tasks by status, the overdue and
// due-soon lists with who answers for them, indicators against their trajectory, and the
// units' scoreboard (reports on time, tasks done on time) that feeds the emulation ranking.

export interface DashboardFilters {
  periodId?: number;
  unitId?: number;
  appendix?: string;
}

const DUE_SOON_DAYS = 30;

export async function latestPeriodId(db: Kysely<Database>, planId: number): Promise<number | null> {
  const today = todayInVietnam();
  const periods = await db
    .selectFrom('reporting_periods')
    .select(['id', 'status', 'window_start', 'due_date'])
    .where('plan_id', '=', planId)
    .where('status', '!=', 'planned')
    .orderBy('due_date', 'desc')
    .execute();
  return (periods.find((p) => p.window_start <= today) ?? periods.at(-1))?.id ?? null;
}

export async function communeDashboard(
  db: Kysely<Database>,
  planId: number,
  filters: DashboardFilters,
): Promise<CommuneDashboard> {
  const periodId = filters.periodId ?? (await latestPeriodId(db, planId));
  const periods = await db
    .selectFrom('reporting_periods')
    .select(['id', 'label', 'due_date as dueDate', 'status'])
    .where('plan_id', '=', planId)
    .orderBy('due_date')
    .execute();
  if (periodId === null)
    return {
      period: null,
      periods,
      statusCounts: null,
      tasks: [],
      overdue: [],
      dueSoon: [],
      indicators: [],
      units: [],
      appendices: [],
    };
  const summary = await periodSummary(db, periodId);
  if (summary.period.planId !== planId) throw notFound('Kỳ báo cáo không thuộc kế hoạch này');
  const today = todayInVietnam();
  const links = await db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.item_id')
    .select(['task_units.item_id', 'task_units.unit_id', 'task_units.role'])
    .where('tasks.plan_id', '=', planId)
    .execute();
  const unitsOf = (taskId: number) => links.filter((l) => l.item_id === taskId);
  const tasks = summary.tasks
    .filter((t) => !filters.appendix || t.appendix === filters.appendix)
    .filter((t) => !filters.unitId || unitsOf(t.id).some((l) => l.unit_id === filters.unitId))
    .map((t) => ({
      id: t.id,
      appendix: t.appendix,
      group: t.group,
      code: t.code,
      content: t.content,
      lead: t.lead,
      director: t.director,
      deadline: t.deadline,
      dueDate: t.dueDate,
      status: t.status,
      statusLabel: t.statusLabel,
      progress: t.progress,
    }));
  const notDone = (s: string) => !s.startsWith('done') && s !== 'not_applicable';
  const dueSoon = tasks.filter(
    (t) =>
      notDone(t.status) &&
      t.status !== 'overdue' &&
      t.dueDate &&
      t.dueDate >= today &&
      t.dueDate <= addDays(today, DUE_SOON_DAYS),
  );
  const history = await indicatorHistory(db, planId, summary.period.window_end);
  const indicators = summary.indicators
    .filter((i) => !filters.appendix || i.appendix === filters.appendix)
    .map((i) => {
      const milestones = milestonesOf(i.targets, i.unit);
      const result = evaluateTrajectory({
        milestones,
        date: summary.period.window_end,
        actual: i.valueNumber ?? i.value,
      });
      return {
        id: i.id,
        appendix: i.appendix,
        code: i.code,
        name: i.name,
        unit: i.unit,
        targets: i.targets,
        value: i.value,
        expected: result.expected === null ? null : Math.round(result.expected * 100) / 100,
        trajectory: result.status as TrajectoryStatus,
        trajectoryLabel: TRAJECTORY_LABELS[result.status],
        // Each earlier period's value beside where the trajectory expected it to be.
        history: (history.get(i.lineageId) ?? []).map((h) => {
          const expected = expectedValueAt(milestones, h.date);
          return { ...h, expected: expected === null ? null : Math.round(expected * 100) / 100 };
        }),
      };
    });
  const { period } = summary;
  return {
    period: {
      id: period.id,
      label: period.label,
      kind: period.kind,
      status: period.status,
      windowStart: period.window_start,
      windowEnd: period.window_end,
      dueDate: period.due_date,
      planId: period.planId,
      communeId: period.communeId,
      communeName: period.communeName,
    },
    periods,
    appendices: [...new Set([...summary.tasks, ...summary.indicators].map((x) => x.appendix))],
    statusCounts: summariseStatuses(tasks.map((t) => t.status)),
    tasks,
    overdue: tasks.filter((t) => t.status === 'overdue'),
    dueSoon,
    indicators,
    units: await unitScoreboard(db, summary, links),
  };
}

/** Per unit: did it report, on time; of the tasks it leads, how many done on time. */
async function unitScoreboard(
  db: Kysely<Database>,
  summary: Awaited<ReturnType<typeof periodSummary>>,
  links: Array<{ item_id: number; unit_id: number; role: string }>,
) {
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('parent_id', '=', summary.period.communeId)
    .where('kind', '=', 'unit')
    .execute();
  const reports = await db
    .selectFrom('reports')
    .select(['unit_id', 'status', 'submitted_at', 'first_submitted_at'])
    .where('period_id', '=', summary.period.id)
    .execute();
  const statusOf = new Map(summary.tasks.map((t) => [t.id, t.status]));
  return units
    .map((unit) => {
      const led = links
        .filter((l) => l.unit_id === unit.id && l.role === 'lead')
        .map((l) => statusOf.get(l.item_id));
      const due = led.filter((s) => s && s !== 'not_applicable').length;
      const doneOnTime = led.filter((s) => s === 'done_on_time').length;
      const report = reports.find((r) => r.unit_id === unit.id);
      const counted = report && COUNTED_STATUSES.includes(report.status);
      const submitted = counted ? report.submitted_at : null;
      const onTime =
        (counted && sentOnTime(report.first_submitted_at, summary.period.due_date)) === true;
      // Emulation score: half for reporting on time, half for the share of its due tasks done on time.
      const score =
        Math.round(
          ((onTime ? 50 : submitted ? 25 : 0) + (due ? (doneOnTime / due) * 50 : 50)) * 10,
        ) / 10;
      return {
        unitId: unit.id,
        name: unit.name,
        reportStatus: report?.status ?? ('not_started' as const),
        submittedAt: submitted,
        onTime,
        tasksLed: led.length,
        tasksDue: due,
        doneOnTime,
        score,
      };
    })
    .filter((u) => u.tasksLed > 0 || u.reportStatus !== 'not_started')
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi'));
}

/** Numeric values reported for each indicator, period by period, up to `until`. */
async function indicatorHistory(db: Kysely<Database>, planId: number, until: string) {
  const rows = await db
    .selectFrom('indicator_values as v')
    .innerJoin('reports as r', 'r.id', 'v.report_id')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
    .select(['v.value_number', 'p.label', 'p.window_end'])
    // Keyed by the indicator across amendments: its values before a change stay its history.
    .select(lineageOf('i').as('lineage'))
    .where('p.plan_id', '=', planId)
    .where('p.window_end', '<=', until)
    .where('r.status', 'in', COUNTED_STATUSES)
    .where('v.value_number', 'is not', null)
    .orderBy('p.window_end')
    .execute();
  const out = new Map<number, Array<{ period: string; date: string; value: number }>>();
  for (const row of rows) {
    const lineage = Number(row.lineage);
    const list = out.get(lineage) ?? [];
    // One value per period: the last one reported wins.
    const same = list.findIndex((h) => h.date === row.window_end);
    const point = { period: row.label, date: row.window_end, value: row.value_number! };
    if (same >= 0) list[same] = point;
    else list.push(point);
    out.set(lineage, list);
  }
  return out;
}
