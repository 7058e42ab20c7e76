import type { Kysely } from 'kysely';
import {
  evaluateTask,
  parseDeadline,
  summariseStatuses,
  TASK_STATUS_LABELS,
  type TaskProgressUpdate,
  type TaskStatus,
  type ReportStatus,
} from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { inForceOn, lineageOf } from '../plans/versions.ts';
import { notFound } from '../http/errors.ts';
import { todayInVietnam } from '../http/time.ts';
import { sentOnTime } from '../reports/compliance.ts';
import { COUNTED_STATUSES, countedTaskUpdates, progressOf } from '../reports/countedUpdates.ts';

// Everything the period's official outputs need, gathered once: the plan, each task with its
// status judged by the domain core from the units' submitted and approved updates, each
// indicator with the value reported this period, and the difficulties and proposals the units
// wrote. The .docx report, the .xlsx appendices and the CSV/JSON exports all read this.

export interface SummaryTask {
  id: number;
  /** The item across amendments (plans/versions.ts). */
  lineageId: number;
  appendix: string;
  group: string | null;
  code: string;
  content: string;
  lead: string | null;
  coordinate: string | null;
  deadline: string | null;
  /** The date the deadline falls on, when it names one (a window's end, 31/12 for yearly). */
  dueDate: string | null;
  /** "Đồng chí được phân công chỉ đạo": the leader answerable for the task. */
  director: string | null;
  output: string | null;
  status: TaskStatus;
  statusLabel: string;
  progress: number | null;
  results: string | null;
  evidence: string | null;
  resourcesVnd: number | null;
  reportedBy: string[];
}

export interface SummaryIndicator {
  id: number;
  /** The item across amendments (plans/versions.ts). */
  lineageId: number;
  appendix: string;
  group: string | null;
  code: string;
  name: string;
  unit: string | null;
  lead: string | null;
  targets: Array<{ year: number | null; text: string }>;
  value: string | null;
  valueNumber: number | null;
  dataSource: string | null;
  note: string | null;
}

export interface UnitNote {
  unit: string;
  taskCode: string;
  text: string;
}

