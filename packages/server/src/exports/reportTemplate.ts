import ExcelJS from 'exceljs';
import type { loadReport } from '../reports/reportView.ts';
import type { IndicatorValueInput, TaskUpdateInput } from '../reports/itemUpdates.ts';

// A unit's report as an Excel file to fill in offline (many commune officers work in Excel),
// and reading it back. Hidden columns carry each item's id and the version it was downloaded
// at, so a file filled from a stale copy is refused instead of overwriting newer work. Every
// problem is reported with its sheet, row and column, in Vietnamese, and nothing is applied
// unless the whole file is valid.

type Report = Awaited<ReturnType<typeof loadReport>>;

export const STATES: Record<string, 'not_started' | 'in_progress' | 'done'> = {
  'Chưa triển khai': 'not_started',
  'Đang thực hiện': 'in_progress',
  'Hoàn thành': 'done',
};
const STATE_LABEL = Object.fromEntries(Object.entries(STATES).map(([k, v]) => [v, k]));

const TASK_COLUMNS = [
  { key: 'id', header: 'id', width: 6, hidden: true },
  { key: 'version', header: 'phiên bản', width: 6, hidden: true },
  { key: 'code', header: 'TT', width: 6 },
  { key: 'content', header: 'Nhiệm vụ', width: 50 },
  { key: 'deadline', header: 'Thời hạn', width: 14 },
  { key: 'status', header: 'Tình trạng', width: 16 },
  { key: 'progress', header: 'Tiến độ (%)', width: 10 },
  { key: 'completedOn', header: 'Ngày hoàn thành (dd/mm/yyyy)', width: 14 },
  { key: 'results', header: 'Kết quả đạt được', width: 40 },
  { key: 'resourcesVnd', header: 'Kinh phí đã sử dụng (đồng)', width: 16 },
  { key: 'difficulties', header: 'Khó khăn, vướng mắc', width: 28 },
  { key: 'proposals', header: 'Đề xuất, kiến nghị', width: 28 },
  { key: 'evidenceText', header: 'Minh chứng (số văn bản, đường dẫn)', width: 28 },
  { key: 'explanation', header: 'Giải trình (khi quá hạn)', width: 28 },
] as const;

const INDICATOR_COLUMNS = [
  { key: 'id', header: 'id', width: 6, hidden: true },
  { key: 'version', header: 'phiên bản', width: 6, hidden: true },
  { key: 'code', header: 'TT', width: 6 },
  { key: 'name', header: 'Chỉ tiêu', width: 50 },
  { key: 'unit', header: 'Đơn vị tính', width: 12 },
  { key: 'targets', header: 'Mục tiêu', width: 24 },
  { key: 'value', header: 'Giá trị kỳ này', width: 16 },
  { key: 'dataSource', header: 'Nguồn số liệu', width: 24 },
  { key: 'note', header: 'Ghi chú', width: 28 },
  { key: 'explanation', header: 'Giải trình (khi chậm lộ trình)', width: 28 },
] as const;

const TASKS = 'Nhiệm vụ';
const INDICATORS = 'Chỉ tiêu';
const META = 'meta';
const EDITABLE_FILL = {
  type: 'pattern' as const,
  pattern: 'solid' as const,
  fgColor: { argb: 'FFFFF9DB' },
};

function setUp(
  ws: ExcelJS.Worksheet,
  columns: ReadonlyArray<{ key: string; header: string; width: number; hidden?: boolean }>,
) {
  ws.columns = columns.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width,
    hidden: c.hidden ?? false,
  }));
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 4 }];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
}

type Columns = ReadonlyArray<{ key: string; header: string }>;

/** Wrapped, top-aligned, and shaded from `firstEditable` on: the cells the unit fills in. */
function styleEditableRow(row: ExcelJS.Row, firstEditable: number, columns: Columns) {
  row.alignment = { wrapText: true, vertical: 'top' };
  for (let c = firstEditable; c <= columns.length; c++) row.getCell(c).fill = EDITABLE_FILL;
}

/** A row's cells by column key, as text. */
function cellsOf<C extends Columns>(row: ExcelJS.Row, columns: C) {
  return (key: C[number]['key']) =>
    cellText(row.getCell(columns.findIndex((c) => c.key === key) + 1));
}

