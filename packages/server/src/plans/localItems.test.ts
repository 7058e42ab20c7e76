import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';
import { buildPlan, buildUserWithRole, signIn } from '../testing/factories.ts';

// Local customisation: the commune adds its own indicator and task to its running plan; they
// land in their own section with their own codes and reach the units' reports.

describe.each(TEST_DIALECTS)('the commune’s own items on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);

  it('adds an indicator and a task under "BỔ SUNG CỦA XÃ", numbered BS1, BS2…', async () => {
    const { send, focal, planId, users, reports, units } = fixture.ctx;
    const url = `/api/plans/${planId}/local-items`;
    const unit = units.kt.id;
    const indicator = {
      kind: 'indicator',
      name: 'Số hộ kinh doanh dùng thanh toán không tiền mặt',
      unit: 'hộ',
      targets: [{ year: 2026, text: '≥ 200' }],
      leadUnitIds: [unit],
    };
    expect((await send(users.kt, 'POST', url, indicator)).statusCode).toBe(403);
    expect((await send(focal, 'POST', url, { ...indicator, leadUnitIds: [] })).statusCode).toBe(
      400,
    );
    expect(
      (await send(focal, 'POST', url, { ...indicator, leadUnitIds: [999999] })).json().error,
    ).toBe('Có đơn vị không thuộc xã của kế hoạch.');
    const first = await send(focal, 'POST', url, indicator);
    expect(first.statusCode).toBe(201);
    expect(first.json().code).toBe('BS1');
    const second = await send(focal, 'POST', url, {
      ...indicator,
      name: 'Số hợp tác xã chuyển đổi số',
    });
    expect(second.json().code).toBe('BS2');
    const task = await send(focal, 'POST', url, {
      kind: 'task',
      content: 'Tập huấn thanh toán số cho tiểu thương chợ Kiến Hưng',
      deadline: 'Tháng 12/2026',
      leadUnitIds: [unit],
    });
    expect(task.json().code).toBe('BS1');

    const plan = (await send(focal, 'GET', `/api/plans/${planId}`)).json();
    const local = plan.sections.filter(
      (s: { appendix: string }) => s.appendix === 'BỔ SUNG CỦA XÃ',
    );
    expect(local.map((s: { kind: string }) => s.kind).sort()).toEqual(['indicators', 'tasks']);
    expect(plan.indicators.at(-1)).toMatchObject({
      code: 'BS2',
      lead: units.kt.name,
    });
    expect(plan.indicators.find((i: { code: string }) => i.code === 'BS1').targets).toEqual([
      { year: 2026, text: '≥ 200' },
    ]);

    // The economy unit reports on them like any other item.
    const report = (await send(users.kt, 'GET', `/api/reports/${reports.kt}`)).json();
    expect(report.indicators.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(['BS1', 'BS2']),
    );
    expect(report.tasks.some((t: { code: string }) => t.code === 'BS1')).toBe(true);
  });

  it('is for a commune’s plan only', async () => {
    const { db } = fixture.database;
    const { province, units } = fixture.ctx;
    const admin = await signIn(fixture.app, await buildUserWithRole(db, 'admin', province));
    // The province's own plan (the one its communes implement), made like a commune's.
    const city = await buildPlan(db, { communeId: province.id, leads: [] });
    const response = await fixture.ctx.send(admin, 'POST', `/api/plans/${city.id}/local-items`, {
      kind: 'task',
      content: 'X',
      leadUnitIds: [units.kt.id],
    });
    expect(response.statusCode).toBe(400);
    // Refused as a province's plan, not for the unit (which is not the province's either).
    expect(response.json().error).toBe(
      'Chỉ kế hoạch của xã, phường mới bổ sung nhiệm vụ, chỉ tiêu riêng.',
    );
  });
});
