import { romanToNumber, searchKey, type DraftIndicator, type DraftTask } from '@tiendo/core';
import { cellsOf, type DocTable, type GridRow } from '../table/grid.ts';
import { cleanCell, joinBroken } from '../text/decode.ts';
import { resolveColumns, type Column, type ColumnRole, type TableKind } from './columns.ts';
import { readHeader, repeatsHeader, type TableHeader } from './tableHeader.ts';
import { targetsOf } from './targets.ts';

// A table's body rows → the schema's indicator and task rows. Each row is one of:
//   a section row  — one cell (merged across, or alone), or a Roman numeral / capital letter
//                    with its title, or an upper-case title: sets the group of the rows under
//                    it, and the milestone year it names ("I. Đến năm 2030");
//   an item row    — numbered "1", "6.1", "1.", "a)", "-", "+": an indicator or a task;
//   a continuation — no number: the previous item's cells carried over a break;
//   a repeated header or column-number row — skipped.

export interface ExtractedRows {
  indicators: DraftIndicator[];
  tasks: DraftTask[];
  warnings: Array<{ where: string; message: string }>;
  /** What the reader decided about each column, for the review. */
  columns: Column[];
  kind: TableKind | null;
}

const ITEM_CODE = /^(\d{1,3}(?:\.\d{1,3}){0,4}[.)]?|[a-zđ][).]|[-+•–*])$/u;
const SECTION_MARK = /^((?:[IVXLC]+|[A-ZĐ])(?=[.:)\s-])|(?:[IVXLC]+|[A-ZĐ])$)[.:)]?\s*[-–]?\s*/u;

/** Columns whose one merged cell may serve several rows (a lead unit, a leader…). */
const SHARED = new Set<ColumnRole>([
  'lead',
  'coordinate',
  'director',
  'responsible',
  'output',
  'deadline',
  'unit',
  'note',
]);

interface Section {
  label: string;
  level: string;
  year: number | null;
  kind: TableKind | null;
}

interface Item {
  cells: string[];
  /** Slots that continue the cell on their left (a value merged across year columns). */
  left: boolean[];
  /** Slots whose cell is merged with the row above or below (one value for several rows). */
  merged: boolean[];
  line: number;
  code: string;
}

