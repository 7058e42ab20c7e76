import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { PlanDraft } from '@tiendo/core';
import { importPlan, scoreDraft } from './index.ts';
import { minimalPdf } from './testing/minimalPdf.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEEDS = [
  '000_862ce2f29f2f990b',
  '001_1d64451434ecda36',
  '003_8b1c9afe57927341',
  '004_f32060216730cad0',
];
const gold = (name: string) =>
  PlanDraft.parse(
    JSON.parse(readFileSync(join(ROOT, 'fixtures/gold', `${name}.gold.json`), 'utf8')),
  );
const rendered = (name: string, ext: string) => ({
  filename: `${name}${ext}`,
  bytes: readFileSync(join(ROOT, 'fixtures/rendered', `${name}${ext}`)),
});

describe('the seed plans rendered as .docx (real Word tables: gridSpan, vMerge, repeated header)', () => {
  it.each(SEEDS)('%s.docx: every row found, field accuracy ≥ 0.98', async (name) => {
    const score = scoreDraft(gold(name), await importPlan(rendered(name, '.docx')));
    expect(score.rows.recall).toBe(1);
    expect(score.accuracy, JSON.stringify(score.mismatches.slice(0, 5))).toBeGreaterThanOrEqual(
      0.98,
    );
  });
});

describe('the seed plans rendered as .pdf by LibreOffice', () => {
  it.each(SEEDS)('%s.pdf: every row found, field accuracy ≥ 0.95', async (name) => {
    const score = scoreDraft(gold(name), await importPlan(rendered(name, '.pdf')));
    expect(score.rows.recall).toBe(1);
    expect(score.accuracy, JSON.stringify(score.mismatches.slice(0, 5))).toBeGreaterThanOrEqual(
      0.95,
    );
  });
});

describe('per-field confidence', () => {
  it('trusts .docx cells and flags the lead cells a PDF page break emptied', async () => {
    const name = SEEDS[0]!;
    const docx = await importPlan(rendered(name, '.docx'));
    expect(docx.confidence?.base).toBe(1);
    const pdf = await importPlan(rendered(name, '.pdf'));
    expect(pdf.confidence?.base).toBeLessThan(1);
    const expected = gold(name);
    const wrongLeads = pdf.tasks
      .map((task, index) => ({ task, index }))
      .filter(({ task, index }) => task.lead !== expected.tasks[index]!.lead);
    expect(wrongLeads.length).toBeGreaterThan(0);
    for (const { index } of wrongLeads)
      expect(pdf.confidence!.fields).toContainEqual(
        expect.objectContaining({ where: `tasks[${index}]`, field: 'lead' }),
      );
  });
});

async function docxWith(documentXml: string | null): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  if (documentXml !== null) zip.file('word/document.xml', documentXml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const tc = (text: string, props = '') =>
  `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

describe('.docx tables', () => {
  it('repeats a vertically merged value for each item, and joins an item continued on a second row', async () => {
    const rows = [
      ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời gian hoàn thành']
        .map((t) => tc(t))
        .join(''),
      tc('1') + tc('Việc một') + tc('Phòng Kinh tế', '<w:vMerge w:val="restart"/>') + tc('2026'),
      tc('2') + tc('Việc hai') + tc('', '<w:vMerge/>') + tc('2027'),
      tc('', '<w:vMerge/>') + tc('(tiếp theo)') + tc('', '<w:vMerge/>') + tc(''),
    ];
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>PHỤ LỤC 1</w:t></w:r></w:p><w:tbl>${rows.map((r) => `<w:tr>${r}</w:tr>`).join('')}</w:tbl></w:body></w:document>`;
    const draft = await importPlan({ filename: 'a.docx', bytes: await docxWith(xml) });
    expect(draft.tasks.map((t) => [t.code, t.content, t.lead, t.deadline])).toEqual([
      ['1', 'Việc một', 'Phòng Kinh tế', '2026'],
      ['2', 'Việc hai (tiếp theo)', 'Phòng Kinh tế', '2027'],
    ]);
  });
});

describe('hostile and unusable documents get a clear Vietnamese message', () => {
  it('a corrupt .docx, an old .doc renamed, a .docx without its document part', async () => {
    const zipHeaderOnly = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    await expect(importPlan({ filename: 'a.docx', bytes: zipHeaderOnly })).rejects.toThrow(
      /bị hỏng/,
    );
    await expect(
      importPlan({ filename: 'a.docx', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) }),
    ).rejects.toThrow(/\.doc cũ/);
    await expect(importPlan({ filename: 'a.docx', bytes: await docxWith(null) })).rejects.toThrow(
      /word\/document\.xml/,
    );
  });

  it('a zip bomb: refuses to inflate past the limit', async () => {
    const bomb = await docxWith(
      `<w:document ${W}><w:body>${' '.repeat(60 * 1024 * 1024)}</w:body></w:document>`,
    );
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    await expect(importPlan({ filename: 'bom.docx', bytes: bomb })).rejects.toThrow(
      /quá lớn sau khi giải nén/,
    );
  });

  it('a corrupt PDF and a file that is not a PDF', async () => {
    await expect(
      importPlan({ filename: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n garbage') }),
    ).rejects.toThrow(/PDF/);
    await expect(
      importPlan({ filename: 'a.pdf', bytes: new TextEncoder().encode('hello') }),
    ).rejects.toThrow(/không phải định dạng PDF/);
  });

  it('an image-only PDF (a scan) says it has no text layer', async () => {
    await expect(
      importPlan({ filename: 'scan.pdf', bytes: minimalPdf([[], [], []]) }),
    ).rejects.toThrow(/không có lớp văn bản/);
  });

  it('a 200-page PDF with no appendix table is read through and reported, not a crash', async () => {
    const pages = Array.from({ length: 200 }, (_, i) => [
      `Trang ${i + 1} cua ke hoach`,
      'Noi dung van ban thuong',
    ]);
    const draft = await importPlan({ filename: 'dai.pdf', bytes: minimalPdf(pages) });
    expect(draft.indicators).toEqual([]);
    expect(draft.warnings?.map((w) => w.message).join()).toMatch(/Không tìm thấy bảng phụ lục/);
  });
});
