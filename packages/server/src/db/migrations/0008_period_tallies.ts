import type { Kysely } from 'kysely';
import { notNull, type MigrationContext } from './columns.ts';

// One row per reporting period: its tasks counted by status and its units' reports received
// and on time — what the province and national roll-ups add up instead of re-judging every
// task of every commune (dashboards/periodTallies.ts keeps it current).

export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('period_tallies')
    .addColumn('period_id', 'integer', (c) =>
      c.primaryKey().references('reporting_periods.id').onDelete('cascade'),
    )
    // The day the statuses were judged as of: min(today, window end). A running period's
    // tally is stale once the day moves on.
    .addColumn('evaluated_on', 'text', notNull)
    .addColumn('task_counts', 'text', notNull) // JSON: TaskStatus → count
    .addColumn('tasks', 'integer', notNull)
    .addColumn('done_percent', 'real', notNull)
    .addColumn('overdue', 'integer', notNull)
    .addColumn('received', 'integer', notNull)
    .addColumn('on_time', 'integer', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  // The national view compares a catalogue indicator across every commune's plan.
  await db.schema
    .createIndex('indicators_catalogue')
    .on('indicators')
    .column('catalogue_id')
    .execute();
}

export async function down({ db }: { db: Kysely<unknown> }): Promise<void> {
  await db.schema.dropIndex('indicators_catalogue').ifExists().execute();
  await db.schema.dropTable('period_tallies').ifExists().execute();
}
