import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PlanReview } from '@tiendo/core';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';

// The yearly and five-year reviews: every task followed across amendments by its lineage,
// statuses per period, indicators year by year, the units' reporting, the concerns and the
// amendments; the same in .docx (Decree 30) and .xlsx; read by the commune's oversight and
// the province, not by a unit's reporter.

describe.each(TEST_DIALECTS)('plan reviews on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);
  const url = (span: string, ext = '') =>
    `/api/plans/${fixture.ctx.planId}/review${ext}?span=${span}`;

  it('reviews the year: tasks, indicators, reporting, concerns — the shape the web app reads', async () => {
    const { send, focal, users } = fixture.ctx;
    expect((await send(users.kt, 'GET', url('2026'))).statusCode).toBe(403);
    const response = await send(users.lanhdao, 'GET', url('2026'));
    expect(response.statusCode).toBe(200);
    const review = PlanReview.parse(response.json());
    expect(review.span).toMatchObject({ kind: 'year', year: 2026, label: 'năm 2026' });
    expect(review.periods).toHaveLength(1);
    const plan = (await send(focal, 'GET', `/api/plans/${fixture.ctx.planId}`)).json();
    expect(review.tasks).toHaveLength(plan.tasks.length);
    expect(review.tasks.every((t) => t.statuses.length === 1)).toBe(true);
    expect(review.counts.total).toBe(plan.tasks.length);
    // The culture unit said its task is done; the economy unit's is in progress.
    const done = review.tasks.find((t) => t.lineageId === fixture.ctx.taskIds.vhxh)!;
    expect(done.final).toMatch(/^done_/);
    expect(review.indicators.length).toBe(plan.indicators.length);
    const reported = review.indicators.flatMap((i) => i.years).filter((y) => y.value !== null);
    expect(reported.map((y) => y.value)).toContain('85.5');
    expect(review.reporting.received).toBe(2);
    expect(review.concerns.raised).toBe(2);
    expect(review.concerns.open).toBe(2);
    const bad = await send(focal, 'GET', url('2031'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('Năm 2031 chưa có kỳ báo cáo nào được mở: chưa có gì để sơ kết.');
  });

  it('follows an amended task as one row across periods and lists the amendment', async () => {
    const { send, focal, taskIds, periodId } = fixture.ctx;
    const periods = (await send(focal, 'GET', `/api/plans/${fixture.ctx.planId}/periods`)).json();
    const first = periods.find((p: { id: number }) => p.id === periodId);
    const second = periods.find((p: { status: string }) => p.status === 'planned');
    await send(focal, 'PATCH', `/api/periods/${second.id}`, {
      version: second.version,
      status: 'open',
    });
    const plan = (await send(focal, 'GET', `/api/plans/${fixture.ctx.planId}`)).json();
    const effectiveOn =
      second.windowStart > first.windowEnd ? second.windowStart : second.windowEnd;
    const amended = await send(focal, 'POST', `/api/plans/${fixture.ctx.planId}/amendments`, {
      version: plan.version,
      basis: { number: '45/KH-UBND' },
      effectiveOn,
      changes: [
        { change: 'edit', kind: 'task', itemId: taskIds.kt, fields: { deadline: 'Năm 2030' } },
      ],
    });
    expect(amended.statusCode).toBe(201);
    const review = PlanReview.parse((await send(focal, 'GET', url('term'))).json());
    expect(review.span.kind).toBe('term');
    expect(review.periods).toHaveLength(2);
    expect(review.tasks).toHaveLength(plan.tasks.length);
    const row = review.tasks.find((t) => t.lineageId === taskIds.kt)!;
    expect(row.deadline).toBe('Năm 2030');
    expect(row.statuses.every((s) => s !== null)).toBe(true);
    expect(review.amendments.map((a) => a.basisNumber)).toEqual(['45/KH-UBND']);
  });

  it('writes the review as a Decree 30 report and as appendices', async () => {
    const { send, focal } = fixture.ctx;
    const docx = await send(focal, 'GET', url('2026', '.docx'));
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const xml = await (
      await JSZip.loadAsync(docx.rawPayload)
    )
      .file('word/document.xml')!
      .async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Sơ kết năm 2026 việc triển khai Kế hoạch');
    // Every task is in one of the counted states: they add up to the total.
    const counts = text.match(/trong tổng số (\d+) nhiệm vụ: (.*?)\. Tỷ lệ/)!;
    const parts = [...counts[2]!.matchAll(/ (\d+)(?:;|$)/g)].map((m) => Number(m[1]));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(Number(counts[1]));
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('III. ĐIỀU CHỈNH, BỔ SUNG KẾ HOẠCH');
    expect(text).toContain('45/KH-UBND');
    const xlsx = await send(focal, 'GET', url('2026', '.xlsx'));
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Nhiệm vụ',
      'Chỉ tiêu',
      'Đơn vị',
      'Kiến nghị',
      'Điều chỉnh',
    ]);
    expect(book.getWorksheet('Kiến nghị')!.rowCount).toBe(3 + 2);
  });
});
