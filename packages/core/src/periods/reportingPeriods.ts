import { addDays, daysInMonth, isoDate, type IsoDate } from '../calendar/dates.ts';
import { numberToRoman } from '../calendar/romanNumerals.ts';

// Reporting periods and their data windows, following Decree 09/2019/NĐ-CP on the reporting
// regime of state administrative agencies, Article 12 ("Thời gian chốt số liệu báo cáo"):
//   monthly    from the 15th of the previous month to the 14th of the reporting month;
//   quarterly  from the 15th of the month before the quarter to the 14th of its last month;
//   6-month    from 15/12 of the previous year to 14/6 of the reporting year;
//   9-month    from 15/12 of the previous year to 14/9 of the reporting year;
//   yearly     from 15/12 of the previous year to 14/12 of the reporting year.
// Submission deadlines are set by each reporting regime (Article 12 leaves them to the issuing
// body), so a plan's own dates ("trước ngày 25/5 và 15/11", "trước ngày 10/12") are used when
// it gives them; otherwise DEFAULT_DAYS_AFTER_CUTOFF after the data cut-off.
// The second half-year period ("6 tháng cuối năm") runs 15/6 → 14/12, the part of the
// yearly window the 6-month report did not cover.

export type Frequency = 'monthly' | 'quarterly' | 'semiannual' | 'ninemonth' | 'annual';

export interface ReportingSchedule {
  frequency: Frequency;
  /** "MM-DD" due dates in the order of the periods of a year (e.g. ["05-25", "11-15"]). */
  dues?: string[];
}

export interface ReportingPeriodSpec {
  frequency: Frequency;
  /** e.g. "6 tháng đầu năm 2026" */
  label: string;
  year: number;
  /** 1-based index of the period within its year. */
  index: number;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  due: IsoDate;
}

export const DEFAULT_DAYS_AFTER_CUTOFF = 6;

interface Window {
  label: string;
  start: IsoDate;
  end: IsoDate;
}

function windowsOfYear(frequency: Frequency, y: number): Window[] {
  const prevDec15 = isoDate(y - 1, 12, 15);
  switch (frequency) {
    case 'monthly':
      return Array.from({ length: 12 }, (_, i) => {
        const m = i + 1;
        const start = m === 1 ? prevDec15 : isoDate(y, m - 1, 15);
        return { label: `Tháng ${String(m).padStart(2, '0')}/${y}`, start, end: isoDate(y, m, 14) };
      });
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => {
        const first = q * 3 - 2;
        const start = first === 1 ? prevDec15 : isoDate(y, first - 1, 15);
        return { label: `Quý ${numberToRoman(q)} năm ${y}`, start, end: isoDate(y, q * 3, 14) };
      });
    case 'semiannual':
      return [
        { label: `6 tháng đầu năm ${y}`, start: prevDec15, end: isoDate(y, 6, 14) },
        { label: `6 tháng cuối năm ${y}`, start: isoDate(y, 6, 15), end: isoDate(y, 12, 14) },
      ];
    case 'ninemonth':
      return [{ label: `9 tháng năm ${y}`, start: prevDec15, end: isoDate(y, 9, 14) }];
    case 'annual':
      return [{ label: `Năm ${y}`, start: prevDec15, end: isoDate(y, 12, 14) }];
  }
}

function dueDate(year: number, windowEnd: IsoDate, due: string | undefined): IsoDate {
  if (!due) return addDays(windowEnd, DEFAULT_DAYS_AFTER_CUTOFF);
  const match = /^(\d{2})-(\d{2})$/.exec(due);
  if (!match) throw new Error(`Hạn báo cáo không hợp lệ: ${due} (cần dạng MM-DD)`);
  const month = Number(match[1]);
  // 29/02 in a non-leap year falls back to 28/02.
  const day = Math.min(Number(match[2]), daysInMonth(year, month));
  return isoDate(year, month, day);
}

/**
 * Every reporting period of the obligations whose window ends within [from, to], sorted by
 * due date (then by window end).
 */
export function generateReportingPeriods(
  obligations: ReportingSchedule[],
  from: IsoDate,
  to: IsoDate,
): ReportingPeriodSpec[] {
  const periods: ReportingPeriodSpec[] = [];
  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  for (const obligation of obligations) {
    for (let y = firstYear; y <= lastYear; y++) {
      windowsOfYear(obligation.frequency, y).forEach((w, i) => {
        if (w.end < from || w.end > to) return;
        periods.push({
          frequency: obligation.frequency,
          label: w.label,
          year: y,
          index: i + 1,
          windowStart: w.start,
          windowEnd: w.end,
          due: dueDate(y, w.end, obligation.dues?.[i]),
        });
      });
    }
  }
  return periods.sort(
    (a, b) => a.due.localeCompare(b.due) || a.windowEnd.localeCompare(b.windowEnd),
  );
}
