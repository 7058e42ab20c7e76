import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { asUser, buildTestApp, loginAs, type LoggedIn } from '../testing/app.ts';
import { loadConfig } from '../config.ts';
import { createOrgUnit } from '../org/queries.ts';
import { createUser } from '../org/users.ts';
import { forgetStaleAttempts, LIMITS } from './throttle.ts';
import type { Role } from './roles.ts';

// Regression tests for the outside review's findings on sign-in and user administration
// (issue 16): each one failed before its fix.

const PASSWORD = 'mat-khau-du-dai';

const appWith = (database: TestDatabase, trustProxy: string[] = []) =>
  buildTestApp(database, { trustProxy });

const login = (
  app: FastifyInstance,
  username: string,
  password: string,
  extra: { remoteAddress?: string; headers?: Record<string, string> } = {},
) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}),
    ...(extra.headers ? { headers: extra.headers } : {}),
  });

const statuses = (responses: Array<{ statusCode: number }>) =>
  responses
    .map((r) => r.statusCode)
    .reduce<Record<number, number>>((count, code) => {
      count[code] = (count[code] ?? 0) + 1;
      return count;
    }, {});

describe.each(TEST_DIALECTS)('sign-in and user administration security on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const ids: Record<string, number> = {};

  async function person(username: string, unitId: number | null, roles: [Role, number][]) {
    ids[username] = await createUser(database.db, {
      username,
      displayName: username,
      password: PASSWORD,
      unitId,
      roles: roles.map(([role, scopeUnitId]) => ({ role, scopeUnitId })),
    });
  }

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const db = database.db;
    const province = await createOrgUnit(db, { parentId: null, kind: 'province', name: 'Tỉnh' });
    const commune = await createOrgUnit(db, { parentId: province, kind: 'commune', name: 'Xã A' });
    const other = await createOrgUnit(db, { parentId: province, kind: 'commune', name: 'Xã B' });
    ids.unit = await createOrgUnit(db, { parentId: commune, kind: 'unit', name: 'Phòng A' });
    ids.otherUnit = await createOrgUnit(db, { parentId: other, kind: 'unit', name: 'Phòng B' });
    await person('daumoi', ids.unit, [['focal_officer', commune]]);
    await person('baocao', ids.unit, [['unit_reporter', ids.unit]]);
    await person('quantri', ids.unit, [['admin', commune]]); // an admin filed under the commune
    await person('tinh', ids.unit, [['province_viewer', province]]);
    for (const name of ['burst', 'doimk', 'chusohuu', 'tamthoi', 'maychung', 'dongnghiep'])
      await person(name, ids.unit, []);
    await database.db
      .insertInto('role_assignments')
      .values(
        ['burst', 'doimk', 'chusohuu', 'tamthoi', 'maychung', 'dongnghiep'].map((name) => ({
          user_id: ids[name]!,
          role: 'unit_reporter',
          scope_unit_id: ids.unit!,
          created_at: new Date().toISOString(),
        })),
      )
      .execute();
    app = await appWith(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('1. counts a burst of sign-ins before checking passwords: only the limit is ever checked', async () => {
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        login(app, 'burst', i === 29 ? PASSWORD : `sai-${i}`, { remoteAddress: '10.1.0.1' }),
      ),
    );
    const count = statuses(burst);
    expect((count[401] ?? 0) + (count[200] ?? 0)).toBeLessThanOrEqual(LIMITS.accountFromAddress);
    expect(count[429]).toBeGreaterThanOrEqual(30 - LIMITS.accountFromAddress);
  });

  it('2a. ignores X-Forwarded-For unless the request comes from a configured proxy', async () => {
    for (let i = 0; i < LIMITS.accountFromAddress; i++)
      await login(app, 'baocao', 'sai', { remoteAddress: '10.2.0.1' });
    const spoofed = await login(app, 'baocao', PASSWORD, {
      remoteAddress: '10.2.0.1',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(spoofed.statusCode).toBe(429);

    const proxied = await appWith(database, ['127.0.0.1']);
    try {
      const response = await login(proxied, 'daumoi', PASSWORD, {
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': '198.51.100.1, 192.0.2.7', 'x-forwarded-proto': 'https' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const session = await database.db
        .selectFrom('sessions')
        .select('ip')
        .where('user_id', '=', ids.daumoi!)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      expect(session.ip).toBe('192.0.2.7'); // the proxy's view, not the client's claim
    } finally {
      await proxied.close();
    }
    const direct = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(direct.headers['strict-transport-security']).toBeUndefined();
  });

  it('2b. failures from many addresses slow strangers down but never lock the owner out of their own browser', async () => {
    const owner = await login(app, 'chusohuu', PASSWORD, { remoteAddress: '10.3.0.1' });
    const device = owner.cookies.find((c) => c.name === 'tiendo_device')!;
    expect(device.httpOnly).toBe(true);
    for (let i = 0; i < LIMITS.account + 2; i++)
      await login(app, 'chusohuu', `sai-${i}`, { remoteAddress: `10.3.1.${i}` });
    const stranger = await login(app, 'chusohuu', PASSWORD, { remoteAddress: '10.3.2.1' });
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json().error).toMatch(/trình duyệt bạn đã dùng trước đây/);
    const again = await login(app, 'chusohuu', PASSWORD, {
      remoteAddress: '10.3.0.1',
      headers: { cookie: `tiendo_device=${device.value}` },
    });
    expect(again.statusCode).toBe(200);
    // The device cookie is the owner's: it does not open another account's limit.
    const borrowed = await login(app, 'baocao', PASSWORD, {
      remoteAddress: '10.2.0.1',
      headers: { cookie: `tiendo_device=${device.value}` },
    });
    expect(borrowed.statusCode).toBe(429);
  });

  it('2d. on a shared office PC every account that signed in there keeps its known browser', async () => {
    const first = await login(app, 'maychung', PASSWORD, { remoteAddress: '10.5.0.1' });
    const mine = first.cookies.find((c) => c.name === 'tiendo_device')!.value;
    const colleague = await login(app, 'dongnghiep', PASSWORD, {
      remoteAddress: '10.5.0.1',
      headers: { cookie: `tiendo_device=${mine}` },
    });
    const shared = colleague.cookies.find((c) => c.name === 'tiendo_device')!.value;
    expect(shared.split('.')).toHaveLength(2);
    for (let i = 0; i < LIMITS.account + 2; i++)
      await login(app, 'maychung', `sai-${i}`, { remoteAddress: `10.5.1.${i}` });
    const back = await login(app, 'maychung', PASSWORD, {
      remoteAddress: '10.5.0.1',
      headers: { cookie: `tiendo_device=${shared}` },
    });
    expect(back.statusCode).toBe(200);
  });

  it('2c. one address trying many accounts is stopped at its configured limit', async () => {
    const strict = await buildTestApp(database, { signinLimitPerAddress: 6 });
    try {
      const tries = [];
      for (let i = 0; i < 8; i++)
        tries.push(await login(strict, `khongco${i}`, 'sai', { remoteAddress: '10.4.0.1' }));
      expect(tries.map((t) => t.statusCode)).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
      // A right password from that address waits too; another address does not.
      expect(
        (await login(strict, 'daumoi', PASSWORD, { remoteAddress: '10.4.0.1' })).statusCode,
      ).toBe(429);
      expect(
        (await login(strict, 'daumoi', PASSWORD, { remoteAddress: '10.4.0.2' })).statusCode,
      ).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('forgets counters whose window has passed, so typed usernames cannot grow the table', async () => {
    const old = new Date(Date.now() - 60 * 60_000).toISOString();
    await database.db
      .insertInto('login_attempts')
      .values([
        { key: 'user:cu', failures: 3, window_start: old, locked_until: null },
        {
          key: 'user:moi',
          failures: 1,
          window_start: new Date().toISOString(),
          locked_until: null,
        },
      ])
      .execute();
    await forgetStaleAttempts(database.db, new Date(Date.now() - 15 * 60_000).toISOString(), true);
    const keys = await database.db
      .selectFrom('login_attempts')
      .select('key')
      .where('key', 'in', ['user:cu', 'user:moi'])
      .execute();
    expect(keys.map((k) => k.key)).toEqual(['user:moi']);
  });

  it('3. a focal officer cannot manage a user whose roles reach beyond the commune', async () => {
    const focal = await loginAs(app, 'daumoi', PASSWORD);
    const as = asUser(app);
    for (const target of ['quantri', 'tinh']) {
      const reset = await as(focal, 'POST', `/api/admin/users/${ids[target]}/reset-password`, {});
      expect(reset.statusCode, target).toBe(403);
      const edit = await as(focal, 'PATCH', `/api/admin/users/${ids[target]}`, {
        version: 1,
        displayName: 'Đã bị sửa',
      });
      expect(edit.statusCode, target).toBe(403);
    }
    const reporter = await as(focal, 'POST', `/api/admin/users/${ids.tamthoi}/reset-password`, {});
    expect(reporter.statusCode).toBe(200);
  });

  it('4. a focal officer cannot move a user into another commune’s unit', async () => {
    const focal = await loginAs(app, 'daumoi', PASSWORD);
    const moved = await asUser(app)(focal, 'PATCH', `/api/admin/users/${ids.doimk}`, {
      version: 1,
      unitId: ids.otherUnit,
    });
    expect(moved.statusCode).toBe(400);
    const row = await database.db
      .selectFrom('users')
      .select('unit_id')
      .where('id', '=', ids.doimk!)
      .executeTakeFirstOrThrow();
    expect(row.unit_id).toBe(ids.unit);
  });

  it('5. with a temporary password, only sign-in, me, change of password and sign-out answer', async () => {
    const focal = await loginAs(app, 'daumoi', PASSWORD);
    const as = asUser(app);
    const reset = await as(focal, 'POST', `/api/admin/users/${ids.tamthoi}/reset-password`, {});
    const temporary: string = reset.json().temporaryPassword;
    const session: LoggedIn = await loginAs(app, 'tamthoi', temporary);
    expect((await as(session, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const blocked = await as(session, 'GET', '/api/plans');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('must_change_password');
    expect((await as(session, 'GET', '/api/notifications')).statusCode).toBe(403);
    const changed = await as(session, 'POST', '/api/auth/password', {
      currentPassword: temporary,
      newPassword: 'mat-khau-moi-du-dai',
    });
    expect(changed.statusCode).toBe(200);
    const after = await loginAs(app, 'tamthoi', 'mat-khau-moi-du-dai');
    expect((await as(after, 'GET', '/api/plans')).statusCode).toBe(200);
  });

  it('7. limits current-password guesses on the change-password form, also in a burst', async () => {
    const session = await loginAs(app, 'doimk', PASSWORD);
    const as = asUser(app);
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        as(session, 'POST', '/api/auth/password', {
          currentPassword: `sai-${i}`,
          newPassword: 'mat-khau-moi-du-dai',
        }),
      ),
    );
    const count = statuses(burst);
    expect(count[400]).toBe(LIMITS.passwordChange);
    expect(count[429]).toBe(12 - LIMITS.passwordChange);
    const right = await as(session, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'mat-khau-moi-du-dai',
    });
    expect(right.statusCode).toBe(429);
  });
});

describe('TIENDO_TRUST_PROXY', () => {
  it('takes a list of proxy addresses and ranges, none by default, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TIENDO_TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,::1' }).trustProxy).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      '::1',
    ]);
    expect(() => loadConfig({ TIENDO_TRUST_PROXY: 'true' })).toThrow(/Cấu hình không hợp lệ/);
  });
});
