import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { isSqlite, openDatabase, planStableSql, type DatabaseHandle } from './dialect.ts';

// The SQLite connection's twists on Kysely: statements are prepared once and reused (a value
// compared with = or IS bound as +? so that reuse is not undone by a re-plan on every run), and
// a transaction begins immediate (holding the write lock from its first statement).

describe('SQLite connection', () => {
  let dir: string;
  let handle: DatabaseHandle;
  afterEach(async () => {
    await handle?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const open = async () => {
    dir = mkdtempSync(join(tmpdir(), 'tiendo-dialect-'));
    handle = await openDatabase(join(dir, 'db.sqlite'));
    await sql`create table t (id integer primary key, v text)`.execute(handle.db);
    return handle.db;
  };

  it('holds the write lock from the start of a transaction, even one that only read so far', async () => {
    const db = await open();
    expect(isSqlite(db)).toBe(true);
    const other = new SQLite(join(dir, 'db.sqlite'), { timeout: 0 });
    const trx = await db.startTransaction().execute();
    await trx
      .selectFrom('t' as never)
      .selectAll()
      .execute();
    // A deferred "begin" would let this writer in, and the transaction's own write would then
    // fail with SQLITE_BUSY instead of waiting.
    expect(() => other.prepare("insert into t (v) values ('other')").run()).toThrow(/locked|busy/i);
    await sql`insert into t (v) values ('mine')`.execute(trx);
    await trx.commit().execute();
    other.prepare("insert into t (v) values ('other')").run();
    other.close();
    const rows = await sql<{ v: string }>`select v from t order by id`.execute(db);
    expect(rows.rows.map((r) => r.v)).toEqual(['mine', 'other']);
  });

  it('reuses a statement across queries, streams and parameters', async () => {
    const db = await open();
    for (let i = 0; i < 5; i++) await sql`insert into t (v) values (${String(i)})`.execute(db);
    const query = (min: number) =>
      db
        .selectFrom('t' as never)
        .select('v' as never)
        .where('id' as never, '>', min as never);
    const streamed: string[] = [];
    for await (const row of query(0).stream() as AsyncIterable<{ v: string }>) streamed.push(row.v);
    expect(streamed).toEqual(['0', '1', '2', '3', '4']);
    // The statement the stream used is free again; new parameters, same SQL.
    expect(await query(3).execute()).toEqual([{ v: '3' }, { v: '4' }]);
    expect(await query(4).execute()).toEqual([{ v: '4' }]);
  });

  it('binds a value compared with = or IS as +?, outside quoted text, with the same results', async () => {
    expect(
      planStableSql(
        `select "a"."x = ?" from "t" as "a" inner join "u" on "u"."id" = "a"."u_id" where "a"."id" = ? and "a"."v" is ? and "a"."w" is not ? and "a"."n" > ? and "a"."s" = 'k = ?'`,
      ),
    ).toBe(
      `select "a"."x = ?" from "t" as "a" inner join "u" on "u"."id" = "a"."u_id" where "a"."id" = +? and "a"."v" is +? and "a"."w" is not +? and "a"."n" > ? and "a"."s" = 'k = ?'`,
    );
    expect(planStableSql(`update "t" set "v" = ? where "id" = ?`)).toBe(
      `update "t" set "v" = +? where "id" = +?`,
    );
    // The column's affinity still applies to the value: text '2' finds integer 2, as with ?.
    const db = await open();
    await sql`insert into t (id, v) values (2, 'two'), (3, null)`.execute(db);
    const find = async (id: unknown, v: unknown) =>
      (
        await sql`select a.v from t as a inner join t as b on b.id = a.id
          where a.id = ${id} and b.v is ${v}`.execute(db)
      ).rows;
    expect(await find('2', 'two')).toEqual([{ v: 'two' }]);
    expect(await find(3, null)).toEqual([{ v: null }]);
    expect(await find(2, null)).toEqual([]);
    // A value set through +? is stored as it was bound: text stays text.
    await db
      .updateTable('t' as never)
      .set({ v: '007' } as never)
      .where('id' as never, '=', 3 as never)
      .execute();
    expect(await sql`select v, typeof(v) as type from t where id = 3`.execute(db)).toMatchObject({
      rows: [{ v: '007', type: 'text' }],
    });
  });
});
