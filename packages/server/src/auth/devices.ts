import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { addHours, nowIso } from '../http/time.ts';

// Device cookies: a browser that signed in successfully gets a long-lived random token. At
// the next sign-in to the same account it is counted on its own key (auth/throttle.ts), so a
// stranger guessing that account elsewhere can never lock its owner out of their own browser.
// One token per browser, for the account that last signed in there.

export const DEVICE_COOKIE = 'tiendo_device';
export const DEVICE_DAYS = 365;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The known device's id if `token` was given to `username`'s account, else null. */
export async function knownDevice(
  db: Kysely<Database>,
  token: string | undefined,
  username: string,
): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  const row = await db
    .selectFrom('trusted_devices')
    .innerJoin('users', 'users.id', 'trusted_devices.user_id')
    .select('trusted_devices.id')
    .where('trusted_devices.id', '=', id)
    .where('users.username', '=', username)
    .where('trusted_devices.last_used_at', '>', addHours(nowIso(), -24 * DEVICE_DAYS))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** After a successful sign-in: refreshes the known device, or returns a new token to set. */
export async function rememberDevice(
  db: Kysely<Database>,
  userId: number,
  known: string | null,
): Promise<string | null> {
  const now = nowIso();
  if (known) {
    await db
      .updateTable('trusted_devices')
      .set({ last_used_at: now })
      .where('id', '=', known)
      .execute();
    return null;
  }
  const token = randomBytes(32).toString('base64url');
  await db
    .deleteFrom('trusted_devices')
    .where('user_id', '=', userId)
    .where('last_used_at', '<=', addHours(now, -24 * DEVICE_DAYS))
    .execute();
  await db
    .insertInto('trusted_devices')
    .values({ id: sha256(token), user_id: userId, created_at: now, last_used_at: now })
    .execute();
  return token;
}
