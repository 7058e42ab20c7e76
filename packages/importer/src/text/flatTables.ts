import { romanToNumber, searchKey } from '@tiendo/core';
import type { ColumnRole } from '@tiendo/core';
import { headerYear, resolveColumns } from '../plan/columns.ts';

/** Per table (in document order), the roles a reviewer set for some of its columns. */
export type ColumnOverrides = Record<number, Array<ColumnRole | null>>;
import { gridOf, type DocTable } from '../table/grid.ts';
import {
  continueRow,
  joinKey,
  joinPieces,
  segmentRow,
  splitHeader,
  valueKey,
  type ColumnValues,
} from './flatRow.ts';
import type { Column } from '../plan/columns.ts';
import { appendixLabel } from '../table/headings.ts';
import { looksLikePerson, looksLikeUnit } from '../plan/vocabulary.ts';

// Tables in text copied out of a PDF: no tabs, every cell broken over several lines, cells
// following each other in column order. A table starts at its appendix heading and its
// header ("TT", "STT"…); its header words are split into columns (flatRow.ts splitHeader);
// the body is cut into rows at plausible row numbers and section numerals; each row's words
// are cut into its columns by dynamic programming (flatRow.ts segmentRow). The result is
// the common grid model, read by the same table reader as .docx and .pdf.

interface RawTable {
  label: string;
  header: string[];
  rows: string[][];
}

interface Pending {
  label: string;
  headerLines: string[];
  body: string[];
}

const HEADER_START = /^(Stt|STT|TT|Số TT|Số thứ tự)(?=\s|$|\.)/u;
const REPEATED_HEADER = '\u0000header';
const COLUMN_NUMBERS = /^\(\d{1,2}\)(?:\s+\(\d{1,2}\))*$/;

/** Splits the flattened text into appendix tables: header lines and the lines after them. */
export function findFlatTables(lines: string[], overrides: ColumnOverrides = {}): DocTable[] {
  return rawFlatTables(lines, overrides).map((t) => ({
    label: t.label,
    heading: [],
    grid: gridOf([t.header, ...t.rows], 1),
  }));
}

function rawFlatTables(lines: string[], overrides: ColumnOverrides): RawTable[] {
  const joins = dashJoins(lines);
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
    // The header again on a new page starts with the same printed line; a line "TT" alone
    // inside a row is a cell's word ("PCT" / "TT" / "UBND").
    const again = current?.label === label && line === current.headerLines[0];
    if (HEADER_START.test(line) && label && (again || current?.label !== label)) {
      if (!again) {
        current = { label, headerLines: [], body: [] };
        pending.push(current);
      } else current!.body.push(REPEATED_HEADER);
      inHeader = true;
    }
    if (!current) continue;
    if (inHeader && !startsRow(line)) {
      if (current.body.length === 0) {
        current.headerLines.push(line);
        continue;
      }
      // The header again on a new page, line for line; what follows it is the rest of a
      // row the page break cut.
      if (current.headerLines.includes(line) || COLUMN_NUMBERS.test(line)) continue;
    }
    inHeader = false;
    current.body.push(line);
  }
  return pending
    .map((p, k) => toRawTable(p, joins, sharesLines(pending), overrides[k]))
    .filter((t): t is RawTable => t !== null);
}

const SECTION = /^([IVX]+|[A-ZĐ])\.?\s+(\p{Lu}.*)$/u;

function startsRow(line: string): boolean {
  return (
    (/^\d+(\.\d+)*\.?(\s|$)/.test(line) && !/^(19|20)\d{2}\b/.test(line)) || SECTION.test(line)
  );
}

