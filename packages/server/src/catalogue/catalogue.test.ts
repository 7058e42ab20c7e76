import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';
import {
  buildCommune,
  buildPlan,
  buildUnit,
  buildUserWithRole,
  signIn,
} from '../testing/factories.ts';

describe.each(TEST_DIALECTS)('shared indicator catalogue on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);

  it('is seeded, proposes links by name, and takes the focal officer’s confirmation', async () => {
    const { db } = fixture.database;
    const { send } = fixture.ctx;
    const catalogue = await db
      .selectFrom('indicator_catalogue')
      .select(['id', 'name'])
      .orderBy('id')
      .execute();
    // A commune (of another province) whose plan names every entry as plans print them, with
    // a full stop, and one indicator of its own that nothing in the catalogue resembles.
    const commune = await buildCommune(db);
    const unit = await buildUnit(db, { communeId: commune.id });
    const plan = await buildPlan(db, {
      communeId: commune.id,
      indicators: [
        ...catalogue.map((c) => ({ name: `${c.name}.` })),
        { name: 'Số lễ hội truyền thống được tổ chức' },
      ],
    });
    const focal = await signIn(fixture.app, await buildUserWithRole(db, 'focal_officer', commune));
    const reporter = await signIn(fixture.app, await buildUserWithRole(db, 'unit_reporter', unit));
    const url = `/api/plans/${plan.id}/catalogue`;
    const links = (await send(focal, 'GET', url)).json();
    expect(links.catalogue).toHaveLength(21);
    const signature = links.indicators.find(
      (i: { name: string }) => i.name === 'Tỷ lệ người dân có chữ ký số.',
    );
    const entry = links.catalogue.find(
      (c: { name: string }) => c.name === 'Tỷ lệ người dân có chữ ký số',
    );
    expect(signature.proposal.catalogueId).toBe(entry.id);
    // Each printed name is proposed its own entry; the commune's own indicator, none.
    for (const i of links.indicators as Array<{ name: string; proposal: unknown }>)
      expect(i.proposal).toEqual(
        i.name.endsWith('.')
          ? expect.objectContaining({
              catalogueId: catalogue.find((c) => `${c.name}.` === i.name)!.id,
            })
          : null,
      );
    const proposals = links.indicators.filter((i: { proposal: unknown }) => i.proposal);
    expect(proposals).toHaveLength(21);
    const body = {
      links: proposals.map((i: { id: number; proposal: { catalogueId: number } }) => ({
        indicatorId: i.id,
        catalogueId: i.proposal.catalogueId,
      })),
    };
    expect((await send(reporter, 'PUT', url, body)).statusCode).toBe(403);
    expect((await send(focal, 'PUT', url, body)).json().linked).toBe(proposals.length);
    const after = (await send(focal, 'GET', url)).json();
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
    const viewer = await buildUserWithRole(
      fixture.database.db,
      'province_viewer',
      fixture.ctx.province,
    );
    const province = await signIn(fixture.app, viewer);
    const p = fixture.ctx.province;
    const comparison = (
      await fixture.ctx.send(province, 'GET', `/api/provinces/${p.id}/catalogue/1`)
    ).json();
    expect(comparison.label).toBe('6 tháng đầu năm 2026');
    expect(comparison.communes).toEqual([
      expect.objectContaining({ commune: fixture.ctx.commune.name, value: 85.5 }),
    ]);
    expect(
      (await fixture.ctx.send(fixture.ctx.focal, 'GET', `/api/provinces/${p.id}/catalogue/1`))
        .statusCode,
    ).toBe(403);
  });
});
