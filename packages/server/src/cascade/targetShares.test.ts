import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { asUser, buildTestApp, type LoggedIn } from '../testing/app.ts';
import {
  buildCommune,
  buildPlan,
  buildProvince,
  buildUnit,
  buildUserWithRole,
  linkPlans,
  signIn,
  type UnitRow,
  type UserRow,
} from '../testing/factories.ts';
import { aggregationOf } from '@tiendo/core';

// Cascaded targets: the city splits one of its indicators' 2026 target down to its communes;
// the commune whose plan links its own indicator to it sees the target assigned in its
// report, reports a value, and the city sees the communes' results rolled up.

describe.each(TEST_DIALECTS)('cascaded targets on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let send: ReturnType<typeof asUser>;
  let admin: LoggedIn;
  let cityIndicator: number;
  let childIndicator: number;
  let communes: { id: number; name: string }[];
  let kienHung: number;
  let focalOfFirst: UserRow;
  let leadOfChild: { unit: UnitRow; reporter: UserRow };

  // Four communes, each with a unit and a plan; the city's plan has an indicator counted in
  // units (summed), with no target of its own, which the first commune's indicator carries out.
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const db = database.db;
    const province = await buildProvince(db);
    const adminUser = await buildUserWithRole(db, 'admin', province);
    communes = [];
    const childPlans = [];
    for (let i = 0; i < 4; i++) {
      const commune = await buildCommune(db, { provinceId: province.id });
      const unit = await buildUnit(db, { communeId: commune.id });
      communes.push(commune);
      childPlans.push(
        await buildPlan(db, {
          communeId: commune.id,
          indicators: [{ name: 'Số doanh nghiệp chuyển đổi số', unit: 'doanh nghiệp' }],
        }),
      );
      if (i === 0)
        leadOfChild = { unit, reporter: await buildUserWithRole(db, 'unit_reporter', unit) };
    }
    kienHung = communes[0]!.id;
    focalOfFirst = await buildUserWithRole(db, 'focal_officer', communes[0]!);
    const city = await buildPlan(db, {
      communeId: province.id,
      leads: [],
      indicators: [{ name: 'Số doanh nghiệp chuyển đổi số', unit: 'doanh nghiệp', targets: {} }],
    });
    const indicatorOf = async (planId: number) =>
      await db
        .selectFrom('indicators')
        .select(['id', 'measure_unit'])
        .where('plan_id', '=', planId)
        .executeTakeFirstOrThrow();
    const parent = await indicatorOf(city.id);
    expect(aggregationOf(parent.measure_unit)).toBe('sum');
    cityIndicator = parent.id;
    childIndicator = (await indicatorOf(childPlans[0]!.id)).id;
    await linkPlans(db, {
      childPlanId: childPlans[0]!.id,
      parentPlanId: city.id,
      userId: adminUser.id,
      indicators: [[childIndicator, cityIndicator]],
    });
    app = await buildTestApp(database);
    send = asUser(app);
    admin = await signIn(app, adminUser);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const url = () => `/api/indicators/${cityIndicator}/target-shares`;
  const view = async (who: LoggedIn = admin) =>
    (await send(who, 'GET', `${url()}?year=2026`)).json();

  it('splits a count by weight, equally, or as entered, and refuses what cannot be split', async () => {
    const ids = communes.map((c) => c.id);
    const put = async (body: object) =>
      send(admin, 'PUT', url(), { year: 2026, revision: (await view()).revision, ...body });
    // The city plan carries no targets of its own: equal and weighted need a total.
    const noTotal = await put({ method: 'equal', shares: ids.map((communeId) => ({ communeId })) });
    expect(noTotal.statusCode).toBe(400);
    expect(noTotal.json().error).toMatch(/hãy nhập tổng/);
    const dup = await put({
      method: 'manual',
      shares: [ids[0], ids[0]].map((communeId) => ({ communeId, value: 1 })),
    });
    expect(dup.statusCode).toBe(400);
    const weighted = await put({
      method: 'weight',
      total: 1000,
      shares: ids.map((communeId, i) => ({ communeId, weight: i === 0 ? 2 : 1 })),
    });
    expect(weighted.json()).toEqual({ communes: communes.length });
    const split = await view();
    const first = split.communes.find((c: { communeId: number }) => c.communeId === ids[0]);
    expect(first).toMatchObject({
      method: 'weight',
      weight: 2,
      value: (1000 * 2) / (ids.length + 1),
    });
    expect(split.assigned).toBeCloseTo(1000, 1);
    expect(split.aggregation).toBe('sum');
    // Replaced as a whole by the next split of the same year.
    await put({ method: 'equal', total: 400, shares: ids.map((communeId) => ({ communeId })) });
    expect((await view()).communes.map((c: { value: number }) => c.value)).toEqual(
      ids.map(() => 400 / ids.length),
    );
  });

  it('shows the commune its assigned target and rolls up what it reports', async () => {
    const db = database.db;
    const plan = await db
      .selectFrom('indicators')
      .select('plan_id')
      .where('id', '=', childIndicator)
      .executeTakeFirstOrThrow();
    const focal = await signIn(app, focalOfFirst);
    await send(focal, 'POST', `/api/plans/${plan.plan_id}/periods/generate`, {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const period = (await send(focal, 'GET', `/api/plans/${plan.plan_id}/periods`)).json()[0];
    await send(focal, 'PATCH', `/api/periods/${period.id}`, {
      version: period.version,
      status: 'open',
    });
    const reporter = await signIn(app, leadOfChild.reporter);
    const unitId = leadOfChild.unit.id;
    const { reportId } = (
      await send(reporter, 'POST', `/api/periods/${period.id}/units/${unitId}/report`)
    ).json();
    const report = (await send(reporter, 'GET', `/api/reports/${reportId}`)).json();
    const item = report.indicators.find(
      (i: { indicatorId: number }) => i.indicatorId === childIndicator,
    );
    expect(item.assigned).toEqual([{ year: 2026, value: 400 / communes.length }]);
    await send(reporter, 'PUT', `/api/reports/${reportId}/indicators/${childIndicator}`, {
      version: 0,
      valueNumber: 42,
    });
    // Only sent reports count.
    const unsent = await view();
    expect(unsent.actual).toBeNull();
    // Linked, though nothing it sent counts yet.
    expect(
      unsent.communes.find((c: { communeId: number }) => c.communeId === kienHung),
    ).toMatchObject({ linked: true, actual: null });
    await send(reporter, 'POST', `/api/reports/${reportId}/submit`, { version: report.version });
    const after = await view();
    expect(
      after.communes.find((c: { communeId: number }) => c.communeId === kienHung),
    ).toMatchObject({
      linked: true,
      actual: 42,
    });
    expect(after.actual).toBe(42);
    // A commune officer reading the city plan sees only its own commune's row.
    const own = await view(focal);
    expect(own.communes.map((c: { communeId: number }) => c.communeId)).toEqual([kienHung]);
    expect(
      (
        await send(focal, 'PUT', url(), {
          year: 2026,
          revision: 'none',
          method: 'manual',
          shares: [],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a save over a newer one (409), also when two arrive at once', async () => {
    const ids = communes.map((c) => c.id);
    const body = (value: number, revision: string) => ({
      year: 2027,
      revision,
      method: 'manual',
      shares: ids.map((communeId) => ({ communeId, value })),
    });
    const seen = (await send(admin, 'GET', `${url()}?year=2027`)).json().revision;
    const burst = await Promise.all(
      [11, 22, 33].map((value) => send(admin, 'PUT', url(), body(value, seen))),
    );
    expect(burst.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const stale = await send(admin, 'PUT', url(), body(44, seen));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.revision).not.toBe(seen);
    const fresh = (await send(admin, 'GET', `${url()}?year=2027`)).json();
    expect(fresh.revision).not.toBe(seen);
    expect((await send(admin, 'PUT', url(), body(55, fresh.revision))).statusCode).toBe(200);
  });
});
