import { basename, extname } from 'node:path';
import { draftDoubts, PlanDraft, type DraftDoubts, type DraftTableLayout } from '@tiendo/core';
import { ImportError, MAX_INPUT_BYTES } from './errors.ts';
import { decodeText } from './text/decode.ts';
import { findTabTables } from './text/tabTables.ts';
import { findFlatTables, type ColumnOverrides } from './text/flatTables.ts';
import { readDocx } from './docx/readDocx.ts';
import { readPdf } from './pdf/readPdf.ts';
import { extractTableRows } from './plan/tableRows.ts';
import type { DocTable, ReadDocument } from './table/grid.ts';
import { extractMetadata } from './plan/metadata.ts';

export { ImportError, MAX_INPUT_BYTES } from './errors.ts';
export { scoreDraft, type Score } from './score.ts';
export { mergeReimport } from './merge.ts';
export type { ColumnOverrides } from './text/flatTables.ts';
export { assertZipWithin } from './docx/zipLimits.ts';
export {
  importIsolated,
  stopImportWorkers,
  warmImportWorkers,
  IMPORT_TIME_LIMIT_MS,
} from './isolated.ts';

export interface ImportInput {
  filename: string;
  bytes: Uint8Array;
  /** Column roles a reviewer set, per table in document order (draft.tables). */
  columnRoles?: ColumnOverrides;
}

/** A plan document (.txt, .docx or .pdf) → PlanDraft (fixtures/SCHEMA.md). */
export async function importPlan(input: ImportInput): Promise<PlanDraft> {
  return (await importDocument(input)).draft;
}

export interface ImportedDocument {
  draft: PlanDraft;
  /** The document as lines of text (tables as tab-separated rows), shown beside the review. */
  lines: string[];
}

export async function importDocument(input: ImportInput): Promise<ImportedDocument> {
  const document = await readDocument(input);
  return { draft: draftOf(input, document), lines: document.lines };
}

async function readDocument(input: ImportInput): Promise<ReadDocument> {
  const extension = extname(input.filename).toLowerCase();
  if (input.bytes.byteLength > MAX_INPUT_BYTES) {
    const mb = Math.round(input.bytes.byteLength / 1048576);
    throw new ImportError(`Tệp quá lớn (${mb} MB); giới hạn là ${MAX_INPUT_BYTES / 1048576} MB.`);
  }
  if (extension === '.txt' || extension === '.md' || extension === '') {
    return textDocument(decodeText(input.bytes), input.columnRoles);
  }
  if (extension === '.docx') {
    if (!isZip(input.bytes)) {
      throw new ImportError(
        'Tệp không phải định dạng Word .docx (có thể là .doc cũ: hãy lưu lại dưới dạng .docx).',
      );
    }
    return await readDocx(input.bytes);
  }
  if (extension === '.pdf') {
    if (!isPdf(input.bytes)) throw new ImportError('Tệp không phải định dạng PDF.');
    return await readPdf(input.bytes);
  }
  throw new ImportError(
    `Không đọc được loại tệp ${extension}. Hãy tải lên tệp .txt, .docx hoặc .pdf.`,
  );
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');

/** Text: tables from tab-separated lines (exact cells), or rebuilt from lines flattened out
 *  of a PDF (words may land in the wrong cell). */
function textDocument(lines: string[], overrides?: ColumnOverrides): ReadDocument {
  const tabTables = findTabTables(lines);
  if (tabTables.length) return { lines, tables: tabTables, trust: 1 };
  return { lines, tables: findFlatTables(lines, overrides), trust: 0.85 };
}

function confidenceOf(doubts: DraftDoubts, base: number): PlanDraft['confidence'] {
  const fields = (['indicators', 'tasks'] as const).flatMap((kind) =>
    doubts[kind].flatMap((row, index) =>
      row.map((d) => ({ where: `${kind}[${index}]`, ...d, score: Math.min(d.score, base) })),
    ),
  );
  return { base, fields };
}

function draftOf(input: ImportInput, document: ReadDocument): PlanDraft {
  const warnings: Array<{ where: string; message: string }> = [];
  const indicators: PlanDraft['indicators'] = [];
  const tasks: PlanDraft['tasks'] = [];
  const tables: DraftTableLayout[] = [];
  appendixTables(document.tables).forEach((table, k) => {
    const rows = extractTableRows(table, input.columnRoles?.[k]);
    indicators.push(...rows.indicators);
    tasks.push(...rows.tasks);
    warnings.push(...rows.warnings);
    tables.push({ label: table.label!, kind: rows.kind, columns: rows.columns });
  });
  if (indicators.length + tasks.length === 0) {
    warnings.push({
      where: 'tài liệu',
      message: 'Không tìm thấy bảng phụ lục (chỉ tiêu, nhiệm vụ) dạng bảng trong tệp.',
    });
  }
  const plan = extractMetadata(document.lines);
  const confidence = confidenceOf(draftDoubts({ indicators, tasks }), document.trust);
  return PlanDraft.parse({
    source: basename(input.filename),
    plan,
    indicators,
    tasks,
    tables,
    warnings,
    confidence,
  });
}

/** Tables with a label; a plan whose tables sit in the body without "Phụ lục" headings gets
 *  "Bảng n" labels. */
function appendixTables(tables: DocTable[]): DocTable[] {
  return tables.map((t, i) => (t.label ? t : { ...t, label: `Bảng ${i + 1}` }));
}
