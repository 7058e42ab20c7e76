import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles.ts';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';
import { buildUserWithRole, signIn } from '../testing/factories.ts';
import { periodSummary } from '../exports/periodSummary.ts';

describe.each(TEST_DIALECTS)('dashboards on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);
  /** Someone reading the province (province_viewer) or every province (national_viewer). */
  const viewer = async (role: Role) =>
    signIn(fixture.app, await buildUserWithRole(fixture.database.db, role, fixture.ctx.province));

  it('gives the commune its tasks by status, overdue list, indicator trajectory and unit ranking', async () => {
    const d = (
      await fixture.ctx.send(
        fixture.ctx.users.lanhdao,
        'GET',
        `/api/plans/${fixture.ctx.planId}/dashboard`,
      )
    ).json();
    expect(d.period.id).toBe(fixture.ctx.periodId);
    expect(d.statusCounts.total).toBe(d.tasks.length);
    const planTasks = await fixture.database.db
      .selectFrom('tasks')
      .select('id')
      .where('plan_id', '=', fixture.ctx.planId)
      .execute();
    expect(d.tasks.length).toBe(planTasks.length);
    expect(d.overdue.length).toBe(d.statusCounts.overdue);
    expect(d.overdue[0]).toEqual(
      expect.objectContaining({
        lead: expect.any(String),
        dueDate: expect.stringMatching(/^\d{4}-/),
      }),
    );
    const reported = d.indicators.filter((i: { value: string | null }) => i.value !== null);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported[0].history).toEqual([
      expect.objectContaining({ period: '6 tháng đầu năm 2026', date: '2026-06-14', value: 85.5 }),
    ]);
    expect(
      d.indicators.every((i: { trajectoryLabel: string }) => typeof i.trajectoryLabel === 'string'),
    ).toBe(true);
    const { units } = fixture.ctx;
    const culture = d.units.find((u: { name: string }) => u.name === units.vhxh.name);
    expect(culture).toMatchObject({ reportStatus: 'approved' });
    const centre = d.units.find((u: { name: string }) => u.name === units.pvhcc.name);
    expect(centre.reportStatus).toBe('draft');
    expect(centre.score).toBeLessThanOrEqual(culture.score);
    expect(d.units.map((u: { score: number }) => u.score)).toEqual(
      [...d.units.map((u: { score: number }) => u.score)].sort((a, b) => b - a),
    );
  });

  it('drills down to a task and what each unit reported on it', async () => {
    const h = (
      await fixture.ctx.send(
        fixture.ctx.users.lanhdao,
        'GET',
        `/api/tasks/${fixture.ctx.taskIds.kt}/history`,
      )
    ).json();
    expect(h.task.id).toBe(fixture.ctx.taskIds.kt);
    const units = h.updates.map((u: { unit: string }) => u.unit);
    expect(units).toContain(fixture.ctx.units.kt.name);
    expect(units).not.toContain(fixture.ctx.units.pvhcc.name); // a draft stays inside
  });

  it('filters by unit and appendix', async () => {
    const all = (
      await fixture.ctx.send(fixture.ctx.focal, 'GET', `/api/plans/${fixture.ctx.planId}/dashboard`)
    ).json();
    const unitId = all.units.find(
      (u: { name: string }) => u.name === fixture.ctx.units.silent.name,
    ).unitId;
    const one = (
      await fixture.ctx.send(
        fixture.ctx.focal,
        'GET',
        `/api/plans/${fixture.ctx.planId}/dashboard?unitId=${unitId}`,
      )
    ).json();
    expect(one.tasks.length).toBeGreaterThan(0);
    expect(one.tasks.length).toBeLessThan(all.tasks.length);
    const appendix = all.appendices.find((a: string) =>
      all.tasks.some((t: { appendix: string }) => t.appendix === a),
    );
    const byAppendix = (
      await fixture.ctx.send(
        fixture.ctx.focal,
        'GET',
        `/api/plans/${fixture.ctx.planId}/dashboard?appendix=${encodeURIComponent(appendix)}`,
      )
    ).json();
    expect(byAppendix.tasks.every((t: { appendix: string }) => t.appendix === appendix)).toBe(true);
  });

  it('rolls the province up: who has reported, rates, ranking — for the province only', async () => {
    const province = await viewer('province_viewer');
    const [p] = (await fixture.ctx.send(province, 'GET', '/api/provinces')).json();
    expect(p.id).toBe(fixture.ctx.province.id);
    expect(
      (await fixture.ctx.send(fixture.ctx.users.lanhdao, 'GET', `/api/provinces/${p.id}/rollup`))
        .statusCode,
    ).toBe(403);
    const rollup = (
      await fixture.ctx.send(province, 'GET', `/api/provinces/${p.id}/rollup`)
    ).json();
    expect(rollup.label).toBe('6 tháng đầu năm 2026');
    const { commune } = fixture.ctx;
    const communeRow = rollup.communes.find((c: { name: string }) => c.name === commune.name);
    expect(communeRow).toMatchObject({ received: 2, reported: true });
    expect(communeRow.units).toBe(4); // every unit that leads an item, the silent one too
    expect(rollup.ranking[0].name).toBe(commune.name);
    // The set-based roll-up judges exactly as the commune's own summary does.
    const summary = await periodSummary(fixture.database.db, communeRow.periodId);
    expect(communeRow).toMatchObject({
      units: summary.reporting.units,
      received: summary.reporting.received,
      onTime: summary.reporting.onTime,
      donePercent: summary.counts.donePercent,
      overdue: summary.counts.overdue,
    });
  });

  it('gives the central level every province, adding up to the province roll-ups', async () => {
    const { send, focal, planId, reports } = fixture.ctx;
    const national = await viewer('national_viewer');
    const province = await viewer('province_viewer');
    for (const user of [province, fixture.ctx.users.lanhdao, focal])
      expect((await send(user, 'GET', '/api/national/rollup')).statusCode).toBe(403);
    const view = (await send(national, 'GET', '/api/national/rollup')).json();
    expect(view.label).toBe('6 tháng đầu năm 2026');
    const [provinceRow] = view.provinces;
    const rollup = (
      await send(national, 'GET', `/api/provinces/${provinceRow.provinceId}/rollup`)
    ).json();
    const sum = (key: 'units' | 'received' | 'onTime' | 'overdue') =>
      rollup.communes.reduce((total: number, c: Record<string, number>) => total + c[key]!, 0);
    expect(provinceRow).toMatchObject({
      communesInRound: 1,
      communesReported: 1,
      units: sum('units'),
      received: sum('received'),
      onTime: sum('onTime'),
      overdue: sum('overdue'),
      donePercent: rollup.communes.find((c: { periodId: number | null }) => c.periodId).donePercent,
    });
    expect(provinceRow.receivedPercent).toBeCloseTo(
      (100 * provinceRow.received) / provinceRow.units,
      1,
    );
    expect(view.nation).toMatchObject({ received: provinceRow.received, units: provinceRow.units });
    // Reading is all it does.
    expect((await send(national, 'GET', `/api/reports/${reports.vhxh}`)).statusCode).toBe(200);
    expect((await send(national, 'GET', `/api/reports/${reports.pvhcc}`)).statusCode).toBe(403);
    const kt = (await send(focal, 'GET', `/api/reports/${reports.kt}`)).json();
    expect(
      (
        await send(national, 'POST', `/api/reports/${reports.kt}/approve`, {
          version: kt.version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await send(national, 'POST', `/api/plans/${planId}/periods/generate`, {
          from: '2027-01-01',
          to: '2027-12-31',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('compares a catalogue indicator across provinces', async () => {
    const { send, focal, planId } = fixture.ctx;
    const links = (await send(focal, 'GET', `/api/plans/${planId}/catalogue`)).json();
    const report = (await send(focal, 'GET', `/api/reports/${fixture.ctx.reports.kt}`)).json();
    const indicatorId = report.indicators[0].indicatorId;
    const catalogueId = links.catalogue[0].id;
    await send(focal, 'PUT', `/api/plans/${planId}/catalogue`, {
      links: [{ indicatorId, catalogueId }],
    });
    const national = await viewer('national_viewer');
    const compared = (await send(national, 'GET', `/api/national/catalogue/${catalogueId}`)).json();
    expect(compared.label).toBe('6 tháng đầu năm 2026');
    expect(compared.provinces[0]).toMatchObject({ communes: 1, mean: 85.5, median: 85.5 });
    const province = await viewer('province_viewer');
    expect((await send(province, 'GET', `/api/national/catalogue/${catalogueId}`)).statusCode).toBe(
      403,
    );
  });
});
