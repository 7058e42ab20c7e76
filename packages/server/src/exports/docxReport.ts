import { afterCommittee } from '@tiendo/core';
import { Paragraph } from 'docx';
import type { Narrative } from './narrative.ts';
import type { PeriodSummary } from './periodSummary.ts';
import { formatNumber } from './periodSummary.ts';
import {
  body,
  centred,
  decree30Docx,
  heading,
  headerBlock,
  paragraphs,
  run,
  signature,
} from './decree30.ts';

// The consolidated period report (Decree 30 layout: decree30.ts): the figures of the period
// summary around what the focal officer wrote.

function taskFigures(summary: PeriodSummary): Paragraph[] {
  const c = summary.counts;
  const sentence =
    `Tổng số ${c.total} nhiệm vụ: hoàn thành đúng hạn ${c.done_on_time}; hoàn thành quá hạn ${c.done_late}; ` +
    `đang thực hiện ${c.in_progress}; quá hạn chưa hoàn thành ${c.overdue}; chưa triển khai ${c.not_started}; ` +
    `chưa báo cáo ${c.not_reported}; chưa đến thời gian thực hiện ${c.not_applicable}. ` +
    `Tỷ lệ hoàn thành ${formatNumber(c.donePercent)}% số nhiệm vụ đến hạn.`;
  const done = summary.tasks.filter((t) => t.status === 'done_on_time' || t.status === 'done_late');
  const overdue = summary.tasks.filter((t) => t.status === 'overdue');
  return [
    body(sentence),
    ...(done.length ? [body([run('a) Nhiệm vụ đã hoàn thành:', { italics: true })])] : []),
    ...done.map((t) =>
      body(
        `- ${t.content}${t.results ? `: ${t.results}` : ''}${t.status === 'done_late' ? ' (hoàn thành quá hạn)' : ''}.`,
      ),
    ),
    ...(overdue.length
      ? [body([run('b) Nhiệm vụ quá hạn chưa hoàn thành:', { italics: true })])]
      : []),
    ...overdue.map((t) =>
      body(
        `- ${t.content} (thời hạn: ${t.deadline ?? 'không ghi'}; chủ trì: ${t.lead ?? 'chưa xác định'})${t.results ? `: ${t.results}` : ''}.`,
      ),
    ),
  ];
}

function indicatorFigures(summary: PeriodSummary): Paragraph[] {
  const reported = summary.indicators.filter((i) => i.value !== null);
  if (reported.length === 0) return [body('Chưa có đơn vị báo cáo số liệu chỉ tiêu trong kỳ.')];
  return [
    body(
      `Có ${reported.length}/${summary.indicators.length} chỉ tiêu được báo cáo số liệu (chi tiết tại Phụ lục kèm theo), cụ thể:`,
    ),
    ...reported.map((i) => {
      const target = i.targets.map((t) => `${t.year ?? 'các năm'}: ${t.text}`).join('; ');
      return body(
        `- ${i.name}: ${i.value}${i.unit && i.unit !== '%' ? ` ${i.unit}` : (i.unit ?? '')}${target ? ` (mục tiêu ${target})` : ''}.`,
      );
    }),
  ];
}

export const notes = (
  items: Array<{ unit: string; taskCode: string; text: string }>,
  none: string,
) =>
  items.length
    ? items.map((n) => body(`- ${n.unit} (nhiệm vụ ${n.taskCode}): ${n.text}`))
    : [body(none)];

export async function consolidatedReportDocx(
  summary: PeriodSummary,
  narrative: Narrative,
): Promise<Buffer> {
  const r = summary.reporting;
  const children = [
    headerBlock(summary.period.communeName, narrative),
    centred([run('BÁO CÁO', { bold: true })], 0),
    centred([run(narrative.title, { bold: true })], 240),
    heading('I. KẾT QUẢ THỰC HIỆN'),
    heading('1. Đánh giá chung'),
    ...(narrative.assessment
      ? paragraphs(narrative.assessment)
      : [body('(Cán bộ đầu mối bổ sung đánh giá chung.)')]),
    heading('2. Kết quả thực hiện các nhiệm vụ'),
    ...taskFigures(summary),
    heading('3. Kết quả thực hiện các chỉ tiêu'),
    ...indicatorFigures(summary),
    heading('4. Tình hình báo cáo của các cơ quan, đơn vị'),
    body(
      `Đã nhận báo cáo của ${r.received}/${r.units} cơ quan, đơn vị; ${r.onTime} báo cáo đúng hạn; ${r.approved} báo cáo đã được thẩm định.`,
    ),
    heading('II. KHÓ KHĂN, VƯỚNG MẮC'),
    ...notes(summary.difficulties, 'Các đơn vị không báo cáo khó khăn, vướng mắc.'),
    heading('III. ĐỀ XUẤT, KIẾN NGHỊ'),
    ...notes(summary.proposals, 'Không có.'),
    heading('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI'),
    ...(narrative.direction
      ? paragraphs(narrative.direction)
      : [body('(Cán bộ đầu mối bổ sung phương hướng, nhiệm vụ kỳ tới.)')]),
    body(
      `Trên đây là báo cáo ${narrative.title.charAt(0).toLowerCase()}${narrative.title.slice(1)} của UBND ${afterCommittee(summary.period.communeName)}./.`,
    ),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    signature(narrative),
  ];
  return decree30Docx(`Báo cáo ${narrative.title}`, children);
}
