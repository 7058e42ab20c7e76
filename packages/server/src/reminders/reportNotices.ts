import type { ReportStep } from '@tiendo/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { activeReporters } from '../org/users.ts';
import { nowIso } from '../http/time.ts';
import { unitsWithItems } from '../reports/overview.ts';
import type { Mailer } from './mailer.ts';

// Who hears of a report's step: the commune's focal officer(s) when a unit sends its report; the
// unit's reporters when it is returned (with the reviewer's comment), approved or reopened. The
// in-app notifications are written by the step's own transaction (a step that fails leaves
// none); the e-mail, when SMTP is configured, goes after it, and its failure fails nothing.

export type { ReportStep };

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

/** "báo cáo 6 tháng đầu năm 2026", but an ad hoc period's own name when it already says so
 *  ("Báo cáo nhanh chuyển đổi số", not "báo cáo Báo cáo nhanh …"). */
export function reportOf(period: string): string {
  return /^báo cáo\b/iu.test(period.trim()) ? period.trim() : `báo cáo ${period}`;
}
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function titleFor(step: ReportStep, unit: string, period: string): string {
  const report = reportOf(period);
  switch (step) {
    case 'submitted':
      return `${unit} đã gửi ${report}`;
    case 'returned':
      return `${capitalised(report)} của ${unit} bị trả lại, cần bổ sung`;
    case 'approved':
      return `${capitalised(report)} của ${unit} đã được duyệt`;
    case 'reopened':
      return `${capitalised(report)} của ${unit} được mở lại để sửa`;
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

/** Where a reporter finds what their unit owes ("Việc của tôi"). */
export const INBOX_LINK = '/reports';

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** A period is opened for the first time (planned → open; call it inside that transaction):
 *  the active reporters of every unit of the commune that owes a report for it — the units of
 *  reports/overview.ts, those with items in the plan and in existence on its due date — are told
 *  of it, its label and due date, linking to their inbox. Reopening a closed or locked period
 *  tells no one again. Returns the e-mails it owes, one per unit. */
export async function noticePeriodOpened(
  db: Kysely<Database>,
  period: { planId: number; communeId: number; label: string; dueDate: string; windowEnd: string },
  actorId: number,
): Promise<ReportNotice[]> {
  const owing = [
    ...(await unitsWithItems(db, period.planId, period.dueDate, period.windowEnd)).keys(),
  ];
  if (owing.length === 0) return [];
  // Only the commune's own units: those are the ones whose inbox lists the plan's periods.
  const units = await db
    .selectFrom('org_units')
    .select('id')
    .where('id', 'in', owing)
    .where('parent_id', '=', period.communeId)
    .orderBy('id')
    .execute();
  const title = `Đã mở kỳ ${reportOf(period.label)}, hạn nộp ${vnDate(period.dueDate)}`;
  const seen = new Set<number>([actorId]);
  const notices: ReportNotice[] = [];
  const rows: Array<{ user_id: number }> = [];
  for (const unit of units) {
    const users = (await activeReporters(db, unit.id)).filter(
      (u) => !seen.has(u.id) && seen.add(u.id),
    );
    if (users.length === 0) continue;
    rows.push(...users.map((u) => ({ user_id: u.id })));
    const emails = users.flatMap((u) => (u.email ? [u.email] : []));
    if (emails.length) notices.push({ emails, title, body: null, link: INBOX_LINK });
  }
  if (rows.length === 0) return [];
  const created = nowIso();
  await db
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        ...r,
        kind: 'period_opened',
        title,
        body: null,
        link: INBOX_LINK,
        created_at: created,
        read_at: null,
      })),
    )
    .execute();
  return notices;
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