const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);

export async function buildReportTemplate(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tiến độ';
  const tasks = wb.addWorksheet(TASKS);
  setUp(tasks, TASK_COLUMNS);
  for (const t of report.tasks) {
    const u = t.update;
    const row = tasks.addRow({
      id: t.taskId,
      version: u?.version ?? 0,
      code: t.code,
      content: t.content,
      deadline: t.deadline,
      status: u?.status ? STATE_LABEL[u.status] : null,
      progress: u?.progress,
      completedOn: dmy(u?.completedOn ?? null),
      results: u?.results,
      resourcesVnd: u?.resourcesVnd,
      difficulties: u?.difficulties,
      proposals: u?.proposals,
      evidenceText: u?.evidenceText,
      explanation: u?.explanation,
    });
    styleEditableRow(row, 6, TASK_COLUMNS);
    row.getCell('status').dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${Object.keys(STATES).join(',')}"`],
      showErrorMessage: true,
      error: 'Chọn một tình trạng trong danh sách',
    };
    row.getCell('progress').dataValidation = {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [0, 100],
      showErrorMessage: true,
      error: 'Tiến độ là số nguyên từ 0 đến 100',
    };
  }
  const indicators = wb.addWorksheet(INDICATORS);
  setUp(indicators, INDICATOR_COLUMNS);
  for (const i of report.indicators) {
    const v = i.value;
    const row = indicators.addRow({
      id: i.indicatorId,
      version: v?.version ?? 0,
      code: i.code,
      name: i.name,
      unit: i.unit,
      targets: i.targets.map((t) => `${t.year ?? 'Các năm'}: ${t.text}`).join('; '),
      value: v ? (v.valueNumber ?? v.valueText) : null,
      dataSource: v?.dataSource,
      note: v?.note,
      explanation: v?.explanation,
    });
    styleEditableRow(row, 7, INDICATOR_COLUMNS);
  }
  const meta = wb.addWorksheet(META, { state: 'veryHidden' });
  meta.addRow(['reportId', report.id]);
  meta.addRow(['unit', report.unitName]);
  meta.addRow(['period', report.periodLabel]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface CellError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export interface ParsedTemplate {
  tasks: Array<{ id: number; row: number; input: TaskUpdateInput }>;
  indicators: Array<{ id: number; row: number; input: IndicatorValueInput }>;
  errors: CellError[];
}

/** A cell's value as text: rich text, hyperlinks, formulas' results and dates flattened. */
function cellText(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return (
        v.richText
          .map((r) => r.text)
          .join('')
          .trim() || null
      );
    if ('text' in v) return String(v.text).trim() || null;
    if ('result' in v) return v.result === undefined || v.result === null ? null : String(v.result);
    return null;
  }
  const text = String(v).trim();
  return text === '' ? null : text;
}

function parseNumber(text: string | null): number | null | 'invalid' {
  if (text === null) return null;
  const normalised = text
    .replace(/\s/g, '')
    .replace(/\.(?=\d{3}(\D|$))/g, '')
    .replace(',', '.');
  const n = Number(normalised);
  return Number.isFinite(n) ? n : 'invalid';
}

function parseDate(text: string | null): string | null | 'invalid' {
  if (text === null) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!m) return 'invalid';
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? 'invalid' : iso;
}

