import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { sql } from 'kysely';
import { reusable } from './reusable.ts';

describe.each(TEST_DIALECTS)('a query built once, run with new values, on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await database.db
      .insertInto('org_units')
      .values(
        ['Tỉnh A', 'Tỉnh B', 'Tỉnh C'].map((name, i) => ({
          parent_id: null,
          kind: 'province',
          code: `P${i}`,
          name,
          short_name: null,
          search_key: name.toLowerCase(),
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T00:00:00Z',
        })) as never,
      )
      .execute();
  });
  afterAll(() => database?.dispose());

  it('puts each call’s values where its arguments were, and keeps the constants', async () => {
    let built = 0;
    // The arguments land in the SQL in another order than they are given, beside a constant.
    const named = reusable((db, name: string, code: string) => {
      built++;
      return db
        .selectFrom('org_units')
        .select('name')
        .where('code', '=', code)
        .where('kind', '=', 'province')
        .where('name', '=', name);
    });
    expect(await named(database.db, 'Tỉnh B', 'P1')).toEqual([{ name: 'Tỉnh B' }]);
    expect(await named(database.db, 'Tỉnh C', 'P2')).toEqual([{ name: 'Tỉnh C' }]);
    expect(await named(database.db, 'Tỉnh C', 'P0')).toEqual([]);
    expect(built).toBe(1);
    // Inside a transaction too.
    const inside = await database.db.transaction().execute((trx) => named(trx, 'Tỉnh A', 'P0'));
    expect(inside).toEqual([{ name: 'Tỉnh A' }]);
  });

  it('refuses an argument that is not one of the query’s values', async () => {
    const careless = reusable((db, code: string, unused: string) =>
      db
        .selectFrom('org_units')
        .select('name')
        .where('code', '=', code)
        .where('name', '!=', `${unused}`),
    );
    await expect(careless(database.db, 'P0', 'x')).rejects.toThrow(/reusable/);
  });

  it.runIf(dialect === 'postgres')(
    'is prepared once per connection on PostgreSQL (parsed and planned once, not on every run)',
    async () => {
      const byCode = reusable((db, code: string) =>
        db.selectFrom('org_units').select('name').where('code', '=', code),
      );
      const prepared = await database.db.transaction().execute(async (trx) => {
        expect(await byCode(trx, 'P2')).toEqual([{ name: 'Tỉnh C' }]);
        expect(await byCode(trx, 'P1')).toEqual([{ name: 'Tỉnh B' }]);
        return (
          await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
            trx,
          )
        ).rows.map((r) => r.statement);
      });
      expect(prepared).toContain('select "name" from "org_units" where "code" = $1');
    },
  );
});
