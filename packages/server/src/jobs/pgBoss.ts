import PgBoss from 'pg-boss';
import type { JobHandler, Jobs } from './jobs.ts';
import { searchPathSchema } from '../db/dialect.ts';

/** pg-boss keeps its tables in their own schema: beside the app's schema when the URL sets a
 *  search_path (tests, several deployments in one database), else "pgboss". */
export function jobsSchemaFor(databaseUrl: string): string {
  const schema = searchPathSchema(databaseUrl);
  return schema ? `${schema}_jobs` : 'pgboss';
}

/** Jobs in PostgreSQL, shared by every app instance using the same database. */
export class PgBossJobs implements Jobs {
  private constructor(private readonly boss: PgBoss) {}

  static async start(
    databaseUrl: string,
    onError: (error: unknown) => void = () => {},
  ): Promise<PgBossJobs> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      schema: jobsSchemaFor(databaseUrl),
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
    await this.boss.schedule(name, cron, {}, { tz: 'Asia/Ho_Chi_Minh' });
  }

  async send(name: string, data: Record<string, unknown> = {}): Promise<void> {
    await this.boss.send(name, data);
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
