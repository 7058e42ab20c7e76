import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import type { Role } from '../auth/roles.ts';
import { nowIso } from '../http/time.ts';
import { badRequest } from '../http/errors.ts';
import { atomically } from '../audit/log.ts';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  email?: string | null;
  unitId: number | null;
  roles: Array<{ role: Role; scopeUnitId: number }>;
}

export async function createUser(db: Kysely<Database>, user: NewUser): Promise<number> {
  if (user.password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`);
  }
  const passwordHash = await hashPassword(user.password);
  const now = nowIso();
  return atomically(db, async (trx) => {
    const row = await trx
      .insertInto('users')
      .values({
        username: user.username.trim().toLowerCase(),
        display_name: user.displayName,
        email: user.email ?? null,
        password_hash: passwordHash,
        unit_id: user.unitId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (user.roles.length) {
      await trx
        .insertInto('role_assignments')
        .values(
          user.roles.map((r) => ({
            user_id: row.id,
            role: r.role,
            scope_unit_id: r.scopeUnitId,
            created_at: now,
          })),
        )
        .execute();
    }
    return row.id;
  });
}

/** The active people who report for a unit: those reminded, and told of answers. */
export function activeReporters(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom('users')
    .innerJoin('role_assignments as r', 'r.user_id', 'users.id')
    .select(['users.id', 'users.email'])
    .where('r.role', '=', 'unit_reporter')
    .where('r.scope_unit_id', '=', unitId)
    .where('users.active', '=', 1)
    .execute();
}
