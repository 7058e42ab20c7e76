import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import {
  buildCommune,
  buildPlan,
  buildProvince,
  buildUnit,
  buildUserWithRole,
  linkPlans,
  signIn,
  type PlanRow,
  type UnitRow,
  type UserRow,
} from '../testing/factories.ts';
import { migrateToLatest } from '../db/migrate.ts';

// A province with two communes, each with its plan (the first with nested indicators, a
// verbatim target and two units), and the province's own plan the first carries out.

describe.each(TEST_DIALECTS)('plans on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let province: UnitRow;
  let communes: UnitRow[];
  let plans: PlanRow[];
  let city: PlanRow;
  const people = {} as Record<'province' | 'admin' | 'focal' | 'reporter', UserRow>;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const { db } = database;
    province = await buildProvince(db);
    communes = [];
    plans = [];
    const units: UnitRow[] = [];
    for (let i = 0; i < 2; i++) {
      const commune = await buildCommune(db, { provinceId: province.id });
      communes.push(commune);
      units.push(await buildUnit(db, { communeId: commune.id }));
      if (i === 0) units.push(await buildUnit(db, { communeId: commune.id }));
    }
    plans.push(
      await buildPlan(db, {
        communeId: communes[0]!.id,
        tasks: 3,
        indicators: [
          { code: '6', name: 'Chỉ tiêu về dịch vụ công trực tuyến', targets: {} },
          { code: '6.1', name: 'Tỷ lệ hồ sơ trực tuyến toàn trình' },
          { table: 'PHỤ LỤC 2', code: '1', targets: { '2025': '>60%', '2030': '100%' } },
        ],
      }),
    );
    plans.push(await buildPlan(db, { communeId: communes[1]!.id, tasks: 2, indicators: 4 }));
    city = await buildPlan(db, { communeId: province.id, leads: [], tasks: 5, indicators: 0 });
    people.admin = await buildUserWithRole(db, 'admin', province);
    people.province = await buildUserWithRole(db, 'province_viewer', province);
    people.focal = await buildUserWithRole(db, 'focal_officer', communes[0]!);
    people.reporter = await buildUserWithRole(db, 'unit_reporter', units[0]!);
    await linkPlans(db, {
      childPlanId: plans[0]!.id,
      parentPlanId: city.id,
      userId: people.admin.id,
    });
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const get = async (user: UserRow, url: string) => {
    const { cookie } = await signIn(app, user);
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

  it('shows the province every commune plan, with every indicator and task of their drafts', async () => {
    const response = await get(people.province, '/api/plans');
    expect(response.statusCode).toBe(200);
    type Row = { indicatorCount: number; taskCount: number; communeName: string };
    const all = response.json() as Row[];
    // The communes' plans, then the province's own (last).
    expect(all).toHaveLength(plans.length + 1);
    expect(all.at(-1)).toMatchObject({ communeName: province.name, taskCount: 5 });
    const communePlans = all.slice(0, -1);
    const sum = (f: (p: { indicatorCount: number; taskCount: number }) => number) =>
      communePlans.reduce((s, p) => s + f(p), 0);
    const drafts = plans.map((p) => p.draft);
    expect(sum((p) => p.indicatorCount)).toBe(drafts.reduce((s, d) => s + d.indicators.length, 0));
    expect(sum((p) => p.taskCount)).toBe(drafts.reduce((s, d) => s + d.tasks.length, 0));
  });

  it("shows a commune's officer only that commune's plan", async () => {
    const list = (await get(people.focal, '/api/plans')).json() as Array<{
      id: number;
      communeName: string;
    }>;
    // Its own plan, and the province's plan it implements (published, so readable).
    expect(list.map((p) => p.communeName)).toEqual([communes[0]!.name, province.name]);
    const all = (await get(people.admin, '/api/plans')).json() as Array<{
      id: number;
      communeName: string;
    }>;
    const other = all.find((p) => !list.some((mine) => mine.id === p.id))!;
    expect(other.id).toBe(plans[1]!.id);
    const forbidden = await get(people.focal, `/api/plans/${other.id}`);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toBe('Bạn không có quyền xem kế hoạch này');
  });

  it('returns the plan with nested indicators, verbatim targets and tasks linked to units', async () => {
    const [plan] = (await get(people.reporter, '/api/plans')).json() as Array<{ id: number }>;
    expect(plan!.id).toBe(plans[0]!.id);
    const detail = (await get(people.reporter, `/api/plans/${plan!.id}`)).json();
    const byCode = (code: string, appendix: string) =>
      detail.indicators.find(
        (i: { code: string; sectionId: number }) =>
          i.code === code &&
          detail.sections.find((s: { id: number }) => s.id === i.sectionId).appendix === appendix,
      );
    const parent = byCode('6', 'PHỤ LỤC 1');
    expect(byCode('6.1', 'PHỤ LỤC 1').parentId).toBe(parent.id);
    expect(byCode('1', 'PHỤ LỤC 2').targets).toContainEqual({ year: 2025, text: '>60%' });
    expect(detail.tasks.length).toBe(plans[0]!.draft.tasks.length);
    // Each task led by the unit its chủ trì cell names (the two units in turn).
    const links = await database.db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.item_id')
      .innerJoin('org_units as u', 'u.id', 'task_units.unit_id')
      .select(['tasks.code', 'u.name', 'task_units.role'])
      .where('tasks.plan_id', '=', plans[0]!.id)
      .orderBy('tasks.ordinal')
      .execute();
    expect(links).toEqual(
      plans[0]!.draft.tasks.map((t) => ({ code: t.code, name: t.lead, role: 'lead' })),
    );
  });

  it('answers 404 in Vietnamese for a missing plan and 400 for a bad id', async () => {
    expect((await get(people.admin, '/api/plans/999999')).json().error).toBe(
      'Không tìm thấy kế hoạch',
    );
    expect((await get(people.admin, '/api/plans/abc')).statusCode).toBe(400);
  });
});
