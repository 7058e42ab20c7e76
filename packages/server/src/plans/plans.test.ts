import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { buildTestApp, loginAs } from '../testing/app.ts';
import { DEMO_PASSWORD, loadDemoDrafts, seedDemo } from '../demo/seed.ts';
import { migrateToLatest } from '../db/migrate.ts';

describe.each(TEST_DIALECTS)('plans on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const drafts = loadDemoDrafts();

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.db, drafts);
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const get = async (user: string, url: string) => {
    const { cookie } = await loginAs(app, user, DEMO_PASSWORD);
    return app.inject({ method: 'GET', url, headers: { cookie } });
  };

  it('migrating again is a no-op', async () => {
    expect(await migrateToLatest(database)).toEqual([]);
  });

  it('requires a login', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/plans' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toBe('Vui lòng đăng nhập');
  });

  it('shows the province every commune plan, with every indicator and task of the seed plans', async () => {
    const response = await get('haiphong', '/api/plans');
    expect(response.statusCode).toBe(200);
    type Row = { indicatorCount: number; taskCount: number; communeName: string };
    const all = response.json() as Row[];
    // The communes' plans, then the city's own (the demo's higher-level plan, last).
    expect(all).toHaveLength(drafts.length + 1);
    expect(all.at(-1)).toMatchObject({ communeName: 'Thành phố Hải Phòng', taskCount: 8 });
    const plans = all.slice(0, -1);
    const sum = (f: (p: { indicatorCount: number; taskCount: number }) => number) =>
      plans.reduce((s, p) => s + f(p), 0);
    expect(sum((p) => p.indicatorCount)).toBe(drafts.reduce((s, d) => s + d.indicators.length, 0));
    expect(sum((p) => p.taskCount)).toBe(drafts.reduce((s, d) => s + d.tasks.length, 0));
  });

  it("shows a commune's officer only that commune's plan", async () => {
    const list = (await get('kienhung.daumoi', '/api/plans')).json() as Array<{
      id: number;
      communeName: string;
    }>;
    // Its own plan, and the city's plan it implements (published, so readable).
    expect(list.map((p) => p.communeName)).toEqual(['Xã Kiến Hưng', 'Thành phố Hải Phòng']);
    const all = (await get('admin', '/api/plans')).json() as Array<{
      id: number;
      communeName: string;
    }>;
    const other = all.find((p) => !list.some((mine) => mine.id === p.id))!;
    const forbidden = await get('kienhung.daumoi', `/api/plans/${other.id}`);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toBe('Bạn không có quyền xem kế hoạch này');
  });

  it('returns the plan with nested indicators, verbatim targets and tasks linked to units', async () => {
    const [plan] = (await get('kienhung.vhxh', '/api/plans')).json() as Array<{ id: number }>;
    const detail = (await get('kienhung.vhxh', `/api/plans/${plan!.id}`)).json();
    const byCode = (code: string, appendix: string) =>
      detail.indicators.find(
        (i: { code: string; sectionId: number }) =>
          i.code === code &&
          detail.sections.find((s: { id: number }) => s.id === i.sectionId).appendix === appendix,
      );
    const parent = byCode('6', 'PHỤ LỤC 1');
    expect(byCode('6.1', 'PHỤ LỤC 1').parentId).toBe(parent.id);
    expect(byCode('1', 'PHỤ LỤC 2').targets).toContainEqual({ year: 2025, text: '>60%' });
    expect(detail.tasks.length).toBe(drafts[0]!.tasks.length);
    const taskUnits = await database.db
      .selectFrom('task_units')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(taskUnits.n)).toBeGreaterThan(0);
  });

  it('answers 404 in Vietnamese for a missing plan and 400 for a bad id', async () => {
    expect((await get('admin', '/api/plans/999999')).json().error).toBe('Không tìm thấy kế hoạch');
    expect((await get('admin', '/api/plans/abc')).statusCode).toBe(400);
  });
});
