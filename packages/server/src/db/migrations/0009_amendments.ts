import type { Kysely } from 'kysely';
import { notNull, withId, type MigrationContext } from './columns.ts';

// A published plan changes through amendments (điều chỉnh, bổ sung): each names the document
// that decided it and the day it takes effect. An amended item is not edited in place: its
// row is closed (valid_to = the effective day) and a new version opens (valid_from), so a
// period is judged by the rows in force on its last day and an amendment in 2027 cannot
// rewrite 2026. Versions of one item share a lineage (the first version's id).

const ITEM_TABLES = ['tasks', 'indicators'] as const;

export async function up({ db, dialect }: MigrationContext): Promise<void> {
  await withId(db.schema.createTable('plan_amendments'), dialect)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', notNull)
    // Căn cứ: số, ngày, người ký của văn bản điều chỉnh.
    .addColumn('basis_number', 'text', notNull)
    .addColumn('basis_date', 'text')
    .addColumn('signer', 'text')
    .addColumn('document_id', 'integer', (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('effective_on', 'text', notNull)
    .addColumn('note', 'text')
    // 'manual' | 'import' — typed in, or reviewed as a diff of an amending document.
    .addColumn('source', 'text', notNull)
    .addColumn('summary_json', 'text', notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('plan_amendments_order', ['plan_id', 'ordinal'])
    .execute();
  for (const table of ITEM_TABLES) {
    await db.schema.alterTable(table).addColumn('lineage_id', 'integer').execute();
    await db.schema.alterTable(table).addColumn('valid_from', 'text').execute();
    await db.schema.alterTable(table).addColumn('valid_to', 'text').execute();
    await db.schema.alterTable(table).addColumn('superseded_by', 'integer').execute();
    await db.schema.alterTable(table).addColumn('amendment_id', 'integer').execute();
    await db.schema.alterTable(table).addColumn('retired_reason', 'text').execute();
    await db.schema.createIndex(`${table}_lineage`).on(table).column('lineage_id').execute();
  }
}

export async function down({ db }: { db: Kysely<unknown> }): Promise<void> {
  for (const table of ITEM_TABLES) {
    await db.schema.dropIndex(`${table}_lineage`).ifExists().execute();
    for (const column of [
      'retired_reason',
      'amendment_id',
      'superseded_by',
      'valid_to',
      'valid_from',
      'lineage_id',
    ])
      await db.schema.alterTable(table).dropColumn(column).execute();
  }
  await db.schema.dropTable('plan_amendments').ifExists().execute();
}
