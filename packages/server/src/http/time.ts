/** Current instant as ISO-8601 text, the one timestamp format stored in both databases. */
export function nowIso(): string {
  return new Date().toISOString();
}

export function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

/** Today's date in Vietnam (UTC+7, no daylight saving), for due dates and period windows. */
export function todayInVietnam(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The day in Vietnam on which an instant fell (a report sent at 23:30 on the due day is on
 *  time, though it is already the next day in UTC). */
export function vietnamDateOf(iso: string): string {
  return todayInVietnam(Date.parse(iso));
}
