import { isRankUnit } from './targetExpression.ts';

// Cascaded targets (giao chỉ tiêu): a province indicator's target split down to its communes.
// Counts add up (1,000 enterprises = the communes' shares summed); rates and ranks do not —
// a province rate of 80% is met on average, so each commune gets a rate, not a slice of it.

export type SplitMethod = 'equal' | 'weight' | 'manual';
export type Aggregation = 'sum' | 'average';

export class TargetSplitError extends Error {}

/** How communes' figures roll up to the province's for an indicator measured in `unit`. */
export function aggregationOf(unit: string | null | undefined): Aggregation {
  const u = (unit ?? '').trim().toLowerCase();
  return u.startsWith('%') || u.includes('tỷ lệ') || isRankUnit(unit) ? 'average' : 'sum';
}

export interface ShareInput {
  communeId: number;
  weight?: number | null;
  value?: number | null;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Each commune's target. Equal and weighted splits need the province's total; a manual
 *  split takes each commune's value as entered. */
export function splitTarget(
  total: number | null,
  aggregation: Aggregation,
  method: SplitMethod,
  shares: ShareInput[],
): { communeId: number; value: number; weight: number | null }[] {
  if (shares.length === 0) throw new TargetSplitError('Chưa chọn xã nào để giao chỉ tiêu.');
  if (method === 'manual') {
    const missing = shares.filter((s) => s.value === null || s.value === undefined);
    if (missing.length) throw new TargetSplitError('Nhập chỉ tiêu cho từng xã được chọn.');
    return shares.map((s) => ({ communeId: s.communeId, value: s.value!, weight: null }));
  }
  if (total === null)
    throw new TargetSplitError(
      'Kế hoạch cấp trên chưa có chỉ tiêu bằng số cho năm này: hãy nhập tổng.',
    );
  if (method === 'equal')
    return shares.map((s) => ({
      communeId: s.communeId,
      value: round(aggregation === 'sum' ? total / shares.length : total),
      weight: null,
    }));
  if (aggregation === 'average')
    throw new TargetSplitError(
      'Chỉ tiêu tỷ lệ không chia theo trọng số: hãy giao đều hoặc nhập riêng cho từng xã.',
    );
  const weights = shares.map((s) => s.weight ?? 0);
  if (weights.some((w) => w < 0)) throw new TargetSplitError('Trọng số không được âm.');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new TargetSplitError('Cần ít nhất một xã có trọng số lớn hơn 0.');
  return shares.map((s, i) => ({
    communeId: s.communeId,
    value: round((total * weights[i]!) / sum),
    weight: weights[i]!,
  }));
}

/** The communes' figures rolled up as the province's (null when none is known). */
export function aggregate(values: (number | null)[], aggregation: Aggregation): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  const sum = known.reduce((a, b) => a + b, 0);
  return round(aggregation === 'sum' ? sum : sum / known.length);
}
