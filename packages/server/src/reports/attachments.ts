import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import type { ReportContext } from './access.ts';
import { assertStillEditable } from './itemUpdates.ts';

// Evidence files (minh chứng) for a task update. The type is decided by the file's first
// bytes, not by its name or the browser's claim, and must agree with the extension; the
// stored name is sanitised; the sha256 lets anyone check the file later.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const KINDS: Array<{ ext: string[]; mime: string; magic: (b: Uint8Array) => boolean }> = [
  { ext: ['pdf'], mime: 'application/pdf', magic: (b) => ascii(b, 0, 5) === '%PDF-' },
  { ext: ['png'], mime: 'image/png', magic: (b) => ascii(b, 1, 4) === 'PNG' },
  { ext: ['jpg', 'jpeg'], mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 },
  {
    ext: ['docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: isZip,
  },
  {
    ext: ['xlsx'],
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: isZip,
  },
];

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.subarray(from, to)).toString('latin1');
}
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Keeps letters (with Vietnamese diacritics), digits, space, dot, dash, underscore. */
export function sanitiseFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]/gu, '_')
    .replace(/^[.\s]+/, '')
    .slice(-120);
  return clean || 'tep';
}

export function sniffAttachment(filename: string, bytes: Uint8Array): string {
  const ext = filename.split('.').pop()?.toLowerCase() ?? '';
  const kind = KINDS.find((k) => k.ext.includes(ext));
  if (!kind) throw badRequest('Chỉ nhận minh chứng dạng .pdf, .png, .jpg, .docx hoặc .xlsx.');
  if (!kind.magic(bytes))
    throw badRequest(`Nội dung tệp không phải ${ext.toUpperCase()} như tên tệp cho biết.`);
  return kind.mime;
}

export async function addAttachment(
  db: Kysely<Database>,
  context: ReportContext,
  taskId: number,
  upload: { filename: string; bytes: Uint8Array },
  userId: number,
): Promise<number> {
  return atomically(db, async (db) => {
    await assertStillEditable(db, context);
    if (upload.bytes.byteLength === 0) throw badRequest('Tệp minh chứng rỗng.');
    if (upload.bytes.byteLength > MAX_ATTACHMENT_BYTES)
      throw badRequest('Tệp minh chứng quá lớn; giới hạn là 10 MB.');
    const filename = sanitiseFilename(upload.filename);
    const mime = sniffAttachment(filename, upload.bytes);
    const update = await db
      .selectFrom('task_updates')
      .select('id')
      .where('report_id', '=', context.reportId)
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    if (!update)
      throw badRequest('Hãy lưu nội dung cập nhật của nhiệm vụ trước khi đính kèm minh chứng.');
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    const row = await db
      .insertInto('attachments')
      .values({
        report_id: context.reportId,
        task_update_id: update.id,
        filename,
        mime,
        size_bytes: upload.bytes.byteLength,
        sha256,
        content: upload.bytes,
        uploaded_by: userId,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(db, {
      userId,
      entity: 'task_update',
      entityId: update.id,
      action: 'attach',
      after: { attachmentId: row.id, filename, sha256, size: upload.bytes.byteLength },
    });
    return row.id;
  });
}

export async function attachmentOf(db: Kysely<Database>, attachmentId: number) {
  const row = await db
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) throw notFound('Không tìm thấy tệp minh chứng');
  return row;
}

export async function removeAttachment(
  db: Kysely<Database>,
  context: ReportContext,
  attachmentId: number,
  userId: number,
): Promise<void> {
  return atomically(db, async (db) => {
    await assertStillEditable(db, context);
    const row = await attachmentOf(db, attachmentId);
    if (row.report_id !== context.reportId) throw notFound('Không tìm thấy tệp minh chứng');
    await db.deleteFrom('attachments').where('id', '=', attachmentId).execute();
    await recordAudit(db, {
      userId,
      entity: 'task_update',
      entityId: row.task_update_id ?? 0,
      action: 'detach',
      before: { attachmentId, filename: row.filename, sha256: row.sha256 },
    });
  });
}
