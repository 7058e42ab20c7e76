import { afterCommittee } from '@tiendo/core';
import ExcelJS from 'exceljs';
import { addRows, sheet, withGroups } from '../exports/xlsxAppendices.ts';
import type { PlanReview } from './planReview.ts';
import { statusLabel } from './reviewDocx.ts';

// The review's appendices: tasks with their status at the end of every period of the span,
// indicators against their milestones year by year, the units' reporting, the difficulties and
// proposals with their answers, and the amendments — in the period appendices' layout.

export async function reviewXlsx(review: PlanReview): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tiến độ';
  const of = `(Kèm theo báo cáo ${review.span.kind === 'year' ? 'sơ kết' : 'tổng kết'} ${review.span.label} của UBND ${afterCommittee(review.plan.communeName)})`;
  const tasks = sheet(workbook, 'Nhiệm vụ', `PHỤ LỤC 1. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ\n${of}`, [
    { header: 'TT', key: 'code', width: 7 },
    { header: 'Nội dung nhiệm vụ', key: 'content', width: 46 },
    { header: 'Chủ trì', key: 'lead', width: 20 },
    { header: 'Thời hạn', key: 'deadline', width: 14 },
    ...review.periods.map((p, i) => ({ header: p.label, key: `p${i}`, width: 14 })),
  ]);
  // Group rows ("III. …") as the plan prints them: numbers restart in each group.
  addRows(
    tasks,
    withGroups(
      review.tasks,
      (t) => ({
        code: t.code,
        content: t.content,
        lead: t.lead,
        deadline: t.deadline,
        ...Object.fromEntries(t.statuses.map((s, i) => [`p${i}`, statusLabel(s)])),
      }),
      'content',
    ),
  );
  const years = [...new Set(review.indicators.flatMap((i) => i.years.map((y) => y.year)))].sort();
  const indicators = sheet(
    workbook,
    'Chỉ tiêu',
    `PHỤ LỤC 2. KẾT QUẢ CÁC CHỈ TIÊU THEO NĂM\n${of}`,
    [
      { header: 'TT', key: 'code', width: 7 },
      { header: 'Chỉ tiêu', key: 'name', width: 44 },
      { header: 'Đơn vị tính', key: 'unit', width: 11 },
      ...years.flatMap((y) => [
        { header: `Mục tiêu ${y}`, key: `t${y}`, width: 13 },
        { header: `Kết quả ${y}`, key: `v${y}`, width: 13 },
        { header: `Đánh giá ${y}`, key: `e${y}`, width: 16 },
      ]),
    ],
  );
  addRows(
    indicators,
    review.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      ...Object.fromEntries(
        i.years.flatMap((y) => [
          [`t${y.year}`, y.target],
          [`v${y.year}`, y.value],
          [`e${y.year}`, y.value ? y.trajectoryLabel : null],
        ]),
      ),
    })),
  );
  const units = sheet(
    workbook,
    'Đơn vị',
    `PHỤ LỤC 3. TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ\n${of}`,
    [
      { header: 'Cơ quan, đơn vị', key: 'unit', width: 40 },
      { header: 'Phải gửi', key: 'expected', width: 11 },
      { header: 'Đã gửi', key: 'received', width: 11 },
      { header: 'Đúng hạn', key: 'onTime', width: 11 },
      { header: 'Tỷ lệ đúng hạn (%)', key: 'timeliness', width: 14 },
    ],
  );
  addRows(
    units,
    review.units.map((u) => ({
      unit: u.unitName,
      expected: u.expected,
      received: u.received,
      onTime: u.onTime,
      timeliness: u.timeliness,
    })),
  );
  const concerns = sheet(
    workbook,
    'Kiến nghị',
    `PHỤ LỤC 4. KHÓ KHĂN, VƯỚNG MẮC, KIẾN NGHỊ\n${of}`,
    [
      { header: 'Kỳ', key: 'period', width: 16 },
      { header: 'Đơn vị', key: 'unit', width: 24 },
      { header: 'Nhiệm vụ', key: 'task', width: 9 },
      { header: 'Nội dung', key: 'content', width: 44 },
      { header: 'Trả lời, xử lý', key: 'answer', width: 40 },
      { header: 'Tình trạng', key: 'status', width: 14 },
    ],
  );
  const STATUS = { open: 'Chưa trả lời', answered: 'Đã trả lời', closed: 'Đã xử lý xong' };
  addRows(
    concerns,
    review.concerns.items.map((c) => ({
      period: c.period,
      unit: c.unit,
      task: c.taskCode,
      content: `${c.kind === 'proposal' ? 'Kiến nghị: ' : ''}${c.content}`,
      answer: c.answer,
      status: STATUS[c.status],
    })),
  );
  const amendments = sheet(
    workbook,
    'Điều chỉnh',
    `PHỤ LỤC 5. CÁC LẦN ĐIỀU CHỈNH KẾ HOẠCH\n${of}`,
    [
      { header: 'Lần', key: 'ordinal', width: 7 },
      { header: 'Văn bản', key: 'basis', width: 24 },
      { header: 'Hiệu lực từ', key: 'effective', width: 13 },
      { header: 'Bổ sung', key: 'added', width: 10 },
      { header: 'Điều chỉnh', key: 'changed', width: 10 },
      { header: 'Thôi theo dõi', key: 'retired', width: 12 },
      { header: 'Ghi chú', key: 'note', width: 36 },
    ],
  );
  addRows(
    amendments,
    review.amendments.map((a) => ({
      ordinal: a.ordinal,
      basis: a.basisNumber,
      effective: a.effectiveOn.split('-').reverse().join('/'),
      added: a.added,
      changed: a.changed,
      retired: a.retired,
      note: a.note,
    })),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
