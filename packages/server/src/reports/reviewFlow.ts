import { ITEM_KINDS } from '@tiendo/core';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { loadReportContext, lockReport, type ReportContext } from './access.ts';
import { HttpError } from '../http/errors.ts';
import { assertEditable } from './itemUpdates.ts';
import { unexplainedItems } from './reportView.ts';
import { trackConcerns } from '../concerns/concerns.ts';
import { refreshPlanTallies } from './periodTallies.ts';
import { noticeReportStep, type Outbox, type ReportNotice } from '../reminders/reportNotices.ts';

/** An overdue task or an off-track indicator must say what happened and what is planned. */
async function assertExplained(db: Kysely<Database>, reportId: number): Promise<void> {
  const missing = await unexplainedItems(db, reportId);
  if (missing.length)
    throw badRequest(
      `Cần giải trình (nguyên nhân, giải pháp) cho ${missing.join(', ')}: mục này đang quá hạn hoặc chậm so với lộ trình.`,
      { items: missing },
    );
}

// A report's life: draft → submitted → approved, or → returned (with comments per item) →
// submitted again; an approved report is read-only until the focal officer reopens it, with a
// reason. Every step is audited, and told to whom it concerns (reminders/reportNotices.ts): the
// in-app notifications in the step's transaction, the e-mail (the outbox) after it.

export const ReturnInput = z
  .object({
    version: z.number().int().positive(),
    comment: z.string().trim().min(1, 'Cần ghi lý do trả lại').max(5_000),
    items: z
      .array(
        z.object({
          kind: z.enum(ITEM_KINDS),
          id: z.number().int().positive(),
          comment: z.string().trim().min(1).max(2_000),
        }),
      )
      .max(500)
      .default([]),
  })
  .meta({
    example: {
      version: 3,
      comment: 'Bổ sung số liệu cụ thể',
      items: [{ kind: 'task', id: 42, comment: 'Ghi rõ số người tham dự' }],
    },
  });
export type ReturnInput = z.infer<typeof ReturnInput>;

type Status = 'draft' | 'submitted' | 'returned' | 'approved';

async function transition(
  db: Kysely<Database>,
  context: ReportContext,
  version: number,
  to: Status,
  set: Record<string, unknown>,
): Promise<number> {
  const result = await db
    .updateTable('reports')
    .set({ ...set, status: to, version: version + 1, updated_at: nowIso() })
    .where('id', '=', context.reportId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw conflict({ version: context.version, status: context.status });
  // Whether the report counts changed: the roll-ups' tallies follow in this transaction.
  await refreshPlanTallies(db, context.planId);
  return version + 1;
}

export interface FlowResult {
  version: number;
  status: Status;
}

/** The e-mail a step owes goes once its transaction is done; it never fails the step. */
function dispatch<T>(
  outbox: Outbox | undefined,
  done: { result: T; notice: ReportNotice | null },
): T {
  if (done.notice) outbox?.(done.notice);
  return done.result;
}

/** The same step sent twice (a double click, a retried request, even concurrently) is not an
 *  error and changes nothing: the loser of the race finds the step already done. */
async function once(
  db: Kysely<Database>,
  context: ReportContext,
  version: number,
  to: Status,
  step: () => Promise<FlowResult>,
): Promise<FlowResult> {
  const done = (c: ReportContext) => c.status === to && c.version === version + 1;
  if (done(context)) return { version: context.version, status: to };
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof HttpError) || error.statusCode !== 409) throw error;
    const now = await loadReportContext(db, context.reportId);
    if (done(now)) return { version: now.version, status: to };
    throw error;
  }
}

export function submitReport(
  db: Kysely<Database>,
  context: ReportContext,
  version: number,
  userId: number,
  outbox?: Outbox,
): Promise<FlowResult> {
  return once(db, context, version, 'submitted', async () =>
    dispatch(outbox, await submit(db, context, version, userId)),
  );
}

