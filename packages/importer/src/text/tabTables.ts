import { searchKey } from '@tiendo/core';
import { gridOf, type DocTable } from '../table/grid.ts';
import { HeadingTracker } from '../table/headings.ts';
import { cleanCell } from './decode.ts';
import { classifyColumn } from '../plan/columns.ts';

// Tables in text where each row is one line of tab-separated cells (what Word and most
// converters produce when a table is copied as text). Consecutive tab lines form one table;
// a new header row ("TT", "STT" in the first cell, different from the table's own header)
// or an appendix heading starts the next. Rows are kept as they are: the table reader
// (plan/tableRows.ts) decides which are headers, sections, items and continuations.

function isHeaderStart(cell: string): boolean {
  return /^(tt|stt|so tt|so thu tu)$/.test(searchKey(cell).replace(/\./g, ''));
}

interface Building {
  label: string | null;
  heading: string[];
  rows: string[][];
  line: number;
}

export function findTabTables(lines: string[]): DocTable[] {
  const tables: Building[] = [];
  const headings = new HeadingTracker();
  let current: Building | null = null;
  lines.forEach((line, index) => {
    if (!line.includes('\t')) {
      if (headings.see(line)) current = null;
      return;
    }
    const cells = line.split('\t').map(cleanCell);
    if (cells.every((c) => c === '')) return;
    const startsTable =
      (isHeaderStart(cells[0]!) || looksLikeHeader(cells)) &&
      (!current || !sameRow(current.rows[0]!, cells));
    if (startsTable) {
      current = { ...headings.take(), rows: [], line: index + 1 };
      tables.push(current);
    }
    current?.rows.push(cells); // tab lines before any header (stamps, bookmarks) are not a table
  });
  return tables.map((t) => ({ label: t.label, heading: t.heading, grid: gridOf(t.rows, t.line) }));
}

/** A header without "TT": most cells name a column ("Nội dung", "Chủ trì", "Năm 2025"…). */
function looksLikeHeader(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  const known = filled.filter((c) => c.length < 90 && classifyColumn(c).role !== 'unknown');
  return filled.length >= 3 && known.length >= filled.length * 0.75;
}

function sameRow(a: string[], b: string[]): boolean {
  const key = (cells: string[]) => cells.map(searchKey).filter(Boolean).join('|');
  return key(a) === key(b);
}
