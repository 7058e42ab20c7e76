import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DialectName } from '../db/dialect.ts';
import { migrateToLatest } from '../db/migrate.ts';

// Every integration test runs on both databases: a temporary SQLite file and a fresh
// PostgreSQL schema (TEST_DATABASE_URL, default the local server's `test` database).

export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends DatabaseHandle {
  /** Closes the connection and removes the file or schema. */
  dispose(): Promise<void>;
  /** The URL another process (e.g. a second app instance) can use to reach this database. */
  url: string;
}

export const TEST_DIALECTS: DialectName[] = ['sqlite', 'postgres'];

export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const handle = dialect === 'sqlite' ? await openTempSqlite() : await openTempSchema();
  await migrateToLatest(handle);
  return handle;
}

async function openTempSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-test-'));
  const file = join(dir, 'test.sqlite');
  const handle = await openDatabase(file);
  return {
    ...handle,
    url: file,
    dispose: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openTempSchema(): Promise<TestDatabase> {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const handle = await openDatabase(TEST_POSTGRES_URL, { schema, poolSize: 5 });
  const separator = TEST_POSTGRES_URL.includes('?') ? '&' : '?';
  return {
    ...handle,
    url: `${TEST_POSTGRES_URL}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    dispose: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`); // pg-boss, if started
      await client.end();
    },
  };
}
