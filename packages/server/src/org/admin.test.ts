import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { asUser, buildTestApp, loginAs, type LoggedIn } from '../testing/app.ts';
import { DEMO_PASSWORD, loadDemoDrafts, seedDemo } from '../demo/seed.ts';

describe.each(TEST_DIALECTS)('administration of units and people on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let send: ReturnType<typeof asUser>;
  let officer: LoggedIn;
  let reporter: LoggedIn;
  let kienhung: number;
  let other: number;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.db, loadDemoDrafts().slice(0, 2));
    app = await buildTestApp(database);
    send = asUser(app);
    officer = await loginAs(app, 'kienhung.daumoi', DEMO_PASSWORD);
    reporter = await loginAs(app, 'kienhung.kt', DEMO_PASSWORD);
    const communes = await database.db
      .selectFrom('org_units')
      .select(['id', 'name'])
      .where('kind', '=', 'commune')
      .execute();
    kienhung = communes.find((c) => c.name === 'Xã Kiến Hưng')!.id;
    other = communes.find((c) => c.name !== 'Xã Kiến Hưng')!.id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('lets the focal officer see and manage only their commune', async () => {
    const view = await send(officer, 'GET', `/api/admin/communes/${kienhung}`);
    expect(view.statusCode).toBe(200);
    expect(view.json().units.length).toBeGreaterThanOrEqual(6);
    expect(view.json().users.map((u: { username: string }) => u.username)).toContain('kienhung.kt');
    expect((await send(officer, 'GET', `/api/admin/communes/${other}`)).statusCode).toBe(403);
    expect((await send(reporter, 'GET', `/api/admin/communes/${kienhung}`)).statusCode).toBe(403);
  });

  let unitId: number;
  it('adds and renames a unit, refusing duplicates and stale versions', async () => {
    const created = await send(officer, 'POST', `/api/admin/communes/${kienhung}/units`, {
      name: 'Trạm Y tế xã',
    });
    expect(created.statusCode).toBe(201);
    unitId = created.json().id;
    const dup = await send(officer, 'POST', `/api/admin/communes/${kienhung}/units`, {
      name: 'TRẠM Y TẾ XÃ',
    });
    expect(dup.json().error).toBe('Xã đã có đơn vị cùng tên');
    expect(
      (
        await send(officer, 'PATCH', `/api/admin/units/${unitId}`, {
          version: 1,
          name: 'Trạm Y tế',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await send(officer, 'PATCH', `/api/admin/units/${unitId}`, {
          version: 1,
          name: 'Trạm Y tế 2',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('creates a reporter with a temporary password that must be changed', async () => {
    const url = `/api/admin/communes/${kienhung}/users`;
    const body = {
      username: 'kienhung.yte',
      displayName: 'Cán bộ Trạm Y tế',
      email: 'yte@kienhung.vn',
      unitId,
      roles: [{ role: 'unit_reporter', scopeUnitId: unitId }],
    };
    expect(
      (
        await send(officer, 'POST', url, {
          ...body,
          roles: [{ role: 'admin', scopeUnitId: kienhung }],
        })
      ).statusCode,
    ).toBe(403);
    const otherUnit = await database.db
      .selectFrom('org_units')
      .select('id')
      .where('parent_id', '=', other)
      .executeTakeFirstOrThrow();
    expect(
      (
        await send(officer, 'POST', url, {
          ...body,
          roles: [{ role: 'unit_reporter', scopeUnitId: otherUnit.id }],
        })
      ).statusCode,
    ).toBe(400);
    const created = await send(officer, 'POST', url, body);
    expect(created.statusCode).toBe(201);
    const { id, temporaryPassword } = created.json();
    expect(temporaryPassword).toMatch(/^[a-zA-Z2-9]{12}$/);
    expect((await send(officer, 'POST', url, body)).json().error).toBe(
      'Tên đăng nhập đã được dùng',
    );

    const fresh = await loginAs(app, 'kienhung.yte', temporaryPassword);
    expect((await send(fresh, 'GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
    const wrong = await send(fresh, 'POST', '/api/auth/password', {
      currentPassword: 'sai',
      newPassword: 'MatKhauMoi@2026',
    });
    expect(wrong.json().error).toBe('Mật khẩu hiện tại không đúng');
    const second = await loginAs(app, 'kienhung.yte', temporaryPassword);
    await send(fresh, 'POST', '/api/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'MatKhauMoi@2026',
    });
    expect((await send(fresh, 'GET', '/api/auth/me')).json().mustChangePassword).toBe(false);
    expect((await send(second, 'GET', '/api/auth/me')).statusCode).toBe(401); // other sessions ended

    // Reset: every session ends, a new temporary password works.
    const reset = await send(officer, 'POST', `/api/admin/users/${id}/reset-password`);
    expect((await send(fresh, 'GET', '/api/auth/me')).statusCode).toBe(401);
    await loginAs(app, 'kienhung.yte', reset.json().temporaryPassword);

    // Deactivate: cannot log in any more.
    const version = (await send(officer, 'GET', `/api/admin/communes/${kienhung}`))
      .json()
      .users.find((u: { id: number }) => u.id === id).version;
    expect(
      (await send(officer, 'PATCH', `/api/admin/users/${id}`, { version, active: false }))
        .statusCode,
    ).toBe(200);
    await expect(loginAs(app, 'kienhung.yte', reset.json().temporaryPassword)).rejects.toThrow(
      /401/,
    );
    expect(
      (await send(officer, 'PATCH', `/api/admin/users/${id}`, { version, active: true }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses to manage users of another commune', async () => {
    const outsider = await database.db
      .selectFrom('users')
      .select('id')
      .where('username', 'like', '%.kt')
      .where('username', '!=', 'kienhung.kt')
      .executeTakeFirstOrThrow();
    expect(
      (await send(officer, 'POST', `/api/admin/users/${outsider.id}/reset-password`)).statusCode,
    ).toBe(403);
    expect(
      (await send(reporter, 'POST', `/api/admin/users/${outsider.id}/reset-password`)).statusCode,
    ).toBe(403);
  });
});
