/** "2026-06-20" → "20/06/2026", as dates are written in Vietnamese documents; a partial date
 *  ("2026-06", "2026", as a plan may be dated) → "06/2026", "2026". */
export const vnDate = (iso: string) => iso.split('-').reverse().join('/');

/** What a date field was given: an ISO date (yyyy-mm-dd, or yyyy-mm / yyyy when partial dates
 *  are allowed), nothing, or text that is not a date. */
export type ParsedDate = { iso: string } | { iso: null } | { error: true };

const pad = (n: number) => String(n).padStart(2, '0');

function day(year: number, month: number, date: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || date < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return date > last ? null : `${year}-${pad(month)}-${pad(date)}`;
}

function month(year: number, month: number): string | null {
  return year < 1900 || year > 2100 || month < 1 || month > 12 ? null : `${year}-${pad(month)}`;
}

/**
 * A date typed the Vietnamese way, whatever the browser's language: dd/mm/yyyy (also d/m/yyyy,
 * with "." or "-" between), or yyyy-mm-dd as pasted from elsewhere. With `partial`, also
 * mm/yyyy, yyyy-mm and yyyy (a plan dated only by month or year).
 */
export function parseVnDate(text: string, partial = false): ParsedDate {
  const s = text.trim();
  if (s === '') return { iso: null };
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  let iso: string | null = null;
  if (m) iso = day(Number(m[3]), Number(m[2]), Number(m[1]));
  else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)))
    iso = day(Number(m[1]), Number(m[2]), Number(m[3]));
  else if (partial && (m = /^(\d{1,2})[/.-](\d{4})$/.exec(s)))
    iso = month(Number(m[2]), Number(m[1]));
  else if (partial && (m = /^(\d{4})-(\d{1,2})$/.exec(s))) iso = month(Number(m[1]), Number(m[2]));
  else if (partial && /^\d{4}$/.test(s) && Number(s) >= 1900 && Number(s) <= 2100) iso = s;
  return iso ? { iso } : { error: true };
}
