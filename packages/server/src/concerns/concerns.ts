import type { Kysely } from 'kysely';
import { CONCERN_STATUSES, IsoDay } from '@tiendo/core';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { canManageCommune, visiblePlan } from '../org/queries.ts';
import { activeReporters } from '../org/users.ts';

// Difficulties and proposals (khó khăn, vướng mắc / đề xuất, kiến nghị) are not just text in
// a report: each one a unit sends becomes a tracked item — who must answer, by when, the
// answer, and whether it is settled — which the unit that raised it can follow.

export type ConcernKind = 'difficulty' | 'proposal';
export type ConcernStatus = 'open' | 'answered' | 'closed';

const FIELDS = { difficulties: 'difficulty', proposals: 'proposal' } as const;

/** Called inside a report's submission: each difficulty/proposal written becomes (or updates)
 *  its tracked item; one already closed keeps its wording as it was when closed. */
export async function trackConcerns(
  db: Kysely<Database>,
  report: { reportId: number; planId: number; unitId: number },
): Promise<void> {
  const updates = await db
    .selectFrom('task_updates')
    .select(['task_id', 'difficulties', 'proposals'])
    .where('report_id', '=', report.reportId)
    .execute();
  const now = nowIso();
  for (const update of updates)
    for (const [field, kind] of Object.entries(FIELDS) as [keyof typeof FIELDS, ConcernKind][]) {
      const content = update[field]?.trim();
      if (!content) continue;
      await db
        .insertInto('concerns')
        .values({
          plan_id: report.planId,
          report_id: report.reportId,
          task_id: update.task_id,
          unit_id: report.unitId,
          kind,
          content,
          status: 'open',
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['report_id', 'task_id', 'kind'])
            .doUpdateSet({ content, updated_at: now })
            .where('concerns.status', '!=', 'closed'),
        )
        .execute();
    }
}

export const ConcernChange = z
  .object({
    version: z.number().int().positive(),
    addressee: z.string().trim().max(500).nullable().optional(),
    answerDue: IsoDay.nullable().optional(),
    answer: z.string().trim().max(5_000).nullable().optional(),
    status: z.enum(CONCERN_STATUSES).optional(),
  })
  .meta({
    example: {
      version: 1,
      addressee: 'Sở Khoa học và Công nghệ',
      answerDue: '2026-08-15',
      answer: null,
    },
  });
export type ConcernChange = z.infer<typeof ConcernChange>;

export function selectConcerns(db: Kysely<Database>) {
  return db
    .selectFrom('concerns as c')
    .innerJoin('tasks', 'tasks.id', 'c.task_id')
    .innerJoin('org_units as unit', 'unit.id', 'c.unit_id')
    .innerJoin('reports as r', 'r.id', 'c.report_id')
    .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
    .innerJoin('plans', 'plans.id', 'c.plan_id')
    .select([
      'c.id',
      'c.kind',
      'c.content',
      'c.addressee',
      'c.answer_due as answerDue',
      'c.answer',
      'c.answered_at as answeredAt',
      'c.status',
      'c.version',
      'c.created_at as raisedAt',
      'c.plan_id as planId',
      'plans.title as planTitle',
      'tasks.code as taskCode',
      'tasks.content as taskContent',
      'unit.id as unitId',
      'unit.name as unitName',
      'p.label as periodLabel',
    ])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc');
}

/** A plan's concerns: all of them for the commune's managers, leaders and the province; a
 *  unit's reporter sees the ones its unit raised. */
export async function planConcerns(db: Kysely<Database>, user: SessionUser, planId: number) {
  const plan = await visiblePlan(db, user, planId);
  const seesAll = user.roles.some(
    (r) =>
      r.role === 'admin' ||
      r.role === 'province_viewer' ||
      (['focal_officer', 'commune_leader'].includes(r.role) && r.scopeUnitId === plan.commune_id),
  );
  let query = selectConcerns(db).where('c.plan_id', '=', planId);
  if (!seesAll) query = query.where('c.unit_id', 'in', reporterUnits(user));
  return { canAnswer: canManageCommune(user, plan.commune_id), items: await query.execute() };
}

const reporterUnits = (user: SessionUser) => {
  const ids = user.roles.filter((r) => r.role === 'unit_reporter').map((r) => r.scopeUnitId);
  return ids.length ? ids : [-1];
};

/** Every commune's concerns in a province (the province answers many of them), newest first. */
export function provinceConcerns(db: Kysely<Database>, provinceId: number) {
  return selectConcerns(db)
    .innerJoin('org_units as commune', 'commune.id', 'plans.commune_id')
    .select('commune.name as communeName')
    .where('commune.parent_id', '=', provinceId)
    .execute();
}

/** What the reporter's units raised, everywhere, for the inbox. */
export function myConcerns(db: Kysely<Database>, user: SessionUser) {
  return selectConcerns(db).where('c.unit_id', 'in', reporterUnits(user)).execute();
}

export async function changeConcern(
  db: Kysely<Database>,
  user: SessionUser,
  id: number,
  change: ConcernChange,
): Promise<number> {
  return atomically(db, async (db) => {
    const before = await db
      .selectFrom('concerns')
      .innerJoin('plans', 'plans.id', 'concerns.plan_id')
      .selectAll('concerns')
      .select('plans.commune_id')
      .where('concerns.id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('Không tìm thấy kiến nghị');
    if (!canManageCommune(user, before.commune_id))
      throw forbidden('Chỉ cán bộ đầu mối của xã mới phân công và trả lời kiến nghị');
    const answer = change.answer === undefined ? before.answer : change.answer;
    const status =
      change.status ?? (answer && before.status === 'open' ? 'answered' : before.status);
    if (status === 'answered' && !answer) throw badRequest('Cần ghi nội dung trả lời.');
    const now = nowIso();
    const patch = {
      ...(change.addressee !== undefined ? { addressee: change.addressee } : {}),
      ...(change.answerDue !== undefined ? { answer_due: change.answerDue } : {}),
      ...(change.answer !== undefined
        ? { answer: change.answer, answered_by: user.id, answered_at: now }
        : {}),
      status,
    };
    const result = await db
      .updateTable('concerns')
      .set({ ...patch, version: change.version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', change.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1)
      throw conflict({ version: before.version, status: before.status, answer: before.answer });
    if (status === 'answered' && before.status !== 'answered')
      await notifyUnit(db, before.unit_id, before.kind as ConcernKind, before.content);
    await recordAudit(db, {
      userId: user.id,
      entity: 'concern',
      entityId: id,
      action: status !== before.status ? status : 'edit',
      before: { status: before.status, addressee: before.addressee, answer: before.answer },
      after: patch,
    });
    return change.version + 1;
  });
}

/** Tells the reporters of the unit that raised it that its difficulty or proposal has an answer. */
async function notifyUnit(
  db: Kysely<Database>,
  unitId: number,
  kind: ConcernKind,
  content: string,
) {
  const reporters = await activeReporters(db, unitId);
  if (reporters.length === 0) return;
  const what = kind === 'difficulty' ? 'Khó khăn' : 'Kiến nghị';
  await db
    .insertInto('notifications')
    .values(
      reporters.map((r) => ({
        user_id: r.id,
        kind: 'concern_answered',
        title: `${what} của đơn vị đã được trả lời`,
        body: content.length > 200 ? `${content.slice(0, 200)}…` : content,
        link: '/reports',
        created_at: nowIso(),
        read_at: null,
      })),
    )
    .execute();
}
