import { z } from 'zod';
import { AmendmentView } from './amendments.ts';
import { ComplianceFigures, PlanComplianceView } from './compliance.ts';
import { TaskStatusName, TrajectoryStatusName } from './statuses.ts';
import { CONCERN_KINDS, CONCERN_STATUSES } from './enums.ts';

// A plan's yearly review (sơ kết) or five-year review (tổng kết), GET /api/plans/:id/review:
// validated by the server, typed for the web app from here.

export const PlanReview = z.object({
  plan: z.object({
    id: z.number(),
    title: z.string(),
    number: z.string().nullable(),
    communeName: z.string(),
  }),
  span: z.object({
    kind: z.enum(['year', 'term']),
    year: z.number().optional(),
    from: z.string(),
    to: z.string(),
    label: z.string().describe('"năm 2026" hoặc "giai đoạn 2026–2030"'),
  }),
  years: z.array(z.number()),
  periods: z.array(z.object({ id: z.number(), label: z.string(), windowEnd: z.string() })),
  tasks: z.array(
    z.object({
      lineageId: z.number(),
      code: z.string(),
      appendix: z.string(),
      group: z.string().nullable(),
      content: z.string(),
      lead: z.string().nullable(),
      deadline: z.string().nullable(),
      statuses: z.array(TaskStatusName.nullable()).describe('Tình trạng cuối mỗi kỳ'),
      final: TaskStatusName.nullable(),
      finalLabel: z.string(),
    }),
  ),
  counts: z.record(z.string(), z.number()),
  indicators: z.array(
    z.object({
      lineageId: z.number(),
      code: z.string(),
      appendix: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      years: z.array(
        z.object({
          year: z.number(),
          target: z.string().nullable(),
          value: z.string().nullable(),
          trajectory: TrajectoryStatusName,
          trajectoryLabel: z.string(),
        }),
      ),
    }),
  ),
  units: PlanComplianceView.shape.units,
  reporting: ComplianceFigures,
  concerns: z.object({
    raised: z.number(),
    answered: z.number(),
    open: z.number(),
    items: z.array(
      z.object({
        id: z.number(),
        kind: z.enum(CONCERN_KINDS),
        unit: z.string(),
        taskCode: z.string(),
        period: z.string(),
        content: z.string(),
        answer: z.string().nullable(),
        status: z.enum(CONCERN_STATUSES),
      }),
    ),
  }),
  amendments: z.array(AmendmentView),
});
export type PlanReview = z.infer<typeof PlanReview>;
