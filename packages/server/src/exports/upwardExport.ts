import type { Kysely } from 'kysely';
import { z } from 'zod';
import { evaluateTrajectory, milestonesOf, PlanTarget } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../http/time.ts';
import { periodSummary } from './periodSummary.ts';
import { csvCell } from './planExport.ts';
import { assignedTargets } from '../reports/assignedTargets.ts';

// One period of a plan in the shape an upper-level or national system ingests
// (docs/upward-export.md): every task with its status, every indicator with its value and
// trajectory, identified by administrative unit codes (Decision 19/2025/QĐ-TTg) and by the
// higher-level item each one carries out — so nothing is typed twice. The shape is versioned
// ("schema"); the zod schema below is the contract, checked on every export.

export const UPWARD_SCHEMA = 'tiendo.progress/1';

const Unit = z.object({ name: z.string(), code: z.string().nullable() });
const ParentItem = z.object({ planNumber: z.string().nullable(), code: z.string() }).nullable();

export const UpwardExport = z.object({
  schema: z.literal(UPWARD_SCHEMA),
  generatedAt: z.string(),
  province: Unit.nullable(),
  commune: Unit,
  plan: z.object({
    id: z.number(),
    number: z.string().nullable(),
    title: z.string(),
    issuedOn: z.string().nullable(),
    parentPlanNumber: z.string().nullable(),
  }),
  period: z.object({
    id: z.number(),
    label: z.string(),
    kind: z.string(),
    windowStart: z.string(),
    windowEnd: z.string(),
    dueDate: z.string(),
  }),
  reporting: z.object({ units: z.number(), received: z.number(), onTime: z.number() }),
  tasks: z.array(
    z.object({
      code: z.string(),
      appendix: z.string(),
      content: z.string(),
      lead: z.string().nullable(),
      deadline: z.string().nullable(),
      dueDate: z.string().nullable(),
      status: z.string(),
      statusLabel: z.string(),
      progress: z.number().nullable(),
      results: z.string().nullable(),
      parent: ParentItem,
    }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      appendix: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      targets: z.array(PlanTarget),
      assignedTarget: z.number().nullable(),
      value: z.string().nullable(),
      valueNumber: z.number().nullable(),
      dataSource: z.string().nullable(),
      trajectory: z.string(),
      parent: ParentItem,
    }),
  ),
});
export type UpwardExport = z.infer<typeof UpwardExport>;

/** Commune item → the higher-level item it carries out (cascade links), as plan number + code. */
async function parentItems(db: Kysely<Database>, planId: number) {
  const links = (kind: 'task' | 'indicator') =>
    db
      .selectFrom('cascade_links as l')
      .innerJoin(
        `${kind === 'task' ? 'tasks' : 'indicators'} as child` as 'tasks as child',
        'child.id',
        'l.child_id',
      )
      .innerJoin(
        `${kind === 'task' ? 'tasks' : 'indicators'} as parent` as 'tasks as parent',
        'parent.id',
        'l.parent_id',
      )
      .innerJoin('plans as pp', 'pp.id', 'parent.plan_id')
      .select(['l.child_id', 'parent.code', 'pp.number'])
      .where('l.child_kind', '=', kind)
      .where('child.plan_id', '=', planId)
      .execute();
  const out = new Map<string, { planNumber: string | null; code: string }>();
  for (const kind of ['task', 'indicator'] as const)
    for (const r of await links(kind))
      out.set(`${kind}:${r.child_id}`, { planNumber: r.number, code: r.code });
  return out;
}

