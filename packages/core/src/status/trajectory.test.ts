import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateTrajectory, expectedValueAt, type Milestone } from './trajectory.ts';
import { parseTarget } from '../targets/targetExpression.ts';

const m = (year: number, text: string, unit?: string): Milestone => ({
  year,
  target: parseTarget(text, { unit }),
});
const fiveG = [m(2025, '≥60%'), m(2030, '100%'), m(2035, '100%')];

describe('expectedValueAt', () => {
  it('follows the straight line between milestones (≥60% in 2025 → 100% in 2030: 76% at the end of 2027)', () => {
    expect(expectedValueAt(fiveG, '2027-12-31')).toBeCloseTo(76, 1);
    expect(expectedValueAt(fiveG, '2025-12-31')).toBe(60);
    expect(expectedValueAt(fiveG, '2032-06-30')).toBe(100);
    expect(expectedValueAt(fiveG, '2040-01-01')).toBe(100);
  });
  it('skips "-" milestones and has no line before the first milestone without a baseline', () => {
    expect(expectedValueAt([m(2025, '-'), m(2030, '≥ 80%')], '2027-01-01')).toBeNull();
    expect(
      expectedValueAt([m(2030, '≥ 80%')], '2027-12-31', { date: '2025-12-31', value: 50 }),
    ).toBeCloseTo(62, 1);
  });
  it('stays between the two milestones it sits between', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 1825 }),
        (a, b, days) => {
          const date = new Date(Date.UTC(2025, 11, 31 + days)).toISOString().slice(0, 10);
          const v = expectedValueAt([m(2025, `${a}%`), m(2030, `${b}%`)], date)!;
          return v >= Math.min(a, b) - 1e-9 && v <= Math.max(a, b) + 1e-9;
        },
      ),
    );
  });
});

describe('evaluateTrajectory', () => {
  it('is on track at or above the line, at risk within 10% below it, off track further below', () => {
    const at = (actual: number) =>
      evaluateTrajectory({ milestones: fiveG, date: '2027-12-31', actual }).status;
    expect(at(80)).toBe('on_track');
    expect(at(76)).toBe('on_track');
    expect(at(70)).toBe('at_risk');
    expect(at(60)).toBe('off_track');
  });
  it('respects ranks: lower is better', () => {
    const rank = [m(2025, '< 80', 'Thứ bậc'), m(2030, 'Top 50', 'Thứ bậc')];
    const at = (actual: number) =>
      evaluateTrajectory({ milestones: rank, date: '2027-12-31', actual });
    expect(at(60)).toMatchObject({ status: 'on_track', direction: 'lower' });
    expect(at(72)).toMatchObject({ status: 'at_risk' });
    expect(at(90)).toMatchObject({ status: 'off_track' });
  });
  it('says what it cannot judge', () => {
    expect(
      evaluateTrajectory({
        milestones: [m(2030, 'Đạt mức cao của TP')],
        date: '2027-01-01',
        actual: 1,
      }).status,
    ).toBe('needs_assessment');
    expect(evaluateTrajectory({ milestones: fiveG, date: '2027-01-01', actual: null }).status).toBe(
      'no_data',
    );
    expect(
      evaluateTrajectory({ milestones: [m(2030, '≥ 80%')], date: '2027-01-01', actual: 50 }).status,
    ).toBe('not_assessable');
    expect(
      evaluateTrajectory({ milestones: [m(2030, '≥ 80%')], date: '2027-01-01', actual: 85 }).status,
    ).toBe('on_track');
  });
});
