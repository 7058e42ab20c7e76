import type { Kysely } from 'kysely';
import { notNull, type MigrationContext } from './columns.ts';

// The parts of a period's official report a person writes (number, place, assessment,
// direction, recipients, signer), edited in the browser before the .docx is generated.

export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('period_narratives')
    .addColumn('period_id', 'integer', (c) =>
      c.primaryKey().references('reporting_periods.id').onDelete('cascade'),
    )
    .addColumn('content_json', 'text', notNull)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', notNull)
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .execute();
}

export async function down({ db }: { db: Kysely<unknown> }): Promise<void> {
  await db.schema.dropTable('period_narratives').ifExists().execute();
}
