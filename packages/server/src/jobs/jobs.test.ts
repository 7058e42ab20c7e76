import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_POSTGRES_URL, type TestDatabase } from '../testing/databases.ts';
import { InProcessJobs, jobsSchemaFor, PgBossJobs, type Jobs } from './jobs.ts';

async function query(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Sends one job and resolves with the data its handler received. */
async function roundTrip(jobs: Jobs, name: string): Promise<Record<string, unknown>> {
  const received = new Promise<Record<string, unknown>>((resolve) => {
    void jobs.handle(name, async (data) => resolve(data));
  });
  await new Promise((r) => setTimeout(r, 50)); // pg-boss: the queue exists once handle() ran
  await jobs.send(name, { period: 7 });
  return received;
}

describe('in-process jobs (SQLite)', () => {
  it('runs a sent job with its data, and stops', async () => {
    const jobs = new InProcessJobs();
    await jobs.every('tick', 60);
    await expect(roundTrip(jobs, 'tick')).resolves.toEqual({ period: 7 });
    await jobs.stop();
  });
});

describe('pg-boss jobs (PostgreSQL)', () => {
  let database: TestDatabase;
  const started: Jobs[] = [];
  let retired: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    for (const jobs of started) await jobs.stop();
    for (const schema of retired) await query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await database?.dispose();
  });

  it('renames aside a pg-boss 10 schema it cannot migrate, keeping its rows, then runs jobs', async () => {
    const schema = jobsSchemaFor(database.url);
    await query(`CREATE SCHEMA "${schema}"`);
    await query(`CREATE TABLE "${schema}".version (version int primary key)`);
    await query(`INSERT INTO "${schema}".version VALUES (24)`);
    await query(`CREATE TABLE "${schema}".job (id text primary key)`);
    await query(`INSERT INTO "${schema}".job VALUES ('queued before the upgrade')`);

    // Two instances start together: the old schema is renamed exactly once.
    const asides: string[] = [];
    const onRetired = (aside: string) => asides.push(aside);
    started.push(
      ...(await Promise.all([
        PgBossJobs.start(database.url, undefined, onRetired),
        PgBossJobs.start(database.url, undefined, onRetired),
      ])),
    );
    retired = asides;
    expect(asides).toHaveLength(1);
    expect(asides[0]).toMatch(new RegExp(`^${schema}_v24_`));
    const kept = await query(`SELECT id FROM "${asides[0]}".job`);
    expect(kept.rows).toEqual([{ id: 'queued before the upgrade' }]);
    const current = await query(`SELECT version FROM "${schema}".version`);
    expect(Number(current.rows[0].version)).toBeGreaterThanOrEqual(25);

    await started[0]!.every('tick', 60);
    await expect(roundTrip(started[0]!, 'tick')).resolves.toEqual({ period: 7 });
  });

  it('leaves a current schema in place on the next start', async () => {
    const before = retired.length;
    const again = await PgBossJobs.start(database.url, undefined, (aside) => retired.push(aside));
    started.push(again);
    expect(retired).toHaveLength(before);
  });
});
