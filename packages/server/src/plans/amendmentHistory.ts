import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { FIELD_COLUMNS, ITEM_TABLES, type ItemKind } from './itemRows.ts';
import { lineageOf } from './versions.ts';

// Reading a plan's amendments: the list in order (what each decided, on which basis), and
// one item's history ("Lịch sử điều chỉnh"): each version, what changed from the one before,
// when and by which document.

type Db = Kysely<Database>;

export const FIELD_LABELS: Record<string, string> = {
  content: 'Nội dung',
  name: 'Tên chỉ tiêu',
  unit: 'Đơn vị tính',
  lead: 'Chủ trì',
  coordinate: 'Phối hợp',
  output: 'Sản phẩm',
  deadline: 'Thời gian hoàn thành',
  director: 'Lãnh đạo chỉ đạo',
  responsible: 'Người phụ trách',
  targets: 'Chỉ tiêu theo năm',
};

export async function listAmendments(db: Db, planId: number) {
  const rows = await db
    .selectFrom('plan_amendments as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .leftJoin('documents as d', 'd.id', 'a.document_id')
    .select([
      'a.id',
      'a.ordinal',
      'a.basis_number',
      'a.basis_date',
      'a.signer',
      'a.effective_on',
      'a.note',
      'a.source',
      'a.summary_json',
      'a.created_at',
      'u.display_name as createdBy',
      'd.filename',
      'a.document_id',
    ])
    .where('a.plan_id', '=', planId)
    .orderBy('a.ordinal')
    .execute();
  return rows.map((r) => {
    const summary = JSON.parse(r.summary_json) as AmendmentRecord;
    return {
      id: r.id,
      ordinal: r.ordinal,
      basisNumber: r.basis_number,
      basisDate: r.basis_date,
      signer: r.signer,
      effectiveOn: r.effective_on,
      note: r.note,
      source: r.source,
      createdAt: r.created_at,
      createdBy: r.createdBy,
      document: r.document_id ? { id: r.document_id, filename: r.filename ?? '' } : null,
      added: summary.added ?? 0,
      changed: summary.changed ?? 0,
      retired: summary.retired ?? 0,
      items: (summary.items ?? []).map((i) => ({
        change: i.change,
        kind: i.kind,
        id: i.id,
        code: i.code,
        reason: i.reason ?? null,
        fields: [
          ...Object.keys(i.after ?? {}).map(fieldOf(i.kind)),
          ...(i.targets ? ['targets'] : []),
        ],
      })),
    };
  });
}
export type AmendmentView = Awaited<ReturnType<typeof listAmendments>>[number];

interface AmendmentRecord {
  added?: number;
  changed?: number;
  retired?: number;
  items?: Array<{
    change: 'add' | 'edit' | 'retire';
    kind: ItemKind;
    id: number;
    code: string;
    reason?: string;
    after?: Record<string, unknown>;
    targets?: unknown;
  }>;
}

/** Column → API field name, for an item kind. */
const fieldOf = (kind: ItemKind) => (column: string) =>
  Object.entries(FIELD_COLUMNS[kind]).find(([, c]) => c === column)?.[0] ?? column;

/** Every version of one item, oldest first, with what each amendment changed. */
export async function itemHistory(db: Db, planId: number, kind: ItemKind, itemId: number) {
  const table = ITEM_TABLES[kind].table;
  const item = () => db.selectFrom(`${table} as item` as 'tasks as item');
  const chosen = await item()
    .select(lineageOf('item').as('lineage'))
    .where('item.id', '=', itemId)
    .where('item.plan_id', '=', planId)
    .executeTakeFirst();
  if (!chosen)
    throw notFound(kind === 'task' ? 'Không tìm thấy nhiệm vụ' : 'Không tìm thấy chỉ tiêu');
  const versions = (await item()
    .leftJoin('plan_amendments as a', 'a.id', 'item.amendment_id')
    .selectAll('item')
    .select(['a.ordinal', 'a.basis_number', 'a.basis_date', 'a.effective_on'])
    .where(lineageOf('item'), '=', Number(chosen.lineage))
    .orderBy('item.id')
    .execute()) as unknown as VersionRow[];
  const targets =
    kind === 'indicator'
      ? await db
          .selectFrom('indicator_targets')
          .select(['indicator_id', 'year', 'raw_text'])
          .where(
            'indicator_id',
            'in',
            versions.map((v) => v.id),
          )
          .orderBy('id')
          .execute()
      : [];
  const retiredBy = await retiringAmendments(db, planId, versions);
  const fieldsOf = (v: VersionRow) => {
    const out: Record<string, string | null> = {};
    for (const [field, column] of Object.entries(FIELD_COLUMNS[kind]))
      out[field] = (v[column] as string | null) ?? null;
    if (kind === 'indicator')
      out.targets =
        targets
          .filter((t) => t.indicator_id === v.id)
          .map((t) => `${t.year ?? 'Cả giai đoạn'}: ${t.raw_text}`)
          .join('; ') || null;
    return out;
  };
  return versions.map((v, i) => {
    const fields = fieldsOf(v);
    const before = i > 0 ? fieldsOf(versions[i - 1]!) : null;
    return {
      id: v.id,
      code: v.code,
      validFrom: v.valid_from,
      validTo: v.valid_to,
      retiredReason: v.retired_reason,
      amendment: v.ordinal
        ? {
            ordinal: v.ordinal,
            basisNumber: v.basis_number!,
            basisDate: v.basis_date,
            effectiveOn: v.effective_on!,
          }
        : null,
      retiredBy: v.retired_reason ? (retiredBy.get(v.id) ?? null) : null,
      fields,
      /** What this version changed from the one before it (empty for the first). */
      changes: before
        ? Object.keys(fields)
            .filter((f) => (fields[f] ?? '') !== (before[f] ?? ''))
            .map((f) => ({
              field: f,
              label: FIELD_LABELS[f] ?? f,
              before: before[f] ?? null,
              after: fields[f] ?? null,
            }))
        : [],
    };
  });
}
export type ItemVersionView = Awaited<ReturnType<typeof itemHistory>>[number];

type VersionRow = Record<string, unknown> & {
  id: number;
  code: string;
  valid_from: string | null;
  valid_to: string | null;
  retired_reason: string | null;
  ordinal: number | null;
  basis_number: string | null;
  basis_date: string | null;
  effective_on: string | null;
};

/** For retired versions: the amendment whose record names them. */
async function retiringAmendments(db: Db, planId: number, versions: VersionRow[]) {
  const out = new Map<
    number,
    { ordinal: number; basisNumber: string; basisDate: string | null; effectiveOn: string }
  >();
  if (!versions.some((v) => v.retired_reason)) return out;
  for (const a of await listAmendments(db, planId))
    for (const item of a.items)
      if (item.change === 'retire')
        out.set(item.id, {
          ordinal: a.ordinal,
          basisNumber: a.basisNumber,
          basisDate: a.basisDate,
          effectiveOn: a.effectiveOn,
        });
  return out;
}
