import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';

const INJECTION = '=HYPERLINK("http://x.example","bấm vào")';

async function documentText(docx: Buffer) {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { zip, xml, text };
}

describe.each(TEST_DIALECTS)('official outputs on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect, INJECTION);
  let docx: Buffer;
  /** Where the report is written: the commune's name without "Xã". */
  const place = () => fixture.ctx.commune.name.replace(/^Xã /, '');

  it('drafts the narrative from the plan, saves it with a version, keeps units out', async () => {
    const url = `/api/periods/${fixture.ctx.periodId}/narrative`;
    expect((await fixture.ctx.send(fixture.ctx.users.kt, 'GET', url)).statusCode).toBe(403);
    const first = (await fixture.ctx.send(fixture.ctx.focal, 'GET', url)).json();
    expect(first.version).toBe(0);
    expect(first.narrative.place).toBe(place());
    expect(first.narrative.signerAuthority).toContain('TM. ỦY BAN NHÂN DÂN');
    const narrative = {
      ...first.narrative,
      number: '125/BC-UBND',
      date: '2026-06-18',
      assessment:
        'Các cơ quan, đơn vị đã triển khai nghiêm túc kế hoạch.\nMột số nhiệm vụ còn chậm.',
      direction: 'Tập trung hoàn thành các nhiệm vụ quá hạn trong quý III.',
    };
    expect(
      (await fixture.ctx.send(fixture.ctx.users.lanhdao, 'PUT', url, { version: 0, narrative }))
        .statusCode,
    ).toBe(403);
    expect(
      (await fixture.ctx.send(fixture.ctx.focal, 'PUT', url, { version: 0, narrative })).json(),
    ).toEqual({
      version: 1,
    });
    expect(
      (await fixture.ctx.send(fixture.ctx.focal, 'PUT', url, { version: 0, narrative })).statusCode,
    ).toBe(409);
  });

  it('writes the consolidated report in the Decree 30 layout', async () => {
    const response = await fixture.ctx.send(
      fixture.ctx.users.lanhdao,
      'GET',
      `/api/periods/${fixture.ctx.periodId}/report.docx`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(
      "filename*=UTF-8''B%C3%A1o%20c%C3%A1o",
    );
    docx = response.rawPayload;
    const { zip, xml, text } = await documentText(docx);
    for (const expected of [
      'ỦY BAN NHÂN DÂN',
      fixture.ctx.commune.name.toUpperCase(),
      'Số: 125/BC-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `${place()}, ngày 18 tháng 6 năm 2026`,
      'BÁO CÁO',
      'Các cơ quan, đơn vị đã triển khai nghiêm túc kế hoạch.',
      `${fixture.ctx.units.kt.name} (nhiệm vụ`,
      'Thiếu kinh phí cho phần mềm',
      'Đề nghị thành phố hỗ trợ kinh phí',
      'Tập trung hoàn thành các nhiệm vụ quá hạn trong quý III.',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Tổng số \d+ nhiệm vụ: hoàn thành đúng hạn \d+/);
    expect(text).toContain('Đã nhận báo cáo của 2/');
    // A4, margins 20/20/30/15 mm, no page number on page 1, a PAGE field in the other headers.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"/);
    expect(xml).toMatch(/w:left="1701"/);
    expect(xml).toMatch(/w:right="850"/);
    expect(xml).toContain('<w:titlePg/>');
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /word\/header\d+\.xml/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true);
    expect(xml).toContain('Times New Roman');
  });

  it('converts to PDF with LibreOffice: the header is on page 1, the body runs on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiendo-docx-'));
    try {
      writeFileSync(join(dir, 'bao-cao.docx'), docx);
      execFileSync(
        'soffice',
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/profile`,
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'bao-cao.docx'),
        ],
        { timeout: 120_000, stdio: 'pipe' },
      );
      const pdf = await getDocument({
        data: new Uint8Array(readFileSync(join(dir, 'bao-cao.pdf'))),
      }).promise;
      expect(pdf.numPages).toBeGreaterThanOrEqual(2);
      expect(pdf.numPages).toBeLessThan(30);
      const page1 = await pdf.getPage(1);
      const text = (await page1.getTextContent()).items
        .map((i) => ('str' in i ? i.str : ''))
        .join(' ');
      expect(text.replace(/\s+/g, ' ')).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      // The national motto on one line (Decree 30), not wrapped before "VIỆT NAM".
      const items = (await page1.getTextContent()).items.filter((i) => 'str' in i);
      const motto = items.find((i) => i.str.includes('CỘNG HÒA'))!;
      const line = items
        .filter((i) => Math.abs(i.transform[5] - motto.transform[5]) < 2)
        .map((i) => i.str)
        .join(' ');
      expect(line).toContain('VIỆT NAM');
      expect(text).toContain('BÁO CÁO');
      const page2 = await pdf.getPage(2);
      const top = (await page2.getTextContent()).items
        .map((i) => ('str' in i ? i.str : ''))
        .join(' ');
      expect(top.trim().startsWith('2')).toBe(true); // page number at the top of page 2
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the appendices in the plan layout with print setup', async () => {
    const response = await fixture.ctx.send(
      fixture.ctx.focal,
      'GET',
      `/api/periods/${fixture.ctx.periodId}/appendices.xlsx`,
    );
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const tasks = workbook.getWorksheet('Nhiệm vụ')!;
    const indicators = workbook.getWorksheet('Chỉ tiêu')!;
    expect(tasks.getRow(3).values).toEqual(
      expect.arrayContaining(['TT', 'Nội dung nhiệm vụ', 'Tình trạng', 'Kết quả thực hiện']),
    );
    expect(tasks.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(tasks.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToWidth: 1,
    });
    expect(tasks.pageSetup.printTitlesRow).toBe('3:3');
    expect(tasks.getColumn(2).width).toBeGreaterThan(30);
    const rows: string[] = [];
    tasks.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
    // Task 1 is led by two units: both reports' results, each with its unit; done (culture).
    expect(rows.some((r) => r.includes(`${fixture.ctx.units.kt.name}: ${INJECTION}`))).toBe(true);
    expect(rows.some((r) => /Hoàn thành (đúng|quá) hạn/.test(r))).toBe(true);
    expect(tasks.getCell('B5').alignment.wrapText).toBe(true);
    // A reported figure is a number Excel can sum, not the text "85,5".
    const reported: unknown[][] = [];
    indicators.eachRow((row) => {
      const cells = row.values as unknown[];
      if (cells.includes('Cổng dịch vụ công')) reported.push(cells);
    });
    expect(reported.length).toBeGreaterThan(0);
    expect(reported[0]).toContain(85.5);
    expect(reported[0]).not.toContain('85,5');
  });

  it('exports submitted and approved reports as JSON and CSV, never drafts, formulas defused', async () => {
    const json = (
      await fixture.ctx.send(
        fixture.ctx.users.kt,
        'GET',
        `/api/plans/${fixture.ctx.planId}/export.json`,
      )
    ).json();
    const units = json.periods.flatMap((p: { reports: Array<{ unit: string }> }) =>
      p.reports.map((r) => r.unit),
    );
    const { kt, vhxh, pvhcc } = fixture.ctx.units;
    expect(units.sort()).toEqual([kt.name, vhxh.name].sort());
    const csv = (
      await fixture.ctx.send(
        fixture.ctx.users.kt,
        'GET',
        `/api/plans/${fixture.ctx.planId}/export.csv`,
      )
    ).body;
    expect(csv.startsWith('\uFEFFky_bao_cao,han_nop,don_vi')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""bấm vào"")"`);
    expect(csv).not.toContain(pvhcc.name);
  });
});
