import type { DraftIndicator, DraftTask, PlanDraft } from '@tiendo/core';

// Field-level accuracy of an imported draft against a hand-checked expected draft.
// Every expected field counts once; a field the importer got wrong, missed, or invented
// (an extra row, an extra target year) counts as an error. Rows are matched by
// (appendix, group, code) and, for repeated codes, by order.

export interface Mismatch {
  where: string;
  expected: unknown;
  actual: unknown;
}

export interface Score {
  fields: number;
  correct: number;
  accuracy: number;
  rows: { expected: number; found: number; recall: number };
  mismatches: Mismatch[];
}

const norm = (v: unknown) =>
  typeof v === 'string' ? v.normalize('NFC').replace(/\s+/g, ' ').trim() : (v ?? null);

class Tally {
  fields = 0;
  correct = 0;
  mismatches: Mismatch[] = [];
  check(where: string, expected: unknown, actual: unknown) {
    this.fields++;
    if (norm(expected) === norm(actual)) this.correct++;
    else this.mismatches.push({ where, expected, actual });
  }
}

type Row = DraftIndicator | DraftTask;
const rowKey = (r: Row) => `${r.table}|${r.group ?? ''}|${r.code}`;

function indexRows<T extends Row>(rows: T[]): Map<string, T> {
  const seen = new Map<string, number>();
  const map = new Map<string, T>();
  for (const row of rows) {
    const k = rowKey(row);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    map.set(`${k}#${n}`, row);
  }
  return map;
}

function scoreRows<T extends Row>(
  tally: Tally,
  kind: string,
  expected: T[],
  actual: T[],
  fields: Array<keyof T>,
): number {
  const want = indexRows(expected);
  const got = indexRows(actual);
  let found = 0;
  for (const [key, row] of want) {
    const other = got.get(key);
    if (other) found++;
    for (const field of fields)
      tally.check(`${kind}[${key}].${String(field)}`, row[field], other?.[field]);
    if ('targets' in row) {
      const targets = (other as DraftIndicator | undefined)?.targets ?? {};
      for (const [year, text] of Object.entries(row.targets))
        tally.check(`${kind}[${key}].targets.${year}`, text, targets[year]);
      for (const year of Object.keys(targets).filter((y) => !(y in row.targets))) {
        tally.check(`${kind}[${key}].targets.${year}`, undefined, targets[year]);
      }
    }
  }
  for (const key of got.keys())
    if (!want.has(key)) tally.check(`${kind}[${key}]`, null, 'extra row');
  return found;
}

function scoreMetadata(tally: Tally, expected: PlanDraft['plan'], actual: PlanDraft['plan']) {
  for (const field of ['issuer', 'locality', 'number', 'date', 'title', 'focal_unit'] as const) {
    tally.check(`plan.${field}`, expected[field], actual[field]);
  }
  for (const field of ['name', 'position', 'authority'] as const) {
    tally.check(`plan.signer.${field}`, expected.signer?.[field], actual.signer?.[field]);
  }
  expected.basis.forEach((b, i) => {
    const other = actual.basis.find((a) => a.number === b.number);
    tally.check(`plan.basis[${i}].number`, b.number, other?.number);
    tally.check(`plan.basis[${i}].date`, b.date, other?.date);
    tally.check(`plan.basis[${i}].issuer`, b.issuer, other?.issuer);
  });
  actual.basis
    .filter((a) => !expected.basis.some((b) => b.number === a.number))
    .forEach((a) => tally.check(`plan.basis[extra]`, null, a.number));
  expected.replaces.forEach((r, i) =>
    tally.check(`plan.replaces[${i}]`, r, actual.replaces.includes(r) ? r : null),
  );
  expected.reporting.forEach((r, i) => {
    const other =
      actual.reporting.find((a) => a.due === r.due && a.frequency === r.frequency) ??
      actual.reporting[i];
    tally.check(`plan.reporting[${i}].frequency`, r.frequency, other?.frequency);
    tally.check(`plan.reporting[${i}].due`, r.due, other?.due);
  });
  if (actual.reporting.length > expected.reporting.length)
    tally.check('plan.reporting[extra]', expected.reporting.length, actual.reporting.length);
}

export function scoreDraft(expected: PlanDraft, actual: PlanDraft): Score {
  const tally = new Tally();
  scoreMetadata(tally, expected.plan, actual.plan);
  const foundIndicators = scoreRows(tally, 'indicators', expected.indicators, actual.indicators, [
    'table',
    'group',
    'code',
    'name',
    'unit',
    'lead',
    'output',
    'director',
    'responsible',
  ]);
  const foundTasks = scoreRows(tally, 'tasks', expected.tasks, actual.tasks, [
    'table',
    'group',
    'code',
    'content',
    'lead',
    'coordinate',
    'output',
    'deadline',
    'director',
    'responsible',
  ]);
  const expectedRows = expected.indicators.length + expected.tasks.length;
  const found = foundIndicators + foundTasks;
  return {
    fields: tally.fields,
    correct: tally.correct,
    accuracy: tally.fields ? tally.correct / tally.fields : 1,
    rows: { expected: expectedRows, found, recall: expectedRows ? found / expectedRows : 1 },
    mismatches: tally.mismatches,
  };
}
