import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { addHours, nowIso } from '../http/time.ts';

// Device cookies: a browser that signed in successfully gets a long-lived random token. At
// the next sign-in to the same account it is counted on its own key (auth/throttle.ts), so a
// stranger guessing that account elsewhere can never lock its owner out of their own browser.
// A shared office PC keeps one token per account that signed in there (the last few), joined
// by '.' in one cookie, so each of them keeps the shelter of a known browser.

export const DEVICE_COOKIE = 'tiendo_device';
export const DEVICE_DAYS = 365;
const TOKENS_PER_BROWSER = 5;

const tokensOf = (cookie: string | undefined) =>
  (cookie ?? '')
    .split('.')
    .filter((t) => /^[\w-]{20,64}$/.test(t))
    .slice(-TOKENS_PER_BROWSER);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The known device's id if one of the cookie's tokens was given to `username`'s account. */
export async function knownDevice(
  db: Kysely<Database>,
  cookie: string | undefined,
  username: string,
): Promise<string | null> {
  const ids = tokensOf(cookie).map(sha256);
  if (!ids.length) return null;
  const row = await db
    .selectFrom('trusted_devices')
    .innerJoin('users', 'users.id', 'trusted_devices.user_id')
    .select('trusted_devices.id')
    .where('trusted_devices.id', 'in', ids)
    .where('users.username', '=', username)
    .where('trusted_devices.last_used_at', '>', addHours(nowIso(), -24 * DEVICE_DAYS))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** After a successful sign-in: refreshes the known device, or returns the cookie to set — the
 *  browser's other accounts' tokens kept, this account's new one added. */
export async function rememberDevice(
  db: Kysely<Database>,
  userId: number,
  known: string | null,
  cookie: string | undefined,
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
  return [...tokensOf(cookie), token].slice(-TOKENS_PER_BROWSER).join('.');
}
