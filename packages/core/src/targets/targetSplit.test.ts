import { describe, expect, it } from 'vitest';
import { aggregate, aggregationOf, splitTarget, TargetSplitError } from './targetSplit.ts';

const three = [{ communeId: 1 }, { communeId: 2 }, { communeId: 3 }];

describe('aggregationOf', () => {
  it('adds counts up and averages rates and ranks', () => {
    expect(aggregationOf('Doanh nghiệp')).toBe('sum');
    expect(aggregationOf('hồ sơ')).toBe('sum');
    expect(aggregationOf(null)).toBe('sum');
    expect(aggregationOf('%')).toBe('average');
    expect(aggregationOf('% GDP')).toBe('average');
    expect(aggregationOf('Tỷ lệ')).toBe('average');
    expect(aggregationOf('Thứ bậc')).toBe('average');
  });
});

describe('splitTarget', () => {
  it('splits a count equally, and gives every commune the rate itself', () => {
    expect(splitTarget(900, 'sum', 'equal', three).map((s) => s.value)).toEqual([300, 300, 300]);
    expect(splitTarget(80, 'average', 'equal', three).map((s) => s.value)).toEqual([80, 80, 80]);
    expect(splitTarget(100, 'sum', 'equal', three)[0]!.value).toBe(33.333);
  });

  it('splits a count by weight (e.g. population), keeping the weights', () => {
    const shares = [
      { communeId: 1, weight: 2 },
      { communeId: 2, weight: 1 },
      { communeId: 3, weight: 1 },
    ];
    expect(splitTarget(1000, 'sum', 'weight', shares)).toEqual([
      { communeId: 1, value: 500, weight: 2 },
      { communeId: 2, value: 250, weight: 1 },
      { communeId: 3, value: 250, weight: 1 },
    ]);
  });

  it('takes manual values as entered, without needing a province total', () => {
    const shares = [
      { communeId: 1, value: 95 },
      { communeId: 2, value: 70 },
    ];
    expect(splitTarget(null, 'average', 'manual', shares).map((s) => s.value)).toEqual([95, 70]);
  });

  it('refuses, in Vietnamese, what cannot be split', () => {
    const refuse = (f: () => unknown) => expect(f).toThrow(TargetSplitError);
    refuse(() => splitTarget(100, 'sum', 'equal', []));
    refuse(() => splitTarget(null, 'sum', 'equal', three));
    refuse(() => splitTarget(80, 'average', 'weight', three));
    refuse(() => splitTarget(100, 'sum', 'weight', three)); // all weights 0
    refuse(() => splitTarget(100, 'sum', 'weight', [{ communeId: 1, weight: -1 }]));
    refuse(() => splitTarget(null, 'sum', 'manual', [{ communeId: 1 }]));
    expect(() => splitTarget(null, 'sum', 'equal', three)).toThrow(/chưa có chỉ tiêu bằng số/);
  });
});

describe('aggregate', () => {
  it('sums counts and averages rates over the communes that reported', () => {
    expect(aggregate([300, 250, null], 'sum')).toBe(550);
    expect(aggregate([90, 70, null], 'average')).toBe(80);
    expect(aggregate([null, null], 'sum')).toBeNull();
  });
});
