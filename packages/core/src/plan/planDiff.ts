import { cascadeSimilarity } from '../text/cascadeMatch.ts';
import { collapseWhitespace, searchKey } from '../text/vietnamese.ts';

// An amending document (kế hoạch điều chỉnh, bổ sung) read by the importer, compared with the
// plan in force: which of its rows are the plan's items changed (field by field), which are
// new, and which of the plan's items it no longer lists (to retire, if a person says so).
// Amending documents renumber and reword, so rows pair by meaning, not by position:
//   1. the same text (ignoring case, accents and spacing);
//   2. the same code with a text that still resembles the old one;
//   3. the most similar remaining text above a threshold, best pairs first.
// Pairs are made within one kind (tasks with tasks). A document that lists only the changed
// rows leaves every other item "missing": retiring them is the reviewer's choice, never the
// default.

export type DiffKind = 'task' | 'indicator';

export interface DiffItem {
  kind: DiffKind;
  /** The plan item's id; absent on rows of the incoming document. */
  id?: number;
  code: string;
  /** The item's text fields by API name (content or name, lead, deadline…). */
  fields: Record<string, string | null>;
  /** Indicator milestones by year ("2026") or "all". */
  targets?: Record<string, string>;
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface PlanItemDiff {
  changed: Array<{ current: DiffItem; incoming: DiffItem; changes: FieldChange[] }>;
  unchanged: Array<{ current: DiffItem; incoming: DiffItem }>;
  added: DiffItem[];
  missing: DiffItem[];
}

/** Below this similarity, two texts are different items. */
export const SAME_ITEM_THRESHOLD = 0.5;
/** With the same code, a reworded text still counts as the same item above this. */
const SAME_CODE_THRESHOLD = 0.3;

const textOf = (item: DiffItem) => item.fields.content ?? item.fields.name ?? '';
const normal = (s: string | null | undefined) => (s ? collapseWhitespace(s).trim() : '');

export function diffPlanItems(current: DiffItem[], incoming: DiffItem[]): PlanItemDiff {
  const out: PlanItemDiff = { changed: [], unchanged: [], added: [], missing: [] };
  for (const kind of ['indicator', 'task'] as const) {
    const mine = current.filter((i) => i.kind === kind);
    const theirs = incoming.filter((i) => i.kind === kind);
    const pairs = pairItems(mine, theirs);
    for (const [a, b] of pairs) {
      const changes = fieldChanges(a, b);
      if (changes.length) out.changed.push({ current: a, incoming: b, changes });
      else out.unchanged.push({ current: a, incoming: b });
    }
    const pairedA = new Set(pairs.map(([a]) => a));
    const pairedB = new Set(pairs.map(([, b]) => b));
    out.missing.push(...mine.filter((a) => !pairedA.has(a)));
    out.added.push(...theirs.filter((b) => !pairedB.has(b)));
  }
  return out;
}

function pairItems(mine: DiffItem[], theirs: DiffItem[]): Array<[DiffItem, DiffItem]> {
  const pairs: Array<[DiffItem, DiffItem]> = [];
  const freeA = new Set(mine);
  const freeB = new Set(theirs);
  const take = (a: DiffItem, b: DiffItem) => {
    pairs.push([a, b]);
    freeA.delete(a);
    freeB.delete(b);
  };
  // 1. Same text.
  const byText = new Map<string, DiffItem[]>();
  for (const a of mine) {
    const key = searchKey(textOf(a));
    byText.set(key, [...(byText.get(key) ?? []), a]);
  }
  for (const b of theirs) {
    const a = byText.get(searchKey(textOf(b)))?.find((x) => freeA.has(x));
    if (a) take(a, b);
  }
  // 2. Same code, text still alike.
  for (const b of [...freeB]) {
    const a = [...freeA].find((x) => normal(x.code) === normal(b.code));
    if (a && cascadeSimilarity(textOf(a), textOf(b)) >= SAME_CODE_THRESHOLD) take(a, b);
  }
  // 3. Most similar text, best pairs first.
  const scored: Array<{ a: DiffItem; b: DiffItem; score: number }> = [];
  for (const a of freeA)
    for (const b of freeB) {
      const score = cascadeSimilarity(textOf(a), textOf(b));
      if (score >= SAME_ITEM_THRESHOLD) scored.push({ a, b, score });
    }
  scored.sort((x, y) => y.score - x.score);
  for (const { a, b } of scored) if (freeA.has(a) && freeB.has(b)) take(a, b);
  return pairs;
}

/** Fields whose text differs (spacing aside); targets year by year. An empty cell in the
 *  document is not a change: amending documents leave out what they do not change (a whole
 *  column, or a year), and clearing a field is done by hand. */
export function fieldChanges(a: DiffItem, b: DiffItem): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(a.fields), ...Object.keys(b.fields)])) {
    const before = normal(a.fields[field]);
    const after = normal(b.fields[field]);
    if (after && before !== after) changes.push({ field, before: before || null, after });
  }
  if (a.targets || b.targets) {
    const years = new Set([...Object.keys(a.targets ?? {}), ...Object.keys(b.targets ?? {})]);
    for (const year of [...years].sort()) {
      const before = normal(a.targets?.[year]);
      const after = normal(b.targets?.[year]);
      if (after && before !== after)
        changes.push({ field: `targets.${year}`, before: before || null, after });
    }
  }
  return changes;
}
