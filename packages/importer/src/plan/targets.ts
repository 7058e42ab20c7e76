import { parseTarget } from '@tiendo/core';
import type { Column } from './columns.ts';

// An indicator row's targets: year → cell text. One cell merged across every year column
// (or, in text without merges, one sentence in the first year column and nothing after it)
// is a target for every year: {"all": …}. A single "Kết quả" column takes the year its
// section names ("I. Đến năm 2030"), or "all" when no section names one.

export function targetsOf(
  cells: string[],
  columns: Column[],
  sectionYear: number | null,
  left: boolean[],
): Record<string, string> {
  const targets: Record<string, string> = {};
  const years = columns.flatMap((c, i) => (c.role === 'year' ? [{ i, year: c.year! }] : []));
  const textAt = (i: number): string => (left[i] && i > 0 ? textAt(i - 1) : (cells[i] ?? ''));
  const first = years[0];
  if (first && years.length >= 2 && cells[first.i] !== '') {
    const mergedAll = years.slice(1).every((y) => left[y.i]);
    const filled = years.filter((y) => !left[y.i] && cells[y.i] !== '');
    const sentence = years.length >= 3 && filled.length === 1 && spansAllYears(cells[first.i]!);
    if (mergedAll || sentence) return { all: cells[first.i]! };
  }
  for (const { i, year } of years) {
    const text = textAt(i);
    if (text !== '') targets[String(year)] = text;
  }
  columns.forEach((c, i) => {
    if (c.role === 'result' && cells[i])
      targets[sectionYear !== null ? String(sectionYear) : 'all'] = cells[i]!;
  });
  return targets;
}

/** A sentence rather than a target ("Thực hiện thường xuyên trong các năm"). */
function spansAllYears(text: string): boolean {
  const target = parseTarget(text);
  return target.kind === 'qualitative' || text.split(/\s+/).length > 4;
}
