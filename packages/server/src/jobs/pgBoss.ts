import pg from 'pg';
import { PgBoss } from 'pg-boss';
import type { JobHandler, Jobs } from './jobs.ts';
import { searchPathSchema } from '../db/dialect.ts';

/** pg-boss keeps its tables in their own schema: beside the app's schema when the URL sets a
 *  search_path (tests, several deployments in one database), else "pgboss". */
export function jobsSchemaFor(databaseUrl: string): string {
  const schema = searchPathSchema(databaseUrl);
  return schema ? `${schema}_jobs` : 'pgboss';
}

/** The oldest pg-boss schema version that pg-boss 12 migrates in place (pg-boss 11.0). */
const OLDEST_MIGRATABLE_VERSION = 25;

/** pg-boss 11 started a new schema line: a database that ran pg-boss 10 (schema 24) has a jobs
 *  schema pg-boss 12 refuses to start on. Its contents are only our schedule and queued
 *  reminder runs, both re-created at start-up, so the old schema is renamed aside (kept for
 *  inspection, nothing deleted) and pg-boss builds a fresh one. Serialised by an advisory lock
 *  so that instances starting together rename it once. Returns the new name, if renamed. */
export async function retireUnmigratableSchema(
  databaseUrl: string,
  schema: string,
): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('tiendo-jobs-schema'))`);
    const version = await schemaVersion(client, schema);
    if (version === undefined || version >= OLDEST_MIGRATABLE_VERSION) {
      await client.query('COMMIT');
      return undefined;
    }
    const aside = `${schema}_v${version}_${Date.now().toString(36)}`;
    await client.query(
      `ALTER SCHEMA ${pg.escapeIdentifier(schema)} RENAME TO ${pg.escapeIdentifier(aside)}`,
    );
    await client.query('COMMIT');
    return aside;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function schemaVersion(client: pg.Client, schema: string): Promise<number | undefined> {
  const table = `${pg.escapeIdentifier(schema)}.version`;
  const exists = await client.query('SELECT to_regclass($1) AS t', [table]);
  if (!exists.rows[0]?.t) return undefined;
  const found = await client.query<{ version: number }>(`SELECT version FROM ${table}`);
  return found.rows[0] ? Number(found.rows[0].version) : undefined;
}

/** Jobs in PostgreSQL, shared by every app instance using the same database. */
export class PgBossJobs implements Jobs {
  private readonly boss: PgBoss;
  /** Queues known to exist: pg-boss refuses to schedule or send to a missing one. */
  private readonly queues = new Set<string>();

  private constructor(boss: PgBoss) {
    this.boss = boss;
  }

  static async start(
    databaseUrl: string,
    onError: (error: unknown) => void = () => {},
    onRetired: (aside: string) => void = () => {},
  ): Promise<PgBossJobs> {
    const schema = jobsSchemaFor(databaseUrl);
    const aside = await retireUnmigratableSchema(databaseUrl, schema);
    if (aside) onRetired(aside);
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema,
      max: 3,
      application_name: 'tiendo-jobs',
    });
    boss.on('error', onError);
    await boss.start();
    return new PgBossJobs(boss);
  }

  /** Instances starting together race to create the queue (PostgreSQL DDL): the loser sees
   *  a deadlock or a duplicate and simply retries until the queue exists. */
  private async ensureQueue(name: string): Promise<void> {
    if (this.queues.has(name)) return;
    await this.createQueue(name);
    this.queues.add(name);
  }

  private async createQueue(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await this.boss.getQueue(name))) await this.boss.createQueue(name);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 8 || !['40P01', '23505', '42P07'].includes(code ?? '')) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
      }
    }
  }

  async handle(name: string, handler: JobHandler): Promise<void> {
    await this.ensureQueue(name);
    await this.boss.work<Record<string, unknown>>(
      name,
      { pollingIntervalSeconds: 1 },
      async (jobs) => {
        for (const job of jobs) await handler(job.data ?? {});
      },
    );
  }

  async every(name: string, minutes: number): Promise<void> {
    // pg-boss runs a schedule once per tick across all instances.
    const cron = minutes >= 60 ? `0 */${Math.floor(minutes / 60)} * * *` : `*/${minutes} * * * *`;
    await this.ensureQueue(name);
    await this.boss.schedule(name, cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
  }

  async send(name: string, data: Record<string, unknown> = {}): Promise<void> {
    await this.ensureQueue(name);
    await this.boss.send(name, data);
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}
