import { describe, expect, it } from 'vitest';
import type { PageGeometry, TextItem } from './geometry.ts';
import { pageBlocks } from './layout.ts';

const item = (text: string, x: number, y: number): TextItem => ({
  text,
  x,
  y,
  width: text.length * 5,
  height: 12,
});

/** A ruled table: columns at `xs`, rows at `ys`, every cell bordered. */
function ruled(xs: number[], ys: number[], items: TextItem[]): PageGeometry {
  const [top, bottom] = [ys[0]!, ys.at(-1)!];
  const [left, right] = [xs[0]!, xs.at(-1)!];
  return {
    width: 600,
    height: 800,
    items,
    verticals: xs.map((x) => ({ x1: x, x2: x, y1: top, y2: bottom })),
    horizontals: ys.map((y) => ({ x1: left, x2: right, y1: y, y2: y })),
  };
}

const cells = (page: PageGeometry) => {
  const block = pageBlocks(page).find((b) => 'grid' in b);
  return block && 'grid' in block ? block.grid.map((row) => row.map((s) => s.text)) : [];
};

describe('pageBlocks', () => {
  it('keeps a clipped header cell’s overflowing line in the header, not in the row below', () => {
    // LibreOffice repeats the header on a new page with room for two lines; the third line
    // of "Bộ phận / theo dõi, / đánh giá" is drawn over the first body row, right after the
    // cell's other lines and before the header's next cell.
    const page = ruled(
      [50, 100, 200, 300],
      [100, 128, 160],
      [
        item('TT', 52, 102),
        item('Bộ phận', 102, 102),
        item('theo dõi,', 102, 115.8),
        item('đánh giá', 102, 129.6),
        item('Ghi chú', 202, 102),
        item('1', 52, 131),
        item('Phòng Kinh tế', 102, 131),
        item('Theo dõi', 202, 131),
      ],
    );
    expect(cells(page)).toEqual([
      ['TT', 'Bộ phận theo dõi, đánh giá', 'Ghi chú'],
      ['1', 'Phòng Kinh tế', 'Theo dõi'],
    ]);
  });

  it('leaves a row’s first line under the cell above it where it is', () => {
    // Row "1" drawn, then row "2"'s first cell at the same x one line lower: nothing drawn
    // after it lands higher up, so it is row 2's own text.
    const page = ruled(
      [50, 100, 200, 300],
      [100, 114, 128, 160],
      [
        item('TT', 52, 101),
        item('Nội dung', 102, 101),
        item('Chủ trì', 202, 101),
        item('1', 52, 115),
        item('Tuyên truyền', 102, 115),
        item('Phòng Văn hóa', 202, 115),
        item('2', 52, 128.8),
        item('Kiểm tra', 102, 128.8),
        item('Công an xã', 202, 128.8),
      ],
    );
    expect(cells(page)).toEqual([
      ['TT', 'Nội dung', 'Chủ trì'],
      ['1', 'Tuyên truyền', 'Phòng Văn hóa'],
      ['2', 'Kiểm tra', 'Công an xã'],
    ]);
  });
});
