/** One colour per task status (evaluateTask), shared by every chart and badge. */
import type { TaskStatus } from '@tiendo/core';

export const STATUS_COLORS: Record<TaskStatus, string> = {
  done_on_time: '#2f9e44',
  done_late: '#74b816',
  in_progress: '#1c7ed6',
  overdue: '#e03131',
  not_started: '#f08c00',
  not_reported: '#868e96',
  not_applicable: '#ced4da',
};
