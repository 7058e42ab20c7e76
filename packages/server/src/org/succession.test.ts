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
  signIn,
  type UnitRow,
  type UserRow,
} from '../testing/factories.ts';

// Two communes merge (as on 1/7/2025): their plans and reports stay as they were, roll up
// under the commune formed from them, and stay readable by the officers who now work there.
// Three communes of one province (a and b merge; c takes no part, and two of its departments
// merge), each with two units leading its plan's tasks, a reporter each and a focal officer.

interface Side {
  commune: UnitRow;
  units: UnitRow[];
  planId: number;
  focal: UserRow;
  reporters: UserRow[];
}

const MERGED = 'Xã Hợp Nhất Thử';
const ARMED_FORCES = 'Lực lượng vũ trang xã';

describe.each(TEST_DIALECTS)('unit history on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let send: ReturnType<typeof asUser>;
  let admin: LoggedIn;
  const sides = {} as Record<'a' | 'b' | 'c', Side>;
  let provinceId: number;
  let cityIndicator: number;
  let merged: number;
  /** The yearly round both communes report in. */
  let label: string;

  /** The side's first unit reports on its first task in the yearly period, and sends it. */
  const report = async (side: Side) => {
    const focal = await signIn(app, side.focal);
    const reporter = await signIn(app, side.reporters[0]!);
    const { planId } = side;
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
    const unitId = side.units[0]!.id;
    const { reportId } = (
      await send(reporter, 'POST', `/api/periods/${period.id}/units/${unitId}/report`)
    ).json();
    const opened = (await send(reporter, 'GET', `/api/reports/${reportId}`)).json();
    const task = opened.tasks.find((t: { role: string }) => t.role === 'lead');
    await send(reporter, 'PUT', `/api/reports/${reportId}/tasks/${task.taskId}`, {
      version: 0,
      status: 'done',
      completedOn: '2026-05-01',
    });
    const sent = await send(reporter, 'POST', `/api/reports/${reportId}/submit`, {
      version: opened.version,
    });
    expect(sent.statusCode).toBe(200);
  };

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const { db } = database;
    const province = await buildProvince(db);
    provinceId = province.id;
    for (const key of ['a', 'b', 'c'] as const) {
      const commune = await buildCommune(db, { provinceId });
      const units = [
        await buildUnit(db, { communeId: commune.id }),
        await buildUnit(db, { communeId: commune.id }),
      ];
      sides[key] = {
        commune,
        units,
        planId: (await buildPlan(db, { communeId: commune.id, tasks: 4 })).id,
        focal: await buildUserWithRole(db, 'focal_officer', commune),
        reporters: [
          await buildUserWithRole(db, 'unit_reporter', units[0]!),
          await buildUserWithRole(db, 'unit_reporter', units[1]!),
        ],
      };
    }
    const city = await buildPlan(db, { communeId: provinceId, leads: [], indicators: 1 });
    cityIndicator = (
      await db
        .selectFrom('indicators')
        .select('id')
        .where('plan_id', '=', city.id)
        .executeTakeFirstOrThrow()
    ).id;
    app = await buildTestApp(database);
    send = asUser(app);
    admin = await signIn(app, await buildUserWithRole(db, 'admin', province));
    await report(sides.a);
    await report(sides.b);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const merge = (body: object) =>
    send(admin, 'POST', '/api/admin/reorganisations', {
      kind: 'merge',
      predecessors: [sides.a.commune.id, sides.b.commune.id],
      successors: [{ name: MERGED, code: '99901' }],
      effectiveOn: '2026-07-01',
      decision: 'Nghị quyết thử nghiệm',
      ...body,
    });

  it('refuses what is not a merger or split of live units, with codes of Decision 19/2025', async () => {
    const focal = await signIn(app, sides.a.focal);
    const asFocal = await send(focal, 'POST', '/api/admin/reorganisations', {
      kind: 'merge',
      predecessors: [sides.a.commune.id, sides.b.commune.id],
      successors: [{ name: 'Xã Mới', code: null }],
      effectiveOn: '2026-07-01',
    });
    expect(asFocal.statusCode).toBe(403);
    const badCode = await merge({ successors: [{ name: 'Xã Mới', code: '123' }] });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error).toContain('Quyết định 19/2025/QĐ-TTg');
    expect((await merge({ kind: 'split' })).statusCode).toBe(400);
    const unitAndCommune = await merge({
      predecessors: [sides.a.commune.id, provinceId],
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
    const [a, b] = [sides.a.commune.name, sides.b.commune.name];
    expect(row(before, a)).toMatchObject({ received: 1 });
    const reportsBefore = await database.db.selectFrom('reports').select('id').execute();

    const response = await merge({});
    expect(response.statusCode).toBe(200);
    merged = response.json().created[0];
    expect((await merge({})).statusCode).toBe(400); // already merged

    const history = (await send(admin, 'GET', `/api/org/units/${merged}/history`)).json();
    expect(history.unit).toMatchObject({ code: '99901', validFrom: '2026-07-01' });
    expect(history.predecessors.map((p: { name: string }) => p.name)).toEqual([a, b]);
    const old = (await send(admin, 'GET', `/api/org/units/${sides.a.commune.id}/history`)).json();
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
    expect(row(after, a)).toBeUndefined();
    expect(row(after, b)).toBeUndefined();
    expect(row(after, MERGED)).toMatchObject({
      code: '99901',
      received: 2,
      units: row(before, a)!.units + row(before, b)!.units,
    });
    // Targets are given to the communes that exist now.
    const shares = (
      await send(admin, 'GET', `/api/indicators/${cityIndicator}/target-shares`)
    ).json();
    expect(shares.communes.map((c: { name: string }) => c.name)).toContain(MERGED);
    expect(shares.communes.map((c: { name: string }) => c.name)).not.toContain(b);
    const compliance = (await send(admin, 'GET', `/api/provinces/${provinceId}/compliance`)).json();
    expect(compliance.map((c: { name: string }) => c.name)).toContain(MERGED);
    expect(compliance.map((c: { name: string }) => c.name)).not.toContain(b);
  });

  it('lets the officers of either old commune work for the new one and read both histories', async () => {
    const secondFocal = await signIn(app, sides.b.focal);
    // The first commune's plan, read by the second's officer through the merged commune.
    expect((await send(secondFocal, 'GET', `/api/plans/${sides.a.planId}`)).statusCode).toBe(200);
    const me = (await send(secondFocal, 'GET', '/api/auth/me')).json();
    expect(me.roles).toContainEqual({ role: 'focal_officer', scopeUnitId: merged });
    // A commune that took no part still cannot.
    const outsider = await signIn(app, sides.c.focal);
    expect((await send(outsider, 'GET', `/api/plans/${sides.a.planId}`)).statusCode).toBe(403);
  });

  it('merges two departments: the new one reports on both sets of items once it exists', async () => {
    const db = database.db;
    const departments = sides.c.units;
    const [police, military] = departments.map((d) => d.name);
    const created = await send(admin, 'POST', '/api/admin/reorganisations', {
      kind: 'merge',
      predecessors: departments.map((d) => d.id),
      successors: [{ name: ARMED_FORCES, code: null }],
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

    const focal = await signIn(app, sides.c.focal);
    const { planId } = sides.c;
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
    expect(early).toEqual(expect.arrayContaining([police, military]));
    expect(early).not.toContain(ARMED_FORCES);
    const late = await owing(after);
    expect(late).toContain(ARMED_FORCES);
    expect(late).not.toContain(police);
    // The police's reporter now reports for the new unit too, for the periods it owes.
    const policeReporter = await signIn(app, sides.c.reporters[0]!);
    const mine = (await send(policeReporter, 'GET', '/api/my/reports')).json();
    expect(
      mine.map((r: { periodId: number; unitName: string }) => [r.periodId, r.unitName]),
    ).toEqual(
      expect.arrayContaining([
        [before.id, police],
        [after.id, ARMED_FORCES],
      ]),
    );
    expect(
      mine.some(
        (r: { periodId: number; unitName: string }) =>
          r.periodId === after.id && r.unitName === police,
      ),
    ).toBe(false);
    // Nor does the new unit owe the period that was due before it existed.
    expect(
      mine.some(
        (r: { periodId: number; unitName: string }) =>
          r.periodId === before.id && r.unitName === ARMED_FORCES,
      ),
    ).toBe(false);
  });
});
