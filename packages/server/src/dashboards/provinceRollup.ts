import type { Kysely } from 'kysely';
import {
  evaluateTask,
  parseDeadline,
  summariseStatuses,
  type DeadlineSpec,
  type TaskProgressUpdate,
} from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { todayInVietnam } from '../http/time.ts';
import { sentOnTime } from '../reports/compliance.ts';
import { currentUnits } from '../org/succession.ts';
import { COUNTED_STATUSES, countedTaskUpdates, progressOf } from '../reports/countedUpdates.ts';

// A province's view across its communes for one reporting round (periods share a label, e.g.
// "6 tháng đầu năm 2026"): who has not reported, completion and on-time rates, a ranking.
// Set-based: a handful of queries for the whole province, then the domain core judges each
// task — the same rules as the commune's own summary (exports/periodSummary.ts), checked
// against it in the tests.

export async function provinceRollup(db: Kysely<Database>, provinceId: number, label?: string) {
  const asOf = todayInVietnam();
  const [every, heirs] = await Promise.all([
    db
      .selectFrom('org_units')
      .select(['id', 'name', 'code', 'valid_to'])
      .where('parent_id', '=', provinceId)
      .where('kind', '=', 'commune')
      .orderBy('name')
      .execute(),
    currentUnits(db),
  ]);
  // Communes merged away roll up under the commune that took them over (unit history); a
  // commune split up has no single heir and keeps its own row.
  const communes = every.filter((c) => c.valid_to === null || !heirs.has(c.id));
  const ownerOf = (communeId: number) => heirs.get(communeId) ?? communeId;
  const communeIds = every.map((c) => c.id);
  const periods = communeIds.length
    ? await db
        .selectFrom('reporting_periods as p')
        .innerJoin('plans', 'plans.id', 'p.plan_id')
        .select([
          'p.id',
          'p.label',
          'p.window_start',
          'p.window_end',
          'p.due_date',
          'p.plan_id',
          'plans.commune_id',
          'plans.title',
        ])
        .where('plans.commune_id', 'in', communeIds)
        .where('plans.status', '=', 'published')
        .where('p.status', '!=', 'planned')
        .execute()
    : [];
  const labels = [...new Set(periods.map((p) => p.label))];
  const chosen = label ?? mostCommon(periods.map((p) => p.label));
  const round = periods.filter((p) => p.label === chosen);
  const planIds = round.map((p) => p.plan_id);
  const [units, tasks, reports, updates] = planIds.length
    ? await Promise.all([
        db
          .selectFrom('org_units')
          .select(['parent_id', (e) => e.fn.countAll<number>().as('n')])
          .where('parent_id', 'in', communeIds)
          .where('kind', '=', 'unit')
          .groupBy('parent_id')
          .execute(),
        db
          .selectFrom('tasks')
          .select(['id', 'plan_id', 'deadline_text'])
          .where('plan_id', 'in', planIds)
          .execute(),
        db
          .selectFrom('reports')
          .select(['period_id', 'unit_id', 'status', 'first_submitted_at'])
          .where(
            'period_id',
            'in',
            round.map((p) => p.id),
          )
          .where('status', 'in', COUNTED_STATUSES)
          .execute(),
        countedTaskUpdates(db, planIds)
          .select(['u.task_id', 'u.status', 'u.completed_on', 'p.window_end', 'p.plan_id'])
          .execute(),
      ])
    : [[], [], [], []];
  const updatesByTask = new Map<number, TaskProgressUpdate[]>();
  const roundOfPlan = new Map(round.map((p) => [p.plan_id, p]));
  for (const u of updates) {
    const progress = progressOf(u);
    if (!progress || u.window_end > roundOfPlan.get(u.plan_id)!.window_end) continue;
    const list = updatesByTask.get(u.task_id) ?? [];
    list.push(progress);
    updatesByTask.set(u.task_id, list);
  }
  const specs = new Map<string, DeadlineSpec>();
  const specOf = (text: string) =>
    specs.get(text) ?? specs.set(text, parseDeadline(text)).get(text)!;
  const rows = communes.map((commune) => {
    const own = round.filter((p) => ownerOf(p.commune_id) === commune.id);
    const period = own[0];
    if (!period)
      return {
        communeId: commune.id,
        name: commune.name,
        code: commune.code,
        periodId: null,
        planTitle: null,
        units: 0,
        received: 0,
        onTime: 0,
        donePercent: null,
        overdue: 0,
        reported: false,
      };
    const statuses = own.flatMap((p) => {
      const window = { start: p.window_start, end: p.window_end };
      return tasks
        .filter((t) => t.plan_id === p.plan_id)
        .map((t) =>
          evaluateTask(specOf(t.deadline_text ?? ''), updatesByTask.get(t.id) ?? [], window, asOf),
        );
    });
    const counts = summariseStatuses(statuses);
    const dueOf = new Map(own.map((p) => [p.id, p.due_date]));
    const received = reports.filter((r) => dueOf.has(r.period_id));
    return {
      communeId: commune.id,
      name: commune.name,
      code: commune.code,
      periodId: period.id,
      planTitle: period.title,
      units: own.reduce(
        (sum, p) => sum + Number(units.find((u) => u.parent_id === p.commune_id)?.n ?? 0),
        0,
      ),
      received: new Set(received.map((r) => `${r.period_id}:${r.unit_id}`)).size,
      onTime: received.filter((r) => sentOnTime(r.first_submitted_at, dueOf.get(r.period_id)!))
        .length,
      donePercent: counts.donePercent,
      overdue: counts.overdue,
      reported: received.length > 0,
    };
  });
  const ranking = rows
    .filter((r) => r.periodId !== null)
    .map((r) => ({
      communeId: r.communeId,
      name: r.name,
      // Half completion of due tasks, half units reporting on time.
      score:
        Math.round(((r.donePercent ?? 0) / 2 + (r.units ? (r.onTime / r.units) * 50 : 0)) * 10) /
        10,
    }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi'));
  return { label: chosen ?? null, labels, communes: rows, ranking };
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
