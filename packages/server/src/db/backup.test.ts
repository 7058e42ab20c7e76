import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import {
  buildCommune,
  buildPlan,
  buildProvince,
  buildUnit,
  buildUserWithRole,
  linkPlans,
} from '../testing/factories.ts';
import { openDatabase } from './dialect.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';

// `tiendo backup` then `tiendo restore`: after a restore the database is exactly what was
// backed up, whatever happened in between, and a damaged backup is refused.

const TABLES = ['org_units', 'users', 'plans', 'indicators', 'tasks', 'audit_log'] as const;

describe.each(TEST_DIALECTS)('backup and restore on %s', (dialect) => {
  let database: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'tiendo-backup-'));
  afterAll(async () => {
    await database?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = async (db: TestDatabase['db']) =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (t) => [
          t,
          Number(
            (
              await db
                .selectFrom(t)
                .select((e) => e.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ]),
      ),
    );

  it('round-trips the whole database', async () => {
    database = await openTestDatabase(dialect);
    // Two communes' plans, the second carrying out the province's own.
    const { db } = database;
    const province = await buildProvince(db);
    const plans = [];
    for (let i = 0; i < 2; i++) {
      const commune = await buildCommune(db, { provinceId: province.id });
      await buildUnit(db, { communeId: commune.id });
      plans.push(await buildPlan(db, { communeId: commune.id, tasks: 3, indicators: 2 }));
    }
    const admin = await buildUserWithRole(db, 'admin', province);
    const city = await buildPlan(db, { communeId: province.id, leads: [], tasks: 2 });
    await linkPlans(db, { childPlanId: plans[1]!.id, parentPlanId: city.id, userId: admin.id });
    const before = await counts(database.db);
    const titles = await database.db.selectFrom('plans').select('title').orderBy('id').execute();
    const file = join(dir, `tiendo.${dialect}.backup`);
    await backupDatabase(database.url, file);

    // Life goes on after the backup: a plan is deleted, a title changed.
    await database.db.updateTable('plans').set({ parent_plan_id: null }).execute();
    await database.db.deleteFrom('plans').where('id', '=', city.id).execute();
    await database.db.updateTable('plans').set({ title: 'Đã sửa sau sao lưu' }).execute();
    expect((await counts(database.db)).plans).toBe(before.plans - 1);

    if (dialect === 'sqlite') await database.close(); // SQLite is restored with the app stopped
    await restoreDatabase(database.url, file);
    const reopened = dialect === 'sqlite' ? await openDatabase(database.url) : database;
    expect(await counts(reopened.db)).toEqual(before);
    expect(await reopened.db.selectFrom('plans').select('title').orderBy('id').execute()).toEqual(
      titles,
    );
    // Writes still work on the restored database (sequences/rowids carried over).
    await sql`select 1`.execute(reopened.db);
    await reopened.db
      .insertInto('audit_log')
      .values({
        at: new Date().toISOString(),
        user_id: null,
        entity: 'test',
        entity_id: 1,
        action: 'after_restore',
        before_json: null,
        after_json: null,
        reason: null,
      })
      .execute();
    if (dialect === 'sqlite') {
      await reopened.close();
      Object.assign(database, { close: async () => undefined });
    }
  });

  it('refuses a missing or damaged backup with a Vietnamese message, leaving the data alone', async () => {
    await expect(restoreDatabase(database.url, join(dir, 'khong-co.backup'))).rejects.toThrow(
      /Không tìm thấy tệp sao lưu/,
    );
    const damaged = join(dir, 'hong.backup');
    writeFileSync(damaged, 'SQLite format 3\u0000 rác');
    await expect(restoreDatabase(database.url, damaged)).rejects.toThrow();
    const db = dialect === 'sqlite' ? (await openDatabase(database.url)).db : database.db;
    expect(Number((await counts(db)).plans)).toBeGreaterThan(0);
    if (dialect === 'sqlite') await db.destroy();
  });
});
