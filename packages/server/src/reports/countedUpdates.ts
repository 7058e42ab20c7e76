import type { Kysely } from 'kysely';
import { COUNTED_STATUSES, type ReportStatus, type TaskProgressUpdate } from '@tiendo/core';
import type { Database } from '../db/schema.ts';

// What the units reported, as every figure downstream reads it (period summary, province
// roll-up, exports, dashboards): only submitted and approved reports count — drafts never
// leave the unit — and a task's update is its lead unit's (chủ trì), which consolidates the
// coordinating units' contributions (reports/contributions.ts); only a task without a lead
// unit counts whoever reported it. Updates come in submission order.

export { COUNTED_STATUSES };

/** The counted task updates of some plans (optionally of periods ending by `until`), in
 *  submission order; callers select the columns they need (`u`, `r`, `p` are joined). */
export function countedTaskUpdates(
  db: Kysely<Database>,
  planIds: number[],
  options: { until?: string; statuses?: ReportStatus[] } = {},
) {
  let query = db
    .selectFrom('task_updates as u')
    .innerJoin('reports as r', 'r.id', 'u.report_id')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .where('p.plan_id', 'in', planIds.length ? planIds : [-1])
    .where('r.status', 'in', options.statuses ?? COUNTED_STATUSES)
    .where(({ or, not, exists, selectFrom }) => {
      const leads = () =>
        selectFrom('task_units as lead')
          .select('lead.item_id')
          .whereRef('lead.item_id', '=', 'u.task_id')
          .where('lead.role', '=', 'lead');
      return or([exists(leads().whereRef('lead.unit_id', '=', 'r.unit_id')), not(exists(leads()))]);
    });
  if (options.until) query = query.where('p.window_end', '<=', options.until);
  return query.orderBy('r.submitted_at').orderBy('u.id');
}

/** An update as the domain core's task evaluation reads it: the state as of the cut-off of
 *  the period it was reported for (a report is submitted after its window ends, and still
 *  describes that period). Null when the unit gave no state. */
export function progressOf(u: {
  status: string | null;
  window_end: string;
  completed_on: string | null;
}): TaskProgressUpdate | null {
  return u.status
    ? {
        reportedOn: u.window_end,
        state: u.status as TaskProgressUpdate['state'],
        completedOn: u.completed_on,
      }
    : null;
}
