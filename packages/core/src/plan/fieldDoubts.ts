import { parseDeadline } from '../deadlines/deadlineSpec.ts';
import { parseTarget } from '../targets/targetExpression.ts';
import { splitUnitCell } from '../text/unitCells.ts';
import { searchKey } from '../text/vietnamese.ts';
import type { DraftIndicator, DraftTask } from './planDraft.ts';

// Which cells of an imported row a person should look at during review, and why. The same
// rules run in the importer (its per-field confidence) and in the review screen (live, as the
// officer edits), so a cell stops being highlighted once its text makes sense.
// A field not listed is trusted (confidence 1).

export interface FieldDoubt {
  /** "name", "content", "lead", "coordinate", "deadline", "code" or "targets.<year>". */
  field: string;
  /** 0–1: how sure the importer is that the cell holds what its column says. */
  score: number;
  /** Vietnamese, shown beside the cell. */
  reason: string;
}

const CODE = /^(\d{1,3}(\.\d{1,3}){0,3}|[a-zđ]|[IVXLC]{1,6})[.)]?$/u;
const UNIT_WORDS =
  /^(phong|van phong|trung tam|cong an|ban|tram|hoi|doan|mat tran|truong|uy ban|ubnd|bo phan|cac phong|cac co quan|cac don vi)\b/;
const DANGLING_END = /\b(và|của|cho|với|các|trong|theo|tại|về|để)$|[,(–-]$/u;

function textDoubts(field: string, text: string): FieldDoubt[] {
  const trimmed = text.trim();
  if (trimmed === '') return [{ field, score: 0.2, reason: 'Ô trống: cần nhập nội dung.' }];
  if (DANGLING_END.test(trimmed))
    return [{ field, score: 0.6, reason: 'Nội dung có vẻ bị cắt giữa chừng.' }];
  if ((trimmed.match(/\(/g) ?? []).length !== (trimmed.match(/\)/g) ?? []).length)
    return [{ field, score: 0.7, reason: 'Dấu ngoặc không khớp: có thể thiếu phần chữ.' }];
  return [];
}

function codeDoubts(code: string): FieldDoubt[] {
  return CODE.test(code.trim())
    ? []
    : [{ field: 'code', score: 0.5, reason: 'Số thứ tự không đúng dạng (ví dụ 1, 2.3).' }];
}

function unitDoubts(field: 'lead' | 'coordinate', cell: string | null): FieldDoubt[] {
  if (cell === null || cell.trim() === '' || cell.trim() === '-') return [];
  const deadline = parseDeadline(cell);
  if (deadline.kind === 'window' || deadline.kind === 'ongoing')
    return [{ field, score: 0.3, reason: 'Ô đơn vị trông như một thời hạn: kiểm tra cột.' }];
  if (splitUnitCell(cell).length === 0)
    return [{ field, score: 0.5, reason: 'Không nhận ra tên đơn vị nào trong ô.' }];
  if (cell.length > 200)
    return [{ field, score: 0.5, reason: 'Ô đơn vị dài bất thường: có thể lẫn cột khác.' }];
  return [];
}

function deadlineDoubts(cell: string | null): FieldDoubt[] {
  if (cell === null || cell.trim() === '') return [];
  if (UNIT_WORDS.test(searchKey(cell)))
    return [
      { field: 'deadline', score: 0.3, reason: 'Ô thời hạn trông như tên đơn vị: kiểm tra cột.' },
    ];
  const spec = parseDeadline(cell);
  if (spec.kind === 'unparsed')
    return [{ field: 'deadline', score: 0.5, reason: 'Không đọc được thời hạn.' }];
  if (spec.kind === 'per_guidance')
    return [
      {
        field: 'deadline',
        score: 0.8,
        reason: 'Thời hạn theo hướng dẫn: cần đặt ngày cụ thể sau khi ban hành.',
      },
    ];
  return [];
}

function targetDoubts(row: DraftIndicator): FieldDoubt[] {
  return Object.entries(row.targets).flatMap(([year, text]) => {
    const field = `targets.${year}`;
    if (UNIT_WORDS.test(searchKey(text)))
      return [{ field, score: 0.3, reason: 'Ô mục tiêu trông như tên đơn vị: kiểm tra cột.' }];
    return parseTarget(text, { unit: row.unit }).kind === 'unparsed'
      ? [{ field, score: 0.5, reason: 'Không đọc được mục tiêu: cần kiểm tra.' }]
      : [];
  });
}

export function indicatorDoubts(row: DraftIndicator): FieldDoubt[] {
  return [
    ...codeDoubts(row.code),
    ...textDoubts('name', row.name),
    ...targetDoubts(row),
    ...unitDoubts('lead', row.lead),
  ];
}

export function taskDoubts(row: DraftTask): FieldDoubt[] {
  return [
    ...codeDoubts(row.code),
    ...textDoubts('content', row.content),
    ...unitDoubts('lead', row.lead),
    ...unitDoubts('coordinate', row.coordinate),
    ...deadlineDoubts(row.deadline),
  ];
}

export interface DraftDoubts {
  indicators: FieldDoubt[][];
  tasks: FieldDoubt[][];
}

/** Doubts for every row, plus one rule that needs the whole table: an empty cell in a column
 *  most rows of the same table fill (often a merged cell broken by a page end). */
export function draftDoubts(draft: {
  indicators: DraftIndicator[];
  tasks: DraftTask[];
}): DraftDoubts {
  return {
    indicators: withEmptyCellDoubts(draft.indicators, indicatorDoubts, ['lead', 'unit']),
    tasks: withEmptyCellDoubts(draft.tasks, taskDoubts, ['lead', 'deadline']),
  };
}

function withEmptyCellDoubts<Row extends { table: string; code: string }>(
  rows: Row[],
  doubtsOf: (row: Row) => FieldDoubt[],
  columns: Array<keyof Row & string>,
): FieldDoubt[][] {
  const filled = new Map<string, { rows: number; filled: Record<string, number> }>();
  for (const row of rows) {
    const entry = filled.get(row.table) ?? { rows: 0, filled: {} };
    entry.rows += 1;
    for (const column of columns)
      if (isFilled(row[column])) entry.filled[column] = (entry.filled[column] ?? 0) + 1;
    filled.set(row.table, entry);
  }
  return rows.map((row, index) => {
    const entry = filled.get(row.table)!;
    // A heading row ("6" above "6.1", "6.2") legitimately leaves its cells empty.
    const isParent = rows[index + 1]?.code.startsWith(`${row.code}.`) ?? false;
    const empty = columns
      .filter(() => !isParent)
      .filter((c) => !isFilled(row[c]) && (entry.filled[c] ?? 0) >= entry.rows * 0.6)
      .map((field) => ({
        field,
        score: 0.5,
        reason:
          'Ô trống trong khi hầu hết các dòng của bảng đều có: có thể là ô gộp bị ngắt trang.',
      }));
    return [...doubtsOf(row), ...empty];
  });
}

const isFilled = (value: unknown) => typeof value === 'string' && value.trim() !== '';