export function extractTableRows(
  table: DocTable,
  override: Array<ColumnRole | null> = [],
): ExtractedRows {
  const out: ExtractedRows = { indicators: [], tasks: [], warnings: [], columns: [], kind: null };
  const label = table.label ?? 'Bảng';
  const header = readHeader(table.grid);
  if (!header) {
    out.warnings.push({
      where: `${label}, dòng ${table.grid.line}`,
      message: 'Bỏ qua một bảng không có dòng tiêu đề (TT, Nội dung, Chủ trì…).',
    });
    return out;
  }
  const body = table.grid.rows.slice(header.bodyStart);
  const { kind, columns } = resolveColumns(
    header.paths,
    body.map((r) => r.map((s) => cleanCell(s.text))),
    headingKind(table.heading),
    override,
  );
  Object.assign(out, { columns, kind });
  const codeAt = Math.max(
    0,
    columns.findIndex((c) => c.role === 'code'),
  );
  const sections: Section[] = [];
  const items: Array<Item & { sections: Section[] }> = [];
  let last: 'section' | 'item' | null = null;
  let afterHeader = false;
  body.forEach((row, offset) => {
    const line = table.grid.line + header.bodyStart + offset;
    if (repeatsHeader(row, header)) {
      afterHeader = true; // a header repeated on a new page
      return;
    }
    const own = row.map((s, c) =>
      s.up
        ? ''
        : afterHeader
          ? withoutHeaderSpill(cleanCell(s.text), header, c)
          : cleanCell(s.text),
    );
    if (own.every((t) => t === '')) return;
    const codeText = own[codeAt]!;
    const brokenByPage =
      afterHeader &&
      (codeText === '' || (!ITEM_CODE.test(codeText) && !SECTION_MARK.test(codeText)));
    const pageTop = afterHeader;
    afterHeader = false;
    const previous = items.at(-1);
    if (brokenByPage && last === 'item' && previous) {
      continueItem(previous, row, own);
      return;
    }
    if (last === 'section' && (codeText === '' || brokenByPage)) {
      // A section row cut by a page break: its title goes on.
      const section = sections.at(-1)!;
      section.label = joinBroken(section.label, own.filter((t, i) => t && !row[i]!.left).join(' '));
      return;
    }
    const section = sectionOf(row, codeAt, columns);
    if (section) {
      const at = sections.findIndex((s) => s.level === section.level);
      sections.splice(at < 0 ? sections.length : at, Infinity, section);
      last = 'section';
      return;
    }

    if (ITEM_CODE.test(codeText)) {
      const next = body[offset + 1];
      const merged = row.map((s, c) => s.up || !!next?.[c]?.up);
      const cells = itemCells(row, own, { merged, pageTop, previous, items, columns });
      const left = row.map((s) => s.left);
      const code = codeText.replace(/\.$/, '');
      items.push({ cells, left, merged, line, code, sections: [...sections] });
      last = 'item';
      return;
    }
    if (previous && codeText === '') {
      continueItem(previous, row, own);
      return;
    }
    out.warnings.push({
      where: `${label}, dòng ${line}`,
      message: `Bỏ qua dòng không có số thứ tự: "${own.filter(Boolean).join(' | ').slice(0, 80)}"`,
    });
  });
  for (const item of items) {
    const section = item.sections.at(-1) ?? null;
    const year = [...item.sections].reverse().find((s) => s.year !== null)?.year ?? null;
    const rowKind = [...item.sections].reverse().find((s) => s.kind)?.kind ?? kind;
    const row = rowOf(item, columns);
    const base = { table: label, group: section?.label ?? null, code: item.code };
    if (rowKind === 'indicators')
      out.indicators.push({
        ...base,
        name: row.text('name') ?? '',
        unit: row.text('unit'),
        targets: targetsOf(item.cells, columns, year, item.left),
        lead: row.text('lead'),
        output: row.text('output'),
        director: row.text('director'),
        responsible: row.text('responsible'),
        ...row.note,
      });
    else
      out.tasks.push({
        ...base,
        content: row.text('name') ?? '',
        lead: row.text('lead'),
        coordinate: row.text('coordinate'),
        output: row.text('output') ?? row.text('result'),
        deadline: row.text('deadline'),
        director: row.text('director'),
        responsible: row.text('responsible'),
        ...row.note,
      });
  }
  return out;
}

/** A clipped header's words left at the end of the first cell under it ("100% 2045",
 *  "Phòng Văn hóa-Xã hội theo dõi,"): the longest run of the cell's last words that appears
 *  in the column's header is dropped. Only under a header repeated on a new page. */
function withoutHeaderSpill(text: string, header: TableHeader, column: number): string {
  const path = header.paths[column];
  if (!path?.length || text === '') return text;
  const headerKey = ` ${searchKey(path.join(' ')).replace(/[^\p{L}\d]+/gu, ' ')} `;
  const words = text.split(' ');
  const inHeader = (run: string[]) => {
    const key = searchKey(run.join(' '))
      .replace(/[^\p{L}\d]+/gu, ' ')
      .trim();
    return key !== '' && headerKey.includes(` ${key} `);
  };
  // The spill follows the cell's own text: the renderer drew the header's lower lines there.
  for (let k = words.length - 1; k >= 1; k--)
    if (inHeader(words.slice(-k))) return words.slice(0, -k).join(' ');
  return text;
}

/** An item row's cells. A cell merged down over several rows serves each of them, also
 *  across a page break, where its text stays on the first page or goes on over the break
 *  ("Phòng Văn" / "hóa-Xã hội"). */
function itemCells(
  row: GridRow,
  own: string[],
  context: {
    merged: boolean[];
    pageTop: boolean;
    previous: Item | undefined;
    items: Item[];
    columns: Column[];
  },
): string[] {
  const { merged, pageTop, previous, items, columns } = context;
  return row.map((s, c) => {
    if (s.left) return '';
    const text = s.up ? cleanCell(s.text) : own[c]!;
    if (!previous || !SHARED.has(columns[c]!.role)) return text;
    if (s.up && previous.merged[c]) return previous.cells[c]!; // the same merged cell
    const continued = s.up || (pageTop && (merged[c] || previous.merged[c]));
    if (text === '' && continued) return previous.cells[c]!;
    if (pageTop && previous.merged[c] && /^\p{Ll}/u.test(text))
      return carryOver(items, c, joinBroken(previous.cells[c]!, text));
    return text;
  });
}