export async function parseReportTemplate(
  bytes: Uint8Array,
  reportId: number,
): Promise<ParsedTemplate> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return {
      tasks: [],
      indicators: [],
      errors: [
        {
          sheet: '',
          row: 0,
          column: '',
          message: 'Tệp không phải bảng tính Excel .xlsx đọc được.',
        },
      ],
    };
  }
  const meta = wb.getWorksheet(META);
  const tasks = wb.getWorksheet(TASKS);
  const indicators = wb.getWorksheet(INDICATORS);
  if (!meta || !tasks || !indicators)
    return {
      tasks: [],
      indicators: [],
      errors: [
        {
          sheet: '',
          row: 0,
          column: '',
          message: 'Tệp không phải mẫu báo cáo tải từ Tiến độ (thiếu trang tính).',
        },
      ],
    };
  if (Number(meta.getCell('B1').value) !== reportId)
    return {
      tasks: [],
      indicators: [],
      errors: [
        {
          sheet: '',
          row: 0,
          column: '',
          message: `Mẫu này thuộc báo cáo khác (${cellText(meta.getCell('B2')) ?? '?'} — ${cellText(meta.getCell('B3')) ?? '?'}).`,
        },
      ],
    };
  const out: ParsedTemplate = { tasks: [], indicators: [], errors: [] };
  const fail = (sheet: string, row: number, column: string, message: string) =>
    out.errors.push({ sheet, row, column, message });

  tasks.eachRow((row, n) => {
    if (n === 1) return;
    const get = cellsOf(row, TASK_COLUMNS);
    const header = (key: string) => TASK_COLUMNS.find((c) => c.key === key)!.header;
    const id = Number(get('id'));
    const version = Number(get('version') ?? 0);
    if (!Number.isInteger(id) || id <= 0)
      return fail(TASKS, n, 'id', 'Dòng không có mã nhiệm vụ (đừng xóa hoặc chèn cột ẩn).');
    const statusText = get('status');
    const status = statusText === null ? null : (STATES[statusText] ?? undefined);
    if (status === undefined)
      fail(
        TASKS,
        n,
        header('status'),
        `"${statusText}" không phải tình trạng hợp lệ (Chưa triển khai, Đang thực hiện, Hoàn thành).`,
      );
    const progress = parseNumber(get('progress'));
    if (
      progress === 'invalid' ||
      (progress !== null && (!Number.isInteger(progress) || progress < 0 || progress > 100))
    )
      fail(TASKS, n, header('progress'), 'Tiến độ phải là số nguyên từ 0 đến 100.');
    const resources = parseNumber(get('resourcesVnd'));
    if (
      resources === 'invalid' ||
      (resources !== null && (resources < 0 || !Number.isInteger(resources)))
    )
      fail(TASKS, n, header('resourcesVnd'), 'Kinh phí phải là số tiền (đồng), không âm.');
    const completedOn = parseDate(get('completedOn'));
    if (completedOn === 'invalid')
      fail(
        TASKS,
        n,
        header('completedOn'),
        'Ngày hoàn thành phải có dạng ngày/tháng/năm, ví dụ 15/06/2026.',
      );
    type Long = 'results' | 'difficulties' | 'proposals' | 'evidenceText' | 'explanation';
    const long = (key: Long, max: number) => {
      const text = get(key);
      if (text && text.length > max) fail(TASKS, n, header(key), `Nội dung dài quá ${max} ký tự.`);
      return text;
    };
    const input = {
      version,
      status: status ?? null,
      progress: typeof progress === 'number' ? progress : null,
      results: long('results', 10_000),
      resourcesVnd: typeof resources === 'number' ? resources : null,
      difficulties: long('difficulties', 5_000),
      proposals: long('proposals', 5_000),
      evidenceText: long('evidenceText', 2_000),
      completedOn: completedOn === 'invalid' ? null : completedOn,
      explanation: long('explanation', 5_000),
    };
    out.tasks.push({ id, row: n, input });
  });

  indicators.eachRow((row, n) => {
    if (n === 1) return;
    const get = cellsOf(row, INDICATOR_COLUMNS);
    const id = Number(get('id'));
    if (!Number.isInteger(id) || id <= 0)
      return fail(INDICATORS, n, 'id', 'Dòng không có mã chỉ tiêu (đừng xóa hoặc chèn cột ẩn).');
    const raw = get('value');
    const number = parseNumber(raw?.replace(/%$/, '') ?? null);
    if (raw && raw.length > 500)
      fail(INDICATORS, n, 'Giá trị kỳ này', 'Giá trị dài quá 500 ký tự.');
    out.indicators.push({
      id,
      row: n,
      input: {
        version: Number(get('version') ?? 0),
        valueNumber: typeof number === 'number' ? number : null,
        valueText: typeof number === 'number' ? null : raw,
        dataSource: get('dataSource'),
        note: get('note'),
        explanation: get('explanation'),
      },
    });
  });
  return out;
}