export async function upwardExport(db: Kysely<Database>, periodId: number): Promise<UpwardExport> {
  const summary = await periodSummary(db, periodId);
  const p = summary.period;
  const [codes, parents, assigned, parentPlan] = await Promise.all([
    db
      .selectFrom('org_units as c')
      .leftJoin('org_units as prov', 'prov.id', 'c.parent_id')
      .select(['prov.name as provinceName', 'prov.code as provinceCode'])
      .where('c.id', '=', p.communeId)
      .executeTakeFirstOrThrow(),
    parentItems(db, p.planId),
    assignedTargets(db, p.planId),
    db
      .selectFrom('plans as child')
      .innerJoin('plans as parent', 'parent.id', 'child.parent_plan_id')
      .select('parent.number')
      .where('child.id', '=', p.planId)
      .executeTakeFirst(),
  ]);
  const year = Number(p.window_end.slice(0, 4));
  const data: UpwardExport = {
    schema: UPWARD_SCHEMA,
    generatedAt: nowIso(),
    province: codes.provinceName ? { name: codes.provinceName, code: codes.provinceCode } : null,
    commune: { name: p.communeName, code: p.communeCode },
    plan: {
      id: p.planId,
      number: p.planNumber,
      title: p.planTitle,
      issuedOn: p.planDate,
      parentPlanNumber: parentPlan?.number ?? null,
    },
    period: {
      id: p.id,
      label: p.label,
      kind: p.kind,
      windowStart: p.window_start,
      windowEnd: p.window_end,
      dueDate: p.due_date,
    },
    reporting: {
      units: summary.reporting.units,
      received: summary.reporting.received,
      onTime: summary.reporting.onTime,
    },
    tasks: summary.tasks.map((t) => ({
      code: t.code,
      appendix: t.appendix,
      content: t.content,
      lead: t.lead,
      deadline: t.deadline,
      dueDate: t.dueDate,
      status: t.status,
      statusLabel: t.statusLabel,
      progress: t.progress,
      results: t.results,
      parent: parents.get(`task:${t.id}`) ?? null,
    })),
    indicators: summary.indicators.map((i) => {
      const milestones = milestonesOf(i.targets, i.unit);
      const trajectory = evaluateTrajectory({
        milestones,
        date: p.window_end,
        actual: i.valueNumber ?? i.value,
      });
      return {
        code: i.code,
        appendix: i.appendix,
        name: i.name,
        unit: i.unit,
        targets: i.targets,
        assignedTarget:
          assigned.find((a) => a.indicatorId === i.id && a.year === year)?.value ?? null,
        value: i.value,
        valueNumber: i.valueNumber,
        dataSource: i.dataSource,
        trajectory: trajectory.status,
        parent: parents.get(`indicator:${i.id}`) ?? null,
      };
    }),
  };
  return UpwardExport.parse(data);
}

/** The CSV columns, in order (docs/upward-export.md describes each). */
export const UPWARD_CSV_COLUMNS = [
  'schema',
  'province_code',
  'province_name',
  'commune_code',
  'commune_name',
  'plan_number',
  'parent_plan_number',
  'period_label',
  'window_start',
  'window_end',
  'item_kind',
  'appendix',
  'item_code',
  'item_name',
  'parent_item_code',
  'measure_unit',
  'status',
  'progress_percent',
  'value',
  'value_number',
  'assigned_target',
  'targets',
] as const;

export function upwardExportCsv(data: UpwardExport): string {
  const common = [
    data.schema,
    data.province?.code,
    data.province?.name,
    data.commune.code,
    data.commune.name,
    data.plan.number,
    data.plan.parentPlanNumber,
    data.period.label,
    data.period.windowStart,
    data.period.windowEnd,
  ];
  const rows: unknown[][] = [
    [...UPWARD_CSV_COLUMNS],
    ...data.tasks.map((t) => [
      ...common,
      'task',
      t.appendix,
      t.code,
      t.content,
      t.parent?.code,
      null,
      t.status,
      t.progress,
      null,
      null,
      null,
      null,
    ]),
    ...data.indicators.map((i) => [
      ...common,
      'indicator',
      i.appendix,
      i.code,
      i.name,
      i.parent?.code,
      i.unit,
      i.trajectory,
      null,
      i.value,
      i.valueNumber,
      i.assignedTarget,
      i.targets.map((t) => `${t.year ?? '*'}: ${t.text}`).join('; '),
    ]),
  ];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
