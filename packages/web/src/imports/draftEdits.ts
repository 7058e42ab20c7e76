import type { DraftIndicator, DraftTask, PlanDraft } from '@tiendo/core';

// Row operations of the review screen, kept pure so they are tested without a browser.
// A "kind" is one of the draft's two row lists; rows of one appendix (table) stay together.

export type RowKind = 'indicators' | 'tasks';
type Row = DraftIndicator | DraftTask;

/** The main text column of a row: what split and merge work on. */
export const mainField = (kind: RowKind) => (kind === 'tasks' ? 'content' : 'name');

function withRows(draft: PlanDraft, kind: RowKind, rows: Row[]): PlanDraft {
  return { ...draft, [kind]: rows };
}

const rowsOf = (draft: PlanDraft, kind: RowKind): Row[] => draft[kind];

export function updateRow(
  draft: PlanDraft,
  kind: RowKind,
  index: number,
  patch: Partial<DraftIndicator> | Partial<DraftTask>,
): PlanDraft {
  const rows = rowsOf(draft, kind).map((row, i) => (i === index ? { ...row, ...patch } : row));
  return withRows(draft, kind, rows as Row[]);
}

export function removeRow(draft: PlanDraft, kind: RowKind, index: number): PlanDraft {
  return withRows(
    draft,
    kind,
    rowsOf(draft, kind).filter((_, i) => i !== index),
  );
}

/** An empty row after `index`, in the same appendix and group, numbered after it. */
export function addRowAfter(draft: PlanDraft, kind: RowKind, index: number): PlanDraft {
  const rows = [...rowsOf(draft, kind)];
  const previous = rows[index]!;
  const blank = Object.fromEntries(
    Object.entries(previous).map(([key, value]) => [
      key,
      key === 'targets' ? {} : typeof value === 'string' ? '' : value,
    ]),
  ) as Row;
  rows.splice(index + 1, 0, {
    ...blank,
    table: previous.table,
    group: previous.group,
    code: nextCode(previous.code),
    ...(kind === 'tasks' ? { lead: null, coordinate: null, deadline: null, output: null } : {}),
  } as Row);
  return withRows(draft, kind, rows);
}

export function nextCode(code: string): string {
  const match = /^(.*?)(\d+)$/.exec(code.trim());
  return match ? `${match[1]}${Number(match[2]) + 1}` : `${code}a`;
}

const joinText = (a: string | null, b: string | null): string | null => {
  const parts = [a, b].map((p) => p?.trim() ?? '').filter((p) => p !== '' && p !== '-');
  if (parts.length === 0) return a ?? b;
  return parts.filter((p, i) => parts.indexOf(p) === i).join(' ');
};

/** One row that the importer cut in two (e.g. across a page break): texts joined, cell by
 *  cell; the first row's number and appendix kept. */
export function mergeWithNext(draft: PlanDraft, kind: RowKind, index: number): PlanDraft {
  const rows = [...rowsOf(draft, kind)];
  const [first, second] = [rows[index], rows[index + 1]];
  if (!first || !second) return draft;
  const merged: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(second)) {
    if (['table', 'group', 'code'].includes(key)) continue;
    const own = (first as unknown as Record<string, unknown>)[key];
    merged[key] =
      key === 'targets'
        ? { ...(value as object), ...(own as object) }
        : joinText(own as string | null, value as string | null);
  }
  rows.splice(index, 2, merged as unknown as Row);
  return withRows(draft, kind, rows);
}

/** Two rows that the importer read as one: the main text is cut at `at`; the new row takes
 *  the second part and the next number, other cells copied so nothing has to be retyped. */
export function splitRow(draft: PlanDraft, kind: RowKind, index: number, at: number): PlanDraft {
  const rows = [...rowsOf(draft, kind)];
  const row = rows[index];
  if (!row) return draft;
  const field = mainField(kind);
  const text = (row as unknown as Record<string, string>)[field]!;
  const [head, tail] = [text.slice(0, at).trim(), text.slice(at).trim()];
  if (head === '' || tail === '') return draft;
  rows.splice(
    index,
    1,
    { ...row, [field]: head } as Row,
    { ...row, [field]: tail, code: nextCode(row.code) } as Row,
  );
  return withRows(draft, kind, rows);
}

/** Appendix labels in document order, with the rows (and their indexes) of each. */
export function appendices(
  draft: PlanDraft,
): Array<{ table: string; kind: RowKind; indexes: number[] }> {
  const out: Array<{ table: string; kind: RowKind; indexes: number[] }> = [];
  for (const kind of ['indicators', 'tasks'] as const)
    rowsOf(draft, kind).forEach((row, index) => {
      let entry = out.find((e) => e.table === row.table && e.kind === kind);
      if (!entry) out.push((entry = { table: row.table, kind, indexes: [] }));
      entry.indexes.push(index);
    });
  return out;
}
