import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';

// Excel bulk entry: download the unit's template, fill it offline, upload; errors listed per
// cell in Vietnamese, nothing applied unless the whole file is right.

describe.each(TEST_DIALECTS)('Excel template for a unit report on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);

  const download = async () => {
    const response = await fixture.ctx.send(
      fixture.ctx.users.pvhcc,
      'GET',
      `/api/reports/${fixture.ctx.reports.pvhcc}/template.xlsx`,
    );
    expect(response.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    return wb;
  };
  const upload = async (wb: ExcelJS.Workbook) =>
    fixture.ctx.send(
      fixture.ctx.users.pvhcc,
      'POST',
      `/api/reports/${fixture.ctx.reports.pvhcc}/template`,
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
  const report = async () =>
    (
      await fixture.ctx.send(
        fixture.ctx.users.pvhcc,
        'GET',
        `/api/reports/${fixture.ctx.reports.pvhcc}`,
      )
    ).json();

  it('is the unit’s alone to download', async () => {
    expect(
      (
        await fixture.ctx.send(
          fixture.ctx.focal,
          'GET',
          `/api/reports/${fixture.ctx.reports.pvhcc}/template.xlsx`,
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await fixture.ctx.send(
          fixture.ctx.users.kt,
          'GET',
          `/api/reports/${fixture.ctx.reports.pvhcc}/template.xlsx`,
        )
      ).statusCode,
    ).toBe(403);
    const wb = await download();
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    expect(tasks.getColumn(1).hidden).toBe(true);
    expect(tasks.getRow(2).getCell(6).dataValidation.type).toBe('list');
    expect(tasks.getRow(2).getCell(9).value).toBe(`Kết quả của ${fixture.ctx.units.pvhcc.name}`);
  });

  it('lists every bad cell and applies nothing', async () => {
    const before = await report();
    const wb = await download();
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    tasks.getRow(2).getCell(6).value = 'Xong rồi';
    tasks.getRow(3).getCell(7).value = 150;
    tasks.getRow(3).getCell(8).value = '31/02/2026';
    tasks.getRow(3).getCell(10).value = '-5';
    tasks.getRow(4).getCell(9).value = 'Một kết quả hợp lệ';
    const response = await upload(wb);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toContain('Tệp có 4 lỗi; chưa áp dụng thay đổi nào');
    expect(response.json().details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Nhiệm vụ', row: 2, column: 'Tình trạng' }),
        expect.objectContaining({
          row: 3,
          column: 'Tiến độ (%)',
          message: 'Tiến độ phải là số nguyên từ 0 đến 100.',
        }),
        expect.objectContaining({ row: 3, column: 'Ngày hoàn thành (dd/mm/yyyy)' }),
        expect.objectContaining({ row: 3, column: 'Kinh phí đã sử dụng (đồng)' }),
      ]),
    );
    expect(await report()).toEqual(before);
  });

  it('applies a good file in one go', async () => {
    const wb = await download();
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    tasks.getRow(2).getCell(6).value = 'Hoàn thành';
    tasks.getRow(2).getCell(8).value = '05/06/2026';
    tasks.getRow(3).getCell(6).value = 'Đang thực hiện';
    tasks.getRow(3).getCell(7).value = 40;
    tasks.getRow(3).getCell(9).value = { richText: [{ text: 'Đã ' }, { text: 'khảo sát 3 thôn' }] };
    tasks.getRow(3).getCell(10).value = '12.500.000';
    const indicators = wb.getWorksheet('Chỉ tiêu')!;
    if (indicators.rowCount > 1) indicators.getRow(2).getCell(7).value = '92,5';
    const response = await upload(wb);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().tasks).toBe(2);
    const after = await report();
    expect(after.tasks[0].update).toMatchObject({
      status: 'done',
      progress: 100,
      completedOn: '2026-06-05',
    });
    expect(after.tasks[1].update).toMatchObject({
      status: 'in_progress',
      progress: 40,
      results: 'Đã khảo sát 3 thôn',
      resourcesVnd: 12_500_000,
    });
    if (indicators.rowCount > 1) expect(after.indicators[0].value.valueNumber).toBe(92.5);
    // Uploading the same file again: every row is now stale.
    const again = await upload(wb);
    expect(again.statusCode).toBe(400);
    expect(again.json().details[0].message).toContain('đã được sửa trên hệ thống sau khi tải mẫu');
  });

  it('refuses another report’s template, a non-Excel file and a zip bomb', async () => {
    const other = await fixture.ctx.send(
      fixture.ctx.users.kt,
      'GET',
      `/api/reports/${fixture.ctx.reports.kt}/template.xlsx`,
    );
    const wrong = await fixture.ctx.send(
      fixture.ctx.users.pvhcc,
      'POST',
      `/api/reports/${fixture.ctx.reports.pvhcc}/template`,
      other.rawPayload,
    );
    expect(wrong.json().details[0].message).toContain('Mẫu này thuộc báo cáo khác');
    const junk = await fixture.ctx.send(
      fixture.ctx.users.pvhcc,
      'POST',
      `/api/reports/${fixture.ctx.reports.pvhcc}/template`,
      Buffer.from('không phải excel'),
    );
    expect(junk.statusCode).toBe(400);
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const refused = await fixture.ctx.send(
      fixture.ctx.users.pvhcc,
      'POST',
      `/api/reports/${fixture.ctx.reports.pvhcc}/template`,
      bomb,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toContain('quá lớn sau khi giải nén');
  });
});
