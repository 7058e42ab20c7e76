import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { currentUnits } from '../org/succession.ts';
import { combineTallies, periodTallies } from '../reports/periodTallies.ts';

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

/** The reporting rounds of these communes' published plans, oldest first, and the periods of
 *  the chosen one (by default the round most communes have). */
export async function roundOf(db: Kysely<Database>, communeIds: number[], label?: string) {
  // Plans first, then their periods by plan: one join lets PostgreSQL scan every period of
  // the country to find a province's (its estimate of 98 communes' plans is poor).
  const plans = communeIds.length
    ? await db
        .selectFrom('plans')
        .select(['id', 'commune_id', 'title'])
        .where('commune_id', 'in', communeIds)
        .where('status', '=', 'published')
        .execute()
    : [];
  const planOf = new Map(plans.map((p) => [p.id, p]));
  const periods = plans.length
    ? await db
        .selectFrom('reporting_periods')
        .select(['id', 'label', 'plan_id', 'window_end'])
        .where('plan_id', 'in', [...planOf.keys()])
        .where('status', '!=', 'planned')
        .execute()
    : [];
  const rounds = new Map<string, { n: number; end: string }>();
  for (const p of periods) {
    const round = rounds.get(p.label) ?? { n: 0, end: p.window_end };
    rounds.set(p.label, {
      n: round.n + 1,
      end: round.end > p.window_end ? round.end : p.window_end,
    });
  }
  const labels = [...rounds].sort((a, b) => a[1].end.localeCompare(b[1].end)).map(([l]) => l);
  const chosen = label ?? [...rounds].sort((a, b) => b[1].n - a[1].n)[0]?.[0];
  const round = periods
    .filter((p) => p.label === chosen)
    .map((p) => ({
      id: p.id,
      plan_id: p.plan_id,
      commune_id: planOf.get(p.plan_id)!.commune_id,
      title: planOf.get(p.plan_id)!.title,
    }));
  return { labels, chosen, round };
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
