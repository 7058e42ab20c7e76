import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { currentUnits } from '../org/succession.ts';
import { combineTallies, periodTallies } from './periodTallies.ts';

// A province's view across its communes for one reporting round (periods share a label, e.g.
// "6 tháng đầu năm 2026"): who has not reported, completion and on-time rates, a ranking.
// Each commune's figures are its periods' tallies (periodTallies.ts: tasks judged by the
// domain core as the commune's own summary judges them, kept current on every report step),
// so the cost follows the province's communes, not the country or its history.

export async function provinceRollup(db: Kysely<Database>, provinceId: number, label?: string) {
  const every = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'code', 'valid_to'])
    .where('parent_id', '=', provinceId)
    .where('kind', '=', 'commune')
    .orderBy('name')
    .execute();
  const communeIds = every.map((c) => c.id);
  const heirs = await currentUnits(db, communeIds);
  // Communes merged away roll up under the commune that took them over (unit history); a
  // commune split up has no single heir and keeps its own row.
  const communes = every.filter((c) => c.valid_to === null || !heirs.has(c.id));
  const ownerOf = (communeId: number) => heirs.get(communeId) ?? communeId;
  const { labels, chosen, round } = await roundOf(db, communeIds, label);
  const [units, tallies] = await Promise.all([
    unitCounts(db, communeIds),
    periodTallies(
      db,
      round.map((p) => p.id),
    ),
  ]);
  const rows = communes.map((commune) => {
    const own = round.filter((p) => ownerOf(p.commune_id) === commune.id);
    const total = combineTallies(own.map((p) => tallies.get(p.id)!));
    return {
      communeId: commune.id,
      name: commune.name,
      code: commune.code,
      periodId: own[0]?.id ?? null,
      planTitle: own[0]?.title ?? null,
      units: own.reduce((sum, p) => sum + (units.get(p.commune_id) ?? 0), 0),
      received: total.received,
      onTime: total.onTime,
      donePercent: own.length ? total.donePercent : null,
      overdue: total.overdue,
      reported: total.received > 0,
    };
  });
  const ranking = rows
    .filter((r) => r.periodId !== null)
    .map((r) => ({
      communeId: r.communeId,
      name: r.name,
      // Half completion of due tasks, half units reporting on time.
      score:
        Math.round(((r.donePercent ?? 0) / 2 + (r.units ? (r.onTime / r.units) * 50 : 0)) * 10) /
        10,
    }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi'));
  return { label: chosen ?? null, labels, communes: rows, ranking };
}

/** The reporting rounds of these communes' published plans, and the periods of the chosen
 *  one (by default the round most communes have). */
export async function roundOf(db: Kysely<Database>, communeIds: number[], label?: string) {
  const periods = communeIds.length
    ? await db
        .selectFrom('reporting_periods as p')
        .innerJoin('plans', 'plans.id', 'p.plan_id')
        .select(['p.id', 'p.label', 'p.plan_id', 'plans.commune_id', 'plans.title'])
        .where('plans.commune_id', 'in', communeIds)
        .where('plans.status', '=', 'published')
        .where('p.status', '!=', 'planned')
        .execute()
    : [];
  const labels = [...new Set(periods.map((p) => p.label))];
  const chosen = label ?? mostCommon(periods.map((p) => p.label));
  return { labels, chosen, round: periods.filter((p) => p.label === chosen) };
}

/** Units (kind 'unit') under each commune. */
export async function unitCounts(
  db: Kysely<Database>,
  communeIds: number[],
): Promise<Map<number, number>> {
  if (!communeIds.length) return new Map();
  const rows = await db
    .selectFrom('org_units')
    .select(['parent_id', (e) => e.fn.countAll<number>().as('n')])
    .where('parent_id', 'in', communeIds)
    .where('kind', '=', 'unit')
    .groupBy('parent_id')
    .execute();
  return new Map(rows.map((r) => [r.parent_id!, Number(r.n)]));
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