/** The merged cell's whole text for every item above that shared it. */
function carryOver(items: Item[], column: number, text: string): string {
  const shared = items.at(-1)!.cells[column];
  for (let k = items.length - 1; k >= 0; k--) {
    const item = items[k]!;
    if (item.cells[column] !== shared) break;
    item.cells[column] = text;
    if (!item.merged[column]) break;
  }
  return text;
}

/** A row with no number carries the previous item's cells on (a break inside the row). */
function continueItem(item: Item, row: GridRow, own: string[]) {
  own.forEach((t, i) => {
    if (!row[i]!.left) item.cells[i] = joinBroken(item.cells[i]!, t);
  });
}

/** The field values of an item row, by role; columns with no role make its note. */
function rowOf(item: Item, columns: Column[]) {
  const text = (role: ColumnRole) => {
    const values = columns
      .map((c, i) => (c.role === role ? item.cells[i] : ''))
      .filter((t): t is string => !!t);
    return values.length ? [...new Set(values)].join('; ') : null;
  };
  const notes = columns
    .map((c, i) => (c.role === 'note' && item.cells[i] ? `${c.header}: ${item.cells[i]}` : ''))
    .filter(Boolean);
  return {
    text,
    note: notes.length ? { note: notes.join('; ') } : {},
  };
}

function headingKind(heading: string[]): TableKind | null {
  const key = searchKey(heading.join(' '));
  if (/chi tieu/.test(key) && !/nhiem vu/.test(key)) return 'indicators';
  if (/nhiem vu|cong viec|giai phap/.test(key)) return 'tasks';
  return null;
}

/** A section row, or null: see the kinds above. */
function sectionOf(row: GridRow, codeAt: number, columns: Column[]): Section | null {
  const cells = cellsOf(row).filter((c) => !row[c.from]!.up && cleanCell(c.text) !== '');
  if (cells.length === 0 || cells.length > 2) return null;
  const first = cleanCell(cells[0]!.text);
  if (ITEM_CODE.test(first) && cells[0]!.from === codeAt) return null;
  if (cells.length === 2) {
    // "I" | "Title", "A." | "CHỈ TIÊU": a numeral in the number column, the title beside it.
    const numeral = first.replace(/[.:)]$/, '');
    if (cells[0]!.from !== codeAt || !isNumeral(numeral)) return null;
    return section(numeral, cleanCell(cells[1]!.text));
  }
  const mark = SECTION_MARK.exec(first);
  const numeral = mark?.[1]?.trim() ?? '';
  if (mark && isNumeral(numeral) && first.length > mark[0].length)
    return section(numeral, first.slice(mark[0].length));
  const spansSeveral = cells[0]!.to > cells[0]!.from;
  const upper = first === first.toLocaleUpperCase('vi') && /\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(first);
  const nameAt = columns.findIndex((c) => c.role === 'name');
  // One cell alone: a heading if merged across or written in capitals; otherwise the text
  // is a continuation (handled by the caller).
  if (upper || (spansSeveral && cells[0]!.from <= Math.max(codeAt, nameAt))) {
    const numbered = /^(\d{1,2})[.)]\s+(\S.*)$/u.exec(first);
    if (numbered && !upper) return section(numbered[1]!, numbered[2]!, 'arabic');
    return section(null, first, upper ? 'upper' : 'merged');
  }
  return null;
}

const isNumeral = (s: string) => romanToNumber(s) !== null || /^[A-ZĐ]$/u.test(s);
/** A lone letter is a letter-level heading ("C. NHIỆM VỤ") unless it is I, V or X. */
const isRoman = (s: string) => romanToNumber(s) !== null && !/^[CDLM]$/.test(s);

function section(numeral: string | null, title: string, level?: string): Section {
  const label = numeral ? `${numeral}. ${title}` : title;
  const years = [...title.matchAll(/(?:19|20)\d{2}/g)];
  const key = searchKey(title);
  const kind: TableKind | null = /^(cac )?chi tieu\b/.test(key)
    ? 'indicators'
    : /^(cac )?(nhiem vu|giai phap)\b/.test(key)
      ? 'tasks'
      : null;
  return {
    label,
    level: level ?? (numeral === null ? 'plain' : isRoman(numeral) ? 'roman' : 'letter'),
    year: years.length ? Number(years.at(-1)![0]) : null,
    kind,
  };
}
