import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type TestDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import { DEMO_PASSWORD, loadDemoDrafts, seedDemo } from '../demo/seed.ts';

// The sign-in page names the demo account only while the server runs its demo data, and
// only while that account still has the demo password (not after it was changed).

describe('sign-in page hints', () => {
  let database: TestDatabase;
  const apps: FastifyInstance[] = [];
  const hint = async (seedDemoData: boolean) => {
    const app = await buildTestApp(database, { seedDemo: seedDemoData });
    apps.push(app);
    return (await app.inject({ method: 'GET', url: '/api/auth/sign-in' })).json();
  };

  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    await seedDemo(database.db, loadDemoDrafts().slice(0, 1));
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.dispose();
  });

  it('shows the demo account while demo data is on, never otherwise', async () => {
    expect(await hint(true)).toEqual({
      demo: { username: 'kienhung.daumoi', password: DEMO_PASSWORD },
    });
    expect(await hint(false)).toEqual({ demo: null });
  });

  it('stops showing it once the account must change its password', async () => {
    await database.db
      .updateTable('users')
      .set({ must_change_password: 1 })
      .where('username', '=', 'kienhung.daumoi')
      .execute();
    expect(await hint(true)).toEqual({ demo: null });
  });
});
