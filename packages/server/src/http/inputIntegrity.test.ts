import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import type { LoggedIn } from '../testing/app.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';
import { buildUserWithRole, signIn } from '../testing/factories.ts';

// Regression tests for what an outside probe of the running app found after the security
// fixes (issue 16): a draft reached through a period, a period flood, 500s on repeated
// entries, impossible dates, and a typed username writing another account's counter.

const SEED = readFileSync(
  join(resolve(import.meta.dirname, '../../../..'), 'fixtures/seeds/000_862ce2f29f2f990b.txt'),
);

describe.each(TEST_DIALECTS)('input integrity on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);
  let admin: LoggedIn;
  let communeId: number;
  let unitId: number;

  beforeAll(async () => {
    const { province, commune, units } = fixture.ctx;
    admin = await signIn(
      fixture.app,
      await buildUserWithRole(fixture.database.db, 'admin', province),
    );
    unitId = units.kt.id;
    communeId = commune.id;
  });

  it('opens no period on a draft plan, so nothing of a draft is reached through one', async () => {
    const { send, focal } = fixture.ctx;
    const imported = await send(
      focal,
      'POST',
      `/api/plans/import?communeId=${communeId}&filename=ke-hoach.txt`,
      SEED,
    );
    expect(imported.statusCode).toBe(201);
    const draftId = imported.json().planId ?? imported.json().id;
    const adhoc = await send(focal, 'POST', `/api/plans/${draftId}/periods`, {
      label: 'Kỳ đột xuất',
      windowStart: '2026-11-01',
      windowEnd: '2026-11-30',
      dueDate: '2026-12-10',
    });
    expect(adhoc.statusCode).toBe(400);
    expect(adhoc.json().error).toMatch(/đã ban hành/);
  });

  it('refuses to generate periods over more than ten years at once', async () => {
    const { send, focal, planId } = fixture.ctx;
    const flood = await send(focal, 'POST', `/api/plans/${planId}/periods/generate`, {
      from: '2000-01-01',
      to: '2099-12-31',
    });
    expect(flood.statusCode).toBe(400);
    expect(flood.json().error).toMatch(/tối đa 10 năm/);
  });

  it('refuses days that are not on the calendar', async () => {
    const { send, focal, planId } = fixture.ctx;
    for (const day of ['2026-02-30', '0000-00-00', '2026-13-45']) {
      const response = await send(focal, 'POST', `/api/plans/${planId}/periods`, {
        label: 'Ngày sai',
        windowStart: day,
        windowEnd: '2026-12-31',
        dueDate: '2026-12-31',
      });
      expect(response.statusCode, day).toBe(400);
    }
  });

  it('grants a role or links a unit listed twice once, instead of failing with 500', async () => {
    const { send, focal, planId } = fixture.ctx;
    const created = await send(focal, 'POST', `/api/admin/communes/${communeId}/users`, {
      username: 'lap.vaitro',
      displayName: 'Lặp vai trò',
      unitId,
      roles: [
        { role: 'unit_reporter', scopeUnitId: unitId },
        { role: 'unit_reporter', scopeUnitId: unitId },
      ],
    });
    expect(created.statusCode).toBe(201);
    const item = await send(focal, 'POST', `/api/plans/${planId}/local-items`, {
      kind: 'task',
      content: 'Nhiệm vụ riêng của xã',
      leadUnitIds: [unitId, unitId],
      coordinateUnitIds: [unitId],
    });
    expect(item.statusCode).toBe(201);
  });

  it('answers 404 for users added to a commune that does not exist', async () => {
    const response = await fixture.ctx.send(admin, 'POST', '/api/admin/communes/999999/users', {
      username: 'khong.co.xa',
      displayName: 'Không có xã',
      unitId: null,
      roles: [],
    });
    expect(response.statusCode).toBe(404);
  });

  it('does not let a typed username write another account’s sign-in counter', async () => {
    const { app } = fixture;
    const { username, password } = fixture.ctx.people.kt;
    for (let i = 0; i < 8; i++)
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `${username}|ip:10.9.9.9`, password: 'sai' },
        remoteAddress: '10.8.8.8',
      });
    const owner = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: '10.9.9.9',
    });
    expect(owner.statusCode).toBe(200);
  });
});
