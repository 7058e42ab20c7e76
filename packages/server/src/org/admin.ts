import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { searchKey } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { Role } from '../auth/roles.ts';
import { hashPassword } from '../auth/passwords.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { createOrgUnit } from './queries.ts';
import { canManageCommune } from './queries.ts';
import { assertCan } from '../access/policy.ts';
import { roleScope } from '../access/scope.ts';
import { createUser } from './users.ts';

// Administration of a commune's units and people. A system admin manages everything; a
// commune's focal officer manages the units and users of that commune, with the roles that
// live inside it (unit reporter, commune leader, focal officer).

export function assertCanAdminister(user: SessionUser, communeId: number): void {
  if (!canManageCommune(user, communeId))
    throw forbidden('Chỉ quản trị hệ thống hoặc cán bộ đầu mối của xã mới quản lý được mục này');
}

export async function communeUnitIds(db: Kysely<Database>, communeId: number) {
  const rows = await db
    .selectFrom('org_units')
    .select('id')
    .where('parent_id', '=', communeId)
    .execute();
  return rows.map((r) => r.id);
}

/** Roles must stay inside the commune; only an admin may grant admin or province roles. */
export async function checkRoles(
  db: Kysely<Database>,
  actor: SessionUser,
  communeId: number,
  roles: Array<{ role: Role; scopeUnitId: number }>,
): Promise<void> {
  const scope = roleScope(actor);
  const units = await communeUnitIds(db, communeId);
  for (const { role, scopeUnitId } of roles) {
    assertCan(scope, 'role.grant', { role });
    if (role === 'unit_reporter' && !units.includes(scopeUnitId))
      throw badRequest('Người báo cáo phải thuộc một đơn vị của xã');
    if ((role === 'commune_leader' || role === 'focal_officer') && scopeUnitId !== communeId)
      throw badRequest('Vai trò lãnh đạo, đầu mối phải gắn với xã');
  }
}

/** The commune a user belongs to, judged by their unit and role scopes. */
export async function userCommunes(db: Kysely<Database>, userId: number): Promise<Set<number>> {
  const user = await db
    .selectFrom('users')
    .select('unit_id')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound('Không tìm thấy người dùng');
  const roles = await db
    .selectFrom('role_assignments')
    .select('scope_unit_id')
    .where('user_id', '=', userId)
    .execute();
  const ids = [user.unit_id, ...roles.map((r) => r.scope_unit_id)].filter(
    (id): id is number => id !== null,
  );
  const units = ids.length
    ? await db
        .selectFrom('org_units')
        .select(['id', 'kind', 'parent_id'])
        .where('id', 'in', ids)
        .execute()
    : [];
  return new Set(units.map((u) => (u.kind === 'commune' ? u.id : (u.parent_id ?? -1))));
}

/**
 * The commune whose officer may manage this user, after checking the actor is allowed to.
 * An admin manages anyone (admin is a global role, whatever unit it is filed under). Anyone
 * else manages only people who belong to one commune they manage and whose every role lives
 * inside that commune: never someone holding a role that reaches beyond it (an admin, a
 * province viewer), whose account would otherwise be theirs to take over.
 */
export async function assertCanAdministerUser(
  db: Kysely<Database>,
  actor: SessionUser,
  userId: number,
): Promise<number | null> {
  const communeIds = await userCommunes(db, userId);
  const roles = await db
    .selectFrom('role_assignments')
    .select('role')
    .where('user_id', '=', userId)
    .execute();
  assertCan(roleScope(actor), 'user.administer', {
    communeIds,
    roles: roles.map((r) => r.role as Role),
  });
  return [...communeIds][0] ?? null;
}

/** A user's unit must be one of the commune's units (any existing unit for an admin). */
async function assertUnitFor(db: Kysely<Database>, communeId: number | null, unitId: number) {
  const unit = await db
    .selectFrom('org_units')
    .select(['id', 'parent_id'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit || (communeId !== null && unit.parent_id !== communeId))
    throw badRequest('Đơn vị không thuộc xã');
}

export async function communeAdminView(db: Kysely<Database>, communeId: number) {
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'short_name', 'version'])
    .where('parent_id', '=', communeId)
    .orderBy('name')
    .execute();
  const scope = [communeId, ...units.map((u) => u.id)];
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'email', 'unit_id', 'active', 'version'])
    .where((eb) =>
      eb.or([
        eb('unit_id', 'in', scope),
        eb(
          'id',
          'in',
          eb.selectFrom('role_assignments').select('user_id').where('scope_unit_id', 'in', scope),
        ),
      ]),
    )
    .orderBy('username')
    .execute();
  const roles = users.length
    ? await db
        .selectFrom('role_assignments')
        .select(['user_id', 'role', 'scope_unit_id'])
        .where(
          'user_id',
          'in',
          users.map((u) => u.id),
        )
        .execute()
    : [];
  return {
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      shortName: u.short_name,
      version: u.version,
    })),
    users: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      email: u.email,
      unitId: u.unit_id,
      active: u.active === 1,
      version: u.version,
      roles: roles
        .filter((r) => r.user_id === u.id)
        .map((r) => ({ role: r.role, scopeUnitId: r.scope_unit_id })),
    })),
  };
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Readable over the phone: no 0/O, 1/l/I. */
export function temporaryPassword(length = 12): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

