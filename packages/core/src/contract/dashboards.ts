import { z } from 'zod';
import { PERIOD_KINDS, PERIOD_STATUSES, REPORT_STATUSES } from './enums.ts';
import { PlanTarget } from './plans.ts';
import { StatusCounts, TaskStatusName, TrajectoryStatusName } from './statuses.ts';

// The dashboards (GET /api/plans/:id/dashboard, /api/provinces/:id/rollup,
// /api/provinces/:id/catalogue/:catalogueId): validated by the server, typed for the web app.

const DashboardTask = z.object({
  id: z.number(),
  appendix: z.string(),
  /** The heading of the plan's section the task sits in. */
  group: z.string().nullable(),
  code: z.string(),
  content: z.string(),
  lead: z.string().nullable(),
  director: z.string().nullable(),
  deadline: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: TaskStatusName,
  statusLabel: z.string(),
  progress: z.number().nullable(),
});
export type DashboardTask = z.infer<typeof DashboardTask>;

const DashboardIndicator = z.object({
  id: z.number(),
  appendix: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  targets: z.array(PlanTarget),
  value: z.string().nullable(),
  /** Where the trajectory expects the value at the period's end. */
  expected: z.number().nullable(),
  trajectory: TrajectoryStatusName,
  trajectoryLabel: z.string(),
  /** Each earlier period's value beside where the trajectory expected it. */
  history: z.array(
    z.object({
      period: z.string(),
      date: z.string(),
      value: z.number(),
      expected: z.number().nullable(),
    }),
  ),
});

/** A unit's line on the scoreboard (emulation ranking: thi đua). */
const UnitScore = z.object({
  unitId: z.number(),
  name: z.string(),
  reportStatus: z.union([z.enum(REPORT_STATUSES), z.literal('not_started')]),
  submittedAt: z.string().nullable(),
  onTime: z.boolean(),
  tasksLed: z.number(),
  tasksDue: z.number(),
  doneOnTime: z.number(),
  score: z.number(),
});

export const CommuneDashboard = z.object({
  period: z
    .object({
      id: z.number(),
      label: z.string(),
      kind: z.enum(PERIOD_KINDS),
      status: z.enum(PERIOD_STATUSES),
      windowStart: z.string(),
      windowEnd: z.string(),
      dueDate: z.string(),
      planId: z.number(),
      communeId: z.number(),
      communeName: z.string(),
    })
    .nullable(),
  periods: z.array(
    z.object({
      id: z.number(),
      label: z.string(),
      dueDate: z.string(),
      status: z.enum(PERIOD_STATUSES),
    }),
  ),
  appendices: z.array(z.string()),
  statusCounts: StatusCounts.nullable(),
  tasks: z.array(DashboardTask),
  overdue: z.array(DashboardTask),
  dueSoon: z.array(DashboardTask),
  indicators: z.array(DashboardIndicator),
  units: z.array(UnitScore),
});
export type CommuneDashboard = z.infer<typeof CommuneDashboard>;

export const ProvinceRollup = z.object({
  /** The reporting round shown (periods sharing a label), and every round there is. */
  label: z.string().nullable(),
  labels: z.array(z.string()),
  communes: z.array(
    z.object({
      communeId: z.number(),
      name: z.string(),
      code: z.string().nullable(),
      periodId: z.number().nullable(),
      planTitle: z.string().nullable(),
      units: z.number(),
      received: z.number(),
      onTime: z.number(),
      donePercent: z.number().nullable(),
      overdue: z.number(),
      reported: z.boolean(),
    }),
  ),
  ranking: z.array(z.object({ communeId: z.number(), name: z.string(), score: z.number() })),
});
export type ProvinceRollup = z.infer<typeof ProvinceRollup>;

/** One catalogue indicator across a province's communes, for a reporting round. */
export const CatalogueComparison = z.object({
  label: z.string().nullable(),
  labels: z.array(z.string()),
  communes: z.array(
    z.object({
      communeId: z.number(),
      commune: z.string(),
      value: z.number().nullable(),
      text: z.string().nullable(),
    }),
  ),
});
export type CatalogueComparison = z.infer<typeof CatalogueComparison>;
