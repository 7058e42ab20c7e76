import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { ImportError } from '../errors.ts';
import { inflateWithLimit, MAX_ZIP_ENTRIES } from './zipLimits.ts';
import { HeadingTracker } from '../table/headings.ts';
import { normalizeText } from '../text/decode.ts';
import { rowLine, type DocTable, type Grid, type ReadDocument, type Slot } from '../table/grid.ts';

// A .docx read as what it really is: paragraphs and tables with real cells. Each table
// becomes a grid (table/grid.ts) keeping its merges — gridSpan across, vMerge down — and a
// tab-separated line per row for the document's line view. A layout table (the signature
// block, the two-column heading with the national motto) is read as the paragraphs of its
// cells, column by column, since it carries body text, not data.

/** Limits against zip bombs: the part we read may not inflate beyond this. */
export const MAX_DOCUMENT_XML_BYTES = 50 * 1024 * 1024;

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

export async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportError('Tệp .docx bị hỏng hoặc không phải tệp Word (.docx).');
  }
  if (Object.keys(zip.files).length > MAX_ZIP_ENTRIES)
    throw new ImportError('Tệp .docx có quá nhiều thành phần; không đọc được.');
  const part = zip.file('word/document.xml');
  if (!part)
    throw new ImportError('Tệp .docx không có nội dung văn bản (thiếu word/document.xml).');
  const xml = await readPart(part);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    processEntities: true,
  });
  let tree: Node[];
  try {
    tree = parser.parse(xml) as Node[];
  } catch {
    throw new ImportError('Nội dung tệp .docx không hợp lệ (XML lỗi).');
  }
  const body = children(find(children(find(tree, 'w:document')), 'w:body'));
  const lines: string[] = [];
  const tables: DocTable[] = [];
  const headings = new HeadingTracker();
  for (const node of body) {
    if ('w:p' in node) {
      const text = normalizeText(paragraphText(node).replace(/\t/g, ' '));
      headings.see(text);
      lines.push(text, '');
    } else if ('w:tbl' in node) {
      const grid = tableGrid(node, lines.length + 1);
      if (isLayoutTable(grid)) {
        lines.push(...layoutLines(grid), '');
        continue;
      }
      tables.push({ ...headings.take(), grid });
      lines.push(...grid.rows.map(rowLine), '');
    }
  }
  return { lines, tables, trust: 1 };
}

/** A table no row of which has three filled cells holds body text laid out side by side. */
function isLayoutTable(grid: Grid): boolean {
  return !grid.rows.some((row) => row.filter((s) => !s.left && s.text.trim()).length >= 3);
}

function layoutLines(grid: Grid): string[] {
  const width = grid.rows[0]?.length ?? 0;
  const out: string[] = [];
  for (let c = 0; c < width; c++)
    for (const row of grid.rows) {
      const slot = row[c];
      if (slot && !slot.left && !slot.up && slot.text.trim()) out.push(...slot.text.split('\n'));
    }
  return out.map((l) => l.trim()).filter(Boolean);
}

async function readPart(file: JSZip.JSZipObject): Promise<string> {
  const chunks: Uint8Array[] = [];
  await inflateWithLimit(
    file,
    MAX_DOCUMENT_XML_BYTES,
    (chunk) => chunks.push(chunk),
    'Nội dung tệp .docx quá lớn sau khi giải nén (nghi là tệp nén độc hại); không đọc.',
  );
  return Buffer.concat(chunks).toString('utf8');
}

function find(nodes: Node[], tag: string): Node {
  const node = nodes.find((n) => tag in n);
  if (!node) throw new ImportError('Cấu trúc tệp .docx không đúng chuẩn Word.');
  return node;
}

function children(node: Node | undefined): Node[] {
  if (!node) return [];
  const key = Object.keys(node).find((k) => k !== ':@');
  return key ? ((node[key] as Node[]) ?? []) : [];
}

function tagOf(node: Node): string {
  return Object.keys(node).find((k) => k !== ':@') ?? '';
}

/** All text of a paragraph: runs, tabs, breaks; fields and deleted text skipped. */
function paragraphText(node: Node): string {
  let out = '';
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === '#text') out += String(n['#text']);
      else if (tag === 'w:tab') out += '\t';
      else if (tag === 'w:br' || tag === 'w:cr') out += ' ';
      else if (tag === 'w:delText' || tag === 'w:instrText' || tag === 'w:rPr' || tag === 'w:pPr')
        continue;
      else walk(children(n));
    }
  };
  walk(children(node));
  return out;
}

interface Cell {
  text: string;
  span: number;
  /** 'restart' starts a vertical merge; 'continue' repeats the cell above. */
  vMerge: 'restart' | 'continue' | null;
}

function cellOf(node: Node): Cell {
  const parts = children(node);
  const props = parts.find((p) => tagOf(p) === 'w:tcPr');
  const propList = children(props);
  const span = Number(propList.find((p) => tagOf(p) === 'w:gridSpan')?.[':@']?.['w:val'] ?? 1);
  const merge = propList.find((p) => tagOf(p) === 'w:vMerge');
  const vMerge = merge ? (merge[':@']?.['w:val'] === 'restart' ? 'restart' : 'continue') : null;
  const text = parts
    .filter((p) => tagOf(p) === 'w:p' || tagOf(p) === 'w:tbl')
    .map((p) =>
      tagOf(p) === 'w:p'
        ? normalizeText(paragraphText(p))
            .replace(/[ \t]+/g, ' ')
            .trim()
        : tableGrid(p, 0).rows.map(rowLine).join(' '),
    )
    .filter(Boolean)
    .join('\n');
  return { text, span: Number.isFinite(span) && span > 0 ? Math.min(span, 64) : 1, vMerge };
}

/** A Word table → grid: a cell spanning n grid columns fills n slots (the later ones marked
 *  `left`); a vMerge continuation slot takes the text of the cell it continues (`up`). Cell
 *  text keeps its paragraph breaks (a layout table's lines); readers of data collapse them. */
function tableGrid(table: Node, line: number): Grid {
  const rows: Slot[][] = [];
  for (const row of children(table).filter((n) => tagOf(n) === 'w:tr')) {
    const above = rows.at(-1);
    const slots: Slot[] = [];
    for (const cell of children(row)
      .filter((n) => tagOf(n) === 'w:tc')
      .map(cellOf)) {
      const at = slots.length;
      const up = cell.vMerge === 'continue' && above?.[at] !== undefined;
      const text = up ? above![at]!.text : cell.text;
      for (let k = 0; k < cell.span; k++) slots.push({ text, left: k > 0, up });
    }
    rows.push(slots);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const row of rows) while (row.length < width) row.push({ text: '', left: false, up: false });
  return { rows, line };
}
