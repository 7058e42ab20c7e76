import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { ImportError } from '../errors.ts';
import { inflateWithLimit, MAX_ZIP_ENTRIES } from './zipLimits.ts';

// A .docx read as what it really is: paragraphs and tables with real cells. Each table row
// becomes one tab-separated line, with a cell spanning several grid columns (gridSpan)
// followed by empty cells and a vertically merged cell (vMerge) repeating the text above,
// so the text pipeline's table rules apply unchanged.

/** Limits against zip bombs: the part we read may not inflate beyond this. */
export const MAX_DOCUMENT_XML_BYTES = 50 * 1024 * 1024;

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

export async function docxToLines(bytes: Uint8Array): Promise<string[]> {
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
  for (const node of body) {
    if ('w:p' in node) lines.push(paragraphText(node).replace(/\t/g, ' '), '');
    else if ('w:tbl' in node) lines.push(...tableLines(node), '');
  }
  return lines;
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
    .map((p) => (tagOf(p) === 'w:p' ? paragraphText(p) : tableLines(p).join(' ')))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, span: Number.isFinite(span) && span > 0 ? Math.min(span, 64) : 1, vMerge };
}

function tableLines(table: Node): string[] {
  const above: string[] = [];
  const lines: string[] = [];
  for (const row of children(table).filter((n) => tagOf(n) === 'w:tr')) {
    const rowCells = children(row)
      .filter((n) => tagOf(n) === 'w:tc')
      .map(cellOf);
    // A row whose number cell is merged with the row above continues that item: its merged
    // cells stay empty so the text pipeline joins the row into the one above. Otherwise a
    // merged cell is a value shared by several items and is repeated for each.
    const continuesItem = rowCells[0]?.vMerge === 'continue';
    const cells: string[] = [];
    for (const cell of rowCells) {
      const column = cells.length;
      cells.push(
        cell.vMerge === 'continue' ? (continuesItem ? '' : (above[column] ?? '')) : cell.text,
      );
      for (let k = 1; k < cell.span; k++) cells.push('');
    }
    cells.forEach((text, i) => (above[i] = text));
    lines.push(cells.join('\t'));
  }
  return lines;
}
