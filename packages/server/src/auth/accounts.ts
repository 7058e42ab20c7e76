import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../http/time.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';

// A person's own account: signing in with a password, changing it. (Administrators' changes
// to others' accounts are in org/admin.ts.)

/** The id of the active account these credentials open, or null. An unknown or inactive
 *  account costs the same time as a wrong password (verifyAgainstDummy). */
export async function checkCredentials(
  db: Kysely<Database>,
  username: string,
  password: string,
): Promise<number | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active'])
    .where('username', '=', username)
    .executeTakeFirst();
  const ok = user?.active
    ? await verifyPassword(user.password_hash, password)
    : await verifyAgainstDummy(password);
  return ok && user ? user.id : null;
}

/** Whether the account still has the password it was created with (never changed). */
export async function hasFirstPassword(db: Kysely<Database>, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .where('must_change_password', '=', 0)
    .executeTakeFirst();
  return row !== undefined;
}

export async function currentPasswordMatches(
  db: Kysely<Database>,
  userId: number,
  password: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return verifyPassword(row.password_hash, password);
}

/** Sets the person's new password and signs out their other sessions (not this one). */
export async function setOwnPassword(
  db: Kysely<Database>,
  user: { id: number; sessionId: string },
  password: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: await hashPassword(password),
      must_change_password: 0,
      updated_at: nowIso(),
    })
    .where('id', '=', user.id)
    .execute();
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', user.id)
    .where('id', '!=', user.sessionId)
    .execute();
}
