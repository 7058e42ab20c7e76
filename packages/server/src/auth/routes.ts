import { Done, Me, SignInHint } from '@tiendo/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../http/errors.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';
import {
  checkCredentials,
  currentPasswordMatches,
  hasFirstPassword,
  setOwnPassword,
} from './accounts.ts';
import { requireUser } from './plugin.ts';
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  findSessionUser,
  SESSION_COOKIE,
} from './sessions.ts';
import { countAttempt, forgiveAttempt, LIMITS, loginKeys, WINDOW_MINUTES } from './throttle.ts';
import { DEVICE_COOKIE, DEVICE_DAYS, knownDevice, rememberDevice } from './devices.ts';
import { DEMO_ACCOUNT, DEMO_PASSWORD } from './demoAccount.ts';

const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng';

const tooMany = (keys: string[]) =>
  new HttpError(
    429,
    keys.some((k) => /^user:[^|]*$/.test(k))
      ? `Tài khoản này vừa bị thử mật khẩu sai nhiều lần. Hãy đăng nhập từ trình duyệt bạn đã dùng trước đây, hoặc thử lại sau ${WINDOW_MINUTES} phút.`
      : `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${WINDOW_MINUTES} phút.`,
    'locked',
  );

/** Cookie attributes: httpOnly, Secure behind TLS (or as configured). */
function cookieOptions(app: FastifyInstance, request: FastifyRequest, expires: Date) {
  const secure =
    app.config.secureCookies === 'auto' ? request.protocol === 'https' : app.config.secureCookies;
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, expires };
}

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
      const device = await knownDevice(app.db, request.cookies[DEVICE_COOKIE], username);
      const keys = loginKeys(username, request.ip, device, app.config.signinLimitPerAddress);
      const over = await countAttempt(app.db, keys);
      if (over.length) throw tooMany(over);
      const userId = await checkCredentials(app.db, username, request.body.password);
      if (userId === null) throw new HttpError(401, WRONG_CREDENTIALS, 'wrong_credentials');
      await forgiveAttempt(app.db, keys);
      const session = await createSession(app.db, userId, app.config.sessionTtlHours, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(
        SESSION_COOKIE,
        session.token,
        cookieOptions(app, request, new Date(session.expiresAt)),
      );
      const deviceToken = await rememberDevice(
        app.db,
        userId,
        device,
        request.cookies[DEVICE_COOKIE],
      );
      if (deviceToken) {
        const expires = new Date(Date.now() + DEVICE_DAYS * 24 * 3600 * 1000);
        reply.setCookie(DEVICE_COOKIE, deviceToken, cookieOptions(app, request, expires));
      }
      return (await findSessionUser(app.db, session.token))!;
    },
  );

  r.get(
    '/api/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Gợi ý cho trang đăng nhập: tài khoản dùng thử khi máy chủ chạy dữ liệu mẫu',
        response: { 200: SignInHint },
      },
    },
    async () => {
      // Only while the demo data is on and its account is still there with its known password.
      if (!app.config.seedDemo) return { demo: null };
      const unchanged = await hasFirstPassword(app.db, DEMO_ACCOUNT);
      return { demo: unchanged ? { username: DEMO_ACCOUNT, password: DEMO_PASSWORD } : null };
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
        response: { 200: Done },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (request.body?.everywhere) await deleteUserSessions(app.db, user.id);
      else await deleteSession(app.db, user.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
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
        response: { 200: Done },
      },
    },
    async (request) => {
      const user = requireUser(request);
      // Counted before the check, like sign-in: a stolen session cannot guess the password.
      const keys = [{ key: `password:${user.id}`, max: LIMITS.passwordChange }];
      const over = await countAttempt(app.db, keys);
      if (over.length)
        throw new HttpError(
          429,
          `Nhập sai mật khẩu hiện tại quá nhiều lần. Vui lòng thử lại sau ${WINDOW_MINUTES} phút.`,
          'locked',
        );
      if (!(await currentPasswordMatches(app.db, user.id, request.body.currentPassword)))
        throw new HttpError(400, 'Mật khẩu hiện tại không đúng', 'wrong_password');
      await forgiveAttempt(app.db, keys);
      if (request.body.newPassword === request.body.currentPassword)
        throw new HttpError(400, 'Mật khẩu mới phải khác mật khẩu cũ', 'same_password');
      await setOwnPassword(app.db, user, request.body.newPassword);
      return { ok: true as const };
    },
  );
}
