import { collapseWhitespace, searchKey } from '../text/vietnamese.ts';
import { isoDate, isValidDate, lastDayOfMonth, addDays, type IsoDate } from '../calendar/dates.ts';
import { romanToNumber } from '../calendar/romanNumerals.ts';

// A deadline cell (thời gian hoàn thành / tiến độ) as a DeadlineSpec:
//   ongoing           "Thường xuyên"
//   yearly            "Hàng năm", "Hằng năm" — due every year
//   window            one period with a due date: "Tháng 10/2025", "06/2025", "9-10/2025",
//                     "12/2025- 01/2026", "Năm 2025", "2026-2030", "Quý II/2025",
//                     "Hoàn thành trước tháng 9/2025" (due 31/8), "trong tháng 10/2025"
//   per_guidance      "Theo hướng dẫn của tỉnh", "Theo lộ trình của tỉnh": no date yet; the
//                     focal officer must set one
//   unparsed          anything else, kept verbatim and flagged

export type DeadlineSpec =
  | { kind: 'ongoing'; raw: string }
  | { kind: 'yearly'; raw: string; fromYear: number | null; toYear: number | null }
  | { kind: 'window'; raw: string; start: IsoDate; due: IsoDate }
  | { kind: 'per_guidance'; raw: string; needsDate: true }
  | { kind: 'unparsed'; raw: string; flagged: true };

const MONTH_YEAR = String.raw`(\d{1,2})\s*/\s*(\d{4})`;

export function parseDeadline(rawText: string): DeadlineSpec {
  const raw = rawText;
  const text = collapseWhitespace(rawText).replace(/[–—]/g, '-');
  const key = searchKey(text);
  if (/^(thuc hien )?thuong xuyen\b/.test(key) || key === 'lien tuc')
    return { kind: 'ongoing', raw };
  if (/^hang nam\b/.test(key)) {
    const years = /(\d{4})\s*-\s*(\d{4})/.exec(key);
    return {
      kind: 'yearly',
      raw,
      fromYear: years ? Number(years[1]) : null,
      toYear: years ? Number(years[2]) : null,
    };
  }
  if (/^theo (huong dan|lo trinh|ke hoach|chi dao|yeu cau)\b/.test(key))
    return { kind: 'per_guidance', raw, needsDate: true };
  const window = parseWindow(key);
  return window ? { kind: 'window', raw, ...window } : { kind: 'unparsed', raw, flagged: true };
}

function parseWindow(key: string): { start: IsoDate; due: IsoDate } | null {
  const body = key.replace(/^hoan thanh\s+/, '').replace(/^(trong|vao|den)\s+/, '');
  const before = /^truoc\s+(?:thang\s+)?/.test(body);
  const rest = body.replace(/^truoc\s+/, '');
  const parsed = monthRange(rest) ?? month(rest) ?? quarter(rest) ?? yearRange(rest) ?? year(rest);
  if (!parsed) return null;
  if (!before) return parsed;
  // "trước tháng 9/2025" is due by the end of August; "trước năm 2026" by 31/12/2025.
  return { start: parsed.start, due: addDays(parsed.start, -1) };
}

function month(s: string) {
  const m = new RegExp(`^(?:thang\\s+)?${MONTH_YEAR}$`).exec(s);
  if (!m) return null;
  const [mo, y] = [Number(m[1]), Number(m[2])];
  if (!isValidDate(y, mo, 1)) return null;
  return { start: isoDate(y, mo, 1), due: lastDayOfMonth(y, mo) };
}

/** "9-10/2025" (same year) and "12/2025 - 01/2026" (across years). */
function monthRange(s: string) {
  const across = new RegExp(
    `^(?:thang\\s+)?${MONTH_YEAR}\\s*-\\s*(?:thang\\s+)?${MONTH_YEAR}$`,
  ).exec(s);
  const same = /^(?:thang\s+)?(\d{1,2})\s*-\s*(\d{1,2})\s*\/\s*(\d{4})$/.exec(s);
  let from: [number, number] | null = null;
  let to: [number, number] | null = null;
  if (across) {
    from = [Number(across[2]), Number(across[1])];
    to = [Number(across[4]), Number(across[3])];
  } else if (same) {
    from = [Number(same[3]), Number(same[1])];
    to = [Number(same[3]), Number(same[2])];
  }
  if (!from || !to || !isValidDate(from[0], from[1], 1) || !isValidDate(to[0], to[1], 1))
    return null;
  const start = isoDate(from[0], from[1], 1);
  const due = lastDayOfMonth(to[0], to[1]);
  return start <= due ? { start, due } : null;
}

function quarter(s: string) {
  const m = /^quy\s+([ivx]+|\d)\s*[/.-]?\s*(?:nam\s+)?(\d{4})$/.exec(s);
  if (!m) return null;
  const q = /\d/.test(m[1]!) ? Number(m[1]) : romanToNumber(m[1]!);
  if (!q || q < 1 || q > 4) return null;
  const y = Number(m[2]);
  return { start: isoDate(y, q * 3 - 2, 1), due: lastDayOfMonth(y, q * 3) };
}

function year(s: string) {
  const m = /^(?:nam\s+)?(\d{4})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  return { start: isoDate(y, 1, 1), due: isoDate(y, 12, 31) };
}

function yearRange(s: string) {
  const m = /^(?:giai doan\s+)?(?:nam\s+)?(\d{4})\s*-\s*(?:nam\s+)?(\d{4})$/.exec(s);
  if (!m || Number(m[1]) > Number(m[2])) return null;
  return { start: isoDate(Number(m[1]), 1, 1), due: isoDate(Number(m[2]), 12, 31) };
}

/**
 * The due dates of a task that fall inside a reporting period's window [start, end]:
 * a window deadline's due date, or 31/12 of each year for yearly tasks. Ongoing and
 * per-guidance tasks have none (they are assessed per period instead).
 */
export function dueDatesWithin(spec: DeadlineSpec, start: IsoDate, end: IsoDate): IsoDate[] {
  if (spec.kind === 'window') return spec.due >= start && spec.due <= end ? [spec.due] : [];
  if (spec.kind !== 'yearly') return [];
  const dates: IsoDate[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
    if (spec.fromYear !== null && y < spec.fromYear) continue;
    if (spec.toYear !== null && y > spec.toYear) continue;
    const due = isoDate(y, 12, 31);
    if (due >= start && due <= end) dates.push(due);
  }
  return dates;
}

export function isDeadlineFlagged(spec: DeadlineSpec): boolean {
  return spec.kind === 'unparsed' || spec.kind === 'per_guidance';
}
