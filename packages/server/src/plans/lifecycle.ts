import type { Kysely } from 'kysely';
import type { PlanDraft, PlanStatus } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import type { DraftEnvelope } from './store.ts';
import { trackedVersion } from './versions.ts';

// A plan's housekeeping after import: a published plan is renamed, archived (read-only, out of
// the active lists, still readable), restored, or taken back to draft while no unit has sent a
// report for it; a draft is deleted. Each step checks the version the person saw (409 when the
// plan changed meanwhile) and is audited.

type Db = Kysely<Database>;

async function planRow(db: Db, planId: number) {
  const plan = await db.selectFrom('plans').selectAll().where('id', '=', planId).executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  return plan;
}

/** Moves the plan on from `from` at `version`, or 409 when someone changed it meanwhile. */
async function step(
  db: Db,
  planId: number,
  version: number,
  from: PlanStatus,
  set: Partial<{
    status: PlanStatus;
    title: string;
    number: string | null;
    draft_json: string | null;
  }> &
    Record<string, unknown>,
) {
  const result = await db
    .updateTable('plans')
    .set({ ...set, version: version + 1, updated_at: nowIso() })
    .where('id', '=', planId)
    .where('version', '=', version)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const current = await db
      .selectFrom('plans')
      .select(['version', 'status', 'updated_at'])
      .where('id', '=', planId)
      .executeTakeFirst();
    throw conflict(current);
  }
  return version + 1;
}

const WRONG_STATUS: Record<string, string> = {
  rename: 'Chỉ đổi tên được kế hoạch đang thực hiện (đã ban hành, chưa lưu trữ).',
  archive: 'Chỉ lưu trữ được kế hoạch đã ban hành.',
  restore: 'Kế hoạch này không ở trong lưu trữ.',
  unpublish: 'Chỉ đưa về bản nháp được kế hoạch đã ban hành.',
  delete: 'Chỉ xoá được bản nháp. Kế hoạch đã ban hành thì lưu trữ.',
};

function expectStatus(status: string, wanted: string, action: keyof typeof WRONG_STATUS) {
  if (status !== wanted) throw badRequest(WRONG_STATUS[action]!);
}

export async function renamePlan(
  db: Db,
  planId: number,
  version: number,
  change: { title: string; number?: string | null },
  userId: number,
): Promise<number> {
  return atomically(db, async (db) => {
    const plan = await planRow(db, planId);
    expectStatus(plan.status, 'published', 'rename');
    const title = change.title.trim();
    const number = change.number === undefined ? plan.number : change.number?.trim() || null;
    const next = await step(db, planId, version, 'published', { title, number });
    await recordAudit(db, {
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'rename',
      before: { title: plan.title, number: plan.number },
      after: { title, number, version: next },
    });
    return next;
  });
}

export async function archivePlan(db: Db, planId: number, version: number, userId: number) {
  return atomically(db, async (db) => {
    const plan = await planRow(db, planId);
    expectStatus(plan.status, 'published', 'archive');
    const next = await step(db, planId, version, 'published', { status: 'archived' });
    await recordAudit(db, { userId, entity: 'plan', entityId: planId, action: 'archive' });
    return next;
  });
}

export async function restorePlan(db: Db, planId: number, version: number, userId: number) {
  return atomically(db, async (db) => {
    const plan = await planRow(db, planId);
    expectStatus(plan.status, 'archived', 'restore');
    const next = await step(db, planId, version, 'archived', { status: 'published' });
    await recordAudit(db, { userId, entity: 'plan', entityId: planId, action: 'restore' });
    return next;
  });
}

