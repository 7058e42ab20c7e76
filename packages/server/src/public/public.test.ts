import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';

// The public page: no login, approved data only, every text escaped, no scripts.

describe.each(TEST_DIALECTS)('public page on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);
  let communeId: number;

  beforeAll(async () => {
    const plan = await fixture.database.db
      .selectFrom('plans')
      .select(['commune_id', 'title'])
      .where('id', '=', fixture.ctx.planId)
      .executeTakeFirstOrThrow();
    communeId = plan.commune_id;
    await fixture.database.db
      .updateTable('plans')
      .set({ title: `${plan.title} <img src=x onerror=alert(1)>` })
      .where('id', '=', fixture.ctx.planId)
      .execute();
  });

  it('lists communes and shows one without login, escaped and script-free', async () => {
    const list = await fixture.app.inject({ method: 'GET', url: '/cong-khai' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/cong-khai/${communeId}"`);
    const page = await fixture.app.inject({ method: 'GET', url: `/cong-khai/${communeId}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(fixture.ctx.commune.name);
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.body).not.toContain('<img');
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('Tiến độ nhiệm vụ theo nhóm');
    expect((await fixture.app.inject({ method: 'GET', url: '/cong-khai/999999' })).statusCode).toBe(
      404,
    );
  });

  it('uses approved reports only', async () => {
    const data = (
      await fixture.app.inject({ method: 'GET', url: `/api/public/communes/${communeId}` })
    ).json();
    expect(data.period.label).toBe('6 tháng đầu năm 2026');
    const approved = (
      await fixture.ctx.send(fixture.ctx.focal, 'GET', `/api/reports/${fixture.ctx.reports.vhxh}`)
    ).json();
    const submitted = (
      await fixture.ctx.send(fixture.ctx.focal, 'GET', `/api/reports/${fixture.ctx.reports.kt}`)
    ).json();
    const shown = new Set(
      data.indicators
        .filter((i: { value: string | null }) => i.value !== null)
        .map((i: { code: string }) => i.code),
    );
    for (const i of approved.indicators.filter((x: { value: unknown }) => x.value))
      expect(shown.has(i.code)).toBe(true);
    for (const i of submitted.indicators.filter((x: { value: unknown }) => x.value))
      if (!approved.indicators.some((a: { code: string }) => a.code === i.code))
        expect(shown.has(i.code)).toBe(false);
    const done = data.sections.reduce((n: number, s: { done: number }) => n + s.done, 0);
    expect(done).toBeGreaterThanOrEqual(1); // the approved unit's finished task
    expect(JSON.stringify(data)).not.toContain('Thiếu kinh phí'); // units' notes stay inside
  });
});
