import { afterCommittee, TASK_STATUS_LABELS, type TaskStatus } from '@tiendo/core';
import type { Paragraph, Table } from 'docx';
import { defaultNarrative } from '../exports/narrative.ts';
import {
  body,
  centred,
  decree30Docx,
  heading,
  headerBlock,
  run,
  signature,
} from '../exports/decree30.ts';
import type { PlanReview } from './planReview.ts';
import { formatNumber } from '../exports/periodSummary.ts';

// The review as a report in the Decree 30 layout (exports/decree30.ts), the same frame as the
// period report: the plan's results over the year or the term, the indicators against their
// milestones, the units' reporting, the difficulties and what became of them, the amendments.

const vnDate = (iso: string) => iso.split('-').reverse().join('/');

export function reviewTitle(review: PlanReview) {
  const what = review.span.kind === 'year' ? 'Sơ kết' : 'Tổng kết';
  const plan = review.plan.number
    ? `Kế hoạch số ${review.plan.number}`
    : `Kế hoạch “${review.plan.title}”`;
  return `${what} ${review.span.label} việc triển khai ${plan}`;
}

export async function reviewDocx(review: PlanReview): Promise<Buffer> {
  const narrative = {
    ...defaultNarrative({
      period: {
        communeName: review.plan.communeName,
        provinceName: review.plan.provinceName,
        planNumber: review.plan.number,
        label: review.span.label,
      },
      metadata: review.plan.metadata,
    }),
    title: reviewTitle(review),
  };
  const children: Array<Paragraph | Table> = [
    headerBlock(review.plan.communeName, narrative),
    centred([run('BÁO CÁO', { bold: true })], 0),
    centred([run(narrative.title, { bold: true })], 240),
    heading('I. KẾT QUẢ THỰC HIỆN'),
    heading('1. Các nhiệm vụ'),
    body(taskSentence(review)),
    ...overdueTasks(review),
    heading('2. Các chỉ tiêu'),
    ...indicatorLines(review),
    heading('3. Tình hình báo cáo của các cơ quan, đơn vị'),
    body(reportingSentence(review)),
    ...review.units
      .filter((u) => u.expected > 0 && (u.missing > 0 || u.late > 0))
      .map((u) =>
        body(`- ${u.unitName}: gửi ${u.received}/${u.expected} báo cáo, ${u.onTime} đúng hạn.`),
      ),
    heading('II. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ'),
    body(
      `Các đơn vị nêu ${review.concerns.raised} khó khăn, vướng mắc, kiến nghị; đã trả lời, xử lý ${review.concerns.answered}; còn ${review.concerns.open} chưa được trả lời.`,
    ),
    ...review.concerns.items
      .filter((c) => c.status === 'open')
      .map((c) => body(`- ${c.unit} (nhiệm vụ ${c.taskCode}, ${c.period}): ${c.content}`)),
    heading('III. ĐIỀU CHỈNH, BỔ SUNG KẾ HOẠCH'),
    ...(review.amendments.length
      ? review.amendments.map((a) =>
          body(
            `- Lần ${a.ordinal}: ${a.basisNumber}${a.basisDate ? ` ngày ${vnDate(a.basisDate)}` : ''}, hiệu lực từ ${vnDate(a.effectiveOn)}: bổ sung ${a.added}, điều chỉnh ${a.changed}, thôi theo dõi ${a.retired} nhiệm vụ, chỉ tiêu.`,
          ),
        )
      : [body(`Trong ${review.span.label}, kế hoạch không được điều chỉnh.`)]),
    heading('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI'),
    body('(Cán bộ đầu mối bổ sung phương hướng, nhiệm vụ thời gian tới.)'),
    body(
      `Trên đây là báo cáo ${narrative.title.charAt(0).toLowerCase()}${narrative.title.slice(1)} của UBND ${afterCommittee(review.plan.communeName)}./.`,
    ),
    signature(narrative),
  ];
  return decree30Docx(`Báo cáo ${narrative.title}`, children);
}

function taskSentence(review: PlanReview) {
  const c = review.counts;
  const retired = review.tasks.filter((t) => t.final === null).length;
  const applicable = c.total - c.not_applicable;
  return (
    `Đến hết ${review.span.label}, trong tổng số ${c.total} nhiệm vụ: hoàn thành đúng hạn ${c.done_on_time}; ` +
    `hoàn thành quá hạn ${c.done_late}; đang thực hiện ${c.in_progress}; quá hạn chưa hoàn thành ${c.overdue}; ` +
    `chưa triển khai ${c.not_started}; chưa báo cáo ${c.not_reported}; chưa đến thời gian thực hiện ${c.not_applicable}. ` +
    `Tỷ lệ hoàn thành ${formatNumber(c.donePercent)}% (trên ${applicable} nhiệm vụ đã đến thời gian thực hiện).` +
    (retired ? ` Ngoài ra ${retired} nhiệm vụ thôi theo dõi sau điều chỉnh kế hoạch.` : '')
  );
}

function overdueTasks(review: PlanReview) {
  const overdue = review.tasks.filter((t) => t.final === 'overdue');
  if (!overdue.length) return [];
  return [
    body('Các nhiệm vụ quá hạn chưa hoàn thành:'),
    ...overdue.map((t) =>
      body(
        `- Nhiệm vụ ${t.code}${t.group ? ` (mục ${t.group.split('.')[0]})` : ''}: ${t.content} (chủ trì: ${t.lead ?? '—'}).`,
      ),
    ),
  ];
}

function indicatorLines(review: PlanReview) {
  if (!review.indicators.length) return [body('Kế hoạch không có chỉ tiêu.')];
  return review.indicators.map((i) =>
    body(
      `- ${i.code}. ${i.name}: ` +
        i.years
          .map(
            (y) =>
              `năm ${y.year} mục tiêu ${y.target ?? '—'}, kết quả ${y.value ?? 'chưa có số liệu'}${y.value ? ` (${y.trajectoryLabel.toLowerCase()})` : ''}`,
          )
          .join('; ') +
        '.',
    ),
  );
}

function reportingSentence(review: PlanReview) {
  const r = review.reporting;
  return `Các cơ quan, đơn vị phải gửi ${r.expected} báo cáo; đã gửi ${r.received} (${r.completeness ?? 0}%), trong đó đúng hạn ${r.onTime} (${r.timeliness ?? 0}%); còn thiếu ${r.missing}.`;
}

/** A status as the appendices print it. */
export const statusLabel = (s: TaskStatus | null) => (s ? TASK_STATUS_LABELS[s] : '—');
