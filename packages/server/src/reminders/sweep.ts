import type { Kysely } from 'kysely';
import { addDays } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { activeReporters } from '../org/users.ts';
import { addMinutes, nowIso, todayInVietnam } from '../http/time.ts';
import { unitsWithItems } from '../reports/overview.ts';
import type { Mailer } from './mailer.ts';
import { COUNTED_STATUSES } from '../reports/countedUpdates.ts';

// Reminders: N days before a period's due date to every unit that owes a report and has not
// submitted it, and once more when it is overdue. In-app notifications always; e-mail when
// SMTP is configured. Safe to run from several instances at once: a reminder is claimed by
// inserting its reminder_log row, and only the instance whose insert succeeds delivers it.

export interface ReminderSettings {
  daysBefore: number;
  publicUrl: string | null;
  mailer: Mailer | null;
  today?: string;
}

type Kind = 'due_soon' | 'overdue';
const MAX_ATTEMPTS = 5;
const RETRY_AFTER_MINUTES = 10;

function kindFor(today: string, due: string, daysBefore: number): Kind | null {
  if (today > due) return 'overdue';
  if (today >= addDays(due, -daysBefore)) return 'due_soon';
  return null;
}

export async function sweepReminders(
  db: Kysely<Database>,
  settings: ReminderSettings,
): Promise<number> {
  const today = settings.today ?? todayInVietnam();
  const periods = await db
    .selectFrom('reporting_periods as p')
    .innerJoin('plans', 'plans.id', 'p.plan_id')
    .select(['p.id', 'p.plan_id', 'p.label', 'p.due_date', 'p.window_end'])
    .where('p.status', '=', 'open')
    .where('plans.status', '=', 'published')
    .execute();
  let delivered = 0;
  for (const period of periods) {
    const kind = kindFor(today, period.due_date, settings.daysBefore);
    if (!kind) continue;
    const done = await db
      .selectFrom('reports')
      .select('unit_id')
      .where('period_id', '=', period.id)
      .where('status', 'in', COUNTED_STATUSES)
      .execute();
    const owing = [
      ...(await unitsWithItems(db, period.plan_id, period.due_date, period.window_end)).keys(),
    ].filter((unit) => !done.some((d) => d.unit_id === unit));
    for (const unitId of owing) {
      const claimed = await db
        .insertInto('reminder_log')
        .values({
          period_id: period.id,
          unit_id: unitId,
          kind,
          claimed_at: nowIso(),
          sent_at: null,
          error: null,
        })
        .onConflict((oc) => oc.columns(['period_id', 'unit_id', 'kind']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!claimed) continue;
      await notifyInApp(db, unitId, period, kind);
      await deliver(db, claimed.id, unitId, period, kind, settings);
      delivered++;
    }
  }
  await retryFailed(db, settings);
  return delivered;
}

interface PeriodRef {
  id: number;
  label: string;
  due_date: string;
}

/** Straight into the unit's report for the period (created on arrival if need be): from the
 *  e-mail, one click to the prefilled report and one to send it. */
export const reportLink = (periodId: number, unitId: number) =>
  `/reports/period/${periodId}/unit/${unitId}`;

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

function message(period: PeriodRef, kind: Kind) {
  return kind === 'overdue'
    ? `Quá hạn báo cáo ${period.label} (hạn ${vnDate(period.due_date)})`
    : `Sắp đến hạn báo cáo ${period.label} (hạn ${vnDate(period.due_date)})`;
}

async function notifyInApp(db: Kysely<Database>, unitId: number, period: PeriodRef, kind: Kind) {
  const users = await activeReporters(db, unitId);
  if (users.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      users.map((u) => ({
        user_id: u.id,
        kind: `reminder_${kind}`,
        title: message(period, kind),
        body: null,
        link: reportLink(period.id, unitId),
        created_at: nowIso(),
        read_at: null,
      })),
    )
    .execute();
}

async function deliver(
  db: Kysely<Database>,
  logId: number,
  unitId: number,
  period: PeriodRef,
  kind: Kind,
  settings: ReminderSettings,
): Promise<void> {
  const to = (await activeReporters(db, unitId)).flatMap((u) => (u.email ? [u.email] : []));
  let error: string | null = null;
  if (settings.mailer && to.length) {
    const link = `${settings.publicUrl ?? ''}${reportLink(period.id, unitId)}`;
    try {
      await settings.mailer.send({
        to,
        subject: `[Tiến độ] ${message(period, kind)}`,
        text: `${message(period, kind)}.\n\nMở báo cáo của đơn vị: ${link}\n\nThư gửi tự động từ Tiến độ, xin đừng trả lời.`,
      });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  await db
    .updateTable('reminder_log')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      sent_at: error ? null : nowIso(),
      error,
      recipients: to.length,
    }))
    .where('id', '=', logId)
    .execute();
}

/** E-mails that failed (SMTP down) are retried later, claimed again one instance at a time. */
async function retryFailed(db: Kysely<Database>, settings: ReminderSettings) {
  const stale = await db
    .selectFrom('reminder_log as l')
    .innerJoin('reporting_periods as p', 'p.id', 'l.period_id')
    .select([
      'l.id',
      'l.unit_id',
      'l.kind',
      'l.claimed_at',
      'p.id as period_id',
      'p.label',
      'p.due_date',
    ])
    .where('l.sent_at', 'is', null)
    .where('l.attempts', '>', 0)
    .where('l.attempts', '<', MAX_ATTEMPTS)
    .where('l.claimed_at', '<', addMinutes(nowIso(), -RETRY_AFTER_MINUTES))
    .execute();
  for (const row of stale) {
    const reclaimed = await db
      .updateTable('reminder_log')
      .set({ claimed_at: nowIso() })
      .where('id', '=', row.id)
      .where('claimed_at', '=', row.claimed_at)
      .executeTakeFirst();
    if (Number(reclaimed.numUpdatedRows) !== 1) continue;
    const period = { id: row.period_id, label: row.label, due_date: row.due_date };
    await deliver(db, row.id, row.unit_id, period, row.kind as Kind, settings);
  }
}
