// Page geometry from a PDF: text items with their positions, and the ruling lines (table
// borders) drawn on the page, both in top-down page coordinates.

export interface TextItem {
  text: string;
  x: number;
  y: number; // top of the baseline box, top-down
  width: number;
  height: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  items: TextItem[];
  horizontals: Segment[];
  verticals: Segment[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/**
 * Straight horizontal and vertical segments of the page's paths (pdf.js operator list:
 * constructPath carries [moveTo=0 x y, lineTo=1 x y, …, closePath=4]), under the current
 * transformation matrix. Rectangles are split into their four sides.
 */
export function rulings(
  fnArray: number[],
  argsArray: unknown[],
  ops: { save: number; restore: number; transform: number; constructPath: number },
  pageHeight: number,
): { horizontals: Segment[]; verticals: Segment[] } {
  const horizontals: Segment[] = [];
  const verticals: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  fnArray.forEach((fn, i) => {
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) ctm = multiply(ctm, argsArray[i] as Matrix);
    else if (fn === ops.constructPath) {
      const args = argsArray[i] as [number, ArrayLike<number>[] | ArrayLike<number>, unknown];
      const data = (Array.isArray(args[1]) ? args[1][0] : args[1]) as ArrayLike<number> | undefined;
      if (data) addSegments(data, ctm, pageHeight, horizontals, verticals);
    }
  });
  return { horizontals, verticals };
}

function addSegments(
  data: ArrayLike<number>,
  ctm: Matrix,
  pageHeight: number,
  horizontals: Segment[],
  verticals: Segment[],
) {
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  const push = (a: [number, number], b: [number, number]) => {
    const [x1, y1] = apply(ctm, a[0], a[1]);
    const [x2, y2] = apply(ctm, b[0], b[1]);
    const seg = {
      x1: Math.min(x1, x2),
      x2: Math.max(x1, x2),
      y1: pageHeight - Math.max(y1, y2),
      y2: pageHeight - Math.min(y1, y2),
    };
    if (Math.abs(y1 - y2) < 1 && seg.x2 - seg.x1 > 2) horizontals.push(seg);
    else if (Math.abs(x1 - x2) < 1 && seg.y2 - seg.y1 > 2) verticals.push(seg);
  };
  for (let i = 0; i < data.length;) {
    const op = data[i]!;
    if (op === 0) {
      current = start = [data[i + 1]!, data[i + 2]!];
      i += 3;
    } else if (op === 1) {
      const next: [number, number] = [data[i + 1]!, data[i + 2]!];
      if (current) push(current, next);
      current = next;
      i += 3;
    } else if (op === 2) {
      current = [data[i + 5]!, data[i + 6]!];
      i += 7;
    } else if (op === 3) {
      current = [data[i + 3]!, data[i + 4]!];
      i += 5;
    } else if (op === 4) {
      if (current && start) push(current, start);
      current = start;
      i += 1;
    } else break; // unknown drawing op: stop reading this path
  }
}
