import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { periodSummary } from '../exports/periodSummary.ts';

// A province's view across its communes for one reporting round (periods share a label, e.g.
// "6 tháng đầu năm 2026"): who has not reported, completion and on-time rates, a ranking.

export async function provinceRollup(db: Kysely<Database>, provinceId: number, label?: string) {
  const communes = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'code'])
    .where('parent_id', '=', provinceId)
    .where('kind', '=', 'commune')
    .orderBy('name')
    .execute();
  const periods = communes.length
    ? await db
        .selectFrom('reporting_periods as p')
        .innerJoin('plans', 'plans.id', 'p.plan_id')
        .select(['p.id', 'p.label', 'p.due_date', 'p.status', 'plans.commune_id', 'plans.title'])
        .where(
          'plans.commune_id',
          'in',
          communes.map((c) => c.id),
        )
        .where('plans.status', '=', 'published')
        .where('p.status', '!=', 'planned')
        .execute()
    : [];
  const labels = [...new Set(periods.map((p) => p.label))];
  const chosen = label ?? mostCommon(periods.map((p) => p.label));
  const rows = [];
  for (const commune of communes) {
    const period = periods.find((p) => p.commune_id === commune.id && p.label === chosen);
    if (!period) {
      rows.push({
        communeId: commune.id,
        name: commune.name,
        code: commune.code,
        periodId: null,
        planTitle: null,
        units: 0,
        received: 0,
        onTime: 0,
        donePercent: null,
        overdue: 0,
        reported: false,
      });
      continue;
    }
    const s = await periodSummary(db, period.id);
    rows.push({
      communeId: commune.id,
      name: commune.name,
      code: commune.code,
      periodId: period.id,
      planTitle: period.title,
      units: s.reporting.units,
      received: s.reporting.received,
      onTime: s.reporting.onTime,
      donePercent: s.counts.donePercent,
      overdue: s.counts.overdue,
      reported: s.reporting.received > 0,
    });
  }
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

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
