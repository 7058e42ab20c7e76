import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  draftDoubts,
  localityMismatch,
  matchUnitCell,
  PlanDraft,
  searchKey,
  titleProblem,
  unitKey,
  unitProposalDoubt,
  type ColumnRole,
} from '@tiendo/core';
import { importIsolated, ImportError, mergeReimport, type ColumnOverrides } from '@tiendo/importer';
import type { Database } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { createOrgUnit } from '../org/queries.ts';
import {
  communeUnits,
  createPlanFromDraft,
  insertPlanRows,
  planColumns,
  type DraftEnvelope,
} from './store.ts';

// The life of an imported plan before it is published: upload → draft → review (edits saved
// with optimistic locking) → optional re-import of a corrected document (manual fixes kept)
// → publish (units created on confirmation, rows materialised).

export interface Upload {
  filename: string;
  bytes: Uint8Array;
  columnRoles?: ColumnOverrides;
}

export async function readUpload(upload: Upload) {
  try {
    return await importIsolated(upload); // a worker thread with a time limit: never blocks the server
  } catch (error) {
    if (error instanceof ImportError) throw badRequest(error.message);
    throw error;
  }
}

export async function storeDocument(
  db: Kysely<Database>,
  communeId: number,
  upload: Upload,
  userId: number,
): Promise<number> {
  const row = await db
    .insertInto('documents')
    .values({
      commune_id: communeId,
      filename: upload.filename.slice(0, 255),
      mime: mimeOf(upload.filename),
      size_bytes: upload.bytes.byteLength,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      content: upload.bytes,
      uploaded_by: userId,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function mimeOf(filename: string): string {
  if (/\.docx$/i.test(filename))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (/\.pdf$/i.test(filename)) return 'application/pdf';
  return 'text/plain';
}

export async function importDraft(
  db: Kysely<Database>,
  communeId: number,
  upload: Upload,
  userId: number,
): Promise<number> {
  const { draft, lines } = await readUpload(upload);
  return atomically(db, async (db) => {
    const documentId = await storeDocument(db, communeId, upload, userId);
    const envelope: DraftEnvelope = { imported: draft, edited: draft, sourceLines: lines };
    const planId = await createPlanFromDraft(db, {
      communeId,
      draft,
      status: 'draft',
      documentId,
      envelope,
    });
    await recordAudit(db, {
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'import',
      after: {
        filename: upload.filename,
        indicators: draft.indicators.length,
        tasks: draft.tasks.length,
      },
    });
    return planId;
  });
}

export async function loadDraft(db: Kysely<Database>, planId: number) {
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'commune_id', 'status', 'version', 'draft_json'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  if (plan.status !== 'draft' || !plan.draft_json)
    throw badRequest('Kế hoạch này đã được ban hành, không còn là bản nháp.');
  const envelope = JSON.parse(plan.draft_json) as DraftEnvelope;
  return { plan, envelope };
}

/** Unit names the draft's cells mention that the commune has no unit for yet. */
export async function unitProposals(
  db: Kysely<Database>,
  communeId: number,
  draft: PlanDraft,
): Promise<string[]> {
  const units = await communeUnits(db, communeId);
  const names = new Map<string, string>();
  const cells = [
    draft.plan.focal_unit,
    ...draft.indicators.map((i) => i.lead),
    ...draft.tasks.flatMap((t) => [t.lead, t.coordinate]),
  ];
  for (const cell of cells)
    for (const name of matchUnitCell(cell, units).unmatched)
      if (!names.has(unitKey(name))) names.set(unitKey(name), name);
  return [...names.values()];
}

/** Proposals not to create without a look, each with its reason (core unitProposalDoubt):
 *  the review screen leaves them unticked. */
export async function unitProposalDoubts(
  db: Kysely<Database>,
  communeId: number,
  proposals: string[],
): Promise<Record<string, string>> {
  const existing = (await communeUnits(db, communeId)).map((u) => u.name);
  const doubts: Record<string, string> = {};
  for (const name of proposals) {
    const reason = unitProposalDoubt(name, existing, proposals);
    if (reason) doubts[name] = reason;
  }
  return doubts;
}

/** What the review warns about before publishing: the place the document is written for when
 *  it is not the owner's, and published (or archived) plans of the owner with the same number
 *  and date, or the same title. */
export async function importChecks(db: Kysely<Database>, communeId: number, draft: PlanDraft) {
  const owner = await db
    .selectFrom('org_units')
    .select('name')
    .where('id', '=', communeId)
    .executeTakeFirstOrThrow();
  const { number, date, title } = draft.plan;
  const plans = await db
    .selectFrom('plans')
    .select(['id', 'title', 'number', 'issued_on as issuedOn', 'status'])
    .where('commune_id', '=', communeId)
    .where('status', 'in', ['published', 'archived'])
    .execute();
  const compact = (text: string) => searchKey(text).replace(/\s+/g, '');
  // The same number and date, or the same title (a plan's number is often left blank).
  const same = (p: (typeof plans)[number]) =>
    (number && date && p.number && p.issuedOn === date && compact(p.number) === compact(number)) ||
    (title.trim() !== '' && searchKey(p.title) === searchKey(title));
  return {
    ownerName: owner.name,
    localityMismatch: localityMismatch(draft.plan, owner.name),
    duplicates: plans.filter(same),
  };
}

/** What the officer confirms when publishing despite the checks. */
export interface PublishConfirmations {
  /** Publish although cells are still flagged for checking. */
  acceptDoubts?: boolean;
  /** Publish although the document names another place than the commune. */
  acceptLocality?: boolean;
}

async function writeEnvelope(
  db: Kysely<Database>,
  planId: number,
  version: number,
  envelope: DraftEnvelope,
): Promise<number> {
  const result = await db
    .updateTable('plans')
    .set({
      draft_json: JSON.stringify(envelope),
      version: version + 1,
      updated_at: nowIso(),
      ...planColumns(envelope.edited),
    })
    .where('id', '=', planId)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    const current = await db
      .selectFrom('plans')
      .select(['version', 'updated_at'])
      .where('id', '=', planId)
      .executeTakeFirst();
    throw conflict(current);
  }
  return version + 1;
}

export async function saveDraft(
  db: Kysely<Database>,
  planId: number,
  version: number,
  edited: PlanDraft,
  userId: number,
): Promise<number> {
  return atomically(db, async (db) => {
    const { envelope } = await loadDraft(db, planId);
    const next = await writeEnvelope(db, planId, version, { ...envelope, edited });
    await recordAudit(db, {
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'edit_draft',
      after: { version: next },
    });
    return next;
  });
}

/** A new reading of the plan's document becomes the draft: fields the reviewer changed keep
 *  their value (mergeReimport), the rest take the new reading. Inside the caller's
 *  transaction; the reading itself is done before it. */
async function mergeReading(
  db: Kysely<Database>,
  planId: number,
  version: number,
  incoming: { draft: PlanDraft; lines: string[] },
  columnRoles?: ColumnOverrides,
) {
  const { plan, envelope } = await loadDraft(db, planId);
  const edited = mergeReimport(envelope.imported, envelope.edited, incoming.draft);
  const next = await writeEnvelope(db, planId, version, {
    imported: incoming.draft,
    edited,
    sourceLines: incoming.lines,
    ...(columnRoles ? { columnRoles } : {}),
  });
  return { plan, next };
}

export async function reimportDraft(
  db: Kysely<Database>,
  planId: number,
  version: number,
  upload: Upload,
  userId: number,
): Promise<number> {
  // Reading the document may take a while: outside the transaction, which only writes.
  const incoming = await readUpload(upload);
  return atomically(db, async (db) => {
    const { plan, next } = await mergeReading(db, planId, version, incoming);
    const documentId = await storeDocument(db, plan.commune_id, upload, userId);
    await db
      .updateTable('plans')
      .set({ document_id: documentId })
      .where('id', '=', planId)
      .execute();
    await recordAudit(db, {
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'reimport',
      after: { filename: upload.filename, version: next },
    });
    return next;
  });
}

/** The reviewer sets what some columns of one table hold; the stored document is read again
 *  with those roles and merged like a re-import, so fixes made by hand are kept. */
export async function setColumnRoles(
  db: Kysely<Database>,
  planId: number,
  version: number,
  change: { table: number; roles: Array<ColumnRole | null> },
  userId: number,
): Promise<number> {
  const { envelope } = await loadDraft(db, planId);
  const source = await db
    .selectFrom('plans')
    .innerJoin('documents', 'documents.id', 'plans.document_id')
    .select(['documents.filename', 'documents.content'])
    .where('plans.id', '=', planId)
    .executeTakeFirst();
  if (!source) throw badRequest('Bản nháp không còn tệp gốc để đọc lại.');
  if (change.table >= (envelope.imported.tables?.length ?? 0))
    throw badRequest('Không có bảng này trong tài liệu.');
  const columnRoles = { ...envelope.columnRoles, [change.table]: change.roles };
  const incoming = await readUpload({
    filename: source.filename,
    bytes: new Uint8Array(source.content),
    columnRoles,
  });
  return atomically(db, async (db) => {
    const { next } = await mergeReading(db, planId, version, incoming, columnRoles);
    await recordAudit(db, {
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'set_column_roles',
      after: { ...change, version: next },
    });
    return next;
  });
}

export async function publishDraft(
  db: Kysely<Database>,
  planId: number,
  version: number,
  createUnits: string[],
  userId: number,
  confirmations: PublishConfirmations = {},
): Promise<void> {
  const { plan, envelope } = await loadDraft(db, planId);
  const draft = PlanDraft.parse(envelope.edited);
  if (plan.version !== version) throw conflict({ version: plan.version });
  const title = titleProblem(draft.plan.title, draft.source);
  if (title) throw badRequest(title);
  const doubts = draftDoubts(draft);
  const flagged = doubts.indicators.flat().length + doubts.tasks.flat().length;
  if (flagged > 0 && !confirmations.acceptDoubts)
    throw badRequest(
      `Còn ${flagged} ô cần kiểm tra. Hãy sửa, hoặc xác nhận vẫn ban hành khi còn ${flagged} ô này.`,
    );
  const { localityMismatch: place, ownerName } = await importChecks(db, plan.commune_id, draft);
  if (place && !confirmations.acceptLocality)
    throw badRequest(
      `Văn bản ghi địa bàn "${place}", không phải ${ownerName}. Kiểm tra lại trước khi ban hành, hoặc xác nhận vẫn ban hành.`,
    );
  await atomically(db, async (trx) => {
    const now = nowIso();
    const result = await trx
      .updateTable('plans')
      .set({
        status: 'published',
        // The envelope stays: taken back to draft (plans/lifecycle.ts), the review keeps the
        // document's lines and the column roles set.
        version: version + 1,
        updated_at: now,
        published_at: now,
        ...planColumns(draft),
      })
      .where('id', '=', planId)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict({ version: plan.version });
    const existing = new Set(
      (await communeUnits(trx, plan.commune_id)).map((u) => unitKey(u.name)),
    );
    for (const name of createUnits) {
      if (existing.has(unitKey(name))) continue;
      existing.add(unitKey(name));
      const unitId = await createOrgUnit(trx, { parentId: plan.commune_id, kind: 'unit', name });
      await recordAudit(trx, {
        userId,
        entity: 'org_unit',
        entityId: unitId,
        action: 'create',
        after: { name },
        reason: 'Tạo khi ban hành kế hoạch',
      });
    }
    await insertPlanRows(trx, planId, plan.commune_id, draft);
    await recordAudit(trx, {
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'publish',
      after: {
        indicators: draft.indicators.length,
        tasks: draft.tasks.length,
        ...(flagged > 0 ? { acceptedDoubts: flagged } : {}),
        ...(place ? { acceptedLocality: place } : {}),
      },
    });
  });
}