function toRawTable(
  p: Pending,
  joins: Set<string>,
  shared: boolean,
  override: Array<ColumnRole | null> = [],
): RawTable | null {
  const header = placeParentUnits(
    placeParentYears(splitHeader(p.headerLines).filter((h) => !/^\(\d{1,2}\)$/.test(h))),
  );
  if (header.length < 3) return null;
  const { columns } = resolveColumns(header, [], null, override);
  const grouped = groupRows(p.body, joins).map((r) => ({ ...r, pages: pages(r.lines) }));
  // Rows no page cut first; what they hold in each column helps read the rows a page cut:
  // plans repeat their units and leaders, so the first page of a cut cell most likely shows
  // the start of one of them ("Phòn" / "Đồng"), and its rest the remainder.
  const whole = grouped.map((r) =>
    r.code !== null && r.pages.length === 1
      ? segmentRow(r.code, r.pages[0]!, columns, { shared, joins })
      : null,
  );
  const known = knownValues(whole, columns);
  const rows = grouped.map((r, k) => {
    if (r.code === null) return [r.numeral!, r.lines.filter((l) => l !== PAGE).join(' ')];
    if (whole[k]) return whole[k];
    const [first, ...rest] = r.pages;
    const pieces = segmentRow(r.code, first!, columns, { values: known, shared, joins }).map((t) =>
      t ? [t] : [],
    );
    for (const lines of rest)
      continueRow(pieces, lines, columns, { values: known, shared, joins }).forEach(
        (t, c) => t && pieces[c]!.push(t),
      );
    return pieces.map(joinPieces);
  });
  fillMergedLeads(
    rows,
    columns.map((c) => c.role === 'lead'),
  );
  return { label: p.label, header, rows };
}

/** Whether the viewer the text was copied from ran a row's one-line cells together on one
 *  printed line ("100% 100% Bộ số": targets and the first line of the next cell; a viewer
 *  that reads cell by cell ends a line after the targets): told by lines where a capitalised
 *  word follows a percentage. */
function sharesLines(tables: Pending[]): boolean {
  let seen = 0;
  for (const table of tables)
    for (const line of table.body) if (VALUE_THEN_WORD.test(line) && ++seen >= 2) return true;
  return false;
}

const VALUE_THEN_WORD = /\d%\s+\p{Lu}\p{Ll}/u;

/** Per column whose values repeat (units, leaders, products), the values of the rows no
 *  page cut and their starts. Names, targets and numbers are not compared. */
function knownValues(rows: Array<string[] | null>, columns: Column[]): ColumnValues {
  const compared = (c: number) => !['code', 'name', 'year', 'result'].includes(columns[c]!.role);
  const whole = columns.map((_, c) => (compared(c) ? new Set<string>() : undefined));
  for (const row of rows) row?.forEach((text, c) => text && whole[c]?.add(valueKey(text)));
  const starts = whole.map((set) => {
    if (!set) return undefined;
    const out = new Set<string>();
    for (const key of set) for (let k = 2; k <= key.length; k++) out.add(key.slice(0, k));
    return out;
  });
  return { whole, starts };
}

/** A lead cell merged over several rows is printed once: copied text gives it to the first
 *  row only. An item with no lead takes the lead of the item above in its section. */
function fillMergedLeads(rows: string[][], isLead: boolean[]) {
  let above: string[] | null = null;
  for (const row of rows) {
    if (row.length <= 2 && !/^\d/.test(row[0] ?? '')) {
      above = null; // a section row
      continue;
    }
    if (above) row.forEach((cell, c) => isLead[c] && cell === '' && (row[c] = above![c]!));
    above = row;
  }
}

/** A two-row header flattened: the parent ("Chỉ tiêu theo năm") sits where its years belong
 *  and the years come last; the years take the parent's place. */
function placeParentYears(header: string[]): string[] {
  const isYear = (h: string) => headerYear(h) !== null;
  const firstYear = header.findIndex(isYear);
  if (firstYear < 0 || !header.slice(firstYear).every(isYear)) return header;
  const parent = header.findIndex(
    (h, i) =>
      i > 1 &&
      i < firstYear &&
      /lo trinh|theo nam|cac nam|ke hoach|muc tieu|chi tieu/.test(searchKey(h)),
  );
  if (parent < 0) return header;
  return [
    ...header.slice(0, parent),
    ...header.slice(firstYear),
    ...header.slice(parent + 1, firstYear),
  ];
}

