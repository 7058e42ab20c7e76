// Renders a hand-checked plan (gold PlanDraft + the seed's body text) as a real .docx in a
// given layout, and returns the draft an importer should read back from it. The expected
// draft is the gold with the layout's own changes applied (lettered sections, sub-rows
// numbered "a)" or "-"), so it stays exact by construction; nothing is edited by hand.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { romanToNumber, type DraftIndicator, type DraftTask, type PlanDraft } from '@tiendo/core';
import { EXTRA_VALUES, SYNONYMS, random, type Layout } from './layout.ts';

const FONT = 'Times New Roman';
type Row = DraftIndicator | DraftTask;

interface ColumnSpec {
  header: string;
  parent?: string;
  value(row: Row): string | null;
  year?: boolean;
  lead?: boolean;
}

const para = (t: string, bold = false, size = 24) =>
  new Paragraph({ children: [new TextRun({ text: t, bold, font: FONT, size })] });

interface CellOptions {
  span?: number;
  merge?: 'restart' | 'continue';
  bold?: boolean;
  borderless?: boolean;
  /** Half-points: plans in portrait set their wide tables smaller. */
  size?: number;
}
/** Half-points for table text: 12 pt in landscape, 10 pt in portrait (set per render). */
let tableSize = 24;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
function cell(t: string, o: CellOptions = {}): TableCell {
  return new TableCell({
    children: t.split('\n').map((line) => para(line, o.bold, o.size ?? tableSize)),
    ...(o.span && o.span > 1 ? { columnSpan: o.span } : {}),
    ...(o.merge
      ? {
          verticalMerge:
            o.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
        }
      : {}),
    ...(o.borderless ? { borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } } : {}),
  });
}

const name = (layout: Layout, role: string) => layout.names[role] ?? SYNONYMS[role]![0]!;

function shuffled<T>(list: T[], layout: Layout): T[] {
  if (!layout.shuffle) return list;
  const next = random(layout.seed + 7);
  return [...list].sort(() => next() - 0.5);
}

function yearHeader(year: string, layout: Layout): { header: string; parent?: string } {
  if (layout.years === 'bare') return { header: year };
  if (layout.years === 'parent-lo-trinh')
    return { header: `Năm ${year}`, parent: 'Lộ trình thực hiện' };
  if (layout.years === 'parent-chi-tieu') return { header: year, parent: 'Chỉ tiêu theo năm' };
  return { header: `Năm ${year}` };
}

function indicatorColumns(rows: DraftIndicator[], layout: Layout): ColumnSpec[] {
  const any = (f: (r: DraftIndicator) => unknown) => rows.some((r) => f(r) != null);
  const groupYear = (r: DraftIndicator) => /năm (\d{4})/i.exec(r.group ?? '')?.[1];
  const resultLayout = rows.every(
    (r) => groupYear(r) && Object.keys(r.targets).every((k) => k === groupYear(r)),
  );
  const years = [
    ...new Set(rows.flatMap((r) => Object.keys(r.targets).filter((k) => /^\d{4}$/.test(k)))),
  ].sort();
  const values: ColumnSpec[] = [];
  if (resultLayout)
    values.push({
      header: 'Kết quả',
      value: (r) => Object.values((r as DraftIndicator).targets)[0] ?? null,
    });
  else
    years.forEach((y) =>
      values.push({
        ...yearHeader(y, layout),
        year: true,
        value: (r) => (r as DraftIndicator).targets[y] ?? null,
      }),
    );
  const rest: ColumnSpec[] = [];
  if (any((r) => r.director))
    rest.push({ header: name(layout, 'director'), value: (r) => r.director });
  if (any((r) => r.responsible))
    rest.push({ header: name(layout, 'responsible'), value: (r) => r.responsible });
  rest.push({ header: name(layout, 'indicatorLead'), value: (r) => r.lead, lead: true });
  if (any((r) => r.output)) rest.push({ header: name(layout, 'output'), value: (r) => r.output });
  return [
    { header: name(layout, 'code'), value: (r) => r.code },
    { header: name(layout, 'indicatorName'), value: (r) => (r as DraftIndicator).name },
    ...(any((r) => r.unit)
      ? [{ header: name(layout, 'unit'), value: (r: Row) => (r as DraftIndicator).unit }]
      : []),
    ...values,
    ...shuffled(rest, layout),
    ...extras(layout),
  ];
}

