import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The connection string or file path, for backup/restore and logs (without password). */
  location: string;
  /** PostgreSQL: the schema the app's tables live in (the first of the search_path). */
  schema?: string;
  close(): Promise<void>;
}

/** The schema a PostgreSQL URL selects with `options=-c search_path=…`, if any. */
export function searchPathSchema(url: string): string | undefined {
  const options = new URL(url).searchParams.get('options') ?? '';
  return /search_path=([a-z_][a-z0-9_]*)/.exec(options)?.[1];
}

// PostgreSQL returns int8 (COUNT, SUM of integers, bigint money) as strings by default;
// our amounts stay far below 2^53, so numbers are safe and keep both dialects alike.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Whether a Kysely instance (or a transaction of it) talks to SQLite. */
export function isSqlite(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export interface OpenOptions {
  /** PostgreSQL schema to use (created if missing); tests use a fresh one per run. */
  schema?: string;
  poolSize?: number;
}

export async function openDatabase(
  url: string,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  return isPostgresUrl(url) ? openPostgres(url, options) : openSqlite(url);
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL: readers never block the writer; NORMAL sync is durable across process kills
  // (only an OS crash can lose the last transactions, never corrupt the file).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/**
 * The SQL for a cached SQLite statement: a value compared with `=` or `IS` is bound as `+?`.
 * The bundled SQLite (3.54) marks a statement to be planned again whenever a new value is bound
 * to a parameter its planner looked at — an `=` or `IS` in a join's WHERE or ON — so such a
 * statement was prepared anew on every run, cache or not: 8–10 µs a join, 75 µs the save's
 * read of the report with its item (bench/load/saveProfile.ts). `+?` is the same value with no
 * affinity, as `?` has (the column's still applies), but not a parameter the planner looks at:
 * the plan is made once (with the index as before) and kept. Quoted text is left alone.
 */
export function planStableSql(text: string): string {
  return text.replace(
    /('(?:[^']|'')*'|"(?:[^"]|"")*")|(\s(?:=|is|is not)\s+)\?/gi,
    (match, quoted: string | undefined, operator: string | undefined) => quoted ?? `${operator}+?`,
  );
}

/** Kysely prepares every query's SQL anew; preparing was a sixth of the server's CPU in the
 *  deadline surge (bench/load/surge.ts). The app's queries are a few hundred distinct texts,
 *  so their statements are kept and reused (planStableSql) — except one still being iterated
 *  (a stream), which gets a fresh one. */
function withStatementCache(sqlite: SQLite.Database, size = 1000): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (text: string) => {
    const cached = cache.get(text);
    if (cached && !cached.busy) return cached;
    // Kysely begins a transaction with a plain (deferred) "begin". Immediate takes the write
    // lock at once — waiting out another process's writer (busy_timeout) rather than failing
    // with SQLITE_BUSY when a transaction that read first tries to write — so a transaction
    // holds what it read until it commits (reports/access.ts lockReport relies on it).
    const statement = sqlite.prepare(text === 'begin' ? 'begin immediate' : planStableSql(text));
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
    cache.set(text, statement);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** PostgreSQL's names for the statements prepared on each connection, by SQL text. */
const preparedNames = new Map<string, string>();

/**
 * Runs `text` as a named statement on PostgreSQL from now on: each connection parses and plans
 * it once (then reuses a generic plan once PostgreSQL finds it no worse) instead of on every
 * run — half a millisecond of the server's CPU for a save's read of the report with its item.
 * For the few queries built once (db/reusable.ts): a connection keeps each name until it closes.
 */
export function prepareOnPostgres(text: string): void {
  if (!preparedNames.has(text)) preparedNames.set(text, `tiendo_${preparedNames.size + 1}`);
}

type PgQuery = (...args: unknown[]) => Promise<unknown>;
/** What `begin` answers when it has not been sent yet (below). */
const notYetSent = (command: string) => ({ command, rowCount: null, rows: [], fields: [] });

/**
 * A pg client that runs the texts given to prepareOnPostgres as named statements (Kysely runs
 * every query as `query(text, values)`), and sends a transaction's `begin` together with its
 * first statement: the connection is pipelined (pg's `pipeline`), so the two go out at once and
 * a transaction costs one round trip less (a report item's save: five instead of six). A
 * transaction with no statement sends nothing. Kysely only ever sends a plain `begin` (no
 * isolation level) here. A pipelined connection refuses cursors, query streams and pg's `rows`
 * option: none is used on this pool (pg-boss has its own).
 */
class PreparingClient extends pg.Client {
  #beginDeferred = false;

  // @ts-expect-error pg's overloads; Kysely's calls are (text, values) and (cursor).
  override query(config: unknown, values?: unknown, callback?: unknown) {
    const run = pg.Client.prototype.query as PgQuery;
    const name = typeof config === 'string' ? preparedNames.get(config) : undefined;
    const send = () =>
      name && Array.isArray(values) && callback === undefined
        ? run.call(this, { name, text: config, values })
        : run.call(this, config, values, callback);
    if (typeof config !== 'string' || callback !== undefined || !this.pipeline) return send();
    if (config === 'begin') {
      this.#beginDeferred = true;
      return Promise.resolve(notYetSent('BEGIN'));
    }
    if (!this.#beginDeferred) return send();
    this.#beginDeferred = false;
    if (config === 'commit' || config === 'rollback')
      return Promise.resolve(notYetSent(config.toUpperCase()));
    const begun = run.call(this, 'begin');
    const statement = send();
    // Should `begin` fail, its error is the one to report (the statement's follows it).
    statement.catch(() => undefined);
    return begun.then(() => statement);
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`Tên schema không hợp lệ: ${schema}`);
  if (schema) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.end();
  }
  const pool = new pg.Pool({
    Client: PreparingClient as unknown as typeof pg.Client,
    connectionString: url,
    pipeline: true,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    location: redact(url),
    schema: schema ?? searchPathSchema(url) ?? 'public',
    close: () => db.destroy(),
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
