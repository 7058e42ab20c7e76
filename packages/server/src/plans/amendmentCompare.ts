import type { Kysely } from 'kysely';
import { diffPlanItems, type DiffItem, type PlanDraft } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { badRequest } from '../http/errors.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { readUpload, storeDocument } from './drafts.ts';
import { FIELD_COLUMNS, ITEM_TABLES, targetsOfEach, type ItemKind } from './itemRows.ts';
import { FIELD_LABELS } from './amendmentHistory.ts';

import { latestVersion } from './versions.ts';

// An amending document, read by the same importer as a new plan, set against the plan in
// force (core plan/planDiff.ts): the rows it changes field by field, the rows it adds, and the
// plan's items it no longer lists. Nothing is applied here: the reviewer picks what to keep
// and sends it as one amendment (amendments.ts), citing the stored document.

type Db = Kysely<Database>;

export interface AmendingUpload {
  planId: number;
  communeId: number;
  filename: string;
  bytes: Uint8Array;
  userId: number;
}

export async function compareAmendingDocument(db: Db, upload: AmendingUpload) {
  if (upload.bytes.byteLength === 0) throw badRequest('Chưa có nội dung tệp tải lên.');
  const { draft } = await readUpload(upload);
  if (draft.tasks.length + draft.indicators.length === 0)
    throw badRequest(
      'Không tìm thấy bảng nhiệm vụ hoặc chỉ tiêu nào trong văn bản: hãy kiểm tra tệp, hoặc nhập điều chỉnh bằng tay.',
    );
  const current = await currentItems(db, upload.planId);
  const diff = diffPlanItems(current.items, incomingItems(draft));
  const fact = (item: DiffItem) => current.facts.get(item.id!)!;
  const retired = (item: DiffItem) => fact(item).retired;
  const documentId = await atomically(db, async (db) => {
    const id = await storeDocument(db, upload.communeId, upload, upload.userId);
    await recordAudit(db, {
      userId: upload.userId,
      entity: 'plan',
      entityId: upload.planId,
      action: 'compare_amendment',
      after: { documentId: id, filename: upload.filename },
    });
    return id;
  });
  const textOf = (i: DiffItem) => i.fields.content ?? i.fields.name ?? '';
  return {
    documentId,
    filename: upload.filename,
    basis: {
      number: draft.plan.number,
      date: /^\d{4}-\d{2}-\d{2}$/.test(draft.plan.date ?? '') ? draft.plan.date : null,
      signer: draft.plan.signer?.name ?? null,
      title: draft.plan.title,
    },
    changed: diff.changed
      .filter((pair) => !retired(pair.current))
      .map(({ current, incoming, changes }) => ({
        kind: current.kind,
        itemId: current.id!,
        code: current.code,
        newCode: incoming.code,
        text: textOf(current),
        changes: changes.map((c) => ({ ...c, label: labelOf(c.field) })),
        /** The edit to send: the changed fields, and every target year once one changed. */
        fields: editFields(current, incoming, changes),
        /** The item's version in force came from an amendment: the document may be undoing it. */
        amendedBy: fact(current).amendedBy,
      })),
    /** Rows of the document naming an item already retired: not added again. */
    stillRetired: [...diff.changed.map((p) => p.current), ...diff.unchanged.map((p) => p.current)]
      .filter(retired)
      .map((item) => ({ kind: item.kind, itemId: item.id!, code: item.code, text: textOf(item) })),
    added: diff.added.map((item) => ({
      kind: item.kind,
      code: item.code,
      text: textOf(item),
      fields: {
        ...item.fields,
        ...(item.kind === 'indicator' ? { targets: item.targets ?? {} } : {}),
      },
    })),
    missing: diff.missing
      .filter((item) => !retired(item))
      .map((item) => ({
        kind: item.kind,
        itemId: item.id!,
        code: item.code,
        text: textOf(item),
      })),
    unchanged: diff.unchanged.filter((p) => !retired(p.current)).length,
  };
}
export type AmendmentComparison = Awaited<ReturnType<typeof compareAmendingDocument>>;

const labelOf = (field: string) =>
  field.startsWith('targets.')
    ? `${FIELD_LABELS.targets} ${field.slice(8) === 'all' ? '(cả giai đoạn)' : field.slice(8)}`
    : (FIELD_LABELS[field] ?? field);

function editFields(
  current: DiffItem,
  incoming: DiffItem,
  changes: Array<{ field: string; after: string | null }>,
) {
  const fields: Record<string, unknown> = {};
  for (const c of changes) if (!c.field.startsWith('targets.')) fields[c.field] = c.after;
  if (changes.some((c) => c.field.startsWith('targets.'))) {
    const targets = { ...current.targets };
    for (const [year, text] of Object.entries(incoming.targets ?? {}))
      if (text.trim()) targets[year] = text.trim();
    fields.targets = targets;
  }
  return fields;
}

/** The plan's latest items as the diff reads them (retired ones too, so that a row of the
 *  document naming one is recognised, not added again), and what each one's last version
 *  came from. */
async function currentItems(db: Db, planId: number) {
  const items: DiffItem[] = [];
  const facts = new Map<number, { retired: boolean; amendedBy: AmendmentRef | null }>();
  for (const kind of ['indicator', 'task'] as const) {
    const rows = (await db
      .selectFrom(`${ITEM_TABLES[kind].table} as item` as 'tasks as item')
      .leftJoin('plan_amendments as a', 'a.id', 'item.amendment_id')
      .selectAll('item')
      .select(['a.ordinal', 'a.basis_number'])
      .where('item.plan_id', '=', planId)
      .where(latestVersion('item'))
      .orderBy('item.ordinal')
      .execute()) as unknown as Array<
      Record<string, string | null> & {
        id: number;
        code: string;
        ordinal: number | null;
        basis_number: string | null;
        retired_reason: string | null;
      }
    >;
    // Every indicator's targets in one query, not one a row.
    const targets =
      kind === 'indicator'
        ? await targetsOfEach(
            db,
            rows.map((r) => r.id),
          )
        : null;
    for (const row of rows) {
      items.push({
        kind,
        id: row.id,
        code: row.code,
        fields: fieldsOf(kind, (f) => row[FIELD_COLUMNS[kind][f]!] ?? null),
        ...(targets ? { targets: targets.get(row.id) ?? {} } : {}),
      });
      facts.set(row.id, {
        retired: row.retired_reason !== null,
        amendedBy:
          row.basis_number !== null
            ? { ordinal: Number(row.ordinal), basisNumber: row.basis_number }
            : null,
      });
    }
  }
  return { items, facts };
}

interface AmendmentRef {
  ordinal: number;
  basisNumber: string;
}

function fieldsOf(kind: ItemKind, value: (field: string) => string | null) {
  return Object.fromEntries(Object.keys(FIELD_COLUMNS[kind]).map((f) => [f, value(f)]));
}

function incomingItems(draft: PlanDraft): DiffItem[] {
  return [
    ...draft.indicators.map((i) => ({
      kind: 'indicator' as const,
      code: i.code,
      fields: fieldsOf('indicator', (f) => (i as Record<string, unknown>)[f] as string | null),
      targets: i.targets,
    })),
    ...draft.tasks.map((t) => ({
      kind: 'task' as const,
      code: t.code,
      fields: fieldsOf('task', (f) => (t as Record<string, unknown>)[f] as string | null),
    })),
  ];
}
