import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { reusable } from '../db/reusable.ts';
import { addHours, nowIso } from '../http/time.ts';
import type { Role } from './roles.ts';

export { SESSION_COOKIE } from '../http/cookies.ts';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  unitId: number | null;
  roles: Array<{ role: Role; scopeUnitId: number }>;
  csrfToken: string;
  sessionId: string;
  /** Set after an administrator's password reset: the user must choose a new password. */
  mustChangePassword: boolean;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(
  db: Kysely<Database>,
  userId: number,
  ttlHours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = nowIso();
  const expiresAt = addHours(now, ttlHours);
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The session with its user, and the user's roles: read on every request, so built once. */
const sessionRow = reusable((db, id: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.id',
      'users.username',
    ])
    .select(['users.display_name', 'users.unit_id', 'users.active', 'users.must_change_password'])
    .where('sessions.id', '=', id),
);
const rolesOf = reusable((db, userId: number) =>
  db.selectFrom('role_assignments').select(['role', 'scope_unit_id']).where('user_id', '=', userId),
);

export async function findSessionUser(
  db: Kysely<Database>,
  token: string,
): Promise<SessionUser | null> {
  const [row] = await sessionRow(db, sha256(token));
  if (!row || row.expires_at <= nowIso() || !row.active) return null;
  const roles = await rolesOf(db, row.id);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    unitId: row.unit_id,
    roles: roles.map((r) => ({ role: r.role as Role, scopeUnitId: r.scope_unit_id })),
    csrfToken: row.csrf_token,
    sessionId: row.session_id,
    mustChangePassword: row.must_change_password === 1,
  };
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** "Đăng xuất khỏi mọi thiết bị" and password changes end every session of the user. */
export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function purgeExpiredSessions(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', nowIso()).execute();
}
