import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';
import { buildPlan, buildUserWithRole, linkPlans, signIn } from '../testing/factories.ts';
import { UPWARD_CSV_COLUMNS, UPWARD_SCHEMA, UpwardExport } from './upwardExport.ts';

// A period of a commune's plan as the city's or a national system ingests it: the documented,
// versioned shape, with administrative unit codes and the city items the commune carries out.

describe.each(TEST_DIALECTS)('export for upward systems on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);
  let cityPlanNumber: string;

  // The city's plan, whose first two tasks the commune's first two carry out.
  beforeAll(async () => {
    const { db } = fixture.database;
    const { province, planId, people } = fixture.ctx;
    const city = await buildPlan(db, { communeId: province.id, leads: [], tasks: 3 });
    cityPlanNumber = city.draft.plan.number!;
    const tasksOf = (id: number) =>
      db.selectFrom('tasks').select('id').where('plan_id', '=', id).orderBy('ordinal').execute();
    const [mine, theirs] = [await tasksOf(planId), await tasksOf(city.id)];
    await linkPlans(db, {
      childPlanId: planId,
      parentPlanId: city.id,
      userId: people.focal.id,
      tasks: [0, 1].map((i) => [mine[i]!.id, theirs[i]!.id]),
    });
  });

  it('sets the commune’s administrative code, checked against Decision 19/2025', async () => {
    const { send, province, commune } = fixture.ctx;
    const admin = await signIn(
      fixture.app,
      await buildUserWithRole(fixture.database.db, 'admin', province),
    );
    const url = `/api/admin/org-units/${commune.id}/code`;
    const bad = await send(admin, 'PUT', url, { code: '1146' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain('xã 5 chữ số');
    expect((await send(admin, 'PUT', url, { code: '11460' })).statusCode).toBe(200);
    const provinceUrl = `/api/admin/org-units/${province.id}/code`;
    expect((await send(admin, 'PUT', provinceUrl, { code: '31' })).statusCode).toBe(200);
  });

  it('gives the period as versioned JSON with unit codes and the city items carried out', async () => {
    const { send, focal, periodId, commune, province } = fixture.ctx;
    const response = await send(focal, 'GET', `/api/periods/${periodId}/upward.json`);
    expect(response.statusCode).toBe(200);
    const data = UpwardExport.parse(response.json());
    expect(data.schema).toBe(UPWARD_SCHEMA);
    expect(data.commune).toEqual({ name: commune.name, code: '11460' });
    expect(data.province).toEqual({ name: province.name, code: '31' });
    expect(data.plan.parentPlanNumber).toBe(cityPlanNumber);
    expect(data.reporting).toMatchObject({ received: 2 });
    const carried = data.tasks.filter((t) => t.parent);
    expect(carried.length).toBe(2); // the two links made above
    expect(carried.map((t) => t.parent!.planNumber)).toEqual([cityPlanNumber, cityPlanNumber]);
    expect(data.tasks.some((t) => t.status === 'done_on_time')).toBe(true); // culture's task
    const valued = data.indicators.find((i) => i.valueNumber === 85.5);
    expect(valued).toMatchObject({ value: '85,5', dataSource: 'Cổng dịch vụ công' });
  });

  it('gives the same as one CSV row per item, and only to those who report upward', async () => {
    const { send, focal, users, periodId, commune, province } = fixture.ctx;
    const csv = (await send(focal, 'GET', `/api/periods/${periodId}/upward.csv`)).body;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(UPWARD_CSV_COLUMNS.join(','));
    const json = UpwardExport.parse(
      (await send(focal, 'GET', `/api/periods/${periodId}/upward.json`)).json(),
    );
    expect(lines.length).toBe(1 + json.tasks.length + json.indicators.length);
    const prefix = `tiendo.progress/1,31,${province.name},11460,${commune.name},`;
    expect(lines[1]!.slice(0, prefix.length)).toBe(prefix);
    expect((await send(users.kt, 'GET', `/api/periods/${periodId}/upward.json`)).statusCode).toBe(
      403,
    );
    const viewer = await buildUserWithRole(fixture.database.db, 'province_viewer', province);
    const city = await signIn(fixture.app, viewer);
    expect((await send(city, 'GET', `/api/periods/${periodId}/upward.csv`)).statusCode).toBe(200);
  });
});
