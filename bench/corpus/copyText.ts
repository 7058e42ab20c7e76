// Text as a person gets it by selecting all in a PDF viewer and copying: pdf.js text items
// in the order the PDF draws them (LibreOffice draws a table cell by cell, row by row), a
// line break wherever the next item starts a new line. No tabs: cell boundaries are lost,
// each cell's lines follow each other in column order — the form issue 15 calls "copied
// from a PDF", and the form of the seed plan 001.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function copyText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    let line = '';
    let lastY: number | null = null;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = item.transform[5] as number;
      if (lastY !== null && Math.abs(y - lastY) > 2) {
        out.push(line.trim());
        line = '';
      }
      line += item.str;
      lastY = y;
      if (item.hasEOL) {
        out.push(line.trim());
        line = '';
        lastY = null;
      }
    }
    if (line.trim()) out.push(line.trim());
  }
  await doc.loadingTask.destroy();
  return out.filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n');
}
