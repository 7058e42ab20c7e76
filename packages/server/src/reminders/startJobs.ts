import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/dialect.ts';
import { InProcessJobs, PgBossJobs, type Jobs } from '../jobs/jobs.ts';
import { smtpMailer } from './mailer.ts';
import { sweepReminders } from './sweep.ts';
import { lockOverduePeriods } from '../reports/periodLocks.ts';
import { todayInVietnam } from '../http/time.ts';

export const REMINDER_JOB = 'reminders.sweep';

/** Starts the job runner for the database in use and schedules the reminder sweep. */
export async function startJobs(
  config: Config,
  database: DatabaseHandle,
  log: FastifyBaseLogger,
): Promise<Jobs> {
  const jobs: Jobs =
    database.dialect === 'postgres'
      ? await PgBossJobs.start(
          config.databaseUrl,
          (err) => log.error({ err }, 'pg-boss'),
          (aside) => log.warn({ schema: aside }, 'lược đồ pg-boss cũ (bản 10) đã được đổi tên'),
        )
      : new InProcessJobs((name, err) => log.error({ err, job: name }, 'job failed'));
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  await jobs.handle(REMINDER_JOB, async () => {
    // Periods past their lock day lock first: a locked period is not reminded of.
    const locked = await lockOverduePeriods(database.db, todayInVietnam());
    if (locked.length) log.info({ periods: locked }, 'đã khóa kỳ báo cáo quá hạn khóa sổ');
    const sent = await sweepReminders(database.db, {
      daysBefore: config.reminderDaysBefore,
      publicUrl: config.publicUrl,
      mailer,
    });
    if (sent) log.info({ sent }, 'đã gửi nhắc hạn báo cáo');
  });
  await jobs.every(REMINDER_JOB, config.reminderEveryMinutes);
  await jobs.send(REMINDER_JOB); // once at start-up, not only at the next tick
  return jobs;
}
