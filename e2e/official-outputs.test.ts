import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { TEST_DIALECTS } from '../packages/server/src/testing/databases.ts';
import {
  generatePeriods,
  openFirstPeriod,
  openMyFirstReport,
  signedInPage,
  useServerAndBrowser,
} from './session.ts';

// What the focal officer sends upward: a unit fills its report in Excel offline, the officer
// writes the narrative and downloads the official .docx with the units' figures in it.

async function download(page: Page, link: ReturnType<Page['getByText']>) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync((await file.path())!);
}

describe.each(TEST_DIALECTS)(
  'Excel entry and the official report in the browser (%s)',
  (dialect) => {
    const e2e = useServerAndBrowser(dialect);

    it('template filled offline → uploaded (errors per cell, then applied) → narrative → .docx', async () => {
      const officer = await signedInPage(e2e, 'kienhung.daumoi');
      const label = await openFirstPeriod(officer, await generatePeriods(officer));

      const unit = await signedInPage(e2e, 'kienhung.kt');
      await openMyFirstReport(unit);
      const template = await download(unit, unit.getByText('Tải mẫu Excel'));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('Nhiệm vụ')!;
      sheet.getRow(2).getCell(6).value = 'Đang thực hiện';
      sheet.getRow(2).getCell(7).value = 250;
      sheet.getRow(2).getCell(9).value = 'Đã số hóa 1.200 hồ sơ doanh nghiệp';
      sheet.getRow(2).getCell(11).value = 'Máy quét hỏng';
      const bad = Buffer.from(await wb.xlsx.writeBuffer());
      const chooser = async (bytes: Buffer) => {
        const [picker] = await Promise.all([
          unit.waitForEvent('filechooser'),
          unit.getByRole('button', { name: 'Tải lên mẫu đã điền' }).click(),
        ]);
        await picker.setFiles({
          name: 'bao-cao.xlsx',
          mimeType: 'application/octet-stream',
          buffer: bytes,
        });
      };
      await chooser(bad);
      const errors = unit.getByTestId('template-errors');
      await errors.waitFor();
      expect(await errors.textContent()).toContain('Tiến độ phải là số nguyên từ 0 đến 100.');
      sheet.getRow(2).getCell(7).value = 70;
      await chooser(Buffer.from(await wb.xlsx.writeBuffer()));
      await unit.getByText(/Đã cập nhật từ tệp Excel: 1 nhiệm vụ/).waitFor();
      await expect
        .poll(() =>
          unit
            .locator('[data-testid^="task-"]')
            .first()
            .getByLabel(/^Kết quả đạt được/)
            .inputValue(),
        )
        .toBe('Đã số hóa 1.200 hồ sơ doanh nghiệp');
      await unit.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await expect
        .poll(() => unit.locator('[data-status]').first().getAttribute('data-status'))
        .toBe('submitted');

      await officer.getByRole('link', { name: label }).click();
      const editor = officer.getByTestId('narrative-editor');
      await editor.waitFor();
      // Until the words are saved the .docx would carry placeholders: not offered yet.
      await editor.getByTestId('docx-not-ready').waitFor();
      await editor.getByLabel('Số, ký hiệu').fill('88/BC-UBND');
      await editor.getByLabel('Đánh giá chung').fill('Các đơn vị đã tích cực triển khai.');
      await editor.getByRole('button', { name: 'Lưu phần lời' }).click();
      await editor.getByText('Đã lưu').waitFor();
      // The same period for the city's system: one CSV row per item, with unit codes.
      const upward = (await download(officer, officer.getByTestId('download-upward-csv')))
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      expect(upward[0]).toMatch(/^schema,province_code,province_name,commune_code,commune_name,/);
      expect(upward[1]).toMatch(/^tiendo\.progress\/1,31,Thành phố Hải Phòng,,Xã Kiến Hưng,/);
      const docx = await download(officer, officer.getByTestId('download-docx'));
      const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
      for (const text of [
        'Số: 88/BC-UBND',
        'Các đơn vị đã tích cực triển khai.',
        'Máy quét hỏng',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      ])
        expect(xml).toContain(text);
      const xlsx = await download(officer, officer.getByTestId('download-xlsx'));
      const appendices = new ExcelJS.Workbook();
      await appendices.xlsx.load(xlsx as unknown as ArrayBuffer);
      expect(appendices.worksheets.map((w) => w.name)).toEqual(['Chỉ tiêu', 'Nhiệm vụ']);
      for (const page of [officer, unit]) await page.close();
    });
  },
);
