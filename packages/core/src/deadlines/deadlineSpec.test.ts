import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dueDatesWithin, parseDeadline } from './deadlineSpec.ts';
import { lastDayOfMonth } from '../calendar/dates.ts';

describe('parseDeadline: forms found in the seed plans', () => {
  it.each([
    ['Tháng 10/2025', '2025-10-01', '2025-10-31'],
    ['Tháng 03/2026', '2026-03-01', '2026-03-31'],
    ['06/2025', '2025-06-01', '2025-06-30'],
    ['9/2025', '2025-09-01', '2025-09-30'],
    ['9-10/2025', '2025-09-01', '2025-10-31'],
    ['12/2025- 01/2026', '2025-12-01', '2026-01-31'],
    ['Năm 2025', '2025-01-01', '2025-12-31'],
    ['2026', '2026-01-01', '2026-12-31'],
    ['Hoàn thành trong năm 2026', '2026-01-01', '2026-12-31'],
    ['2026-2030', '2026-01-01', '2030-12-31'],
    ['2026 – 2030', '2026-01-01', '2030-12-31'],
    ['Giai đoạn 2026-2030', '2026-01-01', '2030-12-31'],
    ['Quý II/2025', '2025-04-01', '2025-06-30'],
    ['Quý IV năm 2025', '2025-10-01', '2025-12-31'],
    ['Hoàn thành trước tháng 9/2025', '2025-09-01', '2025-08-31'],
    ['Hoàn thành trong tháng 10/2025', '2025-10-01', '2025-10-31'],
    ['trong tháng 10/2025', '2025-10-01', '2025-10-31'],
    ['Tháng 2/2028', '2028-02-01', '2028-02-29'],
    ['Tháng 2/2027', '2027-02-01', '2027-02-28'],
  ])('%s → window %s … due %s', (text, start, due) => {
    expect(parseDeadline(text)).toEqual({ kind: 'window', raw: text, start, due });
  });

  it('reads ongoing, yearly and per-guidance forms', () => {
    expect(parseDeadline('Thường xuyên').kind).toBe('ongoing');
    expect(parseDeadline('Hàng năm')).toMatchObject({ kind: 'yearly', fromYear: null });
    expect(parseDeadline('Hằng năm')).toMatchObject({ kind: 'yearly' });
    expect(parseDeadline('Hằng năm, giai đoạn 2026-2030')).toMatchObject({
      kind: 'yearly',
      fromYear: 2026,
      toYear: 2030,
    });
    expect(parseDeadline('Theo hướng dẫn của tỉnh')).toMatchObject({
      kind: 'per_guidance',
      needsDate: true,
    });
    expect(parseDeadline('Theo lộ trình của tỉnh')).toMatchObject({
      kind: 'per_guidance',
      needsDate: true,
    });
  });

  it('flags what it cannot read instead of guessing', () => {
    expect(parseDeadline('Sau khi có kinh phí')).toMatchObject({ kind: 'unparsed', flagged: true });
    expect(parseDeadline('Tháng 13/2025').kind).toBe('unparsed');
    expect(parseDeadline('10-9/2025').kind).toBe('unparsed');
  });

  it('any month/year gives the whole month, also across a leap year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2000, max: 2100 }),
        fc.boolean(),
        (m, y, padded) => {
          const text = `Tháng ${padded ? String(m).padStart(2, '0') : m}/${y}`;
          const spec = parseDeadline(text);
          return (
            spec.kind === 'window' &&
            spec.due === lastDayOfMonth(y, m) &&
            spec.start.endsWith('-01')
          );
        },
      ),
    );
  });

  it('"trước tháng M/Y" is always due the day before the month starts (Jan → 31/12 of the year before)', () => {
    expect(parseDeadline('Hoàn thành trước tháng 1/2026')).toMatchObject({ due: '2025-12-31' });
    expect(parseDeadline('trước tháng 3/2028')).toMatchObject({ due: '2028-02-29' });
  });
});

describe('dueDatesWithin', () => {
  it('gives a window deadline once, in the period that contains it', () => {
    const spec = parseDeadline('Tháng 10/2025');
    expect(dueDatesWithin(spec, '2025-06-15', '2025-12-14')).toEqual(['2025-10-31']);
    expect(dueDatesWithin(spec, '2024-12-15', '2025-06-14')).toEqual([]);
  });
  it('gives yearly tasks 31/12 of each year in the window, within their years', () => {
    expect(dueDatesWithin(parseDeadline('Hằng năm'), '2025-12-15', '2026-12-14')).toEqual([
      '2025-12-31',
    ]);
    expect(dueDatesWithin(parseDeadline('Hằng năm'), '2025-01-01', '2027-12-31')).toEqual([
      '2025-12-31',
      '2026-12-31',
      '2027-12-31',
    ]);
    expect(
      dueDatesWithin(parseDeadline('Hằng năm, 2026-2030'), '2025-01-01', '2027-12-31'),
    ).toEqual(['2026-12-31', '2027-12-31']);
  });
  it('gives ongoing and per-guidance tasks no due date', () => {
    expect(dueDatesWithin(parseDeadline('Thường xuyên'), '2025-01-01', '2030-12-31')).toEqual([]);
    expect(
      dueDatesWithin(parseDeadline('Theo hướng dẫn của tỉnh'), '2025-01-01', '2030-12-31'),
    ).toEqual([]);
  });
});