async function submit(
  db: Kysely<Database>,
  context: ReportContext,
  version: number,
  userId: number,
): Promise<{ result: FlowResult; notice: ReportNotice | null }> {
  return atomically(db, async (db) => {
    // Saves of the report wait from here on, and the ones before are all in what is checked
    // and sent; a step taken since the request read the report fails the version check below.
    await lockReport(db, context.reportId);
    assertEditable(context);
    const items = await db
      .selectFrom('task_updates')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('report_id', '=', context.reportId)
      .executeTakeFirstOrThrow();
    const values = await db
      .selectFrom('indicator_values')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('report_id', '=', context.reportId)
      .executeTakeFirstOrThrow();
    if (Number(items.n) + Number(values.n) === 0)
      throw badRequest(
        'Báo cáo chưa có nội dung nào: hãy cập nhật ít nhất một nhiệm vụ hoặc chỉ tiêu.',
      );
    await assertExplained(db, context.reportId);
    const now = nowIso();
    const next = await transition(db, context, version, 'submitted', {
      submitted_at: now,
      submitted_by: userId,
      first_submitted_at: sql<string>`coalesce(first_submitted_at, ${now})`,
    });
    await trackConcerns(db, context);
    await recordAudit(db, {
      userId,
      entity: 'report',
      entityId: context.reportId,
      action: 'submit',
    });
    const notice = await noticeReportStep(db, context, 'submitted', userId, null);
    return { result: { version: next, status: 'submitted' as const }, notice };
  });
}

function assertSubmitted(context: ReportContext, action: string) {
  if (context.status !== 'submitted')
    throw badRequest(`Chỉ ${action} được báo cáo đã gửi (báo cáo đang ở trạng thái khác).`);
}

export async function returnReport(
  db: Kysely<Database>,
  context: ReportContext,
  input: ReturnInput,
  userId: number,
  outbox?: Outbox,
): Promise<FlowResult> {
  assertSubmitted(context, 'trả lại');
  const done = await atomically(db, async (trx) => {
    const next = await transition(trx, context, input.version, 'returned', {
      reviewed_at: nowIso(),
      reviewed_by: userId,
      review_comment: input.comment,
    });
    for (const item of input.items) {
      const table = item.kind === 'task' ? 'task_updates' : 'indicator_values';
      const column = item.kind === 'task' ? 'task_id' : 'indicator_id';
      await trx
        .updateTable(table as 'task_updates')
        .set({ review_comment: item.comment })
        .where('report_id', '=', context.reportId)
        .where(column as 'task_id', '=', item.id)
        .execute();
    }
    await recordAudit(trx, {
      userId,
      entity: 'report',
      entityId: context.reportId,
      action: 'return',
      after: { comment: input.comment, items: input.items },
    });
    const notice = await noticeReportStep(trx, context, 'returned', userId, input.comment);
    return { result: { version: next, status: 'returned' as const }, notice };
  });
  return dispatch(outbox, done);
}

export function approveReport(
  db: Kysely<Database>,
  context: ReportContext,
  version: number,
  comment: string | null,
  userId: number,
  outbox?: Outbox,
): Promise<FlowResult> {
  return once(db, context, version, 'approved', async () =>
    dispatch(outbox, await approve(db, context, version, comment, userId)),
  );
}

async function approve(
  db: Kysely<Database>,
  context: ReportContext,
  version: number,
  comment: string | null,
  userId: number,
): Promise<{ result: FlowResult; notice: ReportNotice | null }> {
  assertSubmitted(context, 'duyệt');
  return atomically(db, async (trx) => {
    const v = await transition(trx, context, version, 'approved', {
      reviewed_at: nowIso(),
      reviewed_by: userId,
      review_comment: comment,
      // An approved report closes a reopening for this unit: the period is shut again.
      unlocked_at: null,
      unlocked_by: null,
    });
    // Comments from an earlier return are settled once the report is approved.
    for (const table of ['task_updates', 'indicator_values'] as const)
      await trx
        .updateTable(table as 'task_updates')
        .set({ review_comment: null })
        .where('report_id', '=', context.reportId)
        .execute();
    await recordAudit(trx, {
      userId,
      entity: 'report',
      entityId: context.reportId,
      action: 'approve',
      after: { comment },
    });
    const notice = await noticeReportStep(trx, context, 'approved', userId, comment);
    return { result: { version: v, status: 'approved' as const }, notice };
  });
}

export async function reopenReport(
  db: Kysely<Database>,
  context: ReportContext,
  version: number,
  reason: string,
  userId: number,
  outbox?: Outbox,
): Promise<FlowResult> {
  const done = await atomically(db, async (db) => {
    if (context.status !== 'approved') throw badRequest('Chỉ mở lại được báo cáo đã duyệt.');
    const next = await transition(db, context, version, 'returned', {
      review_comment: reason,
      reviewed_at: nowIso(),
      reviewed_by: userId,
    });
    await recordAudit(db, {
      userId,
      entity: 'report',
      entityId: context.reportId,
      action: 'reopen',
      reason,
    });
    const notice = await noticeReportStep(db, context, 'reopened', userId, reason);
    return { result: { version: next, status: 'returned' as const }, notice };
  });
  return dispatch(outbox, done);
}
