import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { lineageOf } from '../plans/versions.ts';
import { notFound } from '../http/errors.ts';
import { COUNTED_STATUSES } from '../reports/countedUpdates.ts';

/** A task and everything units reported about it, period by period (drill-down). */
export async function taskHistory(db: Kysely<Database>, taskId: number) {
  const task = await db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select([
      'tasks.id',
      'tasks.code',
      'tasks.content',
      'tasks.lead_text as lead',
      'tasks.coordinate_text as coordinate',
      'tasks.deadline_text as deadline',
      'tasks.output',
      'tasks.director',
      'plans.commune_id as communeId',
      'plans.id as planId',
    ])
    .select(lineageOf('tasks').as('lineage'))
    .where('tasks.id', '=', taskId)
    .executeTakeFirst();
  if (!task) throw notFound('Không tìm thấy nhiệm vụ');
  const updates = await db
    .selectFrom('task_updates as u')
    .innerJoin('reports as r', 'r.id', 'u.report_id')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('org_units as unit', 'unit.id', 'r.unit_id')
    .select([
      'p.label as period',
      'p.window_end as windowEnd',
      'r.unit_id as unitId',
      'unit.name as unit',
      'r.status as reportStatus',
      'r.submitted_at as submittedAt',
      'u.status',
      'u.progress',
      'u.results',
      'u.evidence_text as evidence',
      'u.difficulties',
      'u.completed_on as completedOn',
    ])
    // Every version of the task: what was reported before an amendment is its history too.
    .where('u.task_id', 'in', (eb) =>
      eb.selectFrom('tasks').select('id').where(lineageOf('tasks'), '=', Number(task.lineage)),
    )
    .where('r.status', 'in', COUNTED_STATUSES)
    .orderBy('p.window_end')
    .orderBy('r.submitted_at')
    .execute();
  return { task, updates };
}
