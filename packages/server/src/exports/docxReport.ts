import { afterCommittee } from '@tiendo/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { Narrative } from './narrative.ts';
import type { PeriodSummary } from './periodSummary.ts';
import { formatNumber } from './periodSummary.ts';

// The consolidated period report as a Vietnamese administrative document (Decree
// 30/2020/NĐ-CP, Appendix I): A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New
// Roman; the two-column header (issuing body and number left, Quốc hiệu and Tiêu ngữ, place
// and date right); title; body; Nơi nhận; signature; page numbers centred at the top from
// page 2.

const FONT = 'Times New Roman';
/** Exact twips (1 mm = 1440/25.4 twips); the library's helper rounds down. */
const mm = (value: number) => Math.round((value * 1440) / 25.4);
const BODY = 28; // half-points: 14 pt
const SMALL = 26; // 13 pt

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold, italics: o.italics });

const centred = (children: ParagraphChild[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });

/** A body paragraph: justified, first line indented 1.27 cm, 6 pt after, 1.15 line spacing. */
const body = (children: ParagraphChild[] | string, options: Partial<IParagraphOptions> = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(12.7) },
    spacing: { after: 120, line: 276 },
    children: typeof children === 'string' ? [run(children)] : children,
    ...options,
  });

const heading = (text: string) => body([run(text, { bold: true })], { keepNext: true });

/** Text the officer wrote may hold several paragraphs. */
const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => body(p));

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

const cell = (width: number, children: Paragraph[]) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    borders: noBorders,
    children,
  });

/** A short rule under the issuing body and under the Tiêu ngữ. */
const rule = (widthMm: number) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: {
      left: mm((80 - widthMm) / 2),
      right: mm((80 - widthMm) / 2),
    },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { after: 60 },
    children: [],
  });

function vnDateLine(place: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  // Decree 30: days 1–9 and months 1–2 written with a leading zero.
  const day = String(d).padStart(2, '0');
  const month = m! <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

function headerBlock(summary: PeriodSummary, narrative: Narrative): Table {
  const commune = summary.period.communeName.toUpperCase();
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          // Decree 30: the national motto in capitals, 12–13 pt, on one line — at 13 pt in
          // 60% of the width it wrapped, so 12 pt in 65%.
          cell(35, [
            centred([run('ỦY BAN NHÂN DÂN', { bold: true, size: SMALL })]),
            centred([run(commune, { bold: true, size: SMALL })]),
            rule(25),
            centred([run(`Số: ${narrative.number || '      /BC-UBND'}`, { size: SMALL })]),
          ]),
          cell(65, [
            centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
            centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true })]),
            rule(55),
            centred([run(vnDateLine(narrative.place, narrative.date), { italics: true })]),
          ]),
        ],
      }),
    ],
  });
}

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

const notes = (items: Array<{ unit: string; taskCode: string; text: string }>, none: string) =>
  items.length
    ? items.map((n) => body(`- ${n.unit} (nhiệm vụ ${n.taskCode}): ${n.text}`))
    : [body(none)];

function signature(narrative: Narrative): Table {
  const recipients = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })] }),
    ...narrative.recipients.map((r) => new Paragraph({ children: [run(r, { size: 22 })] })),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          cell(50, recipients),
          cell(50, [
            // "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH": one line each.
            ...narrative.signerAuthority
              .split('/')
              .map((line) => line.trim())
              .filter(Boolean)
              .map((line) => centred([run(line.toUpperCase(), { bold: true })])),
            centred([run(narrative.signerPosition.toUpperCase(), { bold: true })], 1400),
            centred([run(narrative.signerName, { bold: true })]),
          ]),
        ],
      }),
    ],
  });
}

export async function consolidatedReportDocx(
  summary: PeriodSummary,
  narrative: Narrative,
): Promise<Buffer> {
  const r = summary.reporting;
  const children = [
    headerBlock(summary, narrative),
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
  const doc = new Document({
    creator: 'Tiến độ',
    title: `Báo cáo ${narrative.title}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          titlePage: true, // no page number on page 1
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(20),
              bottom: mm(20),
              left: mm(30),
              right: mm(15),
              header: mm(10),
            },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              centred([new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY })]),
            ],
          }),
        },
        footers: { first: new Footer({ children: [] }), default: new Footer({ children: [] }) },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
