import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportError } from '../errors.ts';
import { rulings, type PageGeometry, type TextItem } from './geometry.ts';
import { pageLines } from './layout.ts';

// A PDF read through pdf.js: each page's text items with their positions and its ruling
// lines, rebuilt into lines (tables as tab-separated rows) for the text pipeline.

export const MAX_PDF_PAGES = 500;
export const PDF_TIME_LIMIT_MS = 60_000;

export async function pdfToLines(bytes: Uint8Array): Promise<string[]> {
  const started = Date.now();
  let doc;
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      isEvalSupported: false,
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
    const lines: string[] = [];
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (Date.now() - started > PDF_TIME_LIMIT_MS)
        throw new ImportError('Đọc tệp PDF quá lâu; hãy tải lên bản .docx của kế hoạch.');
      const geometry = await readPage(doc, n);
      characters += geometry.items.reduce((s, i) => s + i.text.trim().length, 0);
      lines.push(...pageLines(geometry));
    }
    if (characters < 20) {
      throw new ImportError(
        'Tệp PDF không có lớp văn bản (có thể là bản quét/ảnh chụp). Hãy tải lên bản .docx hoặc PDF xuất từ Word.',
      );
    }
    return lines;
  } finally {
    await doc.destroy();
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
