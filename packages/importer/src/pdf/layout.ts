import { joinBroken } from '../text/decode.ts';
import type { Slot } from '../table/grid.ts';
import type { PageGeometry, Segment, TextItem } from './geometry.ts';

// Turns a page into blocks in reading order: text lines, and tables in the common grid
// model. Tables are found from their ruling lines: the distinct x of vertical borders and y
// of horizontal borders make a grid of bands; bands not separated by a border belong to one
// cell (merged across: `left`, merged down: `up`). Text outside tables becomes lines
// grouped by baseline, with a space wherever the layout leaves a gap between two items.

const TOLERANCE = 2;

interface Grid {
  xs: number[];
  ys: number[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v - sorted[i - 1]! > TOLERANCE);
}

/** Groups touching rulings into table regions (one per table fragment on the page). */
function findGrids(page: PageGeometry): Grid[] {
  // Segments as long as the page are its border or clip path, not a table's.
  const verticals = page.verticals.filter(
    (v) => v.y2 - v.y1 > 4 && v.y2 - v.y1 < page.height * 0.95,
  );
  if (verticals.length < 2 || page.horizontals.length < 2) return [];
  const regions: Array<{ top: number; bottom: number; segs: Segment[] }> = [];
  for (const v of [...verticals].sort((a, b) => a.y1 - b.y1)) {
    const region = regions.find((r) => v.y1 <= r.bottom + TOLERANCE && v.y2 >= r.top - TOLERANCE);
    if (region) {
      region.top = Math.min(region.top, v.y1);
      region.bottom = Math.max(region.bottom, v.y2);
      region.segs.push(v);
    } else regions.push({ top: v.y1, bottom: v.y2, segs: [v] });
  }
  return regions
    .map((r) => {
      const xs = distinct(r.segs.flatMap((s) => [s.x1]));
      const hs = page.horizontals.filter(
        (h) =>
          h.x2 - h.x1 < page.width * 0.95 &&
          h.y1 >= r.top - TOLERANCE &&
          h.y1 <= r.bottom + TOLERANCE &&
          h.x2 > xs[0]! &&
          h.x1 < xs.at(-1)!,
      );
      const ys = distinct([r.top, r.bottom, ...hs.map((h) => h.y1)]);
      return { xs, ys, top: r.top, bottom: r.bottom, left: xs[0]!, right: xs.at(-1)! };
    })
    .filter((g) => g.xs.length >= 3 && g.ys.length >= 2);
}

const covers = (segs: Segment[], along: 'x' | 'y', at: number, from: number, to: number) =>
  segs.some((s) =>
    along === 'x'
      ? Math.abs(s.y1 - at) <= TOLERANCE && s.x1 <= from + TOLERANCE && s.x2 >= to - TOLERANCE
      : Math.abs(s.x1 - at) <= TOLERANCE && s.y1 <= from + TOLERANCE && s.y2 >= to - TOLERANCE,
  );

function gridRows(page: PageGeometry, grid: Grid, items: TextItem[]): Slot[][] {
  const rows = grid.ys.length - 1;
  const cols = grid.xs.length - 1;
  // Union-find over bands: neighbours with no border between them are one cell.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const join = (a: number, b: number) => (parent[root(b)] = root(a));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const [x0, x1, y0, y1] = [grid.xs[c]!, grid.xs[c + 1]!, grid.ys[r]!, grid.ys[r + 1]!];
      if (c + 1 < cols && !covers(page.verticals, 'y', x1, y0 + TOLERANCE, y1 - TOLERANCE))
        join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !covers(page.horizontals, 'x', y1, x0 + TOLERANCE, x1 - TOLERANCE))
        join(r * cols + c, (r + 1) * cols + c);
    }
  }
  const cellText = new Map<number, TextItem[]>();
  const bands = items.map((item) => {
    const cy = item.y + item.height / 2;
    return grid.ys.findIndex((y, i) => i < rows && cy >= y && cy < grid.ys[i + 1]!);
  });
  const drawnAbove = overflowing(items, bands);
  let previous: { item: TextItem; id: number } | null = null;
  items.forEach((item, k) => {
    const c = grid.xs.findIndex(
      (x, i) => i < cols && item.x + 1 >= x && item.x + 1 < grid.xs[i + 1]!,
    );
    const r = bands[k]!;
    if (c < 0 || r < 0) return;
    let id = root(r * cols + c);
    const blank = item.text.trim() === '';
    // A line that goes on, at the same x one line lower, the cell drawn just before it, in a
    // band below that cell, while the row that cell belongs to is still being drawn (a later
    // item lands higher up): the cell's text overflowed its clipped row — LibreOffice does
    // this to a repeated two-row header on a new page ("Bộ phận / theo dõi, / đánh giá"
    // with only two lines' room), drawing its last words over the first row below.
    if (
      !blank &&
      previous &&
      drawnAbove[k] &&
      Math.abs(item.x - previous.item.x) <= 1 &&
      item.y > previous.item.y + previous.item.height * 0.5 &&
      item.y < previous.item.y + previous.item.height * 1.6 &&
      id !== previous.id
    )
      id = previous.id;
    if (!blank) previous = { item, id };
    const list = cellText.get(id);
    if (list) list.push(item);
    else cellText.set(id, [item]);
  });
  const texts = new Map<number, string>();
  const textOfCell = (id: number) => {
    if (!texts.has(id)) texts.set(id, textOf(cellText.get(id) ?? []));
    return texts.get(id)!;
  };
  const out: Slot[][] = [];
  for (let r = 0; r < rows; r++) {
    const slots: Slot[] = [];
    for (let c = 0; c < cols; c++) {
      const id = root(r * cols + c);
      slots.push({
        text: textOfCell(id),
        left: c > 0 && root(r * cols + c - 1) === id,
        up: r > 0 && root((r - 1) * cols + c) === id,
      });
    }
    if (slots.some((s) => s.text !== '' && !s.up)) out.push(slots);
  }
  return dropEmptyColumns(out);
}

