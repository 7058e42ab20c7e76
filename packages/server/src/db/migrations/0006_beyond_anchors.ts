import { sql, type Kysely } from 'kysely';
import { notNull, versionCol, withId, withTimestamps, type MigrationContext } from './columns.ts';

// What makes units actually report (issue 9): an explanation when an item turns overdue or
// off track, a locked period reopened for one unit, difficulties and proposals tracked until
// answered, province targets split down to communes, and the succession of merged or split
// units.

export async function up({ db, dialect }: MigrationContext): Promise<void> {
  // Giải trình: what happened and what is planned, required when an item falls behind.
  await db.schema.alterTable('task_updates').addColumn('explanation', 'text').execute();
  await db.schema.alterTable('indicator_values').addColumn('explanation', 'text').execute();
  // A locked period reopened for this unit only (by whom, when, why).
  await db.schema.alterTable('reports').addColumn('unlocked_at', 'text').execute();
  await db.schema
    .alterTable('reports')
    .addColumn('unlocked_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema.alterTable('reports').addColumn('unlock_reason', 'text').execute();
  // Timeliness counts the first submission: a report returned for revision and sent again
  // after the due date was still on time.
  await db.schema.alterTable('reports').addColumn('first_submitted_at', 'text').execute();
  await db
    .updateTable('reports' as never)
    .set({ first_submitted_at: sql`submitted_at` } as never)
    .execute();

  // Khó khăn, vướng mắc, kiến nghị: raised in a submitted report, answered by whoever must.
  await withTimestamps(withId(db.schema.createTable('concerns'), dialect))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('report_id', 'integer', (c) =>
      c.notNull().references('reports.id').onDelete('cascade'),
    )
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('content', 'text', notNull)
    .addColumn('addressee', 'text')
    .addColumn('answer_due', 'text')
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('answered_at', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('version', 'integer', versionCol)
    .addUniqueConstraint('concerns_item_kind', ['report_id', 'task_id', 'kind'])
    .execute();
  await db.schema.createIndex('concerns_plan').on('concerns').column('plan_id').execute();

  // A province indicator's target split down to its communes.
  await withId(db.schema.createTable('target_shares'), dialect)
    .addColumn('indicator_id', 'integer', (c) =>
      c.notNull().references('indicators.id').onDelete('cascade'),
    )
    .addColumn('commune_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', notNull)
    .addColumn('method', 'text', notNull)
    .addColumn('weight', 'real')
    .addColumn('value', 'real', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('target_shares_key', ['indicator_id', 'commune_id', 'year'])
    .execute();

  // Merges and splits (sáp nhập, chia tách): one row per predecessor → successor.
  await withId(db.schema.createTable('unit_successions'), dialect)
    .addColumn('predecessor_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('successor_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('effective_on', 'text', notNull)
    .addColumn('decision', 'text')
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('unit_successions_pair', ['predecessor_id', 'successor_id'])
    .execute();
}

export async function down({ db }: { db: Kysely<unknown> }): Promise<void> {
  for (const table of ['unit_successions', 'target_shares', 'concerns'])
    await db.schema.dropTable(table).ifExists().execute();
  for (const [table, column] of [
    ['reports', 'first_submitted_at'],
    ['reports', 'unlock_reason'],
    ['reports', 'unlocked_by'],
    ['reports', 'unlocked_at'],
    ['indicator_values', 'explanation'],
    ['task_updates', 'explanation'],
  ] as const)
    await db.schema.alterTable(table).dropColumn(column).execute();
}
