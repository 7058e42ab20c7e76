import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { activeReporters } from '../org/users.ts';
import { nowIso } from '../http/time.ts';
import type { Mailer } from './mailer.ts';

// Who hears of a report's step: the commune's focal officer(s) when a unit sends its report; the
// unit's reporters when it is returned (with the reviewer's comment), approved or reopened. The
// in-app notifications are written by the step's own transaction (a step that fails leaves
// none); the e-mail, when SMTP is configured, goes after it, and its failure fails nothing.

export type ReportStep = 'submitted' | 'returned' | 'approved' | 'reopened';

/** What is owed by e-mail once the step's transaction is done. */
export interface ReportNotice {
  emails: string[];
  title: string;
  body: string | null;
  link: string;
}

/** Sends a step's e-mail after the fact; never throws, never waits. */
export type Outbox = (notice: ReportNotice) => void;

export const reportPageLink = (reportId: number) => `/reports/${reportId}`;

interface StepContext {
  reportId: number;
  periodId: number;
  unitId: number;
  communeId: number;
}

function titleFor(step: ReportStep, unit: string, period: string): string {
  switch (step) {
    case 'submitted':
      return `${unit} đã gửi báo cáo ${period}`;
    case 'returned':
      return `Báo cáo ${period} của ${unit} bị trả lại, cần bổ sung`;
    case 'approved':
      return `Báo cáo ${period} của ${unit} đã được duyệt`;
    case 'reopened':
      return `Báo cáo ${period} của ${unit} được mở lại để sửa`;
  }
}

function focalOfficers(db: Kysely<Database>, communeId: number) {
  return db
    .selectFrom('users')
    .innerJoin('role_assignments as r', 'r.user_id', 'users.id')
    .select(['users.id', 'users.email'])
    .where('r.role', '=', 'focal_officer')
    .where('r.scope_unit_id', '=', communeId)
    .where('users.active', '=', 1)
    .execute();
}

/** Writes the step's in-app notifications (call it inside the step's transaction) and returns
 *  the e-mail it owes, if anyone is to be told. The person taking the step is not told. */
export async function noticeReportStep(
  db: Kysely<Database>,
  context: StepContext,
  step: ReportStep,
  actorId: number,
  comment: string | null,
): Promise<ReportNotice | null> {
  const found =
    step === 'submitted'
      ? await focalOfficers(db, context.communeId)
      : await activeReporters(db, context.unitId);
  const seen = new Set<number>([actorId]);
  const users = found.filter((u) => !seen.has(u.id) && seen.add(u.id));
  if (users.length === 0) return null;
  const names = await db
    .selectFrom('reporting_periods as p')
    .innerJoin('org_units as u', (j) => j.on('u.id', '=', context.unitId))
    .select(['p.label', 'u.name'])
    .where('p.id', '=', context.periodId)
    .executeTakeFirstOrThrow();
  const title = titleFor(step, names.name, names.label);
  const body = comment?.trim() ? comment.trim() : null;
  const link = reportPageLink(context.reportId);
  const created = nowIso();
  await db
    .insertInto('notifications')
    .values(
      users.map((u) => ({
        user_id: u.id,
        kind: `report_${step}`,
        title,
        body,
        link,
        created_at: created,
        read_at: null,
      })),
    )
    .execute();
  return { emails: users.flatMap((u) => (u.email ? [u.email] : [])), title, body, link };
}

/** The app's outbox: SMTP when configured, otherwise nothing (the in-app notice is enough). */
export function mailOutbox(
  mailer: Mailer | null,
  publicUrl: string | null,
  onError: (error: unknown) => void,
): Outbox {
  return (notice) => {
    if (!mailer || notice.emails.length === 0) return;
    const text = [
      `${notice.title}.`,
      ...(notice.body ? [`Ý kiến: ${notice.body}`] : []),
      `Mở báo cáo: ${publicUrl ?? ''}${notice.link}`,
      'Thư gửi tự động từ Tiến độ, xin đừng trả lời.',
    ].join('\n\n');
    try {
      mailer.send({ to: notice.emails, subject: `[Tiến độ] ${notice.title}`, text }).catch(onError);
    } catch (error) {
      onError(error);
    }
  };
}
