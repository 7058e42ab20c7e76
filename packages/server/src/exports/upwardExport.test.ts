import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useReportedPeriod } from '../testing/reportedPeriod.ts';
import { loginAs } from '../testing/app.ts';
import { DEMO_PASSWORD } from '../demo/seed.ts';
import { UPWARD_CSV_COLUMNS, UPWARD_SCHEMA, UpwardExport } from './upwardExport.ts';

// A period of Kiến Hưng's plan as the city's or a national system ingests it: the documented,
// versioned shape, with administrative unit codes and the city items the commune carries out.

describe.each(TEST_DIALECTS)('export for upward systems on %s', (dialect) => {
  const fixture = useReportedPeriod(dialect);

  it('sets the commune’s administrative code, checked against Decision 19/2025', async () => {
    const { send } = fixture.ctx;
    const admin = await loginAs(fixture.app, 'admin', DEMO_PASSWORD);
    const commune = await fixture.database.db
      .selectFrom('org_units')
      .select('id')
      .where('name', '=', 'Xã Kiến Hưng')
      .executeTakeFirstOrThrow();
    const url = `/api/admin/org-units/${commune.id}/code`;
    const bad = await send(admin, 'PUT', url, { code: '1146' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain('xã 5 chữ số');
    expect((await send(admin, 'PUT', url, { code: '11460' })).statusCode).toBe(200);
  });

  it('gives the period as versioned JSON with unit codes and the city items carried out', async () => {
    const { send, focal, periodId } = fixture.ctx;
    const response = await send(focal, 'GET', `/api/periods/${periodId}/upward.json`);
    expect(response.statusCode).toBe(200);
    const data = UpwardExport.parse(response.json());
    expect(data.schema).toBe(UPWARD_SCHEMA);
    expect(data.commune).toEqual({ name: 'Xã Kiến Hưng', code: '11460' });
    expect(data.province).toEqual({ name: 'Thành phố Hải Phòng', code: '31' });
    expect(data.plan.parentPlanNumber).toBe('48/KH-UBND');
    expect(data.reporting).toMatchObject({ received: 2 });
    const carried = data.tasks.filter((t) => t.parent);
    expect(carried.length).toBe(8); // the demo confirms Kiến Hưng's links to the city's 8 tasks
    expect(carried.map((t) => t.parent!.planNumber)).toEqual(carried.map(() => '48/KH-UBND'));
    expect(data.tasks.some((t) => t.status === 'done_on_time')).toBe(true); // culture's task 1
    const valued = data.indicators.find((i) => i.valueNumber === 85.5);
    expect(valued).toMatchObject({ value: '85,5', dataSource: 'Cổng dịch vụ công' });
  });

  it('gives the same as one CSV row per item, and only to those who report upward', async () => {
    const { send, focal, users, periodId } = fixture.ctx;
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
    expect(lines[1]).toMatch(/^tiendo\.progress\/1,31,Thành phố Hải Phòng,11460,Xã Kiến Hưng,/);
    expect((await send(users.kt, 'GET', `/api/periods/${periodId}/upward.json`)).statusCode).toBe(
      403,
    );
    const city = await loginAs(fixture.app, 'haiphong', DEMO_PASSWORD);
    expect((await send(city, 'GET', `/api/periods/${periodId}/upward.csv`)).statusCode).toBe(200);
  });
});
