import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportError } from '../errors.ts';
import { rulings, type PageGeometry, type TextItem } from './geometry.ts';
import { pageBlocks, type PageBlock } from './layout.ts';
import { HeadingTracker } from '../table/headings.ts';
import { normalizeText } from '../text/decode.ts';
import { rowLine, type DocTable, type ReadDocument } from '../table/grid.ts';

// A PDF read through pdf.js: each page's text items with their positions and its ruling
// lines, rebuilt into text lines and tables (the common grid model). A table that opens a
// page with as many columns as the table that closed the page before continues it: its
// repeated header is recognised later, and a row cut by the page break (no number in its
// first part on the new page) joins the row above.

export const MAX_PDF_PAGES = 500;
export const PDF_TIME_LIMIT_MS = 60_000;

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  const started = Date.now();
  let doc;
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      throw new ImportError('Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.');
    throw new ImportError('Tệp PDF bị hỏng hoặc không đúng định dạng.');
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES)
      throw new ImportError(
        `Tệp PDF có ${doc.numPages} trang, vượt giới hạn ${MAX_PDF_PAGES} trang.`,
      );
    const builder = new DocumentBuilder();
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (Date.now() - started > PDF_TIME_LIMIT_MS)
        throw new ImportError('Đọc tệp PDF quá lâu; hãy tải lên bản .docx của kế hoạch.');
      const geometry = await readPage(doc, n);
      characters += geometry.items.reduce((s, i) => s + i.text.trim().length, 0);
      builder.addPage(pageBlocks(geometry));
    }
    if (characters < 20) {
      throw new ImportError(
        'Tệp PDF không có lớp văn bản (có thể là bản quét/ảnh chụp). Hãy tải lên bản .docx hoặc PDF xuất từ Word.',
      );
    }
    return builder.document;
  } finally {
    await doc.loadingTask.destroy();
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

/** One page's geometry; pdf.js errors on a damaged page (bad streams, broken cross-reference
 *  entries) become the uploader's message instead of escaping as internal errors. */
async function readPage(doc: PdfDocument, n: number): Promise<PageGeometry> {
  try {
    const page = await doc.getPage(n);
    const geometry = await pageGeometry(page);
    page.cleanup();
    return geometry;
  } catch {
    throw new ImportError(
      `Tệp PDF bị hỏng ở trang ${n}; hãy xuất lại tệp PDF hoặc tải lên bản .docx.`,
    );
  }
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>['promise']>['getPage']>>;

async function pageGeometry(page: PdfPage): Promise<PageGeometry> {
  const viewport = page.getViewport({ scale: 1 });
  const [content, operators] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  const items: TextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [x, yBase] = [item.transform[4] as number, item.transform[5] as number];
    const height = item.height || Math.abs(item.transform[3] as number);
    items.push({
      text: item.str,
      x: x - viewport.viewBox[0]!,
      y: viewport.viewBox[3]! - yBase - height * 0.8,
      width: item.width,
      height,
    });
  }
  const { horizontals, verticals } = rulings(
    operators.fnArray,
    operators.argsArray,
    OPS,
    viewport.viewBox[3]!,
  );
  return { width: viewport.width, height: viewport.height, items, horizontals, verticals };
}

class DocumentBuilder {
  document: ReadDocument = { lines: [], tables: [], trust: 0.9 };
  private headings = new HeadingTracker();
  /** The table the previous page ended with, if it ended with one. */
  private open: DocTable | null = null;

  addPage(blocks: PageBlock[]) {
    blocks.forEach((block, index) => {
      if ('lines' in block) {
        this.open = null;
        for (const line of block.lines) this.addLine(line);
        return;
      }
      const width = block.grid[0]!.length;
      const continues = index === 0 && this.open && this.open.grid.rows[0]!.length === width;
      if (continues) this.open!.grid.rows.push(...block.grid);
      else {
        this.open = {
          ...this.headings.take(),
          grid: { rows: block.grid, line: this.document.lines.length + 1 },
        };
        this.document.tables.push(this.open);
      }
      this.document.lines.push(...block.grid.map(rowLine), '');
    });
    const last = blocks.at(-1);
    if (!last || !('grid' in last)) this.open = null;
  }

  private addLine(line: string) {
    const text = normalizeText(line);
    this.document.lines.push(text);
    this.headings.see(text);
  }
}
