import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/dialect.ts';
import { migrateToLatest, pendingMigrations } from './db/migrate.ts';
import { isDatabaseEmpty, seedDemo } from './demo/seed.ts';
import { startJobs } from './reminders/startJobs.ts';
import type { Jobs } from './jobs/jobs.ts';
import { stopImportWorkers, warmImportWorkers } from '@tiendo/importer';

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  jobs: Jobs | null;
  url: string;
  stop(): Promise<void>;
}

/** Opens and migrates the database, seeds demo data into an empty one, and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase(config.databaseUrl);
  if (config.readOnly) await assertMigrated(database);
  else await migrateToLatest(database);
  if (!config.readOnly && config.seedDemo && (await isDatabaseEmpty(database.db))) {
    const summary = await seedDemo(database.db, undefined, { activity: config.demoActivity });
    console.error(
      `Đã tạo dữ liệu mẫu: ${summary.plans} kế hoạch, ${summary.users.length} tài khoản.`,
    );
  }
  const app = await buildApp({ config, database });
  const address = await app.listen({ host: config.host, port: config.port });
  if (!config.readOnly) warmImportWorkers();
  const jobs = config.jobs && !config.readOnly ? await startJobs(config, database, app.log) : null;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await jobs?.stop();
      await app.close(); // finishes in-flight requests, refuses new ones
      await stopImportWorkers();
      await database.close();
    })());
  return { app, database, jobs, url: address, stop };
}

/** SIGTERM/SIGINT: stop accepting requests, finish the ones in flight, close the database. */
export function stopOnSignals(server: RunningServer): void {
  const handler = (signal: string) => {
    server.app.log.info({ signal }, 'đang dừng máy chủ');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => handler('SIGTERM'));
  process.once('SIGINT', () => handler('SIGINT'));
}

/** A replica is migrated by its primary; serving an older schema would answer wrongly. */
async function assertMigrated(database: DatabaseHandle): Promise<void> {
  const pending = await pendingMigrations(database);
  if (pending.length)
    throw new Error(
      `Cơ sở dữ liệu chỉ đọc chưa có các bản cập nhật cấu trúc: ${pending.join(', ')}. Hãy cập nhật máy chủ chính trước.`,
    );
}