/** The same for units: "Cơ quan thực hiện" over "Chủ trì | Phối hợp" flattened puts the
 *  parent where its columns belong and "Chủ trì Phối hợp" last; they take its place. */
function placeParentUnits(header: string[]): string[] {
  const child = (h: string) => /^(chu tri|phoi hop)$/.test(searchKey(h));
  let first = header.length;
  while (first > 0 && child(header[first - 1]!)) first--;
  if (header.length - first < 2) return header;
  const parent = header.findIndex((h, i) => i > 1 && i < first && /thuc hien$/.test(searchKey(h)));
  if (parent < 0) return header;
  return [...header.slice(0, parent), ...header.slice(first), ...header.slice(parent + 1, first)];
}

/** Where a page break cut a row: the lines after it go on each cell of the lines before. */
const PAGE = '\u0000page';

function pages(lines: string[]): string[][] {
  const out: string[][] = [[]];
  for (const line of lines) {
    if (line === PAGE) out.push([]);
    else out.at(-1)!.push(line);
  }
  return out.filter((p, k) => k === 0 || p.length > 0);
}

interface RowLines {
  code: string | null;
  numeral: string | null;
  lines: string[];
}

/** Cuts the body into rows at plausible row numbers (the next number, not a page number or
 *  a year) and section rows ("I Phát triển hạ tầng", "A. Chỉ tiêu"). */
function groupRows(body: string[], joins: Set<string>): RowLines[] {
  const rows: RowLines[] = [];
  let previous = '';
  let last: number[] = [0];
  let letters = ['a'];
  for (const line of body) {
    const before = previous;
    previous = line;
    if (line === REPEATED_HEADER) {
      if (rows.at(-1)?.lines.length) rows.at(-1)!.lines.push(PAGE);
      continue;
    }
    const group = SECTION.exec(line);
    if (group && (romanToNumber(group[1]!) !== null || /^[A-ZĐ]$/u.test(group[1]!))) {
      rows.push({ code: null, numeral: group[1]!, lines: [group[2]!] });
      continue;
    }
    const code = /^(\d+(?:\.\d+)*)\.?(?:\s+(.*))?$/.exec(line);
    // Numbering restarts at 1 in a new section only ("01 Gbps/s" inside a name is not a row).
    const restartable = rows.length === 0 || rows.at(-1)!.code === null;
    if (code && isNextCode(last, code[1]!, restartable) && !TARGET_AFTER_CODE.test(code[2] ?? '')) {
      last = code[1]!.split('.').map(Number);
      letters = ['a'];
      rows.push({ code: code[1]!, numeral: null, lines: code[2] ? [code[2]] : [] });
      continue;
    }
    // Sub-rows lettered in order under a numbered row: "a) …", "b) …".
    const sub = /^([a-zđ])\)\s+(\S.*)$/u.exec(line);
    if (sub && letters.includes(sub[1]!) && rows.length) {
      letters = nextLetters(sub[1]!);
      rows.push({ code: `${sub[1]})`, numeral: null, lines: [sub[2]!] });
      continue;
    }
    // Sub-rows marked "-" or "+" under a numbered row, told from a list inside a cell and
    // from a name broken before its dash ("Phòng Văn hóa" / "- Xã hội").
    const dash = /^([-+•–])\s+(\p{Lu}.*)$/u.exec(line);
    if (dash && rows.at(-1)?.code && startsSubRow(before, dash[2]!, joins)) {
      rows.push({ code: dash[1]!, numeral: null, lines: [dash[2]!] });
      continue;
    }
    if (COLUMN_NUMBERS.test(line)) continue; // the column numbers again
    // A page number; not a number a narrow column put on a line of its own ("01" / "Gbps/s").
    if (/^[1-9]\d{0,2}$/.test(line) && rows.at(-1)?.lines.length) continue;
    rows.at(-1)?.lines.push(line);
  }
  return rows;
}

