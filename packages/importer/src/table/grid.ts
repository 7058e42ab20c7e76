// The one table model every reader produces (.docx natively, .pdf from text positions and
// ruling lines, text from tabs or rebuilt from flattened lines): a grid of slots, one per
// grid column, where a merged cell fills several slots. Everything that reads a plan's
// tables — headers, column roles, row kinds — works on this model alone.

export interface Slot {
  /** The text of the cell this slot belongs to (repeated in every slot of a merged cell). */
  text: string;
  /** The slot continues the cell on its left (gridSpan, or no border between them). */
  left: boolean;
  /** The slot continues the cell above (vMerge, or no border between them). */
  up: boolean;
}

export type GridRow = Slot[];

export interface Grid {
  rows: GridRow[];
  /** 1-based line of the table's first row in the document's lines, for messages. */
  line: number;
}

/** A table as it sits in the document: its appendix label and the heading lines above it. */
export interface DocTable {
  label: string | null;
  heading: string[];
  grid: Grid;
}

/** What every reader returns: the document as lines (shown beside the review, read for the
 *  plan's metadata) and its tables in the common model. */
export interface ReadDocument {
  lines: string[];
  tables: DocTable[];
  /** How far the reader's cells are trusted: exact cells (.docx, tab-separated text) 1;
   *  cells rebuilt from a PDF's positions or from flattened text lower. */
  trust: number;
}

export const plainSlot = (text: string): Slot => ({ text, left: false, up: false });

/** Rows of plain cells (no merges) → a grid with every row as wide as the widest. */
export function gridOf(rows: string[][], line = 1): Grid {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return {
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => plainSlot(r[i] ?? ''))),
    line,
  };
}

/** The row as one tab-separated line: a merged cell's text once, at its first slot. */
export function rowLine(row: GridRow): string {
  return row.map((s) => (s.left ? '' : s.text.replace(/\s+/g, ' ').trim())).join('\t');
}

/** Distinct cells of a row, left to right: merged slots count once. */
export function cellsOf(row: GridRow): Array<{ text: string; from: number; to: number }> {
  const cells: Array<{ text: string; from: number; to: number }> = [];
  row.forEach((slot, i) => {
    const last = cells.at(-1);
    if (slot.left && last) last.to = i;
    else cells.push({ text: slot.text, from: i, to: i });
  });
  return cells;
}
