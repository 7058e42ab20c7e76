import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { asUser, buildTestApp, loginAs, type LoggedIn } from '../testing/app.ts';
import { DEMO_PASSWORD, loadDemoDrafts, seedDemo } from '../demo/seed.ts';

// Two communes merge (as on 1/7/2025): their plans and reports stay as they were, roll up
// under the commune formed from them, and stay readable by the officers who now work there.

describe.each(TEST_DIALECTS)('unit history on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let send: ReturnType<typeof asUser>;
  let admin: LoggedIn;
  const commune: Record<string, number> = {};
  const plan: Record<string, number> = {};
  let provinceId: number;
  let merged: number;
  /** The yearly round both communes report in. */
  let label: string;

  const report = async (prefix: string) => {
    const focal = await loginAs(app, `${prefix}.daumoi`, DEMO_PASSWORD);
    const planId = plan[prefix]!;
    // A reporter of a unit that leads one of the plan's tasks or indicators.
    const leads = (table: 'task_units' | 'indicator_units', items: 'tasks' | 'indicators') =>
      database.db
        .selectFrom(`${table} as iu` as 'task_units as iu')
        .innerJoin(`${items} as item` as 'tasks as item', 'item.id', 'iu.item_id')
        .innerJoin('role_assignments as ra', 'ra.scope_unit_id', 'iu.unit_id')
        .innerJoin('users', 'users.id', 'ra.user_id')
        .select('users.username')
        .where('item.plan_id', '=', planId)
        .where('iu.role', '=', 'lead')
        .where('ra.role', '=', 'unit_reporter')
        .executeTakeFirst();
    const lead =
      (await leads('task_units', 'tasks')) ?? (await leads('indicator_units', 'indicators'))!;
    const reporter = await loginAs(app, lead.username, DEMO_PASSWORD);
    await send(focal, 'POST', `/api/plans/${planId}/periods/generate`, {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const periods = (await send(focal, 'GET', `/api/plans/${planId}/periods`)).json();
    const period = periods.find((p: { kind: string }) => p.kind === 'annual');
    label = period.label;
    await send(focal, 'PATCH', `/api/periods/${period.id}`, {
      version: period.version,
      status: 'open',
    });
    const mine = (await send(reporter, 'GET', '/api/my/reports')).json()[0];
    const { reportId } = (
      await send(reporter, 'POST', `/api/periods/${period.id}/units/${mine.unitId}/report`)
    ).json();
    const opened = (await send(reporter, 'GET', `/api/reports/${reportId}`)).json();
    const task = opened.tasks.find((t: { role: string }) => t.role === 'lead');
    if (task)
      await send(reporter, 'PUT', `/api/reports/${reportId}/tasks/${task.taskId}`, {
        version: 0,
        status: 'done',
        completedOn: '2026-05-01',
      });
    else
      await send(
        reporter,
        'PUT',
        `/api/reports/${reportId}/indicators/${opened.indicators[0].indicatorId}`,
        {
          version: 0,
          valueText: 'Đạt',
        },
      );
    const sent = await send(reporter, 'POST', `/api/reports/${reportId}/submit`, {
      version: opened.version,
    });
    expect(sent.statusCode).toBe(200);
  };

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.db, loadDemoDrafts());
    app = await buildTestApp(database);
    send = asUser(app);
    admin = await loginAs(app, 'admin', DEMO_PASSWORD);
    const rows = await database.db
      .selectFrom('plans')
      .innerJoin('org_units as c', 'c.id', 'plans.commune_id')
      .select(['plans.id', 'c.id as communeId', 'c.name', 'c.parent_id'])
      .where('c.kind', '=', 'commune')
      .execute();
    for (const [prefix, name] of [
      ['chiminh', 'Xã Chí Minh'],
      ['thaitan', 'Xã Thái Tân'],
    ]) {
      const row = rows.find((r) => r.name === name)!;
      commune[prefix!] = row.communeId;
      plan[prefix!] = row.id;
      provinceId = row.parent_id!;
    }
    await report('chiminh');
    await report('thaitan');
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const merge = (body: object) =>
    send(admin, 'POST', '/api/admin/reorganisations', {
      kind: 'merge',
      predecessors: [commune.chiminh, commune.thaitan],
      successors: [{ name: 'Xã Chí Minh Thái Tân', code: '99901' }],
      effectiveOn: '2026-07-01',
      decision: 'Nghị quyết thử nghiệm',
      ...body,
    });

  it('refuses what is not a merger or split of live units, with codes of Decision 19/2025', async () => {
    const focal = await loginAs(app, 'chiminh.daumoi', DEMO_PASSWORD);
    const asFocal = await send(focal, 'POST', '/api/admin/reorganisations', {
      kind: 'merge',
      predecessors: [commune.chiminh, commune.thaitan],
      successors: [{ name: 'Xã Mới', code: null }],
      effectiveOn: '2026-07-01',
    });
    expect(asFocal.statusCode).toBe(403);
    const badCode = await merge({ successors: [{ name: 'Xã Mới', code: '123' }] });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error).toContain('Quyết định 19/2025/QĐ-TTg');
    expect((await merge({ kind: 'split' })).statusCode).toBe(400);
    const unitAndCommune = await merge({
      predecessors: [commune.chiminh, provinceId],
    });
    expect(unitAndCommune.statusCode).toBe(400);
  });

  it('merges two communes: the old ones closed the day before, linked to the new one', async () => {
    const before = (
      await send(
        admin,
        'GET',
        `/api/provinces/${provinceId}/rollup?label=${encodeURIComponent(label)}`,
      )
    ).json();
    const row = (rollup: { communes: { name: string; units: number }[] }, name: string) =>
      rollup.communes.find((c) => c.name === name);
    expect(row(before, 'Xã Chí Minh')).toMatchObject({ received: 1 });
    const reportsBefore = await database.db.selectFrom('reports').select('id').execute();

    const response = await merge({});
    expect(response.statusCode).toBe(200);
    merged = response.json().created[0];
    expect((await merge({})).statusCode).toBe(400); // already merged

    const history = (await send(admin, 'GET', `/api/org/units/${merged}/history`)).json();
    expect(history.unit).toMatchObject({ code: '99901', validFrom: '2026-07-01' });
    expect(history.predecessors.map((p: { name: string }) => p.name)).toEqual([
      'Xã Chí Minh',
      'Xã Thái Tân',
    ]);
    const old = (await send(admin, 'GET', `/api/org/units/${commune.chiminh}/history`)).json();
    expect(old.unit.validTo).toBe('2026-06-30');
    expect(old.successors[0]).toMatchObject({
      id: merged,
      kind: 'merge',
      decision: 'Nghị quyết thử nghiệm',
    });

    // Nothing rewritten or lost; the province sees one commune carrying both records.
    const reportsAfter = await database.db.selectFrom('reports').select('id').execute();
    expect(reportsAfter).toEqual(reportsBefore);
    const after = (
      await send(
        admin,
        'GET',
        `/api/provinces/${provinceId}/rollup?label=${encodeURIComponent(label)}`,
      )
    ).json();
    expect(row(after, 'Xã Chí Minh')).toBeUndefined();
    expect(row(after, 'Xã Thái Tân')).toBeUndefined();
    expect(row(after, 'Xã Chí Minh Thái Tân')).toMatchObject({
      code: '99901',
      received: 2,
      units: row(before, 'Xã Chí Minh')!.units + row(before, 'Xã Thái Tân')!.units,
    });
    // Targets are given to the communes that exist now.
    const cityIndicator = await database.db
      .selectFrom('indicators')
      .innerJoin('plans', 'plans.id', 'indicators.plan_id')
      .select('indicators.id')
      .where('plans.number', '=', '48/KH-UBND')
      .executeTakeFirstOrThrow();
    const shares = (
      await send(admin, 'GET', `/api/indicators/${cityIndicator.id}/target-shares`)
    ).json();
    expect(shares.communes.map((c: { name: string }) => c.name)).toContain('Xã Chí Minh Thái Tân');
    expect(shares.communes.map((c: { name: string }) => c.name)).not.toContain('Xã Thái Tân');
    const compliance = (await send(admin, 'GET', `/api/provinces/${provinceId}/compliance`)).json();
    expect(compliance.map((c: { name: string }) => c.name)).toContain('Xã Chí Minh Thái Tân');
    expect(compliance.map((c: { name: string }) => c.name)).not.toContain('Xã Thái Tân');
  });

  it('lets the officers of either old commune work for the new one and read both histories', async () => {
    const thaiTan = await loginAs(app, 'thaitan.daumoi', DEMO_PASSWORD);
    // Chí Minh's plan, read by Thái Tân's officer through the merged commune.
    expect((await send(thaiTan, 'GET', `/api/plans/${plan.chiminh}`)).statusCode).toBe(200);
    const me = (await send(thaiTan, 'GET', '/api/auth/me')).json();
    expect(me.roles).toContainEqual({ role: 'focal_officer', scopeUnitId: merged });
    // A commune that took no part still cannot.
    const kienHung = await loginAs(app, 'kienhung.daumoi', DEMO_PASSWORD);
    expect((await send(kienHung, 'GET', `/api/plans/${plan.chiminh}`)).statusCode).toBe(403);
  });

  it('merges two departments: the new one reports on both sets of items once it exists', async () => {
    const db = database.db;
    const kienHung = await db
      .selectFrom('org_units')
      .select('id')
      .where('name', '=', 'Xã Kiến Hưng')
      .executeTakeFirstOrThrow();
    const departments = await db
      .selectFrom('org_units')
      .select(['id', 'name'])
      .where('parent_id', '=', kienHung.id)
      .where('name', 'in', ['Công an xã', 'Ban Chỉ huy Quân sự xã'])
      .execute();
    const created = await send(admin, 'POST', '/api/admin/reorganisations', {
      kind: 'merge',
      predecessors: departments.map((d) => d.id),
      successors: [{ name: 'Lực lượng vũ trang xã', code: null }],
      effectiveOn: '2026-07-01',
    });
    expect(created.statusCode).toBe(200);
    const successor = created.json().created[0] as number;
    const items = async (unitIds: number[]) =>
      new Set(
        (
          await db
            .selectFrom('task_units')
            .select('item_id')
            .where('unit_id', 'in', unitIds)
            .execute()
        ).map((r) => r.item_id),
      );
    expect(await items([successor])).toEqual(await items(departments.map((d) => d.id)));

    const focal = await loginAs(app, 'kienhung.daumoi', DEMO_PASSWORD);
    const planId = (
      await db
        .selectFrom('plans')
        .select('id')
        .where('commune_id', '=', kienHung.id)
        .executeTakeFirstOrThrow()
    ).id;
    await send(focal, 'POST', `/api/plans/${planId}/periods/generate`, {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const periods = (await send(focal, 'GET', `/api/plans/${planId}/periods`)).json();
    const before = periods.find((p: { dueDate: string }) => p.dueDate < '2026-07-01');
    const after = periods.find((p: { dueDate: string }) => p.dueDate > '2026-07-01');
    const owing = async (period: { id: number; version: number }) => {
      await send(focal, 'PATCH', `/api/periods/${period.id}`, {
        version: period.version,
        status: 'open',
      });
      const overview = (await send(focal, 'GET', `/api/periods/${period.id}/reports`)).json();
      return overview.units.map((u: { unitName: string }) => u.unitName);
    };
    const early = await owing(before);
    expect(early).toContain('Công an xã');
    expect(early).not.toContain('Lực lượng vũ trang xã');
    const late = await owing(after);
    expect(late).toContain('Lực lượng vũ trang xã');
    expect(late).not.toContain('Công an xã');
    // The police's reporter now reports for the new unit too, for the periods it owes.
    const police = await loginAs(app, 'kienhung.ca', DEMO_PASSWORD);
    const mine = (await send(police, 'GET', '/api/my/reports')).json();
    expect(
      mine.map((r: { periodId: number; unitName: string }) => [r.periodId, r.unitName]),
    ).toEqual(
      expect.arrayContaining([
        [before.id, 'Công an xã'],
        [after.id, 'Lực lượng vũ trang xã'],
      ]),
    );
    expect(
      mine.some(
        (r: { periodId: number; unitName: string }) =>
          r.periodId === after.id && r.unitName === 'Công an xã',
      ),
    ).toBe(false);
    // Nor does the new unit owe the period that was due before it existed.
    expect(
      mine.some(
        (r: { periodId: number; unitName: string }) =>
          r.periodId === before.id && r.unitName === 'Lực lượng vũ trang xã',
      ),
    ).toBe(false);
  });
});
