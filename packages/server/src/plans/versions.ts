import { sql, type RawBuilder, type SqlBool } from 'kysely';

// Which version of an item counts. An amendment closes an item's row on its effective day
// and opens a new version (plans/amendments.ts), so every query of tasks or indicators says
// which versions it means:
//   inForceOn(alias, day) — the versions in force on a day: a period is judged by the rows in
//     force on its last day (window_end), so a later amendment does not rewrite it;
//   latestVersion(alias)  — the newest version of each item, retired ones included (the plan
//     as it now reads, with what was retired shown as such).
// An item's versions share a lineage: lineageOf(alias) is the first version's id.

type Day = string | RawBuilder<unknown>;

const column = (alias: string, name: string) => sql.ref(`${alias}.${name}`);

/** The rows of `alias` (tasks or indicators) in force on `day` (ISO date or a column). */
export function inForceOn(alias: string, day: Day): RawBuilder<SqlBool> {
  const from = column(alias, 'valid_from');
  const to = column(alias, 'valid_to');
  const d = typeof day === 'string' ? sql`${day}` : day;
  return sql<SqlBool>`((${from} is null or ${from} <= ${d}) and (${to} is null or ${to} > ${d}))`;
}

/** The newest version of each item (retired ones included). */
export function latestVersion(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${column(alias, 'superseded_by')} is null)`;
}

/** The item's lineage: the id of its first version. */
export function lineageOf(alias: string): RawBuilder<number> {
  return sql<number>`coalesce(${column(alias, 'lineage_id')}, ${column(alias, 'id')})`;
}

/** The newest version of each item still tracked (not retired). */
export function trackedVersion(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${column(alias, 'superseded_by')} is null and ${column(alias, 'retired_reason')} is null)`;
}

/** inForceOn for a row already read: the same rule in code. */
export function versionInForce(
  row: { valid_from: string | null; valid_to: string | null },
  day: string,
): boolean {
  return (
    (row.valid_from === null || row.valid_from <= day) &&
    (row.valid_to === null || row.valid_to > day)
  );
}

/** A period's last day, as a sub-query: the day its items are judged by. */
export function periodEnd(periodId: number): RawBuilder<string> {
  return sql<string>`(select window_end from reporting_periods where id = ${periodId})`;
}
