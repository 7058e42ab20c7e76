import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { addMinutes, nowIso } from '../http/time.ts';
import { atomically } from '../audit/log.ts';

// Login rate limiting kept in the database, so several app instances share the count.
// After MAX_FAILURES failed attempts within WINDOW_MINUTES for a username (or an IP), that
// key is locked for LOCK_MINUTES.
export const MAX_FAILURES = 5;
const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;

export async function lockedUntil(db: Kysely<Database>, keys: string[]): Promise<string | null> {
  const now = nowIso();
  const rows = await db
    .selectFrom('login_attempts')
    .select('locked_until')
    .where('key', 'in', keys)
    .where('locked_until', '>', now)
    .execute();
  const until = rows.map((r) => r.locked_until!).sort();
  return until.at(-1) ?? null;
}

export async function recordFailure(db: Kysely<Database>, keys: string[]): Promise<void> {
  const now = nowIso();
  for (const key of keys) {
    await atomically(db, async (trx) => {
      const row = await trx
        .selectFrom('login_attempts')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      const fresh = !row || row.window_start < addMinutes(now, -WINDOW_MINUTES);
      const failures = fresh ? 1 : row.failures + 1;
      const locked = failures >= MAX_FAILURES ? addMinutes(now, LOCK_MINUTES) : null;
      const values = {
        failures,
        window_start: fresh ? now : row.window_start,
        locked_until: locked,
      };
      if (row) await trx.updateTable('login_attempts').set(values).where('key', '=', key).execute();
      else
        await trx
          .insertInto('login_attempts')
          .values({ key, ...values })
          .execute();
    });
  }
}

export async function clearFailures(db: Kysely<Database>, keys: string[]): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', 'in', keys).execute();
}
