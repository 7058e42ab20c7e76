import { collapseWhitespace, searchKey } from '../text/vietnamese.ts';
import { NUMBER_PATTERN, parseVietnameseNumber } from './numbers.ts';

// A target cell (chỉ tiêu) as written in a plan, turned into something a machine can check:
// "≥ 80%", "> 70", "đạt trên 3,5%", "phần đầu ít nhất 3%", "80-90%", "Top 50 của thành
// phố", "< 50" for a rank, "-" (no target that year), or qualitative text a person assesses.
// Text that holds numbers we cannot read is kept verbatim and flagged, never dropped.

export type Comparator = '>=' | '>' | '<=' | '<' | '=';
/** Whether a larger actual value is better (rates) or a smaller one (ranks). */
export type Direction = 'higher' | 'lower';

interface Base {
  raw: string;
  /** "Phấn đấu" (strive for): the target is aspirational. */
  aspirational: boolean;
}

export type TargetExpression =
  | (Base & { kind: 'none' })
  | (Base & {
      kind: 'numeric';
      comparator: Comparator;
      value: number;
      percent: boolean;
      /** No comparator was written: "100%" means reach at least 100% (or at most, for a rank). */
      implicit: boolean;
      direction: Direction;
    })
  | (Base & { kind: 'range'; min: number; max: number; percent: boolean; direction: Direction })
  | (Base & { kind: 'rank'; comparator: '<=' | '<'; value: number; scope: string | null })
  | (Base & { kind: 'qualitative' })
  | (Base & { kind: 'unparsed'; flagged: true });

export interface TargetContext {
  /** The indicator's unit column (Đơn vị): "Thứ bậc" makes numbers ranks. */
  unit?: string | null;
}

const WORD_COMPARATORS: Array<[RegExp, Comparator]> = [
  [/\b(it nhat|toi thieu|khong duoi|khong thap hon)\s*$/, '>='],
  [/\b(khong qua|toi da|khong vuot qua|khong cao hon)\s*$/, '<='],
  [/\b(tren|hon|cao hon|lon hon|vuot)\s*$/, '>'],
  [/\b(duoi|thap hon|nho hon)\s*$/, '<'],
];

const SYMBOLS: Record<string, Comparator> = {
  '≥': '>=',
  '>=': '>=',
  '≤': '<=',
  '<=': '<=',
  '>': '>',
  '<': '<',
  '=': '=',
};

function normalise(raw: string): string {
  return collapseWhitespace(raw)
    .replace(/\$\\geq\s*/g, '≥')
    .replace(/\$\\leq\s*/g, '≤')
    .replace(/\\%/g, '%')
    .replace(/\$/g, '')
    .replace(/\*+/g, '')
    .replace(/[–—]/g, '-')
    .replace(/＞/g, '>')
    .replace(/＜/g, '<');
}

export function isRankUnit(unit: string | null | undefined): boolean {
  return !!unit && /^(thu bac|xep hang|hang)$/.test(searchKey(unit));
}

export function parseTarget(rawText: string, context: TargetContext = {}): TargetExpression {
  const raw = rawText;
  const text = normalise(rawText);
  const key = searchKey(text);
  const aspirational = /\bphan dau\b/.test(key);
  if (text === '' || /^[-.]+$/.test(text)) return { kind: 'none', raw, aspirational: false };

  const rank = parseRank(text, key, context);
  if (rank) return { raw, aspirational, ...rank };

  const range = new RegExp(`(${NUMBER_PATTERN})\\s*(%?)\\s*-\\s*(${NUMBER_PATTERN})\\s*(%?)`).exec(
    text,
  );
  if (range) {
    const min = parseVietnameseNumber(range[1]!);
    const max = parseVietnameseNumber(range[3]!);
    if (min !== null && max !== null && min <= max) {
      const percent = range[2] === '%' || range[4] === '%' || unitIsPercent(context.unit);
      return { kind: 'range', raw, aspirational, min, max, percent, direction: 'higher' };
    }
  }

  const numeric = parseComparison(text);
  if (numeric) {
    const direction: Direction =
      numeric.comparator === '<' || numeric.comparator === '<=' ? 'lower' : 'higher';
    const percent = numeric.percent || unitIsPercent(context.unit);
    return { kind: 'numeric', raw, aspirational, ...numeric, percent, direction };
  }

  if (/\d/.test(text)) return { kind: 'unparsed', raw, aspirational, flagged: true };
  return { kind: 'qualitative', raw, aspirational };
}

