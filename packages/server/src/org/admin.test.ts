import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { asUser, buildTestApp, loginAs, type LoggedIn } from '../testing/app.ts';
import {
  buildCommune,
  buildProvince,
  buildUnit,
  buildUserWithRole,
  signIn,
  type UnitRow,
  type UserRow,
} from '../testing/factories.ts';

// Two communes of one province, each with two units and a reporter; the first's focal officer.

describe.each(TEST_DIALECTS)('administration of units and people on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let send: ReturnType<typeof asUser>;
  let officer: LoggedIn;
  let reporter: LoggedIn;
  let kienhung: number;
  let other: number;
  const units: UnitRow[][] = [];
  const reporters: UserRow[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const { db } = database;
    const province = await buildProvince(db);
    for (let i = 0; i < 2; i++) {
      const commune = await buildCommune(db, { provinceId: province.id });
      units.push([
        await buildUnit(db, { communeId: commune.id }),
        await buildUnit(db, { communeId: commune.id }),
      ]);
      reporters.push(await buildUserWithRole(db, 'unit_reporter', units[i]![0]!));
    }
    [kienhung, other] = units.map((u) => u[0]!.parentId!) as [number, number];
    const focal = await buildUserWithRole(db, 'focal_officer', { id: kienhung });
    app = await buildTestApp(database);
    send = asUser(app);
    officer = await signIn(app, focal);
    reporter = await signIn(app, reporters[0]!);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('lets the focal officer see and manage only their commune', async () => {
    const view = await send(officer, 'GET', `/api/admin/communes/${kienhung}`);
    expect(view.statusCode).toBe(200);
    expect(
      view
        .json()
        .units.map((u: { id: number }) => u.id)
        .sort(),
    ).toEqual(units[0]!.map((u) => u.id).sort());
    expect(view.json().users.map((u: { username: string }) => u.username)).toContain(
      reporters[0]!.username,
    );
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
    const otherUnit = units[1]![0]!;
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
    const outsider = reporters[1]!; // the other commune's
    expect(
      (await send(officer, 'POST', `/api/admin/users/${outsider.id}/reset-password`)).statusCode,
    ).toBe(403);
    expect(
      (await send(reporter, 'POST', `/api/admin/users/${outsider.id}/reset-password`)).statusCode,
    ).toBe(403);
  });
});
