import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Role } from '../../auth/roles.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { createOrgUnit } from '../../org/queries.ts';
import { nowIso } from '../../http/time.ts';
import { loginAs, type LoggedIn } from '../app.ts';

// Org units and people, the fewest rows that make each: names are numbered ("Xã Thử 3"), never
// the demo's, so a test reads what it built, not what a seed happened to contain.

type Db = Kysely<Database>;

/** Every user a factory makes signs in with this. */
export const TEST_PASSWORD = 'Thu@2026-mat-khau';

let counter = 0;
/** 1, 2, 3…: numbers the generated names of this process (unique within a test database). */
export const nextNumber = (): number => ++counter;

// An argon2id hash costs tens of milliseconds (by design): one per process, shared by every
// user the factories make.
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export interface UnitRow {
  id: number;
  name: string;
  parentId: number | null;
}

export async function buildProvince(
  db: Db,
  overrides: { name?: string; code?: string | null } = {},
): Promise<UnitRow> {
  const name = overrides.name ?? `Tỉnh Thử ${nextNumber()}`;
  const id = await createOrgUnit(db, {
    parentId: null,
    kind: 'province',
    name,
    code: overrides.code ?? null,
  });
  return { id, name, parentId: null };
}

/** A commune under `provinceId` (a new province when none is given). */
export async function buildCommune(
  db: Db,
  overrides: { provinceId?: number; name?: string; code?: string | null } = {},
): Promise<UnitRow> {
  const parentId = overrides.provinceId ?? (await buildProvince(db)).id;
  const name = overrides.name ?? `Xã Thử ${nextNumber()}`;
  const id = await createOrgUnit(db, {
    parentId,
    kind: 'commune',
    name,
    code: overrides.code ?? null,
  });
  return { id, name, parentId };
}

/** A unit (phòng, ban) of `communeId` (a new commune when none is given). */
export async function buildUnit(
  db: Db,
  overrides: { communeId?: number; name?: string } = {},
): Promise<UnitRow> {
  const parentId = overrides.communeId ?? (await buildCommune(db)).id;
  const name = overrides.name ?? `Phòng Thử ${nextNumber()}`;
  const id = await createOrgUnit(db, { parentId, kind: 'unit', name });
  return { id, name, parentId };
}

export interface UserRow {
  id: number;
  username: string;
  password: string;
}

export interface UserOverrides {
  username?: string;
  displayName?: string;
  email?: string | null;
  /** The unit the person works in. */
  unitId?: number | null;
  roles?: Array<{ role: Role; scopeUnitId: number }>;
  active?: boolean;
}

/** A user with `roles` (none by default), password TEST_PASSWORD. */
export async function buildUser(db: Db, overrides: UserOverrides = {}): Promise<UserRow> {
  const n = nextNumber();
  const username = overrides.username ?? `nguoi.thu${n}`;
  const now = nowIso();
  const { id } = await db
    .insertInto('users')
    .values({
      username,
      display_name: overrides.displayName ?? `Người Thử ${n}`,
      email: overrides.email ?? null,
      password_hash: await testPasswordHash(),
      unit_id: overrides.unitId ?? null,
      active: overrides.active === false ? 0 : 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const roles = overrides.roles ?? [];
  if (roles.length)
    await db
      .insertInto('role_assignments')
      .values(
        roles.map((r) => ({
          user_id: id,
          role: r.role,
          scope_unit_id: r.scopeUnitId,
          created_at: now,
        })),
      )
      .execute();
  return { id, username, password: TEST_PASSWORD };
}

/** A user with one role over `scope` (working in it when it is a unit). */
export function buildUserWithRole(
  db: Db,
  role: Role,
  scope: Pick<UnitRow, 'id'>,
  overrides: UserOverrides = {},
): Promise<UserRow> {
  return buildUser(db, {
    unitId: role === 'unit_reporter' ? scope.id : null,
    roles: [{ role, scopeUnitId: scope.id }],
    ...overrides,
  });
}

/** Signs a factory-made user in. */
export function signIn(app: FastifyInstance, user: UserRow): Promise<LoggedIn> {
  return loginAs(app, user.username, user.password);
}
