import { z } from 'zod';
import {
  ITEM_ROLES,
  PERIOD_KINDS,
  PERIOD_STATUSES,
  REPORT_STATUSES,
  UPDATE_STATES,
} from './enums.ts';
import { EXPLANATION_REASONS } from '../status/explanation.ts';
import { PlanTarget } from './plans.ts';

// A unit's report and the reporting periods (GET /api/reports/:id, /api/my/reports,
// /api/plans/:id/periods, /api/periods/:id/reports): validated by the server on the way out,
// typed for the web app from here — one definition, no copies.

const ReportStatus = z.enum(REPORT_STATUSES);
const PeriodStatus = z.enum(PERIOD_STATUSES);

export const TaskUpdateView = z.object({
  version: z.number(),
  status: z.enum(UPDATE_STATES).nullable(),
  progress: z.number().nullable(),
  results: z.string().nullable(),
  resourcesVnd: z.number().nullable(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
  evidenceText: z.string().nullable(),
  completedOn: z.string().nullable(),
  reviewComment: z.string().nullable(),
  explanation: z.string().nullable(),
  /** Carried over from the last period, not touched since. */
  prefilled: z.boolean(),
});
export type TaskUpdateView = z.infer<typeof TaskUpdateView>;

export const IndicatorValueView = z.object({
  version: z.number(),
  valueNumber: z.number().nullable(),
  valueText: z.string().nullable(),
  dataSource: z.string().nullable(),
  note: z.string().nullable(),
  reviewComment: z.string().nullable(),
  explanation: z.string().nullable(),
  prefilled: z.boolean(),
});
export type IndicatorValueView = z.infer<typeof IndicatorValueView>;

/** What a coordinating unit (phối hợp) sent for a task this period. */
export const ContributionView = z.object({
  unitId: z.number(),
  unitName: z.string(),
  results: z.string().nullable(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
  evidenceText: z.string().nullable(),
  resourcesVnd: z.number().nullable(),
  submittedAt: z.string().nullable(),
});
export type ContributionView = z.infer<typeof ContributionView>;

/** Why an item must be explained (giải trình): a task late, an indicator off its track. */
const ExplanationReasonName = z.enum(EXPLANATION_REASONS);

export const ReportDetail = z.object({
  id: z.number(),
  status: ReportStatus,
  version: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  periodId: z.number(),
  periodLabel: z.string(),
  dueDate: z.string(),
  lockAfterDays: z.number().nullable(),
  periodStatus: PeriodStatus,
  windowStart: z.string(),
  windowEnd: z.string(),
  planId: z.number(),
  planTitle: z.string(),
  unlockedAt: z.string().nullable(),
  unlockReason: z.string().nullable(),
  /** The day the period locks itself (khóa sổ), or null. */
  lockOn: z.string().nullable(),
  /** The unit may write now: the period is open (or reopened for it) and the report a draft. */
  editable: z.boolean(),
  permissions: z.object({ write: z.boolean(), review: z.boolean() }),
  tasks: z.array(
    z.object({
      taskId: z.number(),
      code: z.string(),
      /** The plan's group heading (or appendix) the task sits under. */
      section: z.string().nullable(),
      content: z.string(),
      output: z.string().nullable(),
      deadline: z.string().nullable(),
      role: z.enum(ITEM_ROLES),
      update: TaskUpdateView.nullable(),
      needsExplanation: ExplanationReasonName.nullable(),
      contributions: z
        .object({
          given: z.array(ContributionView),
          missing: z.array(z.object({ unitId: z.number(), unitName: z.string() })),
        })
        .nullable(),
      attachments: z.array(
        z.object({ id: z.number(), filename: z.string(), size: z.number(), sha256: z.string() }),
      ),
    }),
  ),
  indicators: z.array(
    z.object({
      indicatorId: z.number(),
      code: z.string(),
      section: z.string().nullable(),
      name: z.string(),
      unit: z.string().nullable(),
      targets: z.array(PlanTarget),
      value: IndicatorValueView.nullable(),
      /** What the province assigned to the commune, by year (giao chỉ tiêu). */
      assigned: z.array(z.object({ year: z.number(), value: z.number() })),
      needsExplanation: ExplanationReasonName.nullable(),
    }),
  ),
});
export type ReportDetail = z.infer<typeof ReportDetail>;

/** A period the reporter's unit owes, with where it sits in the inbox ("Việc của tôi"). */
export const MyReportRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  planId: z.number(),
  planTitle: z.string(),
  periodId: z.number(),
  periodLabel: z.string(),
  dueDate: z.string(),
  periodStatus: PeriodStatus,
  windowStart: z.string(),
  windowEnd: z.string(),
  reportId: z.number().nullable(),
  reportStatus: z.union([ReportStatus, z.literal('not_started')]),
  reviewComment: z.string().nullable(),
  bucket: z.enum(['returned', 'overdue', 'due', 'done', 'missed']),
});
export type MyReportRow = z.infer<typeof MyReportRow>;

export const PeriodView = z.object({
  id: z.number(),
  planId: z.number(),
  kind: z.enum(PERIOD_KINDS),
  label: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  dueDate: z.string(),
  status: PeriodStatus,
  /** Locks itself this many days after the due date; null: only by hand. */
  lockAfterDays: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PeriodView = z.infer<typeof PeriodView>;

export const PeriodOverview = z.object({
  permissions: z.object({ manage: z.boolean() }),
  period: PeriodView.extend({ communeId: z.number() }),
  units: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      tasks: z.number(),
      indicators: z.number(),
      reportId: z.number().nullable(),
      status: z.union([ReportStatus, z.literal('not_started')]),
      version: z.number().nullable(),
      submittedAt: z.string().nullable(),
      onTime: z.boolean().nullable(),
      unlocked: z.object({ at: z.string(), reason: z.string().nullable() }).nullable(),
      contributions: z.object({ expected: z.number(), given: z.number() }),
    }),
  ),
});
export type PeriodOverview = z.infer<typeof PeriodOverview>;