function taskColumns(rows: DraftTask[], layout: Layout): ColumnSpec[] {
  const any = (f: (r: DraftTask) => unknown) => rows.some((r) => f(r) !== null);
  const parent = layout.unitParent && any((r) => r.coordinate) ? 'Cơ quan thực hiện' : undefined;
  const rest: ColumnSpec[] = [];
  if (any((r) => r.director))
    rest.push({ header: name(layout, 'director'), value: (r) => r.director });
  const units: ColumnSpec[] = [
    {
      header: parent ? 'Chủ trì' : name(layout, 'taskLead'),
      parent,
      value: (r) => r.lead,
      lead: true,
    },
  ];
  if (any((r) => r.coordinate))
    units.push({
      header: parent ? 'Phối hợp' : name(layout, 'coordinate'),
      parent,
      value: (r) => (r as DraftTask).coordinate,
    });
  if (any((r) => r.output)) rest.push({ header: name(layout, 'output'), value: (r) => r.output });
  rest.push({ header: name(layout, 'deadline'), value: (r) => (r as DraftTask).deadline });
  const ordered = shuffled(rest, layout);
  ordered.splice(Math.min(1, ordered.length), 0, ...units); // the unit pair stays together
  return [
    { header: name(layout, 'code'), value: (r) => r.code },
    { header: name(layout, 'taskName'), value: (r) => (r as DraftTask).content },
    ...ordered,
    ...extras(layout),
  ];
}

function extras(layout: Layout): ColumnSpec[] {
  return layout.extras.map((header, k) => ({
    header,
    value: (r: Row) =>
      EXTRA_VALUES[(r.code.length + k * 3 + r.code.charCodeAt(0)) % EXTRA_VALUES.length]!,
  }));
}

function headerRows(columns: ColumnSpec[], layout: Layout): TableRow[] {
  const twoRows = columns.some((c) => c.parent);
  const rows: TableRow[] = [];
  if (!twoRows)
    rows.push(
      new TableRow({
        tableHeader: true,
        children: columns.map((c) => cell(c.header, { bold: true })),
      }),
    );
  else {
    const top: TableCell[] = [];
    const bottom: TableCell[] = [];
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      if (!c.parent) {
        top.push(cell(c.header, { bold: true, merge: 'restart' }));
        bottom.push(cell('', { merge: 'continue' }));
        continue;
      }
      let span = 1;
      while (columns[i + span]?.parent === c.parent) span++;
      top.push(cell(c.parent, { bold: true, span }));
      for (let k = 0; k < span; k++) bottom.push(cell(columns[i + k]!.header, { bold: true }));
      i += span - 1;
    }
    rows.push(new TableRow({ tableHeader: true, children: top }));
    rows.push(new TableRow({ tableHeader: true, children: bottom }));
  }
  if (layout.columnNumbers)
    rows.push(
      new TableRow({
        tableHeader: true,
        children: columns.map((_, i) => cell(`(${i + 1})`)),
      }),
    );
  return rows;
}

function tableOf(rows: Row[], columns: ColumnSpec[], layout: Layout): Table {
  const out = headerRows(columns, layout);
  const leadAt = columns.findIndex((c) => c.lead);
  const yearCount = columns.filter((c) => c.year).length;
  let group: string | null = null;
  rows.forEach((row, i) => {
    if (row.group && row.group !== group) out.push(sectionRow(row.group, columns.length, layout));
    group = row.group;
    const sameLead = (r: Row | undefined) =>
      layout.mergeLeads && r && r.group === row.group && r.lead !== null && r.lead === row.lead;
    const cells: TableCell[] = [];
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!;
      if (col.year && 'targets' in row && row.targets.all !== undefined) {
        cells.push(cell(row.targets.all, { span: yearCount }));
        c += yearCount - 1;
        continue;
      }
      const merge =
        c === leadAt && sameLead(rows[i + 1]) && !sameLead(rows[i - 1])
          ? 'restart'
          : c === leadAt && sameLead(rows[i - 1])
            ? 'continue'
            : undefined;
      cells.push(cell(merge === 'continue' ? '' : (col.value(row) ?? ''), { merge }));
    }
    out.push(new TableRow({ children: cells }));
  });
  return new Table({ rows: out, width: { size: 100, type: WidthType.PERCENTAGE } });
}

