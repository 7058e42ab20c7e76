import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { buildTestApp, loginAs } from '../testing/app.ts';
import { reportedPeriod, type ReportedPeriod } from '../testing/reportedPeriod.ts';
import { DEMO_PASSWORD } from '../demo/seed.ts';

describe.each(TEST_DIALECTS)('shared indicator catalogue on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let ctx: ReportedPeriod;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    app = await buildTestApp(database);
    ctx = await reportedPeriod(app, database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('is seeded, proposes links by name, and takes the focal officer’s confirmation', async () => {
    const links = (await ctx.send(ctx.focal, 'GET', `/api/plans/${ctx.planId}/catalogue`)).json();
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
      (await ctx.send(ctx.users.kt, 'PUT', `/api/plans/${ctx.planId}/catalogue`, body)).statusCode,
    ).toBe(403);
    expect(
      (await ctx.send(ctx.focal, 'PUT', `/api/plans/${ctx.planId}/catalogue`, body)).json().linked,
    ).toBe(proposals.length);
    const after = (await ctx.send(ctx.focal, 'GET', `/api/plans/${ctx.planId}/catalogue`)).json();
    expect(after.indicators.find((i: { id: number }) => i.id === signature.id).catalogueId).toBe(
      entry.id,
    );
  });

  it('compares a linked indicator across the province’s communes', async () => {
    const report = (await ctx.send(ctx.users.kt, 'GET', `/api/reports/${ctx.reports.kt}`)).json();
    const indicator = report.indicators[0];
    await ctx.send(ctx.focal, 'PUT', `/api/plans/${ctx.planId}/catalogue`, {
      links: [{ indicatorId: indicator.indicatorId, catalogueId: 1 }],
    });
    const province = await loginAs(app, 'haiphong', DEMO_PASSWORD);
    const [p] = (await ctx.send(province, 'GET', '/api/provinces')).json();
    const comparison = (
      await ctx.send(province, 'GET', `/api/provinces/${p.id}/catalogue/1`)
    ).json();
    expect(comparison.label).toBe('6 tháng đầu năm 2026');
    expect(comparison.communes).toEqual([
      expect.objectContaining({ commune: 'Xã Kiến Hưng', value: 85.5 }),
    ]);
    expect(
      (await ctx.send(ctx.focal, 'GET', `/api/provinces/${p.id}/catalogue/1`)).statusCode,
    ).toBe(403);
  });
});
