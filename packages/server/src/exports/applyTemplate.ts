import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { badRequest } from '../http/errors.ts';
import type { ReportContext } from '../reports/access.ts';
import { assertEditable, saveIndicatorValue, saveTaskUpdate } from '../reports/itemUpdates.ts';
import { loadReport } from '../reports/reportView.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import type { CellError, ParsedTemplate } from './reportTemplate.ts';

// Applying a filled-in template: every row checked first (values, that the item belongs to the
// unit, that nobody changed it since the download), then all changed rows saved in one
// transaction, or none.

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

export async function applyReportTemplate(
  db: Kysely<Database>,
  context: ReportContext,
  parsed: ParsedTemplate,
  userId: number,
): Promise<{ tasks: number; indicators: number }> {
  assertEditable(context);
  const current = await loadReport(db, context.reportId);
  const errors: CellError[] = [...parsed.errors];
  const tasks = parsed.tasks.filter(({ id, row, input }) => {
    const item = current.tasks.find((t) => t.taskId === id);
    if (!item)
      return (
        errors.push({
          sheet: 'Nhiệm vụ',
          row,
          column: 'TT',
          message: 'Nhiệm vụ không thuộc báo cáo của đơn vị.',
        }) && false
      );
    const u = item.update;
    if ((u?.version ?? 0) !== input.version)
      return (
        errors.push({
          sheet: 'Nhiệm vụ',
          row,
          column: 'TT',
          message: `Nhiệm vụ ${item.code} đã được sửa trên hệ thống sau khi tải mẫu: hãy tải mẫu mới.`,
        }) && false
      );
    const unchanged =
      same(u?.status, input.status) &&
      same(u?.progress, input.status === 'done' ? (u?.progress ?? 100) : input.progress) &&
      same(u?.results, input.results) &&
      same(u?.resourcesVnd, input.resourcesVnd) &&
      same(u?.difficulties, input.difficulties) &&
      same(u?.proposals, input.proposals) &&
      same(u?.evidenceText, input.evidenceText) &&
      (input.completedOn === null || same(u?.completedOn, input.completedOn));
    return !unchanged;
  });
  const indicators = parsed.indicators.filter(({ id, row, input }) => {
    const item = current.indicators.find((i) => i.indicatorId === id);
    if (!item)
      return (
        errors.push({
          sheet: 'Chỉ tiêu',
          row,
          column: 'TT',
          message: 'Chỉ tiêu không thuộc báo cáo của đơn vị.',
        }) && false
      );
    const v = item.value;
    if ((v?.version ?? 0) !== input.version)
      return (
        errors.push({
          sheet: 'Chỉ tiêu',
          row,
          column: 'TT',
          message: `Chỉ tiêu ${item.code} đã được sửa trên hệ thống sau khi tải mẫu: hãy tải mẫu mới.`,
        }) && false
      );
    return !(
      same(v?.valueNumber, input.valueNumber) &&
      same(v?.valueText, input.valueText) &&
      same(v?.dataSource, input.dataSource) &&
      same(v?.note, input.note)
    );
  });
  if (errors.length)
    throw badRequest(
      `Tệp có ${errors.length} lỗi; chưa áp dụng thay đổi nào. Sửa các ô được nêu rồi tải lên lại.`,
      errors,
    );
  await atomically(db, async (trx) => {
    for (const t of tasks) await saveTaskUpdate(trx, context, t.id, t.input, userId);
    for (const i of indicators) await saveIndicatorValue(trx, context, i.id, i.input, userId);
    await recordAudit(trx, {
      userId,
      entity: 'report',
      entityId: context.reportId,
      action: 'import_excel',
      after: { tasks: tasks.length, indicators: indicators.length },
    });
  });
  return { tasks: tasks.length, indicators: indicators.length };
}
