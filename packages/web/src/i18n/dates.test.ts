import { describe, expect, it } from 'vitest';
import { parseVnDate, vnDate } from './dates.ts';

// Dates are typed and shown as dd/mm/yyyy whatever the browser's language; the app keeps ISO.

describe('parseVnDate', () => {
  it('reads dd/mm/yyyy, d/m/yyyy and other separators', () => {
    expect(parseVnDate('10/10/2025')).toEqual({ iso: '2025-10-10' });
    expect(parseVnDate('5/3/2026')).toEqual({ iso: '2026-03-05' });
    expect(parseVnDate(' 05.03.2026 ')).toEqual({ iso: '2026-03-05' });
    expect(parseVnDate('05-03-2026')).toEqual({ iso: '2026-03-05' });
  });

  it('reads a pasted yyyy-mm-dd', () => {
    expect(parseVnDate('2026-06-20')).toEqual({ iso: '2026-06-20' });
    expect(parseVnDate('2026-6-2')).toEqual({ iso: '2026-06-02' });
  });

  it('is empty for nothing, and refuses what is not a day', () => {
    expect(parseVnDate('')).toEqual({ iso: null });
    expect(parseVnDate('   ')).toEqual({ iso: null });
    for (const bad of [
      '31/02/2026',
      '29/02/2025',
      '32/01/2026',
      '10/13/2025',
      '10/10',
      'mai',
      '2026',
      '10/2025',
      '1/1/26',
    ])
      expect(parseVnDate(bad), bad).toEqual({ error: true });
    expect(parseVnDate('29/02/2028')).toEqual({ iso: '2028-02-29' });
  });

  it('takes a month or a year alone where a partial date is allowed (a plan dated 2025)', () => {
    expect(parseVnDate('10/2025', true)).toEqual({ iso: '2025-10' });
    expect(parseVnDate('2025-10', true)).toEqual({ iso: '2025-10' });
    expect(parseVnDate('2025', true)).toEqual({ iso: '2025' });
    expect(parseVnDate('10/10/2025', true)).toEqual({ iso: '2025-10-10' });
    expect(parseVnDate('13/2025', true)).toEqual({ error: true });
  });

  it('shows what it reads back the Vietnamese way', () => {
    for (const text of ['20/06/2026', '06/2026', '2026'])
      expect(vnDate((parseVnDate(text, true) as { iso: string }).iso)).toBe(text);
  });
});