/** "- Tỷ lệ…" begins a sub-row unless the line above leaves something open (a list, a
 *  comma, a dangling word), the words are a unit's or a person's (a list in a lead cell), or
 *  the document writes the words either side of the dash as one name ("Văn hóa - Xã hội"). */
function startsSubRow(previous: string, rest: string, joins: Set<string>): boolean {
  if (/[,;:\-–]$/.test(previous)) return false;
  const last = previous.slice(previous.lastIndexOf(' ') + 1);
  if (OPEN_END.test(last) || namesUnit(rest) || looksLikePerson(rest)) return false;
  const after = rest.split(' ', 1)[0]!;
  return !joins.has(joinKey(last, after)) && !joins.has(joinKey('', after));
}

/** A unit's name — "Các" only before a kind of unit ("Các phòng, ban", "Các cơ quan"), not
 *  before anything plural ("Các cơ sở giáo dục phổ thông…", a sub-row's name). */
const namesUnit = (text: string) => {
  const plural = /^các\s+(.*)$/iu.exec(text);
  return plural ? looksLikeUnit(plural[1]!) : looksLikeUnit(text);
};

const OPEN_END = /^(và|các|của|với|cho|tại|trên|về|hoặc|đến|từ|phòng|ban)$/iu;

/** Pairs of words the document writes on either side of a dash inside a line ("Văn hóa -
 *  Xã hội", "Văn hoá–Xã hội"): names a line break may cut before the dash. */
export function dashJoins(lines: string[]): Set<string> {
  const joins = new Set<string>();
  for (const line of lines) {
    if (!/[-–]/.test(line)) continue;
    const words = line.split(/\s+/).filter(Boolean);
    words.forEach((word, k) => {
      if (/^[-–]$/.test(word)) {
        if (k > 0 && k + 1 < words.length) {
          joins.add(joinKey(words[k - 1]!, words[k + 1]!));
          // A capitalised word after a dash inside a line ("Văn hóa – Xã hội") goes on a
          // name wherever a line starts with it — not a word a unit's name starts with
          // ("Phòng Văn hóa –" / "Các phòng, ban": two cells on one printed line).
          const next = words[k + 1]!;
          if (/^\p{Lu}/u.test(next) && !looksLikeUnit(next)) joins.add(joinKey('', next));
        }
        return;
      }
      const parts = word.split(/[-–]/);
      for (let p = 1; p < parts.length; p++) {
        const before = parts[p - 1] || words[k - 1];
        const after = parts[p] || words[k + 1];
        if (before && after) joins.add(joinKey(before, after));
      }
    });
  }
  return joins;
}

/** A number followed by a comparator or a percentage is a row's targets ("1 > 1 > 2",
 *  "5 100% 100%"), not a row number and its name; nor is one followed by a word in lower
 *  case (a name's line: "10 năm phát"), since a name begins with a capital. */
const TARGET_AFTER_CODE = /^(?:[≥≤<>=~]|\d+(?:[.,]\d+)?\s*%|\p{Ll})/u;

/** Points are lettered in the Vietnamese alphabet ("d)", "đ)", "e)", "g)") as legal texts
 *  do, or in the Latin one ("d)", "e)", "f)") as a word processor's list does. */
const VIETNAMESE = 'abcdđeghiklmnopqrstuvxy';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const nextLetters = (l: string) =>
  [VIETNAMESE, LATIN]
    .map((a) => (a.includes(l) ? (a[a.indexOf(l) + 1] ?? '') : ''))
    .filter(Boolean);

function isNextCode(previous: number[], code: string, restartable: boolean): boolean {
  const parts = code.split('.').map(Number);
  const prevMajor = previous[0]!;
  if (parts.length === 1)
    return (parts[0]! > prevMajor && parts[0]! <= prevMajor + 3) || (parts[0] === 1 && restartable);
  return parts[0] === prevMajor && parts.length === 2;
}