function sectionRow(group: string, width: number, layout: Layout): TableRow {
  const [numeral, ...title] = group.split('. ');
  if (layout.sections === 'merged')
    return new TableRow({ children: [cell(group, { span: width, bold: true })] });
  return new TableRow({
    children: [
      cell(numeral!, { bold: true }),
      cell(title.join('. '), { span: width - 1, bold: true }),
    ],
  });
}

/** The gold as this layout prints it: lettered sections, renumbered sub-rows. */
export function expectedFor(gold: PlanDraft, layout: Layout): PlanDraft {
  const group = (g: string | null) => {
    if (!g || layout.sections !== 'letters') return g;
    const [numeral, ...title] = g.split('. ');
    const n = romanToNumber(numeral!);
    return n ? `${String.fromCharCode(64 + n)}. ${title.join('. ')}` : g;
  };
  const code = (c: string) => {
    const sub = /^\d+\.(\d+)$/.exec(c);
    if (!sub || layout.subRows === 'keep') return c;
    return layout.subRows === 'dash' ? '-' : `${String.fromCharCode(96 + Number(sub[1]))})`;
  };
  const fix = <T extends Row>(r: T): T => ({ ...r, group: group(r.group), code: code(r.code) });
  return { ...gold, indicators: gold.indicators.map(fix), tasks: gold.tasks.map(fix) };
}

/** Seed lines before the first appendix, and the heading lines of each appendix. */
export function seedText(seed: string) {
  const lines = seed.split('\n').map((l) => l.replace(/\*\*/g, '').trim());
  const isAppendix = (l: string) =>
    /^(PHỤ LỤC|Phụ lục)\s*([0-9]+|[IVX]+)\b/u.test(l) && !/\(/.test(l);
  const first = lines.findIndex(isAppendix);
  const headingOf = (label: string) => {
    const at = lines.findIndex((l) => isAppendix(l) && l.replace(/\s+/g, ' ').startsWith(label));
    const out: string[] = [];
    for (let i = at; at >= 0 && i < lines.length && out.length < 4; i++) {
      if (/^(Stt|STT|TT)\b/.test(lines[i]!)) break;
      if (lines[i]) out.push(lines[i]!);
    }
    return out.length ? out : [label];
  };
  return { body: lines.slice(0, first < 0 ? lines.length : first).filter(Boolean), headingOf };
}

/** The body; with a signature table, "Nơi nhận" and the signer side by side, borderless. */
function bodyChildren(body: string[], layout: Layout): Array<Paragraph | Table> {
  const at = body.findIndex((l) => /^Nơi nhận/.test(l));
  if (!layout.signatureTable || at < 0) return body.map((l) => para(l));
  const tail = body.slice(at);
  const recipients = tail.filter((l, i) => i === 0 || /^-/.test(l));
  const signer = tail.filter((l, i) => i > 0 && !/^-/.test(l));
  const sign = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          cell(recipients.join('\n'), { borderless: true }),
          cell(signer.join('\n'), { borderless: true, bold: true }),
        ],
      }),
    ],
  });
  return [...body.slice(0, at).map((l) => para(l)), sign];
}

export async function renderPlan(
  gold: PlanDraft,
  seed: string,
  layout: Layout,
): Promise<{ docx: Buffer; expected: PlanDraft }> {
  const expected = expectedFor(gold, layout);
  tableSize = layout.landscape ? 24 : 20;
  const { body, headingOf } = seedText(seed);
  const appendix: Array<Paragraph | Table> = [];
  const labels = [...new Set([...expected.indicators, ...expected.tasks].map((r) => r.table))];
  for (const label of labels) {
    const indicators = expected.indicators.filter((r) => r.table === label);
    const tasks = expected.tasks.filter((r) => r.table === label);
    headingOf(label).forEach((l) =>
      appendix.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: l, bold: true, font: FONT, size: 26 })],
        }),
      ),
    );
    if (indicators.length)
      appendix.push(tableOf(indicators, indicatorColumns(indicators, layout), layout));
    if (tasks.length) appendix.push(tableOf(tasks, taskColumns(tasks, layout), layout));
    appendix.push(para(''));
  }
  const orientation = layout.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT;
  const doc = new Document({
    creator: 'Tiến độ corpus',
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      { children: bodyChildren(body, layout) },
      { properties: { page: { size: { orientation } } }, children: appendix },
    ],
  });
  return { docx: await Packer.toBuffer(doc), expected };
}
