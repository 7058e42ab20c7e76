import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError, unauthorized } from '../http/errors.ts';
import { findSessionUser, SESSION_COOKIE, type SessionUser } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Login creates the session, so it cannot carry the session's CSRF token. It only accepts
 * a JSON body, which a cross-site form cannot send without a CORS preflight. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);
/** All a user holding a temporary password may do until they choose their own. */
const WHILE_PASSWORD_TEMPORARY = new Set([
  'GET /api/auth/me',
  'POST /api/auth/password',
  'POST /api/auth/logout',
  'POST /api/auth/login',
]);

/** Reads the session cookie on every request and enforces the CSRF token on writes. */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await findSessionUser(app.db, token) : null;
    const path = request.url.split('?')[0]!;
    if (!request.user) return;
    const csrfChecked = !SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(path);
    if (csrfChecked && request.headers['x-csrf-token'] !== request.user.csrfToken) {
      throw new HttpError(
        403,
        'Phiên làm việc không hợp lệ (CSRF). Vui lòng tải lại trang.',
        'csrf',
      );
    }
    if (
      request.user.mustChangePassword &&
      path.startsWith('/api/') &&
      !/^\/api\/(public\/|health$)/.test(path) &&
      !WHILE_PASSWORD_TEMPORARY.has(`${request.method} ${path}`)
    ) {
      throw new HttpError(
        403,
        'Bạn đang dùng mật khẩu tạm thời: hãy đổi mật khẩu trước khi tiếp tục.',
        'must_change_password',
      );
    }
  });
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw unauthorized();
  return request.user;
}
