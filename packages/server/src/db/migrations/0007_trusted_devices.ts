import type { Kysely } from 'kysely';
import { notNull, type MigrationContext } from './columns.ts';

// Browsers a person has signed in from before (device cookies). Sign-in from a known
// browser is counted on its own, so failed attempts made elsewhere against the same account
// can slow down strangers but never lock the owner out (auth/throttle.ts).

export async function up({ db }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('trusted_devices')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha256 of the cookie's token
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', notNull)
    .addColumn('last_used_at', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('trusted_devices_user')
    .on('trusted_devices')
    .column('user_id')
    .execute();
}

export async function down({ db }: { db: Kysely<unknown> }): Promise<void> {
  await db.schema.dropTable('trusted_devices').ifExists().execute();
}
