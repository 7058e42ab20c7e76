import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import {
  hashPassword,
  MIN_PASSWORD_LENGTH,
  verifyAgainstDummy,
  verifyPassword,
} from './passwords.ts';
import { nowIso } from '../http/time.ts';
import { requireUser } from './plugin.ts';
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  findSessionUser,
  SESSION_COOKIE,
} from './sessions.ts';
import { clearFailures, lockedUntil, recordFailure } from './throttle.ts';
import { ROLES } from './roles.ts';

const Me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number().nullable(),
  roles: z.array(z.object({ role: z.enum(ROLES), scopeUnitId: z.number() })),
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
});

const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng';

export function authRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        body: z.object({
          username: z.string().min(1).max(100),
          password: z.string().min(1).max(200),
        }),
        response: { 200: Me },
      },
    },
    async (request, reply) => {
      const username = request.body.username.trim().toLowerCase();
      const keys = [`user:${username}`, `ip:${request.ip}`];
      const locked = await lockedUntil(app.db, keys);
      if (locked) {
        throw new HttpError(
          429,
          'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.',
          'locked',
        );
      }
      const user = await app.db
        .selectFrom('users')
        .select(['id', 'password_hash', 'active'])
        .where('username', '=', username)
        .executeTakeFirst();
      const ok = user?.active
        ? await verifyPassword(user.password_hash, request.body.password)
        : await verifyAgainstDummy(request.body.password);
      if (!ok || !user) {
        await recordFailure(app.db, keys);
        throw new HttpError(401, WRONG_CREDENTIALS, 'wrong_credentials');
      }
      await clearFailures(app.db, keys);
      const session = await createSession(app.db, user.id, app.config.sessionTtlHours, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure:
          app.config.secureCookies === 'auto'
            ? request.protocol === 'https'
            : app.config.secureCookies,
        expires: new Date(session.expiresAt),
      });
      return (await findSessionUser(app.db, session.token))!;
    },
  );

  r.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: Me } } },
    async (request) => requireUser(request),
  );

  r.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất',
        body: z.object({ everywhere: z.boolean().default(false) }).optional(),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (request.body?.everywhere) await deleteUserSessions(app.db, user.id);
      else await deleteSession(app.db, user.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu (đăng xuất các phiên khác)',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z
            .string()
            .min(MIN_PASSWORD_LENGTH, `Mật khẩu mới phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`)
            .max(200),
        }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await app.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      if (!(await verifyPassword(row.password_hash, request.body.currentPassword)))
        throw new HttpError(400, 'Mật khẩu hiện tại không đúng', 'wrong_password');
      if (request.body.newPassword === request.body.currentPassword)
        throw new HttpError(400, 'Mật khẩu mới phải khác mật khẩu cũ', 'same_password');
      await app.db
        .updateTable('users')
        .set({
          password_hash: await hashPassword(request.body.newPassword),
          must_change_password: 0,
          updated_at: nowIso(),
        })
        .where('id', '=', user.id)
        .execute();
      await app.db
        .deleteFrom('sessions')
        .where('user_id', '=', user.id)
        .where('id', '!=', user.sessionId)
        .execute();
      return { ok: true };
    },
  );
}
