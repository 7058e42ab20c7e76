import type { Kysely } from 'kysely';
import { notNull, withId, type MigrationContext } from './columns.ts';

// One row per reminder that must go out (a unit, a period, a kind). The unique key is what
// makes a reminder go out once even when several app instances sweep at the same moment:
// only the instance whose insert succeeds sends it.

export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('reminder_log'), dialect)
    .addColumn('period_id', 'integer', (c) =>
      c.notNull().references('reporting_periods.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    /** 'due_soon' | 'overdue' */
    .addColumn('kind', 'text', notNull)
    .addColumn('claimed_at', 'text', notNull)
    .addColumn('sent_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addUniqueConstraint('reminder_log_once', ['period_id', 'unit_id', 'kind'])
    .execute();
}

export async function down({ db }: { db: Kysely<unknown> }): Promise<void> {
  await db.schema.dropTable('reminder_log').ifExists().execute();
}
