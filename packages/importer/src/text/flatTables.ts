import { parseDeadline, romanToNumber } from '@tiendo/core';
import { resolveColumns, type Column, type ColumnRole } from '../plan/columns.ts';
import { cleanCell, joinBroken } from './decode.ts';
import { appendixLabel } from './tabTables.ts';
import { gridOf, type DocTable } from '../table/grid.ts';

interface RawTable {
  label: string;
  header: string[];
  rows: Array<{ cells: string[]; line: number }>;
  line: number;
}

// Tables in text extracted from a PDF without its layout: every cell is broken over several
// lines, cells follow each other in column order, and the column boundaries are lost. We
// rebuild rows from what Vietnamese plan tables always share: a row starts with its number,
// the header names the columns in order, and each kind of cell has a recognisable start
// (targets are numbers and comparators, people start with "Đồng chí", units with "Phòng",
// "Công an"…, outputs with a document type, deadlines parse as deadlines).

const HEADER_START = /^(Stt|STT|TT|Số TT)\b/u;
const COLUMN_START =
  /(?<=^|\s)(?=(?:Chỉ tiêu|Nội dung|Tên nhiệm vụ|Nhiệm vụ|Năm \d{4}|Đồng chí|Cơ quan|Cá nhân|Đơn vị|Sản phẩm|Kết quả|Tiến độ|Thời gian|Người đứng đầu)(?:\s|$|\/))/u;

const PERSON = /^(-\s*)?(Đồng chí|Đ\/c|Thủ trưởng|Lãnh đạo)(?=\s|$|,)/u;
/** A title alone starts a person cell only when it does not follow a person's name. */
const TITLE = /^(Chủ tịch|Phó Chủ tịch|PCT)(?=\s|$|,)/u;
const UNIT =
  /^(-\s*)?(Phòng|Văn phòng|Trung tâm|Công an|Ban|Các|UBND|Ủy ban|Trạm|Hội|Đoàn|Mặt trận|Trường|Bộ phận|Đồng chí|Thủ trưởng)(?=\s|$|,)/u;
const OUTPUT =
  /^(Bộ số|Kế hoạch|Báo cáo|Văn bản|Quyết định|Chiến lược|Các cơ chế|Cơ chế|Chương trình|Đề án|Hệ thống|Nền tảng|Cơ sở dữ liệu|Tài liệu|Sản phẩm|Hướng dẫn|Danh mục|Số liệu|Dự án|Tờ trình|Thông báo|Hoàn thành)(?=\s|$|,|\/)/u;
/** A title that needs the unit after it ("Đồng chí Trưởng" / "Công an phường"). */
const DANGLING_TITLE = /(Trưởng|Phó|Giám đốc|Chủ tịch|Chỉ huy trưởng|Thủ trưởng)$/u;

const TARGET_WORD =
  /^([≥≤<>]=?|[≥≤<>]=?\d+([.,]\d+)?%?|\d+([.,]\d+)?%?|\d+([.,]\d+)?-|-|phấn|phần|đấu|đầu|ít|nhất|đạt|trên|tối|thiểu|top|dưới|khoảng)$/iu;
const TARGET_VALUE =
  /(?:[^\s\d≥≤<>=-]\S{0,30}\s+){0,6}?(?:[≥≤<>]=?\s*)?\d+(?:[.,]\d+)?\s*(?:-\s*\d+(?:[.,]\d+)?\s*)?%?|-(?=\s|$)/gu;

function isTargetLine(line: string): boolean {
  return line.split(/\s+/).every((w) => TARGET_WORD.test(w));
}

function splitTargets(text: string, count: number): string[] {
  const values = [...text.matchAll(TARGET_VALUE)].map((m) => cleanCell(m[0]));
  return values.length === count
    ? values
    : [...values.slice(0, count), ...Array(Math.max(0, count - values.length)).fill('')];
}

interface Pending {
  label: string;
  headerLines: string[];
  body: string[];
}

/** Splits the flattened text into appendix tables: header lines and the lines after them. */
export function findFlatTables(lines: string[]): DocTable[] {
  return rawFlatTables(lines).map((t) => ({
    label: t.label,
    heading: [],
    grid: gridOf([t.header, ...t.rows.map((r) => r.cells)], t.line),
  }));
}

