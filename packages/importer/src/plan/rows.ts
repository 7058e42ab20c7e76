import { parseTarget, romanToNumber, type DraftIndicator, type DraftTask } from '@tiendo/core';
import type { RawTable } from '../text/tabTables.ts';
import { resolveColumns, type Column } from './columns.ts';

// Raw table rows → the schema's indicator and task rows. Group rows (Roman numeral in the
// first cell) set the group of the rows under them; numbered rows become items.

export interface ExtractedRows {
  indicators: DraftIndicator[];
  tasks: DraftTask[];
  warnings: Array<{ where: string; message: string }>;
}

const CODE = /^\d+(\.\d+)*\.?$/;

function cellOf(cells: string[], columns: Column[], role: Column['role']): string | null {
  const index = columns.findIndex((c) => c.role === role);
  if (index < 0) return null;
  const value = cells[index] ?? '';
  return value === '' ? null : value;
}

/** Year → cell text; one value written across every year column becomes {"all": …}. */
function targetsOf(
  cells: string[],
  columns: Column[],
  groupYear: number | null,
): Record<string, string> {
  const targets: Record<string, string> = {};
  const yearCells = columns.flatMap((c, i) =>
    c.role === 'year' ? [{ year: c.year!, text: cells[i] ?? '' }] : [],
  );
  const filled = yearCells.filter((y) => y.text !== '');
  if (
    yearCells.length >= 3 &&
    filled.length === 1 &&
    filled[0] === yearCells[0] &&
    spansAllYears(filled[0]!.text)
  ) {
    return { all: filled[0]!.text };
  }
  for (const { year, text } of filled) targets[String(year)] = text;
  const result = cellOf(cells, columns, 'result');
  if (result !== null) targets[groupYear !== null ? String(groupYear) : 'all'] = result;
  return targets;
}

/** A sentence rather than a target ("Thực hiện thường xuyên trong các năm"). */
function spansAllYears(text: string): boolean {
  const target = parseTarget(text);
  return target.kind === 'qualitative' || text.split(/\s+/).length > 4;
}

export function extractRows(table: RawTable): ExtractedRows {
  const { kind, columns } = resolveColumns(table.header);
  const out: ExtractedRows = { indicators: [], tasks: [], warnings: [] };
  let group: string | null = null;
  let groupYear: number | null = null;
  for (const row of table.rows) {
    const first = row.cells[0]!.replace(/\.$/, '');
    if (romanToNumber(first) !== null) {
      const title = row.cells.slice(1).find((c) => c !== '') ?? '';
      group = `${first}. ${title}`;
      const year = /năm\s+(\d{4})/i.exec(title);
      groupYear = year ? Number(year[1]) : null;
      continue;
    }
    if (!CODE.test(row.cells[0]!)) {
      out.warnings.push({
        where: `${table.label}, dòng ${row.line}`,
        message: `Bỏ qua dòng không có số thứ tự: "${row.cells.join(' | ').slice(0, 80)}"`,
      });
      continue;
    }
    const code = row.cells[0]!.replace(/\.$/, '');
    const cell = (role: Column['role']) => cellOf(row.cells, columns, role);
    const name = cell('name') ?? '';
    const people = { director: cell('director'), responsible: cell('responsible') };
    if (kind === 'indicators') {
      const targets = targetsOf(row.cells, columns, groupYear);
      out.indicators.push({
        table: table.label,
        group,
        code,
        name,
        unit: cell('unit'),
        targets,
        lead: cell('lead'),
        output: cell('output'),
        ...people,
      });
    } else {
      const deadline = cell('deadline');
      out.tasks.push({
        table: table.label,
        group,
        code,
        content: name,
        lead: cell('lead'),
        coordinate: cell('coordinate'),
        output: cell('output'),
        deadline,
        ...people,
      });
    }
  }
  return out;
}
