import type { Kysely } from 'kysely';
import type { MigrationContext } from './columns.ts';

// Reporting workflow: when a unit says a task was completed (for on-time judgement), and one
// period per plan, kind and data window, so generating the periods twice creates nothing twice.

export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema.alterTable('task_updates').addColumn('completed_on', 'text').execute();
  await db.schema
    .createIndex('reporting_periods_window')
    .on('reporting_periods')
    .columns(['plan_id', 'kind', 'window_start', 'window_end'])
    .unique()
    .execute();
}

export async function down({ db }: { db: Kysely<unknown> }): Promise<void> {
  await db.schema.dropIndex('reporting_periods_window').ifExists().execute();
  await db.schema.alterTable('task_updates').dropColumn('completed_on').execute();
}
