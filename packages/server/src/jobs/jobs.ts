// Background jobs behind one interface. With PostgreSQL, pg-boss keeps the queue in the
// database, so several app instances share it and a scheduled job runs once per tick across
// all of them; with SQLite (one process by design) an in-process runner does the same job.
// Handlers must still be idempotent: "once" is enforced where it matters by the data itself
// (e.g. reminder_log's unique key), the queue only avoids wasted work.

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface Jobs {
  /** The handler for jobs called `name` (one per name). */
  handle(name: string, handler: JobHandler): Promise<void>;
  /** Run `name` every `minutes` minutes. */
  every(name: string, minutes: number): Promise<void>;
  /** Queue one run of `name` now. */
  send(name: string, data?: Record<string, unknown>): Promise<void>;
  /** Stop taking jobs; waits for the ones running. */
  stop(): Promise<void>;
}

export { InProcessJobs } from './inProcess.ts';
export { PgBossJobs, jobsSchemaFor } from './pgBoss.ts';
