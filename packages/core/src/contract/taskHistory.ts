import { z } from 'zod';
import { REPORT_STATUSES, UPDATE_STATES } from './enums.ts';

// A task and what units reported on it, period by period (GET /api/tasks/:id/history): every
// version of the task since amendments, each update with its unit and period. Free text is
// null where the reader may see only figures.

export const TaskHistory = z.object({
  task: z.object({
    id: z.number(),
    planId: z.number(),
    code: z.string(),
    content: z.string(),
    lead: z.string().nullable(),
    coordinate: z.string().nullable(),
    deadline: z.string().nullable(),
    output: z.string().nullable(),
    director: z.string().nullable(),
  }),
  updates: z.array(
    z.object({
      period: z.string(),
      windowEnd: z.string(),
      unit: z.string(),
      reportStatus: z.enum(REPORT_STATUSES),
      submittedAt: z.string().nullable(),
      status: z.enum(UPDATE_STATES).nullable(),
      progress: z.number().nullable(),
      results: z.string().nullable(),
      evidence: z.string().nullable(),
      difficulties: z.string().nullable(),
      completedOn: z.string().nullable(),
    }),
  ),
});
export type TaskHistory = z.infer<typeof TaskHistory>;