export async function periodSummary(
  db: Kysely<Database>,
  periodId: number,
  asOf = todayInVietnam(),
  /** Which reports count: the public page shows approved ones only. */
  counted: ReportStatus[] = COUNTED_STATUSES,
) {
  const period = await db
    .selectFrom('reporting_periods as p')
    .innerJoin('plans', 'plans.id', 'p.plan_id')
    .innerJoin('org_units as commune', 'commune.id', 'plans.commune_id')
    .leftJoin('org_units as province', 'province.id', 'commune.parent_id')
    .select([
      'p.id',
      'p.label',
      'p.kind',
      'p.window_start',
      'p.window_end',
      'p.due_date',
      'p.status',
      'plans.id as planId',
      'plans.title as planTitle',
      'plans.number as planNumber',
      'plans.issued_on as planDate',
      'plans.issuer as planIssuer',
      'plans.focal_unit_text as focalUnit',
      'plans.metadata_json',
      'commune.id as communeId',
      'commune.name as communeName',
      'commune.code as communeCode',
      'province.name as provinceName',
    ])
    .where('p.id', '=', periodId)
    .executeTakeFirst();
  if (!period) throw notFound('Không tìm thấy kỳ báo cáo');
  const [sections, tasks, indicators, targets, updates, values, reports, units] = await Promise.all(
    [
      db.selectFrom('plan_sections').selectAll().where('plan_id', '=', period.planId).execute(),
      // The plan as it stood at the period's end (plans/versions.ts).
      db
        .selectFrom('tasks')
        .selectAll()
        .select(lineageOf('tasks').as('lineage'))
        .where('plan_id', '=', period.planId)
        .where(inForceOn('tasks', period.window_end))
        .orderBy('ordinal')
        .execute(),
      db
        .selectFrom('indicators')
        .selectAll()
        .select(lineageOf('indicators').as('lineage'))
        .where('plan_id', '=', period.planId)
        .where(inForceOn('indicators', period.window_end))
        .orderBy('ordinal')
        .execute(),
      db
        .selectFrom('indicator_targets')
        .innerJoin('indicators', 'indicators.id', 'indicator_targets.indicator_id')
        .select([
          'indicator_targets.indicator_id',
          'indicator_targets.year',
          'indicator_targets.raw_text',
        ])
        .where('indicators.plan_id', '=', period.planId)
        .where(inForceOn('indicators', period.window_end))
        .execute(),
      // Updates of every counted report of this plan up to this period's end: a task done
      // in an earlier period stays done, whichever version of the task it was reported on.
      countedTaskUpdates(db, [period.planId], { until: period.window_end, statuses: counted })
        .innerJoin('org_units as unit', 'unit.id', 'r.unit_id')
        .innerJoin('tasks as reported', 'reported.id', 'u.task_id')
        .select(lineageOf('reported').as('lineage'))
        .select([
          'u.task_id',
          'u.status',
          'u.progress',
          'u.results',
          'u.evidence_text',
          'u.resources_vnd',
          'u.difficulties',
          'u.proposals',
          'u.completed_on',
          'r.period_id',
          'unit.name as unitName',
          'p.window_end',
        ])
        .execute(),
      db
        .selectFrom('indicator_values as v')
        .innerJoin('reports as r', 'r.id', 'v.report_id')
        .innerJoin('org_units as unit', 'unit.id', 'r.unit_id')
        .select([
          'v.indicator_id',
          'v.value_number',
          'v.value_text',
          'v.data_source',
          'v.note',
          'unit.name as unitName',
        ])
        .where('r.period_id', '=', periodId)
        .where('r.status', 'in', counted)
        .execute(),
      db
        .selectFrom('reports')
        .innerJoin('org_units as unit', 'unit.id', 'reports.unit_id')
        .select(['reports.status', 'reports.first_submitted_at', 'unit.name'])
        .where('period_id', '=', periodId)
        .execute(),
      db
        .selectFrom('org_units')
        .select(['id', 'name'])
        .where('parent_id', '=', period.communeId)
        .execute(),
    ],
  );
  const sectionOf = new Map(sections.map((s) => [s.id, s]));
  const window = { start: period.window_start, end: period.window_end };

  const summaryTasks: SummaryTask[] = tasks.map((task) => {
    const own = updates.filter((u) => Number(u.lineage) === Number(task.lineage));
    const progress = own.map(progressOf).filter((u): u is TaskProgressUpdate => u !== null);
    const spec = parseDeadline(task.deadline_text ?? '');
    const status = evaluateTask(spec, progress, window, asOf);
    const inPeriod = own.filter((u) => u.period_id === periodId);
    const latest = inPeriod.at(-1) ?? own.at(-1);
    // Several units reporting on one task (lead and coordinators): say who wrote what.
    const byUnit = (field: 'results' | 'evidence_text') =>
      joinTexts(
        inPeriod.map((u) =>
          u[field] && new Set(inPeriod.map((x) => x.unitName)).size > 1
            ? `${u.unitName}: ${u[field]}`
            : u[field],
        ),
      );
    const section = sectionOf.get(task.section_id);
    return {
      id: task.id,
      lineageId: Number(task.lineage),
      appendix: section?.appendix ?? '',
      group: section?.heading ?? null,
      code: task.code,
      content: task.content,
      lead: task.lead_text,
      coordinate: task.coordinate_text,
      deadline: task.deadline_text,
      dueDate:
        spec.kind === 'window'
          ? spec.due
          : spec.kind === 'yearly'
            ? `${asOf.slice(0, 4)}-12-31`
            : null,
      director: task.director,
      output: task.output,
      status,
      statusLabel: TASK_STATUS_LABELS[status],
      progress: latest?.progress ?? null,
      results: byUnit('results'),
      evidence: byUnit('evidence_text'),
      resourcesVnd: inPeriod.reduce<number | null>(
        (sum, u) => (u.resources_vnd === null ? sum : (sum ?? 0) + Number(u.resources_vnd)),
        null,
      ),
      reportedBy: [...new Set(inPeriod.map((u) => u.unitName))],
    };
  });

  const notes = (field: 'difficulties' | 'proposals'): UnitNote[] =>
    updates
      .filter((u) => u.period_id === periodId && u[field]?.trim())
      .map((u) => ({
        unit: u.unitName,
        taskCode: tasks.find((t) => Number(t.lineage) === Number(u.lineage))?.code ?? '',
        text: u[field]!.trim(),
      }));

  const summaryIndicators: SummaryIndicator[] = indicators.map((ind) => {
    const section = sectionOf.get(ind.section_id);
    const value = values.find((v) => v.indicator_id === ind.id);
    return {
      id: ind.id,
      lineageId: Number(ind.lineage),
      appendix: section?.appendix ?? '',
      group: section?.heading ?? null,
      code: ind.code,
      name: ind.name,
      unit: ind.measure_unit,
      lead: ind.lead_text,
      targets: targets
        .filter((t) => t.indicator_id === ind.id)
        .map((t) => ({ year: t.year, text: t.raw_text })),
      value: value
        ? value.value_number !== null
          ? formatNumber(value.value_number)
          : value.value_text
        : null,
      valueNumber: value?.value_number ?? null,
      dataSource: value?.data_source ?? null,
      note: value?.note ?? null,
    };
  });

  const unitsWithReports = new Set(
    reports.filter((r) => counted.includes(r.status)).map((r) => r.name),
  );
  return {
    period,
    metadata: JSON.parse(period.metadata_json) as {
      signer?: { name: string | null; position: string | null; authority: string | null } | null;
      locality?: string | null;
    },
    tasks: summaryTasks,
    indicators: summaryIndicators,
    counts: summariseStatuses(summaryTasks.map((t) => t.status)),
    difficulties: notes('difficulties'),
    proposals: notes('proposals'),
    reporting: {
      units: units.length,
      received: unitsWithReports.size,
      onTime: reports.filter(
        (r) => counted.includes(r.status) && sentOnTime(r.first_submitted_at, period.due_date),
      ).length,
      approved: reports.filter((r) => r.status === 'approved').length,
    },
  };
}
export type PeriodSummary = Awaited<ReturnType<typeof periodSummary>>;

function joinTexts(texts: Array<string | null>): string | null {
  const parts = [...new Set(texts.map((t) => t?.trim()).filter((t): t is string => !!t))];
  return parts.length ? parts.join('\n') : null;
}

/** 85.5 → "85,5" (Vietnamese decimal comma). */
export function formatNumber(n: number): string {
  return n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
}
