import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { addMinutes, nowIso } from '../http/time.ts';

// Password attempts (sign-in, change of password) are limited per key, in the database so
// that several app instances share the counts. Every attempt is counted *before* the password
// is checked, in one atomic statement per key, so a burst sent at once cannot slip past the
// limit: the attempts beyond it are refused without being checked.
//
// Which keys a sign-in counts on (see loginKeys) decides who can be slowed down by whom:
// a stranger's failures against an account never lock out its owner's known browser.

export const WINDOW_MINUTES = 15;

export interface AttemptKey {
  key: string;
  /** Attempts allowed per window on this key. */
  max: number;
}

export const LIMITS = {
  /** One browser (and address) guessing one account. */
  accountFromAddress: 5,
  /** One account from anywhere, for browsers it has not signed in from before. */
  account: 10,
  /** A browser the account signed in from before (device cookie). */
  knownDevice: 5,
  /** Current-password checks of one signed-in user. */
  passwordChange: 5,
};

/** The keys a sign-in attempt counts on. A known browser counts only on its own key. The
 *  address limit (whichever accounts it tries) is configured: an office shares one address. */
export function loginKeys(
  username: string,
  ip: string,
  knownDevice: string | null,
  addressLimit: number,
): AttemptKey[] {
  if (knownDevice) return [{ key: `device:${knownDevice}`, max: LIMITS.knownDevice }];
  // Escaped: a typed username such as "x|ip:1.2.3.4" must not name another key.
  const account = encodeURIComponent(username);
  return [
    { key: `user:${account}|ip:${ip}`, max: LIMITS.accountFromAddress },
    { key: `user:${account}`, max: LIMITS.account },
    { key: `ip:${ip}`, max: addressLimit },
  ];
}

/**
 * Counts one attempt on every key and says which keys are over their limit (none: go on and
 * check the password). A window starts with its first attempt and lasts WINDOW_MINUTES.
 */
export async function countAttempt(db: Kysely<Database>, keys: AttemptKey[]): Promise<string[]> {
  const now = nowIso();
  const windowFloor = addMinutes(now, -WINDOW_MINUTES);
  await forgetStaleAttempts(db, windowFloor);
  const over: string[] = [];
  for (const { key, max } of keys) {
    const row = await db
      .insertInto('login_attempts')
      .values({ key, failures: 1, window_start: now, locked_until: null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => {
          const stale = eb('login_attempts.window_start', '<', windowFloor);
          return {
            failures: eb
              .case()
              .when(stale)
              .then(1)
              .else(eb('login_attempts.failures', '+', 1))
              .end(),
            window_start: eb
              .case()
              .when(stale)
              .then(now)
              .else(eb.ref('login_attempts.window_start'))
              .end(),
          };
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    if (row.failures > max) over.push(key);
  }
  return over;
}

let lastSweep = 0;

/** Keys whose window has passed say nothing any more: dropped, at most once a minute per
 *  process, so random usernames cannot grow the table without bound. */
export async function forgetStaleAttempts(
  db: Kysely<Database>,
  windowFloor: string,
  force = false,
): Promise<void> {
  if (!force && Date.now() - lastSweep < 60_000) return;
  lastSweep = Date.now();
  await db.deleteFrom('login_attempts').where('window_start', '<', windowFloor).execute();
}

/** Takes back the attempt just counted (the password was right): it was no guess. */
export async function forgiveAttempt(db: Kysely<Database>, keys: AttemptKey[]): Promise<void> {
  await db
    .updateTable('login_attempts')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .where('failures', '>', 0)
    .execute();
}
