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

import { todayInVietnam } from '@tiendo/core';

export { todayInVietnam };

/** The day in Vietnam on which an instant fell (a report sent at 23:30 on the due day is on
 *  time, though it is already the next day in UTC). */
export function vietnamDateOf(iso: string): string {
  return todayInVietnam(Date.parse(iso));
}
