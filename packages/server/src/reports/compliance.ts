import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { vietnamDateOf } from '../http/time.ts';
import { existedOn, itemSpans } from './overview.ts';
import { versionInForce } from '../plans/versions.ts';
import { currentUnits } from '../org/succession.ts';

// Completeness (expected vs. received) and timeliness (on time vs. late) of unit reports:
// every unit with tasks or indicators in a plan owes one report per period that has been
// opened and whose due date has passed. A report counts as received once it has been sent
// (even if later returned for revision), and as on time when its first sending fell on or
// before the due date, in Vietnam's time.

export interface Compliance {
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  /** received / expected, in percent (null when nothing is expected yet). */
  completeness: number | null;
  /** on time / expected, in percent. */
  timeliness: number | null;
}

/** Whether a report was sent on time: its first sending fell on or before the due day, on
 *  Vietnam's calendar (null: never sent). Every timeliness figure reads this one rule. */
export function sentOnTime(firstSubmittedAt: string | null, dueDate: string): boolean | null {
  return firstSubmittedAt === null ? null : vietnamDateOf(firstSubmittedAt) <= dueDate;
}

const percent = (part: number, whole: number) =>
  whole ? Math.round((part / whole) * 1000) / 10 : null;

function figures(expected: number, received: number, onTime: number): Compliance {
  return {
    expected,
    received,
    onTime,
    late: received - onTime,
    missing: expected - received,
    completeness: percent(received, expected),
    timeliness: percent(onTime, expected),
  };
}

export interface UnitCompliance extends Compliance {
  unitId: number;
  unitName: string;
}

/** Per unit of a plan, over its periods due before `today` (and ending `within` a span, for
 *  a yearly or five-year review), and the plan's total. */
export async function planCompliance(
  db: Kysely<Database>,
  planId: number,
  today: string,
  within?: { from: string; to: string },
) {
  let query = db
    .selectFrom('reporting_periods')
    .select(['id', 'due_date', 'window_end'])
    .where('plan_id', '=', planId)
    .where('status', '!=', 'planned')
    .where('due_date', '<', today);
  if (within)
    query = query.where('window_end', '>=', within.from).where('window_end', '<=', within.to);
  const periods = await query.execute();
  const spans = await itemSpans(db, { planId });
  const unitIds = [...new Set(spans.map((s) => s.unitId))];
  const [names, reports] = await Promise.all([
    unitIds.length
      ? db
          .selectFrom('org_units')
          .select(['id', 'name', 'valid_from', 'valid_to'])
          .where('id', 'in', unitIds)
          .execute()
      : [],
    periods.length
      ? db
          .selectFrom('reports')
          .select(['period_id', 'unit_id', 'first_submitted_at'])
          .where(
            'period_id',
            'in',
            periods.map((p) => p.id),
          )
          .where('first_submitted_at', 'is not', null)
          .execute()
      : [],
  ]);
  const due = new Map(periods.map((p) => [p.id, p.due_date]));
  const rows: UnitCompliance[] = names
    .map((unit) => {
      // A unit merged away, or formed later, owes the periods due while it existed, and
      // only those whose plan, as amended by then, gave it an item.
      const owed = periods.filter(
        (p) =>
          existedOn(p.due_date, unit.valid_from, unit.valid_to) &&
          spans.some((s) => s.unitId === unit.id && versionInForce(s, p.window_end)),
      );
      const owedIds = new Set(owed.map((p) => p.id));
      const sent = reports.filter((r) => r.unit_id === unit.id && owedIds.has(r.period_id));
      const onTime = sent.filter((r) =>
        sentOnTime(r.first_submitted_at, due.get(r.period_id)!),
      ).length;
      return {
        unitId: unit.id,
        unitName: unit.name,
        ...figures(owed.length, sent.length, onTime),
      };
    })
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  const sum = (key: 'expected' | 'received' | 'onTime') =>
    rows.reduce((total, row) => total + row[key], 0);
  return { units: rows, total: figures(sum('expected'), sum('received'), sum('onTime')) };
}

/** Per commune of a province: the totals of its published plans. */
export async function provinceCompliance(db: Kysely<Database>, provinceId: number, today: string) {
  const plans = await db
    .selectFrom('plans')
    .innerJoin('org_units as commune', 'commune.id', 'plans.commune_id')
    .select(['plans.id', 'commune.id as communeId', 'commune.name', 'commune.code'])
    .where('commune.parent_id', '=', provinceId)
    .where('commune.kind', '=', 'commune')
    .where('plans.status', '=', 'published')
    .execute();
  // A merged commune's plans count for the commune that took it over.
  const heirs = await currentUnits(
    db,
    plans.map((p) => p.communeId),
  );
  const names = new Map(
    (
      await db
        .selectFrom('org_units')
        .select(['id', 'name', 'code'])
        .where('parent_id', '=', provinceId)
        .execute()
    ).map((u) => [u.id, u]),
  );
  for (const plan of plans) {
    const heir = heirs.get(plan.communeId);
    if (heir === undefined) continue;
    plan.communeId = heir;
    plan.name = names.get(heir)?.name ?? plan.name;
    plan.code = names.get(heir)?.code ?? null;
  }
  const byCommune = new Map<number, { name: string; code: string | null; totals: Compliance[] }>();
  for (const plan of plans) {
    const { total } = await planCompliance(db, plan.id, today);
    const entry = byCommune.get(plan.communeId) ?? { name: plan.name, code: plan.code, totals: [] };
    entry.totals.push(total);
    byCommune.set(plan.communeId, entry);
  }
  return [...byCommune]
    .map(([communeId, { name, code, totals }]) => {
      const sum = (key: 'expected' | 'received' | 'onTime') =>
        totals.reduce((total, t) => total + t[key], 0);
      return { communeId, name, code, ...figures(sum('expected'), sum('received'), sum('onTime')) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
