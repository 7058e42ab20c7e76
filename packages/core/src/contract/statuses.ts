import { z } from 'zod';
import { TASK_STATUS_LABELS, type TaskStatus } from '../status/evaluateTask.ts';
import { TRAJECTORY_LABELS, type TrajectoryStatus } from '../status/trajectory.ts';

// The statuses the domain judges, as schemas: named once where they are judged
// (status/evaluateTask.ts, status/trajectory.ts), read by every contract that sends them.

export const TaskStatusName = z.enum(
  Object.keys(TASK_STATUS_LABELS) as [TaskStatus, ...TaskStatus[]],
);
export const TrajectoryStatusName = z.enum(
  Object.keys(TRAJECTORY_LABELS) as [TrajectoryStatus, ...TrajectoryStatus[]],
);

/** Tasks counted by status, their total and the share done (summariseStatuses). */
export const StatusCounts = z
  .record(TaskStatusName, z.number())
  .and(z.object({ total: z.number(), donePercent: z.number() }));
