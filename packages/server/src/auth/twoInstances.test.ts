import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { asUser, buildTestApp } from '../testing/app.ts';
import {
  buildPlan,
  buildUnit,
  buildUserWithRole,
  signIn,
  type UserRow,
} from '../testing/factories.ts';

// Two app instances behind one load balancer share nothing but the database: a session made
// on one is valid on the other, a write with its CSRF token goes through either, and logging
// out on one ends it on both.

describe.each(TEST_DIALECTS)('two app instances on one %s database', (dialect) => {
  let database: TestDatabase;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let focal: UserRow;
  let reporter: UserRow;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const { db } = database;
    const plan = await buildPlan(db);
    const unit = await buildUnit(db, { communeId: plan.communeId });
    focal = await buildUserWithRole(db, 'focal_officer', { id: plan.communeId });
    reporter = await buildUserWithRole(db, 'unit_reporter', unit);
    a = await buildTestApp(database);
    b = await buildTestApp(database);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.dispose();
  });

  it('share sessions, CSRF tokens and logout', async () => {
    const session = await signIn(a, focal);
    const me = await asUser(b)(session, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe(focal.username);
    const [plan] = (await asUser(b)(session, 'GET', '/api/plans')).json();
    const write = await asUser(b)(session, 'POST', `/api/plans/${plan.id}/periods/generate`, {
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(write.statusCode).toBe(200);
    const periods = (await asUser(a)(session, 'GET', `/api/plans/${plan.id}/periods`)).json();
    expect(periods.length).toBeGreaterThan(0);
    expect((await asUser(b)(session, 'POST', '/api/auth/logout', {})).statusCode).toBe(200);
    expect((await asUser(a)(session, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('count failed logins together, so a second instance is no way around the lockout', async () => {
    const tries = [];
    for (let i = 0; i < 12; i++)
      tries.push(
        await (i % 2 ? a : b).inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: reporter.username, password: `sai-${i}` },
        }),
      );
    expect(tries.at(-1)!.statusCode).toBe(429);
    const right = await a.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: reporter.username, password: reporter.password },
    });
    expect(right.statusCode).toBe(429);
  });
});
