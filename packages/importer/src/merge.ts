import type { DraftIndicator, DraftTask, PlanDraft } from '@tiendo/core';

// Re-importing a corrected document must not lose the fixes a person made in review. A
// three-way merge: `base` is what the importer produced last time, `edited` is the draft
// after review, `incoming` is the new import. A field the person changed keeps their value;
// any other field takes the new document's value. Rows the person deleted stay deleted, rows
// they added stay, rows the new document adds or drops are added or dropped.

type Row = DraftIndicator | DraftTask;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const pick = <T>(base: T, edited: T, incoming: T): T => (same(edited, base) ? incoming : edited);

function keyed<T extends Row>(rows: T[]): Array<[string, T]> {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const k = `${row.table}|${row.group ?? ''}|${row.code}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return [`${k}#${n}`, row];
  });
}

function mergeRow<T extends Row>(base: T, edited: T, incoming: T): T {
  const out = { ...incoming };
  for (const field of Object.keys(incoming) as Array<keyof T>) {
    if (field === 'targets') continue;
    out[field] = pick(base[field], edited[field], incoming[field]);
  }
  if ('targets' in out) {
    const [b, e, i] = [base, edited, incoming].map((r) => (r as DraftIndicator).targets);
    const years = new Set([...Object.keys(b!), ...Object.keys(e!), ...Object.keys(i!)]);
    const targets: Record<string, string> = {};
    for (const year of years) {
      const value = pick(b![year], e![year], i![year]);
      if (value !== undefined) targets[year] = value;
    }
    (out as DraftIndicator).targets = targets;
  }
  return out;
}

function mergeRows<T extends Row>(base: T[], edited: T[], incoming: T[]): T[] {
  const baseMap = new Map(keyed(base));
  const editedList = keyed(edited);
  const editedMap = new Map(editedList);
  const result: Array<[string, T]> = [];
  for (const [key, row] of keyed(incoming)) {
    const b = baseMap.get(key);
    const e = editedMap.get(key);
    if (b && !e) continue; // deleted in review
    result.push([key, b && e ? mergeRow(b, e, row) : row]);
  }
  // Rows added in review: after the row they followed.
  editedList.forEach(([key, row], index) => {
    if (baseMap.has(key)) return;
    const previous = editedList[index - 1]?.[0];
    const at = previous ? result.findIndex(([k]) => k === previous) : -1;
    result.splice(at + 1, 0, [key, row]);
  });
  return result.map(([, row]) => row);
}

export function mergeReimport(base: PlanDraft, edited: PlanDraft, incoming: PlanDraft): PlanDraft {
  const plan = { ...incoming.plan };
  for (const field of Object.keys(plan) as Array<keyof PlanDraft['plan']>) {
    (plan as Record<string, unknown>)[field] = pick(
      base.plan[field],
      edited.plan[field],
      incoming.plan[field],
    );
  }
  // The incoming confidence indexes the incoming rows, not the merged ones: the review screen
  // recomputes doubts from the merged draft itself.
  const { confidence: _confidence, ...rest } = incoming;
  return {
    ...rest,
    plan,
    indicators: mergeRows(base.indicators, edited.indicators, incoming.indicators),
    tasks: mergeRows(base.tasks, edited.tasks, incoming.tasks),
  };
}
