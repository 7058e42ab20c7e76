import type { Kysely } from 'kysely';
import { addDays, type UnitRef } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { refreshPlanTallies } from '../reports/periodTallies.ts';
import { communeUnits, linkUnits, unitIdsOf } from './store.ts';
import type { AmendmentInput, ItemChange } from './amendmentInput.ts';
import {
  addItem,
  copyItemLinks,
  FIELD_COLUMNS,
  ITEM_TABLES,
  moveOpenReportData,
  targetsOf,
  writeTargets,
  type ItemKind,
} from './itemRows.ts';

// Applying an amendment to a published plan, in one transaction: the amendment's row, then
// each change — an edited item gets a new version from the effective day (its old row closes
// that day and keeps what earlier periods were judged by), an added item starts that day, a
// retired one stops — then the plan's version, its period tallies and one audit entry.
//
// An amendment may not reach back over a period already sent: the effective day must come
// after the last day of every period with a sent report, and not before an earlier amendment.

type Db = Kysely<Database>;
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

export interface AppliedAmendment {
  id: number;
  ordinal: number;
  version: number;
  summary: AmendmentSummary;
}
export interface AmendmentSummary {
  added: number;
  changed: number;
  retired: number;
}

export async function applyAmendment(
  db: Db,
  planId: number,
  input: AmendmentInput,
  userId: number,
): Promise<AppliedAmendment> {
  return atomically(db, async (db) => {
    const plan = await lockedPlan(db, planId);
    if (plan.status !== 'published')
      throw badRequest('Chỉ điều chỉnh được kế hoạch đang thực hiện (đã ban hành, chưa lưu trữ).');
    if (plan.version !== input.version) throw conflict({ version: plan.version });
    await assertEffectiveDay(db, planId, input.effectiveOn);
    if (input.documentId !== null) await assertOwnDocument(db, input.documentId, plan.commune_id);
    const ordinal = await nextOrdinal(db, planId);
    const now = nowIso();
    const { id } = await db
      .insertInto('plan_amendments')
      .values({
        plan_id: planId,
        ordinal,
        basis_number: input.basis.number,
        basis_date: input.basis.date,
        signer: input.basis.signer,
        document_id: input.documentId,
        effective_on: input.effectiveOn,
        note: input.note,
        source: input.source,
        summary_json: '{}',
        created_by: userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const context: ChangeContext = {
      db,
      planId,
      amendmentId: id,
      day: input.effectiveOn,
      units: await communeUnits(db, plan.commune_id),
      now,
    };
    const summary: AmendmentSummary = { added: 0, changed: 0, retired: 0 };
    const done: unknown[] = [];
    for (const change of input.changes) {
      const result = await applyChange(context, change);
      if (!result) continue;
      summary[result.counted] += 1;
      done.push(result.audit);
    }
    if (summary.added + summary.changed + summary.retired === 0)
      throw badRequest('Các nội dung điều chỉnh không khác kế hoạch đang thực hiện.');
    await db
      .updateTable('plan_amendments')
      .set({ summary_json: JSON.stringify({ ...summary, items: done }) })
      .where('id', '=', id)
      .execute();
    const version = plan.version + 1;
    await db
      .updateTable('plans')
      .set({ version, updated_at: now })
      .where('id', '=', planId)
      .execute();
    await refreshPlanTallies(db, planId);
    await recordAudit(db, {
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'amend',
      after: { amendment: id, basis: input.basis, effectiveOn: input.effectiveOn, changes: done },
    });
    return { id, ordinal, version, summary };
  });
}

async function lockedPlan(db: Db, planId: number) {
  // Every amendment bumps the plan's version in this transaction: a second one racing this
  // one finds the version moved (409) — the update below is the lock.
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'status', 'version', 'commune_id'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  const claimed = await db
    .updateTable('plans')
    .set({ version: plan.version })
    .where('id', '=', planId)
    .where('version', '=', plan.version)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw conflict({ version: plan.version });
  return plan;
}

/** The first day an amendment may take effect: after the last day of every period a unit has
 *  sent a report for (those periods keep their judgement), and not before the last amendment. */
export async function earliestEffectiveDay(db: Db, planId: number) {
  const [sent, last] = await Promise.all([
    db
      .selectFrom('reports')
      .innerJoin('reporting_periods as p', 'p.id', 'reports.period_id')
      .select(['p.window_end', 'p.label'])
      .where('p.plan_id', '=', planId)
      .where('reports.first_submitted_at', 'is not', null)
      .orderBy('p.window_end', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('plan_amendments')
      .select((e) => e.fn.max('effective_on').as('day'))
      .where('plan_id', '=', planId)
      .executeTakeFirst(),
  ]);
  const afterSent = sent ? addDays(sent.window_end, 1) : null;
  const lastDay = (last?.day as string | null | undefined) ?? null;
  const day =
    [afterSent, lastDay]
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  return { day, sentPeriod: sent?.label ?? null, afterSent, lastAmendment: lastDay };
}

async function assertEffectiveDay(db: Db, planId: number, day: string) {
  const bounds = await earliestEffectiveDay(db, planId);
  if (bounds.afterSent && day < bounds.afterSent)
    throw badRequest(
      `Ngày có hiệu lực sớm nhất là ${vnDate(bounds.afterSent)}: kỳ “${bounds.sentPeriod}” đã có đơn vị gửi báo cáo, kết quả của kỳ ấy giữ theo kế hoạch khi đó.`,
    );
  if (bounds.lastAmendment && day < bounds.lastAmendment)
    throw badRequest(
      `Ngày có hiệu lực không được trước ngày hiệu lực của lần điều chỉnh trước (${vnDate(bounds.lastAmendment)}).`,
    );
}

async function assertOwnDocument(db: Db, documentId: number, communeId: number) {
  const doc = await db
    .selectFrom('documents')
    .select('commune_id')
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!doc || doc.commune_id !== communeId) throw badRequest('Không tìm thấy văn bản đính kèm.');
}

async function nextOrdinal(db: Db, planId: number) {
  const row = await db
    .selectFrom('plan_amendments')
    .select((e) => e.fn.max('ordinal').as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export interface ChangeContext {
  db: Db;
  planId: number;
  amendmentId: number;
  day: string;
  units: UnitRef[];
  now: string;
}

type ChangeResult = { counted: keyof AmendmentSummary; audit: unknown } | null;

function applyChange(c: ChangeContext, change: ItemChange): Promise<ChangeResult> {
  switch (change.change) {
    case 'add':
      return addItem(c, change).then((item) => ({
        counted: 'added',
        audit: { change: 'add', kind: change.kind, id: item.id, code: item.code },
      }));
    case 'edit':
      return editItem(c, change.kind, change.itemId, change.fields);
    case 'retire':
      return retireItem(c, change.kind, change.itemId, change.reason);
  }
}

/** The item's current version, which an amendment may change: of this plan, not retired. */
async function currentRow(c: ChangeContext, kind: ItemKind, itemId: number) {
  const table = ITEM_TABLES[kind].table;
  const row = await c.db
    .selectFrom(`${table} as item` as 'tasks as item')
    .selectAll('item')
    .where('item.id', '=', itemId)
    .where('item.plan_id', '=', c.planId)
    .executeTakeFirst();
  const what = kind === 'task' ? 'Nhiệm vụ' : 'Chỉ tiêu';
  if (!row) throw badRequest(`${what} không thuộc kế hoạch này.`);
  if (row.superseded_by !== null)
    throw badRequest(`${what} ${row.code} đã có phiên bản mới hơn: hãy tải lại kế hoạch.`);
  if (row.retired_reason !== null)
    throw badRequest(`${what} ${row.code} đã thôi theo dõi, không điều chỉnh được.`);
  return row as unknown as Record<string, unknown> & {
    id: number;
    code: string;
    lineage_id: number | null;
    valid_from: string | null;
  };
}

type Fields = Record<string, unknown> & { targets?: Record<string, string> };

async function editItem(
  c: ChangeContext,
  kind: ItemKind,
  itemId: number,
  fields: Fields,
): Promise<ChangeResult> {
  const old = await currentRow(c, kind, itemId);
  const { table, links } = ITEM_TABLES[kind];
  const oldTargets = kind === 'indicator' ? await targetsOf(c.db, itemId) : {};
  const patch: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(FIELD_COLUMNS[kind]))
    if (field in fields && fields[field] !== old[column]) patch[column] = fields[field];
  const targets = fields.targets;
  const targetsChanged = targets !== undefined && !sameTargets(targets, oldTargets);
  if (Object.keys(patch).length === 0 && !targetsChanged) return null;

  const { id: _id, version: _v, ...copied } = old;
  const inserted = await c.db
    .insertInto(table as 'tasks')
    .values({
      ...(copied as object),
      ...patch,
      lineage_id: old.lineage_id ?? old.id,
      valid_from: c.day,
      valid_to: null,
      superseded_by: null,
      amendment_id: c.amendmentId,
      created_at: c.now,
      updated_at: c.now,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = inserted.id;
  await c.db
    .updateTable(table as 'tasks')
    .set({ valid_to: c.day, superseded_by: id, updated_at: c.now })
    .where('id', '=', itemId)
    .execute();
  if (kind === 'indicator') await writeTargets(c.db, id, targets ?? oldTargets);
  const unitsChanged = 'lead_text' in patch || 'coordinate_text' in patch;
  if (unitsChanged) {
    const lead = (patch.lead_text ?? old.lead_text) as string | null;
    const coordinate =
      kind === 'task' ? ((patch.coordinate_text ?? old.coordinate_text) as string | null) : null;
    await linkUnits(c.db, links, id, unitIdsOf(lead, c.units), unitIdsOf(coordinate, c.units));
  }
  await copyItemLinks(c.db, kind, itemId, id, { units: !unitsChanged });
  await moveOpenReportData(c.db, c.planId, kind, itemId, id, c.day);
  return {
    counted: 'changed',
    audit: {
      change: 'edit',
      kind,
      from: itemId,
      id,
      code: old.code,
      before: Object.fromEntries(Object.keys(patch).map((k) => [k, old[k]])),
      after: patch,
      ...(targetsChanged ? { targets: { before: oldTargets, after: targets } } : {}),
    },
  };
}

async function retireItem(
  c: ChangeContext,
  kind: ItemKind,
  itemId: number,
  reason: string,
): Promise<ChangeResult> {
  const old = await currentRow(c, kind, itemId);
  await c.db
    .updateTable(ITEM_TABLES[kind].table as 'tasks')
    .set({ valid_to: c.day, retired_reason: reason, updated_at: c.now })
    .where('id', '=', itemId)
    .execute();
  return {
    counted: 'retired',
    audit: { change: 'retire', kind, id: itemId, code: old.code, reason },
  };
}

function sameTargets(a: Record<string, string>, b: Record<string, string>) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? '').trim() === (b[k] ?? '').trim());
}
