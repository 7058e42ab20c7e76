import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { buildTestApp, loginAs } from '../testing/app.ts';
import { createOrgUnit } from '../org/queries.ts';
import { createUser } from '../org/users.ts';
import { LIMITS } from './throttle.ts';

const PASSWORD = 'mat-khau-du-dai';

describe.each(TEST_DIALECTS)('auth on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const province = await createOrgUnit(database.db, {
      parentId: null,
      kind: 'province',
      name: 'Tỉnh Thử',
    });
    for (const username of ['nguoidung', 'bikhoa']) {
      await createUser(database.db, {
        username,
        displayName: username,
        password: PASSWORD,
        unitId: null,
        roles: [{ role: 'province_viewer', scopeUnitId: province }],
      });
    }
    app = await buildTestApp(database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('logs in, sets an httpOnly SameSite cookie and returns the user with a CSRF token', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'NguoiDung ', password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tiendo_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(response.json()).toMatchObject({
      username: 'nguoidung',
      roles: [{ role: 'province_viewer' }],
    });
    expect(response.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(cookie.secure).toBeFalsy(); // plain HTTP (a developer's machine)
    expect(cookie.expires!.getTime()).toBeGreaterThan(Date.now());
  });

  it('marks the cookie Secure behind a TLS-terminating proxy (X-Forwarded-Proto: https)', async () => {
    const proxied = await buildTestApp(database, { trustProxy: ['127.0.0.1'] });
    const response = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'nguoidung', password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((c) => c.name === 'tiendo_session')!.secure).toBe(true);
    await proxied.close();
  });

  it('answers a wrong password and an unknown user with the same Vietnamese message', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nguoidung', password: 'sai-mat-khau' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'khongco', password: 'sai-mat-khau' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(unknown.json().error).toBe(wrong.json().error);
  });

  it('refuses a browser it does not know after repeated failures on the account from anywhere, even with the right password', async () => {
    for (let i = 0; i < LIMITS.account; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'bikhoa', password: 'sai' },
        remoteAddress: `10.0.0.${i}`,
      });
    }
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bikhoa', password: PASSWORD },
      remoteAddress: '10.0.1.1',
    });
    expect(response.statusCode).toBe(429);
    expect(response.json().error).toMatch(/thử mật khẩu sai nhiều lần/);
  });

  it('rejects a write without the CSRF token and accepts it with the token', async () => {
    const session = await loginAs(app, 'nguoidung', PASSWORD);
    const without = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
      payload: {},
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf');
    const withToken = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: {},
    });
    expect(withToken.statusCode).toBe(200);
    const after = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: session.cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('logs out everywhere: every session of the user ends', async () => {
    const a = await loginAs(app, 'nguoidung', PASSWORD);
    const b = await loginAs(app, 'nguoidung', PASSWORD);
    await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
      payload: { everywhere: true },
    });
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: b.cookie },
    });
    expect(me.statusCode).toBe(401);
  });

  it('rejects malformed login bodies with a clear 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 42 },
    });
    expect(response.statusCode).toBe(400);
    // The message names what is wrong (a person fixing a form needs the field).
    expect(response.json().error).toBe(
      'Dữ liệu gửi lên không hợp lệ: username — không hợp lệ; password — không hợp lệ',
    );
  });

  it('sends security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.json()).toEqual({ status: 'ok', database: dialect });
  });
});