function rawFlatTables(lines: string[]): RawTable[] {
  const pending: Pending[] = [];
  let label: string | null = null;
  let current: Pending | null = null;
  let inHeader = false;
  for (const raw of lines) {
    if (raw.startsWith('\t')) {
      current = null; // e-signature stamps and bookmarks after the last table
      continue;
    }
    const line = raw.trim();
    if (!line) continue;
    const appendix = appendixLabel(line);
    if (appendix && !/\(/.test(line)) {
      label = appendix;
      current = null;
      continue;
    }
    if (HEADER_START.test(line) && label) {
      if (!current || current.label !== label) {
        current = { label, headerLines: [], body: [] };
        pending.push(current);
      } else current.body.push('\u0000header');
      inHeader = true;
    }
    if (!current) continue;
    if (inHeader && !startsRow(line)) {
      if (current.body.length === 0) current.headerLines.push(line);
      continue;
    }
    inHeader = false;
    current.body.push(line);
  }
  return pending.map(toRawTable).filter((t): t is RawTable => t !== null);
}

function startsRow(line: string): boolean {
  return /^(\d+(\.\d+)*|[IVX]+)(\s|$)/.test(line) && !/^\d{4}$/.test(line);
}

function toRawTable(p: Pending): RawTable | null {
  const header = p.headerLines
    .join(' ')
    .split(COLUMN_START)
    .map(cleanCell)
    .filter(Boolean)
    .flatMap((h) =>
      HEADER_START.test(h)
        ? [h.match(HEADER_START)![0], h.replace(HEADER_START, '').trim()].filter(Boolean)
        : [h],
    );
  if (header.length < 3) return null;
  const { columns } = resolveColumns(header);
  const rows = groupRows(p.body).map((r, i) => ({
    cells: r.code === null ? [r.numeral!, r.lines.join(' ')] : segmentRow(r.code, r.lines, columns),
    line: i + 1,
  }));
  return { label: p.label, header, rows, line: 0 };
}

interface RowLines {
  code: string | null;
  numeral: string | null;
  lines: string[];
}

/** Cuts the body into rows at plausible row numbers (the next number, not a page number or a year). */
function groupRows(body: string[]): RowLines[] {
  const rows: RowLines[] = [];
  let last: number[] = [0];
  let skippingHeader = false;
  for (const line of body) {
    if (line === '\u0000header') {
      skippingHeader = true;
      continue;
    }
    const group = /^([IVX]+)\s+(\S.*)$/.exec(line);
    if (group && romanToNumber(group[1]!) !== null) {
      rows.push({ code: null, numeral: group[1]!, lines: [group[2]!] });
      skippingHeader = false;
      continue;
    }
    const code = /^(\d+(?:\.\d+)*)(?:\s+(.*))?$/.exec(line);
    if (code && isNextCode(last, code[1]!)) {
      last = code[1]!.split('.').map(Number);
      rows.push({ code: code[1]!, numeral: null, lines: code[2] ? [code[2]] : [] });
      skippingHeader = false;
      continue;
    }
    if (skippingHeader) continue;
    if (/^\d{1,3}$/.test(line) && rows.at(-1)?.lines.length) continue; // a page number
    rows.at(-1)?.lines.push(line);
  }
  return rows;
}

function isNextCode(previous: number[], code: string): boolean {
  const parts = code.split('.').map(Number);
  const prevMajor = previous[0]!;
  if (parts.length === 1)
    return (parts[0]! > prevMajor && parts[0]! <= prevMajor + 3) || parts[0] === 1;
  return parts[0] === prevMajor && parts.length === 2;
}

/** Assigns a row's lines to its columns, in order. */
function segmentRow(code: string, lines: string[], columns: Column[]): string[] {
  const cells = columns.map(() => '');
  cells[0] = code;
  const roles = columns.map((c) => c.role);
  let rest = [...lines];
  const deadlineAt = roles.indexOf('deadline');
  if (deadlineAt >= 0) {
    const { deadline, remaining } = peelDeadline(rest);
    cells[deadlineAt] = deadline;
    rest = remaining;
  }
  const nameAt = roles.indexOf('name');
  const yearAt = roles.map((r, i) => (r === 'year' ? i : -1)).filter((i) => i >= 0);
  const after = roles
    .map((r, i) => ({ r, i }))
    .filter(({ r, i }) => i > nameAt && r !== 'year' && r !== 'deadline' && r !== 'code');
  let col = -1; // -1: name, -2: targets, ≥0: index into `after`
  let targets = '';
  const append = (index: number, text: string) => (cells[index] = joinBroken(cells[index]!, text));
  for (const line of rest) {
    if (col === -1 && yearAt.length && (isTargetLine(line) || trailingTargets(line))) {
      const { head, tail } = trailingTargets(line) ?? { head: '', tail: line };
      if (head) append(nameAt, head);
      targets = joinBroken(targets, tail);
      col = -2;
      continue;
    }
    if (col === -2 && isTargetLine(line)) {
      targets = joinBroken(targets, line);
      continue;
    }
    const next = after[col < 0 ? 0 : col + 1];
    const current = col >= 0 ? cells[after[col]!.i]! : '';
    const currentRole = col >= 0 ? after[col]!.r : 'name';
    if (
      next &&
      startsCell(next.r, line, currentRole) &&
      !DANGLING_TITLE.test(current) &&
      !continuesList(current, line, currentRole)
    ) {
      col = col < 0 ? 0 : col + 1;
      append(next.i, line);
    } else if (col >= 0) append(after[col]!.i, line);
    else append(nameAt, line);
  }
  if (yearAt.length)
    splitTargets(targets, yearAt.length).forEach((v, k) => (cells[yearAt[k]!] = v));
  return cells.map(cleanCell);
}

/** "Tỷ lệ phủ sóng 6G trên địa bàn phường - - 50% 80% 100%" → name part and target part. */
function trailingTargets(line: string): { head: string; tail: string } | null {
  const words = line.split(/\s+/);
  let k = words.length;
  while (k > 0 && TARGET_WORD.test(words[k - 1]!) && /[\d%-]/.test(words[k - 1]!)) k--;
  if (k === words.length || k === 0) return null;
  const tail = words.slice(k).join(' ');
  return [...tail.matchAll(TARGET_VALUE)].length >= 2
    ? { head: words.slice(0, k).join(' '), tail }
    : null;
}

/** "- Đồng chí A;" then "- Thủ trưởng B": the next bullet of the same list. */
function continuesList(current: string, line: string, role: ColumnRole): boolean {
  return current.startsWith('-') && line.startsWith('-') && startsCell(role, line, 'name');
}

function startsCell(role: ColumnRole, line: string, currentRole: ColumnRole): boolean {
  const inPerson = currentRole === 'director' || currentRole === 'responsible';
  switch (role) {
    case 'director':
    case 'responsible':
      return PERSON.test(line) || (!inPerson && TITLE.test(line));
    case 'lead':
    case 'coordinate':
      return UNIT.test(line);
    case 'output':
      return OUTPUT.test(line);
    case 'unit':
      return /^(%|Thứ bậc)/.test(line);
    default:
      return false;
  }
}

/** The longest tail of the row (up to three lines) that reads as a deadline. */
function peelDeadline(lines: string[]): { deadline: string; remaining: string[] } {
  for (let start = Math.max(0, lines.length - 3); start < lines.length; start++) {
    const tail = lines.slice(start);
    if (tail.reduce((n, l) => n + l.length, 0) > 120) continue;
    const text = cleanCell(tail.join(' '));
    if (isDeadline(text)) return extendLeft(lines.slice(0, start), text);
  }
  return extendLeft(lines, ''); // the deadline shares its line with the output
}

/** Deadlines are short: a long candidate is not parsed at all (keeps peeling linear). */
const isDeadline = (text: string) =>
  text !== '' && text.length <= 80 && parseDeadline(text).kind !== 'unparsed';

/** "Kế hoạch Hằng năm" on one line: move the deadline words off the end of the line before. */
function extendLeft(before: string[], deadline: string): { deadline: string; remaining: string[] } {
  const last = before.at(-1);
  if (last === undefined) return { deadline, remaining: before };
  const words = last.split(/\s+/);
  for (let k = Math.max(1, words.length - 8); k < words.length; k++) {
    const candidate = cleanCell(`${words.slice(k).join(' ')} ${deadline}`);
    if (isDeadline(candidate))
      return {
        deadline: candidate,
        remaining: [...before.slice(0, -1), words.slice(0, k).join(' ')],
      };
  }
  return { deadline, remaining: before };
}
