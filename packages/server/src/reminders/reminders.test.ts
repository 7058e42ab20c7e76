import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@tiendo/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import {
  buildCommune,
  buildPeriod,
  buildPlan,
  buildReport,
  buildUnit,
  buildUserWithRole,
  type UnitRow,
  type UserRow,
} from '../testing/factories.ts';
import { unitsWithItems } from '../reports/overview.ts';
import { todayInVietnam } from '../http/time.ts';
import { loadConfig } from '../config.ts';
import { startServer, type RunningServer } from '../server.ts';
import { smtpMailer } from './mailer.ts';
import { sweepReminders } from './sweep.ts';

// Reminders before the due date and when overdue, by e-mail (a real SMTP server on loopback)
// and in the app; never twice, even with two app instances on one PostgreSQL database.

/** A commune of five units, each leading a task, with a reporter each (e-mail: username@xa.vn);
 *  an ad hoc period due on `due`, open; the first unit has already sent its report. */
async function prepare(db: Kysely<Database>, due: string) {
  const commune = await buildCommune(db);
  const admin = await buildUserWithRole(db, 'admin', { id: commune.parentId! });
  const units: UnitRow[] = [];
  const reporters: UserRow[] = [];
  for (let i = 0; i < 5; i++) {
    units.push(await buildUnit(db, { communeId: commune.id }));
    reporters.push(await buildUserWithRole(db, 'unit_reporter', units[i]!));
  }
  await db
    .updateTable('users')
    .set((eb) => ({ email: eb('username', '||', '@xa.vn') }))
    .execute();
  const plan = await buildPlan(db, { communeId: commune.id, leads: units, tasks: 5 });
  const today = todayInVietnam();
  const period = await buildPeriod(db, {
    planId: plan.id,
    userId: admin.id,
    adhoc: {
      label: 'Báo cáo đột xuất',
      windowStart: addDays(today, -30),
      windowEnd: today,
      dueDate: due,
    },
  });
  // One unit has already submitted: it gets no reminder.
  const [submitted, reminded] = [units[0]!, reporters[1]!];
  await buildReport(db, {
    periodId: period.id,
    unitId: submitted.id,
    userId: reporters[0]!.id,
    status: 'submitted',
  });
  const owing = [...(await unitsWithItems(db, plan.id)).keys()].filter((u) => u !== submitted.id);
  return { periodId: period.id, owing, submittedBy: reporters[0]!, reminded };
}

describe.each(TEST_DIALECTS)('reminders on %s', (dialect) => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  let owing: number[];
  let submittedBy: UserRow;
  let reminded: UserRow;
  const today = todayInVietnam();

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    smtp = await startTestSmtp();
    ({ owing, submittedBy, reminded } = await prepare(database.db, addDays(today, 2)));
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.dispose();
  });

  const settings = () => ({
    daysBefore: 3,
    publicUrl: 'https://tiendo.example.vn',
    mailer: smtpMailer(smtp.url, 'Tiến độ <tiendo@xa.vn>'),
  });

  it('reminds every unit that owes the report, by e-mail and in the app, once', async () => {
    expect(owing.length).toBeGreaterThan(3);
    expect(await sweepReminders(database.db, settings())).toBe(owing.length);
    expect(smtp.received).toHaveLength(owing.length);
    expect(smtp.received[0]!.subject).toContain('Sắp đến hạn báo cáo Báo cáo đột xuất');
    // Straight into the unit's report for the period: one click, then "Gửi báo cáo".
    const links = smtp.received.map((m) =>
      /https:\/\/tiendo\.example\.vn\/reports\/period\/(\d+)\/unit\/(\d+)/.exec(m.raw)?.slice(1),
    );
    expect(links.map((l) => Number(l![1])).sort()).toEqual([...owing].sort());
    expect(smtp.received.flatMap((m) => m.to)).not.toContain(`${submittedBy.username}@xa.vn`);
    const inApp = await database.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select('users.username')
      .where('notifications.kind', '=', 'reminder_due_soon')
      .execute();
    expect(inApp.map((n) => n.username)).toContain(reminded.username);
    // Again, and again: nothing new.
    expect(await sweepReminders(database.db, settings())).toBe(0);
    expect(smtp.received).toHaveLength(owing.length);
  });

  it('reminds once more when overdue, not before the window', async () => {
    expect(await sweepReminders(database.db, { ...settings(), today: addDays(today, -10) })).toBe(
      0,
    );
    expect(await sweepReminders(database.db, { ...settings(), today: addDays(today, 3) })).toBe(
      owing.length,
    );
    expect(smtp.received.filter((m) => m.subject.includes('Quá hạn'))).toHaveLength(owing.length);
  });

  it('keeps a reminder whose e-mail failed and sends it later, once', async () => {
    const down = {
      ...settings(),
      mailer: smtpMailer('smtp://127.0.0.1:9?ignoreTLS=true', 'x@xa.vn'),
      today: addDays(today, 30),
    };
    await database.db.deleteFrom('reminder_log').where('kind', '=', 'overdue').execute();
    const before = smtp.received.length;
    await sweepReminders(database.db, down);
    const failed = await database.db
      .selectFrom('reminder_log')
      .selectAll()
      .where('sent_at', 'is', null)
      .execute();
    expect(failed).toHaveLength(owing.length);
    expect(failed[0]!.error).toBeTruthy();
    // Ten minutes later the SMTP server is back.
    await database.db
      .updateTable('reminder_log')
      .set({ claimed_at: '2000-01-01T00:00:00.000Z' })
      .where('sent_at', 'is', null)
      .execute();
    await sweepReminders(database.db, { ...settings(), today: addDays(today, 30) });
    await sweepReminders(database.db, { ...settings(), today: addDays(today, 30) });
    expect(smtp.received.length - before).toBe(owing.length);
  });
});

describe('two app instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await smtp?.close();
    await database?.dispose();
  });

  it('send each reminder exactly once', async () => {
    const { owing } = await prepare(database.db, addDays(todayInVietnam(), 1));
    const config = loadConfig(
      {},
      {
        databaseUrl: database.url,
        port: 0,
        host: '127.0.0.1',
        webDist: null,
        logLevel: 'silent',
        seedDemo: false,
        smtpUrl: smtp.url,
        publicUrl: 'https://tiendo.example.vn',
      },
    );
    servers.push(...(await Promise.all([startServer(config), startServer(config)])));
    // Both instances sweep at start-up; poke both queues a few more times for good measure.
    for (const s of servers) for (let i = 0; i < 3; i++) await s.jobs!.send('reminders.sweep');
    await expect
      .poll(
        async () => {
          const rows = await database.db
            .selectFrom('reminder_log')
            .select('id')
            .where('sent_at', 'is not', null)
            .execute();
          return rows.length;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe(owing.length);
    await new Promise((r) => setTimeout(r, 2_500)); // any late duplicate would land by now
    expect(smtp.received).toHaveLength(owing.length);
    const keys = smtp.received.map((m) => `${m.to.join(',')}|${m.subject}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
