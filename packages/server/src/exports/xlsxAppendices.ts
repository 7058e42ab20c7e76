import { afterCommittee } from '@tiendo/core';
import ExcelJS from 'exceljs';
import type { PeriodSummary } from './periodSummary.ts';

// The period's appendices in the plan's own layout: the indicator table with its targets and
// this period's values, the task table with status, results and evidence. Proper widths,
// wrapped text, a frozen header, A4 landscape print with the header repeated on every page.

interface Column {
  header: string;
  key: string;
  width: number;
}

const FONT = { name: 'Times New Roman', size: 12 };
const BORDER = { style: 'thin' as const, color: { argb: 'FF808080' } };

export function sheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: Column[]) {
  const ws = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '3:3',
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&11Trang &P/&N' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.mergeCells(1, 1, 1, columns.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { ...FONT, size: 14, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 36;
  const header = ws.getRow(3);
  header.values = columns.map((c) => c.header);
  header.height = 32;
  header.eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
    c.border = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
  });
  return ws;
}

export function addRows(
  ws: ExcelJS.Worksheet,
  rows: Array<Record<string, unknown> & { group?: boolean }>,
) {
  for (const values of rows) {
    const row = ws.addRow(values);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = { ...FONT, bold: values.group === true };
      c.alignment = { vertical: 'top', wrapText: true };
      c.border = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
    });
  }
}

/** Group rows ("I. …") before the first row of each group, as the plan prints them. */
export function withGroups<T extends { appendix: string; group: string | null }>(
  items: T[],
  toRow: (item: T) => Record<string, unknown>,
  firstKey: string,
) {
  const rows: Array<Record<string, unknown> & { group?: boolean }> = [];
  let last: string | null = null;
  for (const item of items) {
    const key = `${item.appendix}|${item.group ?? ''}`;
    if (item.group && key !== last) rows.push({ [firstKey]: item.group, group: true });
    last = key;
    rows.push(toRow(item));
  }
  return rows;
}

export async function appendicesXlsx(summary: PeriodSummary): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tiến độ';
  const { period } = summary;
  const years = [...new Set(summary.indicators.flatMap((i) => i.targets.map((t) => t.year)))].sort(
    (a, b) => (a ?? 9999) - (b ?? 9999),
  );
  const yearKey = (y: number | null) => `y${y ?? 'all'}`;
  const indicators = sheet(
    workbook,
    'Chỉ tiêu',
    `PHỤ LỤC 1. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU — ${period.label.toUpperCase()}\n(Kèm theo báo cáo của UBND ${afterCommittee(period.communeName)})`,
    [
      { header: 'TT', key: 'code', width: 7 },
      { header: 'Chỉ tiêu', key: 'name', width: 48 },
      { header: 'Đơn vị tính', key: 'unit', width: 11 },
      ...years.map((y) => ({ header: `Mục tiêu ${y ?? 'các năm'}`, key: yearKey(y), width: 14 })),
      { header: `Kết quả ${period.label}`, key: 'value', width: 16 },
      { header: 'Nguồn số liệu', key: 'source', width: 20 },
      { header: 'Cơ quan chủ trì theo dõi', key: 'lead', width: 24 },
      { header: 'Ghi chú', key: 'note', width: 20 },
    ],
  );
  addRows(
    indicators,
    withGroups(
      summary.indicators,
      (i) => ({
        code: i.code,
        name: i.name,
        unit: i.unit,
        ...Object.fromEntries(i.targets.map((t) => [yearKey(t.year), t.text])),
        // A figure goes in as a number (Excel shows it in the reader's own format and can sum
        // it); a text answer as it was written.
        value: i.valueNumber ?? i.value,
        source: i.dataSource,
        lead: i.lead,
        note: i.note,
      }),
      'name',
    ),
  );
  const tasks = sheet(
    workbook,
    'Nhiệm vụ',
    `PHỤ LỤC 2. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ — ${period.label.toUpperCase()}\n(Kèm theo báo cáo của UBND ${afterCommittee(period.communeName)})`,
    [
      { header: 'TT', key: 'code', width: 7 },
      { header: 'Nội dung nhiệm vụ', key: 'content', width: 46 },
      { header: 'Chủ trì', key: 'lead', width: 20 },
      { header: 'Phối hợp', key: 'coordinate', width: 18 },
      { header: 'Thời hạn', key: 'deadline', width: 14 },
      { header: 'Tình trạng', key: 'status', width: 16 },
      { header: 'Tiến độ (%)', key: 'progress', width: 10 },
      { header: 'Kết quả thực hiện', key: 'results', width: 40 },
      { header: 'Minh chứng', key: 'evidence', width: 24 },
    ],
  );
  addRows(
    tasks,
    withGroups(
      summary.tasks,
      (t) => ({
        code: t.code,
        content: t.content,
        lead: t.lead,
        coordinate: t.coordinate,
        deadline: t.deadline,
        status: t.statusLabel,
        progress: t.progress,
        results: t.results,
        evidence: t.evidence,
      }),
      'content',
    ),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
