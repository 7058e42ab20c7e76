import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { inForceOn, periodEnd } from '../plans/versions.ts';
import { COUNTED_STATUSES } from './countedUpdates.ts';

// Coordinating units (phối hợp) file their own contribution to a task each period; the lead
// unit (chủ trì) reads them beside its own update and writes the consolidated one, which is
// the only one the figures count. A contribution counts as given once its report is sent.

export interface Contribution {
  unitId: number;
  unitName: string;
  results: string | null;
  difficulties: string | null;
  proposals: string | null;
  evidenceText: string | null;
  resourcesVnd: number | null;
  submittedAt: string | null;
}

export interface TaskContributions {
  given: Contribution[];
  /** Coordinating units whose contribution has not arrived (none, or not yet sent). */
  missing: { unitId: number; unitName: string }[];
}

function coordinators(db: Kysely<Database>, taskIds: number[]) {
  return db
    .selectFrom('task_units as tu')
    .innerJoin('org_units as unit', 'unit.id', 'tu.unit_id')
    .select(['tu.item_id as taskId', 'tu.unit_id as unitId', 'unit.name as unitName'])
    .where('tu.item_id', 'in', taskIds.length ? taskIds : [-1])
    .where('tu.role', '=', 'coordinate')
    .execute();
}

function sentContributions(db: Kysely<Database>, periodId: number, taskIds: number[]) {
  return db
    .selectFrom('task_updates as u')
    .innerJoin('reports as r', 'r.id', 'u.report_id')
    .select([
      'u.task_id as taskId',
      'r.unit_id as unitId',
      'u.results',
      'u.difficulties',
      'u.proposals',
      'u.evidence_text',
      'u.resources_vnd',
      'r.submitted_at',
    ])
    .where('r.period_id', '=', periodId)
    .where('r.status', 'in', COUNTED_STATUSES)
    .where('u.task_id', 'in', taskIds.length ? taskIds : [-1])
    .execute();
}

/** For each task the lead unit leads: what its coordinating units sent this period. */
export async function contributionsFor(
  db: Kysely<Database>,
  periodId: number,
  taskIds: number[],
): Promise<Map<number, TaskContributions>> {
  const [units, sent] = await Promise.all([
    coordinators(db, taskIds),
    sentContributions(db, periodId, taskIds),
  ]);
  const out = new Map<number, TaskContributions>();
  for (const taskId of taskIds) out.set(taskId, { given: [], missing: [] });
  for (const c of units) {
    const update = sent.find((s) => s.taskId === c.taskId && s.unitId === c.unitId);
    const entry = out.get(c.taskId)!;
    if (!update) {
      entry.missing.push({ unitId: c.unitId, unitName: c.unitName });
      continue;
    }
    entry.given.push({
      unitId: c.unitId,
      unitName: c.unitName,
      results: update.results,
      difficulties: update.difficulties,
      proposals: update.proposals,
      evidenceText: update.evidence_text,
      // bigint comes back as a string from PostgreSQL
      resourcesVnd: update.resources_vnd === null ? null : Number(update.resources_vnd),
      submittedAt: update.submitted_at,
    });
  }
  return out;
}

/** Per coordinating unit in a period: how many contributions it owes and how many it sent. */
export async function contributionCounts(
  db: Kysely<Database>,
  planId: number,
  periodId: number,
): Promise<Map<number, { expected: number; given: number }>> {
  const rows = await db
    .selectFrom('task_units as tu')
    .innerJoin('tasks', 'tasks.id', 'tu.item_id')
    .leftJoin('reports as r', (join) =>
      join
        .onRef('r.unit_id', '=', 'tu.unit_id')
        .on('r.period_id', '=', periodId)
        .on('r.status', 'in', COUNTED_STATUSES),
    )
    .leftJoin('task_updates as u', (join) =>
      join.onRef('u.report_id', '=', 'r.id').onRef('u.task_id', '=', 'tu.item_id'),
    )
    .select(['tu.unit_id as unitId', 'u.id as updateId'])
    .where('tasks.plan_id', '=', planId)
    .where(inForceOn('tasks', periodEnd(periodId)))
    .where('tu.role', '=', 'coordinate')
    .execute();
  const counts = new Map<number, { expected: number; given: number }>();
  for (const row of rows) {
    const c = counts.get(row.unitId) ?? { expected: 0, given: 0 };
    c.expected++;
    if (row.updateId !== null) c.given++;
    counts.set(row.unitId, c);
  }
  return counts;
}
