import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { loginAs } from '../testing/app.ts';
import { useReportedPeriod } from '../testing/reportedPeriod.ts';
import { DEMO_PASSWORD } from '../demo/seed.ts';

describe.each(TEST_DIALECTS)('shared indicator catalogue on %s', (dialect) => {
  const fixture = useReportedPeriod(dialect);

  it('is seeded, proposes links by name, and takes the focal officer’s confirmation', async () => {
    const links = (
      await fixture.ctx.send(fixture.ctx.focal, 'GET', `/api/plans/${fixture.ctx.planId}/catalogue`)
    ).json();
    expect(links.catalogue).toHaveLength(21);
    const signature = links.indicators.find((i: { name: string }) =>
      i.name.startsWith('Tỷ lệ người dân có chữ ký số'),
    );
    const entry = links.catalogue.find(
      (c: { name: string }) => c.name === 'Tỷ lệ người dân có chữ ký số',
    );
    expect(signature.proposal.catalogueId).toBe(entry.id);
    const proposals = links.indicators.filter((i: { proposal: unknown }) => i.proposal);
    expect(proposals.length).toBeGreaterThanOrEqual(15);
    const body = {
      links: proposals.map((i: { id: number; proposal: { catalogueId: number } }) => ({
        indicatorId: i.id,
        catalogueId: i.proposal.catalogueId,
      })),
    };
    expect(
      (
        await fixture.ctx.send(
          fixture.ctx.users.kt,
          'PUT',
          `/api/plans/${fixture.ctx.planId}/catalogue`,
          body,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await fixture.ctx.send(
          fixture.ctx.focal,
          'PUT',
          `/api/plans/${fixture.ctx.planId}/catalogue`,
          body,
        )
      ).json().linked,
    ).toBe(proposals.length);
    const after = (
      await fixture.ctx.send(fixture.ctx.focal, 'GET', `/api/plans/${fixture.ctx.planId}/catalogue`)
    ).json();
    expect(after.indicators.find((i: { id: number }) => i.id === signature.id).catalogueId).toBe(
      entry.id,
    );
  });

  it('compares a linked indicator across the province’s communes', async () => {
    const report = (
      await fixture.ctx.send(fixture.ctx.users.kt, 'GET', `/api/reports/${fixture.ctx.reports.kt}`)
    ).json();
    const indicator = report.indicators[0];
    await fixture.ctx.send(fixture.ctx.focal, 'PUT', `/api/plans/${fixture.ctx.planId}/catalogue`, {
      links: [{ indicatorId: indicator.indicatorId, catalogueId: 1 }],
    });
    const province = await loginAs(fixture.app, 'haiphong', DEMO_PASSWORD);
    const [p] = (await fixture.ctx.send(province, 'GET', '/api/provinces')).json();
    const comparison = (
      await fixture.ctx.send(province, 'GET', `/api/provinces/${p.id}/catalogue/1`)
    ).json();
    expect(comparison.label).toBe('6 tháng đầu năm 2026');
    expect(comparison.communes).toEqual([
      expect.objectContaining({ commune: 'Xã Kiến Hưng', value: 85.5 }),
    ]);
    expect(
      (await fixture.ctx.send(fixture.ctx.focal, 'GET', `/api/provinces/${p.id}/catalogue/1`))
        .statusCode,
    ).toBe(403);
  });
});
