import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateTarget, parseTarget, type TargetExpression } from './targetExpression.ts';
import { parseVietnameseNumber } from './numbers.ts';

const p = (text: string, unit?: string) => parseTarget(text, { unit });
const pick = (t: TargetExpression) => {
  const { raw: _raw, ...rest } = t;
  return rest;
};

describe('parseTarget: forms found in the seed plans', () => {
  it.each([
    ['≥ 80', { comparator: '>=', value: 80, implicit: false }],
    ['≥80%', { comparator: '>=', value: 80, percent: true }],
    ['>= 70%', { comparator: '>=', value: 70, percent: true }],
    ['> 35', { comparator: '>', value: 35 }],
    ['>1', { comparator: '>', value: 1 }],
    ['100%', { comparator: '>=', value: 100, implicit: true, percent: true }],
    ['1', { comparator: '>=', value: 1, implicit: true, percent: false }],
    ['đạt trên 3,5%', { comparator: '>', value: 3.5, percent: true }],
    ['đạt trên 3%', { comparator: '>', value: 3 }],
    ['Đạt ít nhất 3%', { comparator: '>=', value: 3 }],
    ['Phấn đấu đạt 3%', { comparator: '>=', value: 3, aspirational: true, implicit: true }],
    ['phần đầu ít nhất 3%', { comparator: '>=', value: 3, aspirational: true }],
    ['tối thiểu 50%', { comparator: '>=', value: 50 }],
    ['không quá 5%', { comparator: '<=', value: 5, direction: 'lower' }],
    ['dưới 10%', { comparator: '<', value: 10, direction: 'lower' }],
    ['Hàng năm bình quân có ≥ 5 đề tài, sáng kiến', { comparator: '>=', value: 5 }],
    ['mức 2 trở lên', { comparator: '>=', value: 2, implicit: false }],
    ['$\\geq 70\\%$', { comparator: '>=', value: 70, percent: true }],
  ])('%s is a numeric target', (text, expected) => {
    expect(pick(p(text))).toMatchObject({ kind: 'numeric', ...expected });
  });

  it.each([
    ['80-90%', 80, 90],
    ['80 - 90%', 80, 90],
    ['45-50%', 45, 50],
    ['phần đầu ít nhất 2-3%', 2, 3],
  ])('%s is a range', (text, min, max) => {
    expect(p(text)).toMatchObject({ kind: 'range', min, max, percent: true });
  });

  it('reads ranks: Top N, and comparisons when the unit is "Thứ bậc" (lower is better)', () => {
    expect(p('Top 50 của thành phố về phát triển KHCN và ĐMST', 'Thứ bậc')).toMatchObject({
      kind: 'rank',
      comparator: '<=',
      value: 50,
      scope: 'thành phố về phát triển KHCN và ĐMST',
    });
    expect(p('Phấn đấu top 30 của TP', 'Thứ bậc')).toMatchObject({
      kind: 'rank',
      value: 30,
      aspirational: true,
      scope: 'TP',
    });
    expect(p('< 50', 'Thứ bậc')).toMatchObject({ kind: 'rank', comparator: '<', value: 50 });
    expect(p('top 30')).toMatchObject({ kind: 'rank', value: 30, scope: null });
  });

  it('keeps "-" as no target and words without numbers as qualitative', () => {
    expect(p('-').kind).toBe('none');
    expect(p(' – ').kind).toBe('none');
    expect(p('Đạt mức cao của TP', 'Thứ bậc').kind).toBe('qualitative');
    expect(p('Tiên tiến, hiện đại, dung lượng siêu lớn, băng thông siêu rộng').kind).toBe(
      'qualitative',
    );
    expect(p('Thực hiện thường xuyên trong các năm').kind).toBe('qualitative');
  });

  it('flags text with numbers it cannot read, and keeps it verbatim', () => {
    const t = p('khoảng 1/3 số hộ');
    expect(t).toMatchObject({ kind: 'unparsed', flagged: true, raw: 'khoảng 1/3 số hộ' });
  });

  it('takes the percent from the unit column when the cell has none', () => {
    expect(p('≥ 80', '%')).toMatchObject({ kind: 'numeric', percent: true });
  });
});

describe('parseTarget: properties', () => {
  const number = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 10);
  const written = (n: number) => String(n).replace('.', ',');

  it('reads any comparator written as symbol or words with any Vietnamese decimal', () => {
    const forms: Array<[string, string]> = [
      ['≥', '>='],
      ['>=', '>='],
      ['>', '>'],
      ['ít nhất', '>='],
      ['trên', '>'],
      ['tối thiểu', '>='],
      ['đạt', '>='],
    ];
    fc.assert(
      fc.property(
        number,
        fc.constantFrom(...forms),
        fc.boolean(),
        (n, [word, comparator], percent) => {
          const t = p(`${word} ${written(n)}${percent ? '%' : ''}`);
          return (
            t.kind === 'numeric' &&
            t.value === n &&
            t.comparator === comparator &&
            t.percent === percent
          );
        },
      ),
    );
  });

  it('never throws and always keeps the raw text', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.option(fc.constantFrom('%', 'Thứ bậc', '% GDP')),
        (text, unit) => {
          const t = parseTarget(text, { unit });
          return t.raw === text;
        },
      ),
    );
  });

  it('a "≥ x" target is met exactly when actual ≥ x', () => {
    fc.assert(
      fc.property(number, number, (target, actual) => {
        const outcome = evaluateTarget(p(`≥ ${written(target)}%`), actual);
        return outcome === (actual >= target ? 'met' : 'not_met');
      }),
    );
  });

  it('a rank target is met exactly when the rank is at or below the bound', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        (bound, rank) => {
          return evaluateTarget(p(`Top ${bound}`), rank) === (rank <= bound ? 'met' : 'not_met');
        },
      ),
    );
  });
});

describe('evaluateTarget', () => {
  it('handles every kind', () => {
    expect(evaluateTarget(p('> 70%'), 70)).toBe('not_met');
    expect(evaluateTarget(p('> 70%'), 70.5)).toBe('met');
    expect(evaluateTarget(p('80-90%'), 85)).toBe('met');
    expect(evaluateTarget(p('80-90%'), 95)).toBe('met');
    expect(evaluateTarget(p('80-90%'), 79)).toBe('not_met');
    expect(evaluateTarget(p('< 50', 'Thứ bậc'), 50)).toBe('not_met');
    expect(evaluateTarget(p('< 50', 'Thứ bậc'), 12)).toBe('met');
    expect(evaluateTarget(p('-'), 12)).toBe('no_target');
    expect(evaluateTarget(p('Đạt mức cao của TP'), 1)).toBe('needs_assessment');
    expect(evaluateTarget(p('≥ 80'), null)).toBe('no_data');
    expect(evaluateTarget(p('≥ 80'), 'đạt')).toBe('needs_assessment');
    expect(evaluateTarget(p('= 5'), 5)).toBe('met');
  });
});

describe('parseVietnameseNumber', () => {
  it.each([
    ['3,5', 3.5],
    ['3.5', 3.5],
    ['1.000', 1000],
    ['1.000.000', 1_000_000],
    ['1.000,25', 1000.25],
    ['01', 1],
    ['1,2,3', null],
    ['abc', null],
  ])('%s → %s', (text, value) => {
    expect(parseVietnameseNumber(text)).toBe(value);
  });
});
