import { describe, expect, it } from 'vitest';
import { IsoDay } from './dates.ts';

describe('IsoDay: a date at a boundary', () => {
  it('takes real days and refuses impossible, out-of-range and malformed ones', () => {
    for (const day of ['2026-02-28', '2024-02-29', '1900-01-01', '2200-12-31'])
      expect(IsoDay.safeParse(day).success, day).toBe(true);
    for (const day of [
      '2026-02-29',
      '2026-02-30',
      '2026-13-01',
      '0000-00-00',
      '1899-12-31',
      '9999-12-31',
      '2026-1-1',
      'ge',
      '',
    ])
      expect(IsoDay.safeParse(day).success, day).toBe(false);
  });
});
