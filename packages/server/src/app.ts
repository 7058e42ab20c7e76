import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import { constants as zlib } from 'node:zlib';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Kysely } from 'kysely';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/schema.ts';
import type { DatabaseHandle } from './db/dialect.ts';
import { HttpError } from './http/errors.ts';
import { registerAuth } from './auth/plugin.ts';
import { authRoutes } from './auth/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { periodRoutes } from './reports/periodRoutes.ts';
import { notificationRoutes } from './reminders/notificationRoutes.ts';
import { adminRoutes } from './org/adminRoutes.ts';
import { exportRoutes } from './exports/exportRoutes.ts';
import { dashboardRoutes } from './dashboards/dashboardRoutes.ts';
import { publicRoutes } from './public/publicRoutes.ts';
import { catalogueRoutes } from './catalogue/catalogueRoutes.ts';
import { concernRoutes } from './concerns/concernRoutes.ts';
import { cascadeRoutes } from './cascade/cascadeRoutes.ts';
import { reportRoutes } from './reports/reportRoutes.ts';
import { draftRoutes } from './plans/draftRoutes.ts';
import { amendmentRoutes } from './plans/amendmentRoutes.ts';
import { reviewRoutes } from './reviews/reviewRoutes.ts';
import { healthRoutes } from './http/health.ts';
import { securityHeaders } from './http/security.ts';
import { serveWeb } from './http/webApp.ts';
import { smtpMailer } from './reminders/mailer.ts';
import { mailOutbox, type Outbox } from './reminders/reportNotices.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    database: DatabaseHandle;
    config: Config;
    /** Every API route ("GET /api/plans/:id"), for the authorisation matrix and docs. */
    apiRoutes: string[];
    /** E-mail about a report's step, sent after its transaction (SMTP when configured). */
    outbox: Outbox;
  }
}

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: boolean | object;
}

/** Builds the HTTP application: one Fastify instance, each domain registering its routes. */
export async function buildApp({ config, database, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: 2 * 1024 * 1024, // JSON bodies; uploads set their own limit
    // Only the configured proxies' X-Forwarded-* headers are believed (TIENDO_TRUST_PROXY).
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
  });
  app.decorate('db', database.db);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('apiRoutes', [] as string[]);
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  app.decorate(
    'outbox',
    mailOutbox(mailer, config.publicUrl, (err) => app.log.warn({ err }, 'gửi thư thông báo lỗi')),
  );
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) if (m !== 'HEAD') app.apiRoutes.push(`${m} ${route.url}`);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler(app));

  await app.register(cookie);
  // JSON above 1 KB goes out compressed when the browser asks (a commune's phone on 3G). Brotli
  // at quality 4: most of the gain for a fraction of the CPU of the default 11. The web app's
  // files are compressed once at build time instead (serveWeb). Compressed request bodies are
  // not accepted: no zip bombs.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    globalDecompression: false,
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tiến độ API',
        version: '0.1.0',
        description: 'API theo dõi kế hoạch thực hiện Nghị quyết 57-NQ/TW',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tiendo_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  securityHeaders(app);
  if (config.readOnly) refuseWrites(app);
  registerAuth(app);

  healthRoutes(app);
  authRoutes(app);
  planRoutes(app);
  draftRoutes(app);
  amendmentRoutes(app);
  reviewRoutes(app);
  periodRoutes(app);
  reportRoutes(app);
  notificationRoutes(app);
  adminRoutes(app);
  exportRoutes(app);
  dashboardRoutes(app);
  publicRoutes(app);
  catalogueRoutes(app);
  cascadeRoutes(app);
  concernRoutes(app);

  if (config.webDist && existsSync(config.webDist)) serveWeb(app, config.webDist);
  return app;
}

/** On a read-only replica every write (sign-in included) is turned away before it runs. */
function refuseWrites(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    return reply.code(503).send({
      error:
        'Máy chủ này là bản sao chỉ đọc (dự phòng): chỉ xem được trang công khai. Vui lòng dùng máy chủ chính để đăng nhập và cập nhật.',
      code: 'read_only',
    });
  });
}

/** "Dữ liệu gửi lên không hợp lệ: title — Cần tên kế hoạch": the fields at fault, with the
 *  schema's own Vietnamese message where it has one (zod's defaults are English: not shown). */
function validationMessage(details: Array<{ path: string; message?: string }>): string {
  const fields = details.slice(0, 3).map(({ path, message }) => {
    const field = path.replace(/^\//, '').replaceAll('/', '.') || 'dữ liệu';
    const ours = message !== undefined && [...message].some((c) => c.charCodeAt(0) > 127);
    const said = ours ? message : 'không hợp lệ';
    return `${field} — ${said}`;
  });
  return `Dữ liệu gửi lên không hợp lệ: ${fields.join('; ')}`;
}

function errorHandler(app: FastifyInstance) {
  return (
    error: unknown,
    request: import('fastify').FastifyRequest,
    reply: import('fastify').FastifyReply,
  ) => {
    if (error instanceof HttpError) {
      return reply
        .code(error.statusCode)
        .send({ error: error.message, code: error.code, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({ path: v.instancePath, message: v.message }));
      return reply
        .code(400)
        .send({ error: validationMessage(details), code: 'validation', details });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413)
      return reply.code(413).send({ error: 'Dữ liệu gửi lên quá lớn', code: 'too_large' });
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ error: 'Yêu cầu không hợp lệ', code: 'bad_request' });
    }
    app.log.error({ err: error, url: request.url }, 'unhandled error');
    return reply.code(500).send({ error: 'Lỗi hệ thống. Vui lòng thử lại sau.', code: 'internal' });
  };
}
