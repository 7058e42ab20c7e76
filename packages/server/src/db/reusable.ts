import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { isSqlite, prepareOnPostgres } from './dialect.ts';

/** What stands for the i-th argument while the query is built. */
interface Slot {
  readonly reusableSlot: number;
}

/**
 * A query built and compiled once per dialect, then run with each call's values (and on
 * PostgreSQL prepared once per connection: prepareOnPostgres). Kysely builds
 * and compiles a query anew on every call — tens of microseconds for a join — which the hottest
 * paths (the session read on every request, a report save, an audit entry) would pay thousands
 * of times a second (bench/load/surge.ts). `build` gets stand-ins for its arguments; where they
 * land among the compiled parameters is noted once, and each run puts the call's values there.
 * The arguments must be single values used as such (no lists: a list's length changes the SQL).
 */
export function reusable<A extends readonly unknown[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): (db: Kysely<Database>, ...args: A) => Promise<R[]> {
  const compiled = new Map<'sqlite' | 'postgres', { query: CompiledQuery<R>; slots: number[] }>();
  return async (db, ...args) => {
    const dialect = isSqlite(db) ? 'sqlite' : 'postgres';
    let entry = compiled.get(dialect);
    if (!entry) {
      const stand = args.map((_, i): Slot => ({ reusableSlot: i })) as unknown as A;
      const query = build(db, ...stand).compile();
      const slots = query.parameters.map((p) => (stand as readonly unknown[]).indexOf(p));
      if (new Set(slots.filter((s) => s >= 0)).size !== args.length)
        throw new Error('reusable: every argument must be one of the query’s values');
      // PostgreSQL parses and plans it once per connection too (SQLite's statements are all
      // kept: dialect.ts).
      if (dialect === 'postgres') prepareOnPostgres(query.sql);
      entry = { query, slots };
      compiled.set(dialect, entry);
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((p, i) => (slots[i]! >= 0 ? args[slots[i]!] : p));
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