function unitIsPercent(unit: string | null | undefined): boolean {
  return !!unit && unit.trim().startsWith('%');
}

type RankFields = { kind: 'rank'; comparator: '<=' | '<'; value: number; scope: string | null };

function parseRank(text: string, key: string, context: TargetContext): RankFields | null {
  const top = /\btop\s*(\d+)\b/.exec(key);
  if (top) {
    const at = text.toLowerCase().indexOf('của ');
    const scope = at >= 0 ? text.slice(at + 4).trim() || null : null;
    return { kind: 'rank', comparator: '<=', value: Number(top[1]), scope };
  }
  if (!isRankUnit(context.unit)) return null;
  const comparison = parseComparison(text);
  if (!comparison) return null;
  const comparator: '<' | '<=' = comparison.comparator === '<' ? '<' : '<=';
  return { kind: 'rank', comparator, value: comparison.value, scope: null };
}

/** The first "comparator number [%]" in the text, the comparator as symbol or words. */
function parseComparison(
  text: string,
): { comparator: Comparator; value: number; percent: boolean; implicit: boolean } | null {
  const pattern = new RegExp(`(≥|≤|>=|<=|>|<|=)?\\s*(${NUMBER_PATTERN})\\s*(%)?`, 'g');
  for (const match of text.matchAll(pattern)) {
    const value = parseVietnameseNumber(match[2]!);
    const afterRaw = text.slice(match.index + match[0].length);
    const beforeRaw = text.slice(0, match.index);
    // One number only, and not part of a fraction or date ("1/3", "10/2025"): anything
    // else is ambiguous and left for a person (flagged as unparsed).
    if (
      value === null ||
      /\d/.test(beforeRaw + afterRaw) ||
      /^\s*[/:]/.test(afterRaw) ||
      /[/:]\s*$/.test(beforeRaw)
    ) {
      return null;
    }
    const before = searchKey(beforeRaw);
    const after = searchKey(afterRaw);
    let comparator: Comparator | undefined = match[1] ? SYMBOLS[match[1]] : undefined;
    comparator ??= WORD_COMPARATORS.find(([re]) => re.test(before))?.[1];
    if (!comparator && /^tro len\b/.test(after)) comparator = '>=';
    if (!comparator && /^tro xuong\b/.test(after)) comparator = '<=';
    return {
      comparator: comparator ?? '>=',
      value,
      percent: match[3] === '%',
      implicit: !comparator,
    };
  }
  return null;
}

export type TargetOutcome = 'met' | 'not_met' | 'needs_assessment' | 'no_target' | 'no_data';

function compare(actual: number, comparator: Comparator, value: number): boolean {
  switch (comparator) {
    case '>=':
      return actual >= value;
    case '>':
      return actual > value;
    case '<=':
      return actual <= value;
    case '<':
      return actual < value;
    case '=':
      return Math.abs(actual - value) < 1e-9;
  }
}

/**
 * Checks an actual value against a target. Qualitative and unreadable targets, and text
 * answers, need a person's assessment; a range is met once its lower bound is reached.
 */
export function evaluateTarget(
  target: TargetExpression,
  actual: number | string | null | undefined,
): TargetOutcome {
  if (target.kind === 'none') return 'no_target';
  if (target.kind === 'qualitative' || target.kind === 'unparsed') return 'needs_assessment';
  if (actual === null || actual === undefined || actual === '') return 'no_data';
  if (typeof actual !== 'number' || !Number.isFinite(actual)) return 'needs_assessment';
  switch (target.kind) {
    case 'numeric':
      return compare(actual, target.comparator, target.value) ? 'met' : 'not_met';
    case 'range':
      return actual >= target.min ? 'met' : 'not_met';
    case 'rank':
      return compare(actual, target.comparator, target.value) ? 'met' : 'not_met';
  }
}

/** The number a milestone asks for (the bound that counts as met), for trajectories. */
export function milestoneValue(target: TargetExpression): number | null {
  switch (target.kind) {
    case 'numeric':
    case 'rank':
      return target.value;
    case 'range':
      return target.min;
    default:
      return null;
  }
}

export function targetDirection(target: TargetExpression): Direction {
  if (target.kind === 'rank') return 'lower';
  if (target.kind === 'numeric' || target.kind === 'range') return target.direction;
  return 'higher';
}

/** True when a person should look at this cell during import review. */
export function isFlagged(target: TargetExpression): boolean {
  return target.kind === 'unparsed';
}