/** Reports a unit has sent for the plan (whatever happened to them since). */
export async function sentReportCount(db: Db, planId: number): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .innerJoin('reporting_periods as p', 'p.id', 'reports.period_id')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('p.plan_id', '=', planId)
    .where((eb) =>
      eb.or([
        eb('reports.status', '!=', 'draft'),
        eb('reports.first_submitted_at', 'is not', null),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The published plan as a draft again, from its rows (with what the plan page added). */
async function draftFromRows(
  db: Db,
  plan: Awaited<ReturnType<typeof planRow>>,
): Promise<PlanDraft> {
  const meta = JSON.parse(plan.metadata_json) as Partial<{
    basis: PlanDraft['plan']['basis'];
    signer: PlanDraft['plan']['signer'];
    reporting: PlanDraft['plan']['reporting'];
    replaces: string[];
    locality: string | null;
    source: string;
  }>;
  const sections = new Map(
    (
      await db
        .selectFrom('plan_sections')
        .select(['id', 'appendix', 'heading'])
        .where('plan_id', '=', plan.id)
        .execute()
    ).map((s) => [s.id, s]),
  );
  const indicators = await db
    .selectFrom('indicators')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .where(trackedVersion('indicators'))
    .orderBy('ordinal')
    .orderBy('id')
    .execute();
  const targets = await db
    .selectFrom('indicator_targets')
    .innerJoin('indicators', 'indicators.id', 'indicator_targets.indicator_id')
    .select([
      'indicator_targets.indicator_id',
      'indicator_targets.year',
      'indicator_targets.raw_text',
    ])
    .where('indicators.plan_id', '=', plan.id)
    .where(trackedVersion('indicators'))
    .orderBy('indicator_targets.id')
    .execute();
  const tasks = await db
    .selectFrom('tasks')
    .selectAll()
    .where('plan_id', '=', plan.id)
    .where(trackedVersion('tasks'))
    .orderBy('ordinal')
    .orderBy('id')
    .execute();
  const section = (id: number) => sections.get(id) ?? { appendix: '', heading: null };
  return {
    source: meta.source ?? plan.title,
    plan: {
      issuer: plan.issuer,
      locality: meta.locality ?? null,
      number: plan.number,
      date: plan.issued_on,
      title: plan.title,
      signer: meta.signer ?? null,
      basis: meta.basis ?? [],
      replaces: meta.replaces ?? [],
      focal_unit: plan.focal_unit_text,
      reporting: meta.reporting ?? [],
    },
    indicators: indicators.map((i) => ({
      table: section(i.section_id).appendix,
      group: section(i.section_id).heading,
      code: i.code,
      name: i.name,
      unit: i.measure_unit,
      targets: Object.fromEntries(
        targets
          .filter((t) => t.indicator_id === i.id)
          .map((t) => [t.year === null ? 'all' : String(t.year), t.raw_text]),
      ),
      lead: i.lead_text,
      output: i.output,
      director: i.director,
      responsible: i.responsible,
    })),
    tasks: tasks.map((t) => ({
      table: section(t.section_id).appendix,
      group: section(t.section_id).heading,
      code: t.code,
      content: t.content,
      lead: t.lead_text,
      coordinate: t.coordinate_text,
      output: t.output,
      deadline: t.deadline_text,
      director: t.director,
      responsible: t.responsible,
    })),
  };
}

async function amendmentCount(db: Db, planId: number) {
  const row = await db
    .selectFrom('plan_amendments')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Back to draft while no unit has sent a report: its rows, periods (and the reports units
 *  have only started) go; the draft holds what the plan held, for review and publishing again. */
export async function unpublishPlan(db: Db, planId: number, version: number, userId: number) {
  return atomically(db, async (db) => {
    const plan = await planRow(db, planId);
    expectStatus(plan.status, 'published', 'unpublish');
    if (plan.version !== version) throw conflict({ version: plan.version });
    const sent = await sentReportCount(db, planId);
    if (sent > 0)
      throw badRequest(
        `Đã có ${sent} báo cáo được gửi theo kế hoạch này: không đưa về bản nháp được. Có thể đổi tên hoặc lưu trữ kế hoạch.`,
      );
    if (await amendmentCount(db, planId))
      throw badRequest(
        'Kế hoạch đã được điều chỉnh: không đưa về bản nháp được (lịch sử điều chỉnh phải được giữ).',
      );
    const draft = await draftFromRows(db, plan);
    const kept = plan.draft_json ? (JSON.parse(plan.draft_json) as DraftEnvelope) : null;
    const envelope: DraftEnvelope = {
      imported: kept?.imported ?? draft,
      edited: draft,
      sourceLines: kept?.sourceLines ?? [],
      ...(kept?.columnRoles ? { columnRoles: kept.columnRoles } : {}),
    };
    // Links from and to this plan's items (cascade_links names items by kind and id).
    const taskIds = db.selectFrom('tasks').select('id').where('plan_id', '=', planId);
    const indicatorIds = db.selectFrom('indicators').select('id').where('plan_id', '=', planId);
    for (const [kind, ids] of [
      ['task', taskIds],
      ['indicator', indicatorIds],
    ] as const) {
      await db
        .deleteFrom('cascade_links')
        .where('child_kind', '=', kind)
        .where('child_id', 'in', ids)
        .execute();
      await db
        .deleteFrom('cascade_links')
        .where('parent_kind', '=', kind)
        .where('parent_id', 'in', ids)
        .execute();
    }
    await db
      .updateTable('plans')
      .set({ parent_plan_id: null })
      .where('parent_plan_id', '=', planId)
      .execute();
    await db.deleteFrom('reporting_periods').where('plan_id', '=', planId).execute();
    await db.deleteFrom('concerns').where('plan_id', '=', planId).execute();
    await db
      .updateTable('indicators')
      .set({ parent_id: null })
      .where('plan_id', '=', planId)
      .execute();
    await db.deleteFrom('indicators').where('plan_id', '=', planId).execute();
    await db.deleteFrom('tasks').where('plan_id', '=', planId).execute();
    await db.deleteFrom('plan_sections').where('plan_id', '=', planId).execute();
    const next = await step(db, planId, version, 'published', {
      status: 'draft',
      draft_json: JSON.stringify(envelope),
      published_at: null,
      focal_unit_id: null,
    });
    await recordAudit(db, {
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'unpublish',
      after: { indicators: draft.indicators.length, tasks: draft.tasks.length, version: next },
    });
    return next;
  });
}

/** Deletes a draft (never a published plan): the plan row and the uploaded document no other
 *  plan uses; the audit log keeps the import and the deletion. */
export async function deleteDraft(db: Db, planId: number, version: number, userId: number) {
  await atomically(db, async (db) => {
    const plan = await planRow(db, planId);
    expectStatus(plan.status, 'draft', 'delete');
    if (plan.version !== version) throw conflict({ version: plan.version });
    await db
      .deleteFrom('plans')
      .where('id', '=', planId)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .execute();
    if (plan.document_id !== null) {
      const other = await db
        .selectFrom('plans')
        .select('id')
        .where('document_id', '=', plan.document_id)
        .executeTakeFirst();
      if (!other) await db.deleteFrom('documents').where('id', '=', plan.document_id).execute();
    }
    await recordAudit(db, {
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'delete',
      before: { title: plan.title, number: plan.number, commune_id: plan.commune_id },
    });
  });
}
