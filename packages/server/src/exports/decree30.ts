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

// A report as a Vietnamese administrative document (Decree 30/2020/NĐ-CP, Appendix I): A4;
// margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the two-column header
// (issuing body and number left, Quốc hiệu and Tiêu ngữ, place and date right); title; body;
// Nơi nhận; signature; page numbers centred at the top from page 2. The period report and the
// yearly and five-year reviews are written in it.

const FONT = 'Times New Roman';
/** Exact twips (1 mm = 1440/25.4 twips); the library's helper rounds down. */
const mm = (value: number) => Math.round((value * 1440) / 25.4);
const BODY = 28; // half-points: 14 pt
const SMALL = 26; // 13 pt

export const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? BODY, bold: o.bold, italics: o.italics });

export const centred = (children: ParagraphChild[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });

/** A body paragraph: justified, first line indented 1.27 cm, 6 pt after, 1.15 line spacing. */
export const body = (
  children: ParagraphChild[] | string,
  options: Partial<IParagraphOptions> = {},
) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(12.7) },
    spacing: { after: 120, line: 276 },
    children: typeof children === 'string' ? [run(children)] : children,
    ...options,
  });

export const heading = (text: string) => body([run(text, { bold: true })], { keepNext: true });

/** Text the officer wrote may hold several paragraphs. */
export const paragraphs = (text: string) =>
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

/** The two-column header: the commune's committee and the number; the national motto, the
 *  place and the date. */
export function headerBlock(communeName: string, narrative: Narrative): Table {
  const commune = communeName.toUpperCase();
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

export function signature(narrative: Narrative): Table {
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

/** The whole document: `children` on A4 in the decree's layout, page numbers from page 2. */
export function decree30Docx(title: string, children: Array<Paragraph | Table>): Promise<Buffer> {
  const doc = new Document({
    creator: 'Tiến độ',
    title,
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
