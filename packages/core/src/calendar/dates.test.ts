import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, daysBetween, formatVietnameseDate, lastDayOfMonth } from './dates.ts';
import { numberToRoman, romanToNumber } from './romanNumerals.ts';

describe('dates', () => {
  it('knows leap years', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(lastDayOfMonth(2000, 2)).toBe('2000-02-29');
  });
  it('adds days across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 5000 }),
        (n) => daysBetween('2026-06-15', addDays('2026-06-15', n)) === n,
      ),
    );
  });
  it('writes dd/mm/yyyy with leading zeros', () => {
    expect(formatVietnameseDate('2026-02-05')).toBe('05/02/2026');
  });
  it('round-trips Roman numerals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 399 }), (n) => romanToNumber(numberToRoman(n)) === n),
    );
    expect(romanToNumber('IIX')).not.toBeNull();
    expect(romanToNumber('abc')).toBeNull();
  });
});