export async function addUser(
  db: Kysely<Database>,
  actor: SessionUser,
  communeId: number,
  input: {
    username: string;
    displayName: string;
    email: string | null;
    unitId: number | null;
    roles: Array<{ role: Role; scopeUnitId: number }>;
  },
) {
  return atomically(db, async (db) => {
    const commune = await db
      .selectFrom('org_units')
      .select('kind')
      .where('id', '=', communeId)
      .executeTakeFirst();
    if (commune?.kind !== 'commune') throw notFound('Không tìm thấy xã, phường');
    await checkRoles(db, actor, communeId, input.roles);
    if (input.unitId !== null) await assertUnitFor(db, communeId, input.unitId);
    const exists = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username.trim().toLowerCase())
      .executeTakeFirst();
    if (exists) throw badRequest('Tên đăng nhập đã được dùng');
    const password = temporaryPassword();
    const id = await createUser(db, { ...input, password });
    await db.updateTable('users').set({ must_change_password: 1 }).where('id', '=', id).execute();
    await recordAudit(db, {
      userId: actor.id,
      entity: 'user',
      entityId: id,
      action: 'create',
      after: { ...input },
    });
    return { id, temporaryPassword: password };
  });
}

export async function updateUser(
  db: Kysely<Database>,
  actor: SessionUser,
  userId: number,
  input: {
    version: number;
    displayName?: string;
    email?: string | null;
    unitId?: number | null;
    active?: boolean;
    roles?: Array<{ role: Role; scopeUnitId: number }>;
  },
): Promise<number> {
  const communeId = await assertCanAdministerUser(db, actor, userId);
  if (input.roles && communeId !== null) await checkRoles(db, actor, communeId, input.roles);
  const { admin } = roleScope(actor);
  if (input.unitId != null) await assertUnitFor(db, admin ? null : communeId, input.unitId);
  if (userId === actor.id && input.active === false)
    throw badRequest('Không thể tự khóa tài khoản của mình');
  const before = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return atomically(db, async (trx) => {
    const result = await trx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        version: input.version + 1,
        updated_at: nowIso(),
      })
      .where('id', '=', userId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict({ version: before.version });
    if (input.roles) {
      await trx.deleteFrom('role_assignments').where('user_id', '=', userId).execute();
      if (input.roles.length)
        await trx
          .insertInto('role_assignments')
          .values(
            input.roles.map((r) => ({
              user_id: userId,
              role: r.role,
              scope_unit_id: r.scopeUnitId,
              created_at: nowIso(),
            })),
          )
          .execute();
    }
    if (input.active === false)
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    const { password_hash: _hash, ...visible } = before;
    await recordAudit(trx, {
      userId: actor.id,
      entity: 'user',
      entityId: userId,
      action: 'edit',
      before: visible,
      after: input,
    });
    return input.version + 1;
  });
}

export async function resetPassword(
  db: Kysely<Database>,
  actor: SessionUser,
  userId: number,
): Promise<string> {
  return atomically(db, async (db) => {
    await assertCanAdministerUser(db, actor, userId);
    const password = temporaryPassword();
    await db
      .updateTable('users')
      .set({
        password_hash: await hashPassword(password),
        must_change_password: 1,
        updated_at: nowIso(),
      })
      .where('id', '=', userId)
      .execute();
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(db, {
      userId: actor.id,
      entity: 'user',
      entityId: userId,
      action: 'reset_password',
    });
    return password;
  });
}

export async function saveUnit(
  db: Kysely<Database>,
  actor: SessionUser,
  communeId: number,
  unit: { id?: number; version?: number; name: string; shortName: string | null },
): Promise<{ id: number; version: number }> {
  return atomically(db, async (db) => {
    assertCanAdminister(actor, communeId);
    const now = nowIso();
    const clash = await db
      .selectFrom('org_units')
      .select('id')
      .where('parent_id', '=', communeId)
      .where('search_key', '=', searchKey(unit.name))
      .executeTakeFirst();
    if (clash && clash.id !== unit.id) throw badRequest('Xã đã có đơn vị cùng tên');
    if (unit.id === undefined) {
      const row = {
        id: await createOrgUnit(db, {
          parentId: communeId,
          kind: 'unit',
          name: unit.name,
          shortName: unit.shortName,
        }),
      };
      await recordAudit(db, {
        userId: actor.id,
        entity: 'org_unit',
        entityId: row.id,
        action: 'create',
        after: unit,
      });
      return { id: row.id, version: 1 };
    }
    const result = await db
      .updateTable('org_units')
      .set({
        name: unit.name,
        short_name: unit.shortName,
        search_key: searchKey(unit.name),
        version: unit.version! + 1,
        updated_at: now,
      })
      .where('id', '=', unit.id)
      .where('parent_id', '=', communeId)
      .where('version', '=', unit.version!)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict(null);
    await recordAudit(db, {
      userId: actor.id,
      entity: 'org_unit',
      entityId: unit.id,
      action: 'edit',
      after: unit,
    });
    return { id: unit.id, version: unit.version! + 1 };
  });
}
