import { searchKey } from '@tiendo/core';
import type { Grid, GridRow } from '../table/grid.ts';
import { classifyColumn, headerYear } from './columns.ts';
import { cleanCell } from '../text/decode.ts';

// The header of a table: its first rows, up to the first body row. Several header rows
// merge into one path per column ("Lộ trình thực hiện" over "Năm 2025 | … | Đến năm 2030");
// a row of column numbers "(1) (2) … (10)" is skipped; a caption merged across the table
// above the header ("Biểu 01: …") is skipped too.

export interface TableHeader {
  /** Per column, the header texts from top to bottom. */
  paths: string[][];
  /** Index of the first body row. */
  bodyStart: number;
  /** The header rows' cell texts (search keys), to recognise them repeated on a new page. */
  rows: string[][];
}

const texts = (row: GridRow) => row.map((s) => cleanCell(s.text));
/** The header again on a new page — possibly clipped by the renderer ("Bộ phận theo dõi,"
 *  for "Bộ phận theo dõi, đánh giá", its last words spilling into the row below): every
 *  filled cell equal to, or a start or end of, the header's cell in its column. */
export function repeatsHeader(row: GridRow, header: TableHeader): boolean {
  const own = row.map((s) => (s.left ? '' : searchKey(s.text)));
  const filled = own.filter((t) => t !== '').length;
  if (filled < 2) return false;
  return (
    header.rows.some((h) =>
      own.every((t, c) => {
        const cell = h[c] ?? '';
        if (t === '' || t === cell) return true;
        const trimmed = t.replace(/\(?\d{1,2}\)?$/, '').trim();
        return (
          trimmed.length >= 2 && cell !== '' && (cell.startsWith(trimmed) || cell.endsWith(trimmed))
        );
      }),
    ) || isColumnNumberRow(row, true)
  );
}

/** "(1) (2) (3)", "1 2 3 4", "A B 1 2": the numbers of the columns, not data. With `spill`,
 *  a header's clipped words may precede a number ("đánh giá(9)"). */
export function isColumnNumberRow(row: GridRow, spill = false): boolean {
  const filled = row
    .filter((s) => !s.left && s.text.trim() !== '')
    .map((s) => cleanCell(s.text))
    .map((t) => (spill ? t.replace(/^[^()]*(?=\(\d{1,2}\)$)/u, '') : t));
  if (filled.length < 3) return false;
  if (!filled.every((t) => /^\(?(\d{1,2}|[A-Za-z])(=[\d+*/-]+)?\)?$/.test(t))) return false;
  const numbers = filled.map((t) => Number(/\d+/.exec(t)?.[0] ?? NaN)).filter(Number.isFinite);
  return numbers.every((n, i) => i === 0 || n > numbers[i - 1]!);
}

/** A header cell: a known column word or a year, short. */
function isHeaderText(text: string): boolean {
  if (text.length > 90) return false;
  return classifyColumn(text).role !== 'unknown' || headerYear(text) !== null;
}

/** A first cell numbering a row or a section ("1", "6.1", "I", "A.", "a)") starts the body. */
const NUMBERED = /^(\d{1,3}(\.\d{1,3})*[.)]?|[IVXLC]+\.?|[A-ZĐ][.)]?|[a-zđ][.)])$/u;

function isHeaderRow(row: GridRow, first: boolean): boolean {
  if (isColumnNumberRow(row)) return true;
  if (!row[0]!.up && NUMBERED.test(cleanCell(row[0]!.text))) return false;
  const own = row.filter((s) => !s.left && !s.up && s.text.trim() !== '').map((s) => s.text);
  if (own.length === 0) return !first;
  const known = own.filter((t) => isHeaderText(cleanCell(t))).length;
  return first ? known >= 2 && known >= own.length / 2 : known >= own.length / 2;
}

/** Leading rows that are a single cell (a caption) before the header proper. */
function captionRows(grid: Grid): number {
  let k = 0;
  while (k < Math.min(3, grid.rows.length)) {
    const own = grid.rows[k]!.filter((s) => !s.left && s.text.trim() !== '');
    if (own.length > 1 || isHeaderRow(grid.rows[k]!, true)) break;
    k++;
  }
  return k;
}

export function readHeader(grid: Grid): TableHeader | null {
  const start = captionRows(grid);
  const first = grid.rows[start];
  if (!first || isColumnNumberRow(first) || !isHeaderRow(first, true)) return null;
  let end = start + 1;
  while (end < grid.rows.length && end - start < 4 && isHeaderRow(grid.rows[end]!, false)) end++;
  const rows = grid.rows.slice(start, end);
  const named = rows.filter((r) => !isColumnNumberRow(r)).map(texts);
  const width = grid.rows[0]!.length;
  // A parent written once over several columns in text without merges: its empty
  // neighbours under which a lower row names columns inherit it.
  for (let r = 0; r < named.length - 1; r++)
    for (let c = 1; c < width; c++)
      if (named[r]![c] === '' && named[r]![c - 1] !== '' && named.slice(r + 1).some((x) => x[c]))
        named[r]![c] = named[r]![c - 1]!;
  const paths = Array.from({ length: width }, (_, c) =>
    named.map((r) => r[c] ?? '').filter((t, i, all) => t !== '' && t !== all[i - 1]),
  );
  return { paths, bodyStart: end, rows: rows.map((r) => r.map((s) => searchKey(s.text))) };
}
