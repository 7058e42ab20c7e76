import { searchKey } from '@tiendo/core';
import { cleanCell, joinBroken } from './decode.ts';

// Tables in text where each row is one line of tab-separated cells (what Word and most
// converters produce when a table is copied as text). A row whose first cell is empty
// continues the row above (a cell broken over a page); a row whose first cell is "TT" or
// "STT" again is a header repeated on a new page.

export interface RawRow {
  /** First cell: "1", "6.1", a Roman numeral for group rows. */
  cells: string[];
  line: number;
}

export interface RawTable {
  label: string;
  header: string[];
  rows: RawRow[];
  /** Line of the header row, for warnings. */
  line: number;
}

const APPENDIX = /^\s*(PHỤ LỤC|Phụ lục|PHỤ LỤC SỐ|Phụ lục số)\s*([0-9]+|[IVXLC]+)?\b\s*[:.-]?/u;

export function appendixLabel(line: string): string | null {
  const match = APPENDIX.exec(line);
  if (!match) return null;
  return match[2] ? `${match[1]} ${match[2]}` : match[1]!;
}

function isHeaderStart(cell: string): boolean {
  return /^(tt|stt|so tt|so thu tu)$/.test(searchKey(cell).replace(/\./g, ''));
}

export function findTabTables(lines: string[]): RawTable[] {
  const tables: RawTable[] = [];
  let label: string | null = null;
  let current: RawTable | null = null;
  lines.forEach((line, index) => {
    const appendix = appendixLabel(line);
    if (appendix && !line.includes('\t')) {
      label = appendix;
      current = null;
      return;
    }
    if (!line.includes('\t')) return;
    const cells = line.split('\t').map(cleanCell);
    if (isHeaderStart(cells[0]!)) {
      if (current && sameHeader(current.header, cells)) return; // repeated on a new page
      current = {
        label: label ?? `Bảng ${tables.length + 1}`,
        header: cells,
        rows: [],
        line: index + 1,
      };
      tables.push(current);
      return;
    }
    if (!current) return;
    const table: RawTable = current;
    const previous = table.rows.at(-1);
    if (cells[0] === '' && previous && cells.some((c) => c !== '')) {
      previous.cells = previous.cells.map((c, i) => joinBroken(c, cells[i] ?? ''));
      cells.slice(previous.cells.length).forEach((c) => previous.cells.push(c));
      return;
    }
    if (cells.every((c) => c === '')) return;
    table.rows.push({ cells, line: index + 1 });
  });
  return tables;
}

function sameHeader(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((c, i) => searchKey(c) === searchKey(b[i] ?? ''));
}