/** Per item (in drawing order), whether an item drawn after it lies in a band above its own:
 *  a table is drawn row by row, so such an item was drawn as part of an earlier row. */
function overflowing(items: TextItem[], bands: number[]): boolean[] {
  const out = new Array<boolean>(items.length).fill(false);
  let highest = Infinity;
  for (let k = items.length - 1; k >= 0; k--) {
    if (bands[k]! > highest) out[k] = true;
    if (bands[k]! >= 0 && items[k]!.text.trim() !== '') highest = Math.min(highest, bands[k]!);
  }
  return out;
}

/** A band no text falls in (a double border, a decorative margin) is not a column. */
function dropEmptyColumns(rows: Slot[][]): Slot[][] {
  const keep = rows[0]?.map((_, c) => rows.some((r) => r[c]!.text !== '' && !r[c]!.left)) ?? [];
  return rows.map((r) => r.filter((_, c) => keep[c]));
}

/** Items of one cell or one line region → text, lines joined as the layout broke them. */
function textOf(items: TextItem[]): string {
  return groupLines(items)
    .map((line) => line.map((i) => i.text).join(''))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .reduce(joinBroken, '');
}

/** Items on one baseline make a line. The baseline, not the top: a glyph drawn from a
 *  fallback font (a Vietnamese letter with two diacritics) has another height. */
function groupLines(items: TextItem[]): TextItem[][] {
  const baseline = (i: TextItem) => i.y + i.height * 0.8;
  const sorted = [...items].sort((a, b) => baseline(a) - baseline(b) || a.x - b.x);
  const lines: TextItem[][] = [];
  let current: TextItem[] = [];
  let at = -Infinity;
  for (const item of sorted) {
    if (current.length && baseline(item) - at > Math.max(TOLERANCE, item.height * 0.3)) {
      lines.push(current);
      current = [];
    }
    if (!current.length) at = baseline(item);
    current.push(item);
  }
  if (current.length) lines.push(current);
  lines.forEach((l) => l.sort((a, b) => a.x - b.x));
  return lines;
}

/** Items on one baseline → its pieces: a gap wider than two letters separates the cells of
 *  a borderless layout ("Số: 36/KH-UBND" | "Tân Hưng, ngày …", "Nơi nhận:" | "TM. ỦY BAN
 *  NHÂN DÂN"), each read as a line of its own; a smaller gap is a space. */
function linePieces(line: TextItem[]): string[] {
  const pieces: string[] = [];
  let out = '';
  let end = -Infinity;
  for (const item of line) {
    const gap = item.x - end;
    if (out && gap > Math.max(12, item.height * 2)) {
      pieces.push(out);
      out = '';
    } else if (
      out &&
      gap > Math.max(3, item.height * 0.6) &&
      !/\s$/.test(out) &&
      !/^\s/.test(item.text)
    )
      out += ' ';
    out += item.text;
    end = item.x + item.width;
  }
  pieces.push(out);
  return pieces.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export type PageBlock = { y: number; lines: string[] } | { y: number; grid: Slot[][] };

/** A page as blocks in reading order: body text lines and tables. */
export function pageBlocks(page: PageGeometry): PageBlock[] {
  const grids = findGrids(page);
  const inGrid = (item: TextItem, g: Grid) =>
    item.y + item.height / 2 >= g.top &&
    item.y + item.height / 2 <= g.bottom &&
    item.x >= g.left - 1 &&
    item.x <= g.right;
  const blocks: PageBlock[] = grids
    .map((g) => ({
      y: g.top,
      grid: gridRows(
        page,
        g,
        page.items.filter((i) => inGrid(i, g)),
      ),
    }))
    .filter((b) => b.grid.length > 0);
  const outside = page.items.filter(
    (i) => i.text.trim() !== '' && !grids.some((g) => inGrid(i, g)),
  );
  for (const line of groupLines(outside)) {
    const pieces = linePieces(line);
    const y = line[0]!.y;
    const margin = y < 50 || y > page.height - 50;
    if (margin && /^(Trang\s*)?\d{1,3}(\s*\/\s*\d{1,3})?$/.test(pieces.join(' '))) continue; // page number
    blocks.push({ y, lines: pieces.flatMap((p) => [p, '']) });
  }
  return blocks.sort((a, b) => a.y - b.y);
}
