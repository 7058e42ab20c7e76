import { PlanDraft } from '@tiendo/core';
import { extname, basename } from 'node:path';
import { ImportError } from './errors.ts';
import { decodeText } from './text/decode.ts';
import { findTabTables } from './text/tabTables.ts';
import { findFlatTables } from './text/flatTables.ts';
import { extractRows } from './plan/rows.ts';
import { extractMetadata } from './plan/metadata.ts';

export { ImportError, MAX_INPUT_BYTES } from './errors.ts';
export { scoreDraft, type Score } from './score.ts';

export interface ImportInput {
  filename: string;
  bytes: Uint8Array;
}

/** A plan document (.txt for now; .docx and .pdf to come) → PlanDraft (fixtures/SCHEMA.md). */
export function importPlan(input: ImportInput): PlanDraft {
  const extension = extname(input.filename).toLowerCase();
  if (extension === '.txt' || extension === '.md' || extension === '') return importText(input);
  if (extension === '.docx' || extension === '.pdf') {
    throw new ImportError(
      `Chưa hỗ trợ đọc tệp ${extension}; hãy dùng bản văn bản (.txt) của kế hoạch.`,
    );
  }
  throw new ImportError(
    `Không đọc được loại tệp ${extension}. Hãy tải lên tệp .txt, .docx hoặc .pdf.`,
  );
}

function importText(input: ImportInput): PlanDraft {
  const lines = decodeText(input.bytes);
  const tabTables = findTabTables(lines);
  // No tab-separated table: the text was flattened from a PDF; rebuild rows from the layout.
  const tables = tabTables.length ? tabTables : findFlatTables(lines);
  const warnings: Array<{ where: string; message: string }> = [];
  const indicators: PlanDraft['indicators'] = [];
  const tasks: PlanDraft['tasks'] = [];
  for (const table of tables) {
    const rows = extractRows(table);
    indicators.push(...rows.indicators);
    tasks.push(...rows.tasks);
    warnings.push(...rows.warnings);
  }
  if (tables.length === 0) {
    warnings.push({
      where: 'tài liệu',
      message: 'Không tìm thấy bảng phụ lục (chỉ tiêu, nhiệm vụ) dạng bảng trong tệp.',
    });
  }
  return PlanDraft.parse({
    source: basename(input.filename),
    plan: extractMetadata(lines),
    indicators,
    tasks,
    warnings,
  });
}
