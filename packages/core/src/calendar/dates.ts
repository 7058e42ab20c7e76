// Calendar dates as ISO strings "YYYY-MM-DD" (no time zone: a due date is a day in Vietnam,
// not an instant). All arithmetic goes through UTC so it never shifts by a day.

import { z } from 'zod';

export type IsoDate = string;

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Ngày không hợp lệ: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return isoDate(year, month, daysInMonth(year, month));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const pa = parseIsoDate(a);
  const pb = parseIsoDate(b);
  return Math.round(
    (Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) /
      86_400_000,
  );
}

/** The same day-of-month n months later, clamped to the month's end (31/1 + 1 → 28 or 29/2). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** dd/mm/yyyy, the way dates are written in Vietnamese documents. */
export function formatVietnameseDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** Today's date in Vietnam (UTC+7, no daylight saving), for due dates and period windows. */
export function todayInVietnam(now = Date.now()): IsoDate {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10) as IsoDate;
}

/** A day on the calendar between 1900 and 2200, "YYYY-MM-DD": the one schema every boundary
 *  (request bodies, imports) uses for a date, so "2026-02-30" or "0000-00-00" never gets in. */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng NNNN-TT-NN')
  .refine((value) => {
    // Zod runs this even when the pattern above failed: judge only well-formed days here.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true;
    const { year, month, day } = parseIsoDate(value);
    return year >= 1900 && year <= 2200 && isValidDate(year, month, day);
  }, 'Ngày không có trên lịch (hoặc ngoài các năm 1900–2200)');
