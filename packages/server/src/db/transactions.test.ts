import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { atomically } from '../audit/log.ts';
import { openDatabase } from './dialect.ts';

// Transactions as the app runs them (atomically). On PostgreSQL a transaction's `begin` goes
// out with its first statement (db/dialect.ts, a pipelined connection): what must still hold is
// that the first statement is inside the transaction, that nothing is left open when a
// transaction ends before any statement, and that a held row still makes others wait.

const unit = (code: string) => ({
  parent_id: null,
  kind: 'province' as const,
  code,
  name: `Tỉnh ${code}`,
  short_name: null,
  search_key: code.toLowerCase(),
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

describe.each(TEST_DIALECTS)('transactions on %s', (dialect) => {
  let database: TestDatabase;
  const codes = async () =>
    (await database.db.selectFrom('org_units').select('code').orderBy('code').execute()).map(
      (r) => r.code,
    );
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(() => database?.dispose());

  it('takes back every statement of a failed transaction, the first one too', async () => {
    await expect(
      atomically(database.db, async (db) => {
        await db.insertInto('org_units').values(unit('T1')).execute();
        await db.insertInto('org_units').values(unit('T2')).execute();
        throw new Error('thất bại');
      }),
    ).rejects.toThrow('thất bại');
    expect(await codes()).not.toContain('T1');
    await atomically(database.db, async (db) => {
      await db.insertInto('org_units').values(unit('T3')).execute();
    });
    expect(await codes()).toContain('T3');
  });

  it('leaves no transaction open when one ends before its first statement', async () => {
    for (let i = 0; i < 30; i++) {
      await atomically(database.db, async () => undefined);
      await expect(
        atomically(database.db, async () => {
          throw new Error('trước câu lệnh đầu');
        }),
      ).rejects.toThrow();
    }
    // Written outside any transaction: seen at once from elsewhere, not held in an open one.
    await database.db.insertInto('org_units').values(unit('T4')).execute();
    const other = await openDatabase(database.url);
    try {
      const seen = await other.db
        .selectFrom('org_units')
        .select('code')
        .where('code', '=', 'T4')
        .execute();
      expect(seen).toEqual([{ code: 'T4' }]);
    } finally {
      await other.close();
    }
  });

  it.runIf(dialect === 'postgres')('still makes a second writer wait for a held row', async () => {
    await database.db.insertInto('org_units').values(unit('L1')).execute();
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = atomically(database.db, async (db) => {
      await sql`select id from org_units where code = 'L1' for update`.execute(db);
      order.push('first holds');
      await held;
      await db.updateTable('org_units').set({ name: 'first' }).where('code', '=', 'L1').execute();
      order.push('first writes');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = atomically(database.db, async (db) => {
      await sql`select id from org_units where code = 'L1' for update`.execute(db);
      order.push('second holds');
      await db.updateTable('org_units').set({ name: 'second' }).where('code', '=', 'L1').execute();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first holds', 'first writes', 'second holds']);
    const row = await database.db
      .selectFrom('org_units')
      .select('name')
      .where('code', '=', 'L1')
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('second');
  });
});
