import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateReportingPeriods, type Frequency } from './reportingPeriods.ts';
import { addDays } from '../calendar/dates.ts';

describe('generateReportingPeriods (Decree 09/2019/NĐ-CP data windows)', () => {
  it('6-month and yearly windows run from 15/12 of the previous year', () => {
    const periods = generateReportingPeriods(
      [{ frequency: 'semiannual', dues: ['05-25', '11-15'] }],
      '2026-01-01',
      '2026-12-31',
    );
    expect(periods).toEqual([
      {
        frequency: 'semiannual',
        label: '6 tháng đầu năm 2026',
        year: 2026,
        index: 1,
        windowStart: '2025-12-15',
        windowEnd: '2026-06-14',
        due: '2026-05-25',
      },
      {
        frequency: 'semiannual',
        label: '6 tháng cuối năm 2026',
        year: 2026,
        index: 2,
        windowStart: '2026-06-15',
        windowEnd: '2026-12-14',
        due: '2026-11-15',
      },
    ]);
    const yearly = generateReportingPeriods(
      [{ frequency: 'annual', dues: ['12-10'] }],
      '2025-01-01',
      '2026-12-31',
    );
    expect(yearly.map((p) => [p.label, p.windowStart, p.windowEnd, p.due])).toEqual([
      ['Năm 2025', '2024-12-15', '2025-12-14', '2025-12-10'],
      ['Năm 2026', '2025-12-15', '2026-12-14', '2026-12-10'],
    ]);
  });

  it('quarterly and monthly windows end on the 14th, January starting the previous December', () => {
    const quarters = generateReportingPeriods(
      [{ frequency: 'quarterly' }],
      '2026-01-01',
      '2026-12-31',
    );
    expect(quarters.map((q) => `${q.label}: ${q.windowStart}…${q.windowEnd} → ${q.due}`)).toEqual([
      'Quý I năm 2026: 2025-12-15…2026-03-14 → 2026-03-20',
      'Quý II năm 2026: 2026-03-15…2026-06-14 → 2026-06-20',
      'Quý III năm 2026: 2026-06-15…2026-09-14 → 2026-09-20',
      'Quý IV năm 2026: 2026-09-15…2026-12-14 → 2026-12-20',
    ]);
    const months = generateReportingPeriods([{ frequency: 'monthly' }], '2026-01-01', '2026-03-31');
    expect(months.map((m) => [m.label, m.windowStart, m.windowEnd])).toEqual([
      ['Tháng 01/2026', '2025-12-15', '2026-01-14'],
      ['Tháng 02/2026', '2026-01-15', '2026-02-14'],
      ['Tháng 03/2026', '2026-02-15', '2026-03-14'],
    ]);
  });

  it('a 29/02 due date falls back to 28/02 outside leap years', () => {
    const periods = generateReportingPeriods(
      [{ frequency: 'annual', dues: ['02-29'] }],
      '2027-01-01',
      '2028-12-31',
    );
    expect(periods.map((p) => p.due)).toEqual(['2027-02-28', '2028-02-29']);
  });

  it('merges several obligations sorted by due date', () => {
    const periods = generateReportingPeriods(
      [
        { frequency: 'annual', dues: ['12-10'] },
        { frequency: 'semiannual', dues: ['05-25', '11-15'] },
      ],
      '2026-01-01',
      '2026-12-31',
    );
    expect(periods.map((p) => p.label)).toEqual([
      '6 tháng đầu năm 2026',
      '6 tháng cuối năm 2026',
      'Năm 2026',
    ]);
  });

  it('rejects a malformed due date with a Vietnamese message', () => {
    expect(() =>
      generateReportingPeriods(
        [{ frequency: 'annual', dues: ['10/12'] }],
        '2026-01-01',
        '2026-12-31',
      ),
    ).toThrow(/Hạn báo cáo không hợp lệ/);
  });

  it('monthly and quarterly windows tile the year with no gap or overlap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.constantFrom<Frequency>('monthly', 'quarterly'),
        (year, frequency) => {
          const periods = generateReportingPeriods(
            [{ frequency }],
            `${year}-01-01`,
            `${year}-12-31`,
          );
          const ordered = periods.sort((a, b) => a.windowStart.localeCompare(b.windowStart));
          const tiles = ordered.every(
            (p, i) => i === 0 || p.windowStart === addDays(ordered[i - 1]!.windowEnd, 1),
          );
          return (
            tiles &&
            ordered[0]!.windowStart === `${year - 1}-12-15` &&
            ordered.at(-1)!.windowEnd === `${year}-12-14`
          );
        },
      ),
    );
  });
});
