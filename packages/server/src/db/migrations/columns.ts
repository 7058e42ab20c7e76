import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/** What a migration receives: the connection and the dialect, for the few portable-type gaps. */
export interface MigrationContext {
  db: Kysely<unknown>;
  dialect: DialectName;
}

type Table = CreateTableBuilder<string, never>;

/** Auto-increment integer primary key: SERIAL on PostgreSQL, INTEGER AUTOINCREMENT on SQLite. */
export function withId(t: Table, dialect: DialectName): Table {
  return dialect === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export function blobType(dialect: DialectName): 'bytea' | 'blob' {
  return dialect === 'postgres' ? 'bytea' : 'blob';
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
export const versionCol = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(1);

/** created_at / updated_at as ISO text, set by the application (portable, sortable). */
export function withTimestamps(t: Table): Table {
  return t.addColumn('created_at', 'text', notNull).addColumn('updated_at', 'text', notNull);
}
