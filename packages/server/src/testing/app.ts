import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { DialectName } from '../db/dialect.ts';
import { openTestDatabase, type TestDatabase } from './databases.ts';

export async function buildTestApp(
  database: TestDatabase,
  overrides: Partial<Config> = {},
): Promise<FastifyInstance> {
  const config = loadConfig(
    {},
    { databaseUrl: database.url, webDist: null, logLevel: 'silent', ...overrides },
  );
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return app;
}

/** A test file's fixture: a fresh database of `dialect`, the app on it, and what `build` makes
 *  of them (`ctx`), ready before the file's tests and gone after them. */
export function useAppFixture<T>(
  dialect: DialectName,
  build: (app: FastifyInstance, database: TestDatabase) => Promise<T>,
) {
  const fixture = {} as { database: TestDatabase; app: FastifyInstance; ctx: T };
  beforeAll(async () => {
    fixture.database = await openTestDatabase(dialect);
    fixture.app = await buildTestApp(fixture.database);
    fixture.ctx = await build(fixture.app, fixture.database);
  });
  afterAll(async () => {
    await fixture.app?.close();
    await fixture.database?.dispose();
  });
  return fixture;
}

export interface LoggedIn {
  cookie: string;
  csrf: string;
}

export async function loginAs(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<LoggedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'tiendo_session');
  return { cookie: `tiendo_session=${setCookie!.value}`, csrf: response.json().csrfToken };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request as a logged-in user: session cookie and CSRF token; a Buffer goes as raw bytes. */
export function asUser(app: FastifyInstance) {
  return (who: LoggedIn | null, method: Method, url: string, payload?: unknown) => {
    const raw = Buffer.isBuffer(payload);
    return app.inject({
      method,
      url,
      headers: {
        ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
        ...(raw ? { 'content-type': 'application/octet-stream' } : {}),
      },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  };
}
