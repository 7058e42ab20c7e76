import type { Kysely } from 'kysely';
import type { IndicatorAcrossProvinces, NationalRollup } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { COUNTED_STATUSES } from '../reports/countedUpdates.ts';
import { combineTallies, periodTallies } from '../reports/periodTallies.ts';
import { unitCounts } from './provinceRollup.ts';

// The central level's view (cấp trung ương): every province's reporting completeness and
// timeliness and its communes' task completion for one reporting round, from the periods'
// tallies (periodTallies.ts) — a few set-based queries over the round's ~3,300 periods, never
// a re-judgement of the country's tasks. Drill-down is the province's own roll-up.

const rate = (part: number, whole: number) =>
  whole ? Math.round((part / whole) * 1000) / 10 : null;

interface RoundPeriod {
  id: number;
  commune_id: number;
  province_id: number | null;
}

export async function nationalRollup(
  db: Kysely<Database>,
  label?: string,
): Promise<NationalRollup> {
  const { labels, chosen } = await roundLabels(db, label);
  const [provinces, communes, round] = await Promise.all([
    db
      .selectFrom('org_units')
      .select(['id', 'name', 'code'])
      .where('kind', '=', 'province')
      .where('valid_to', 'is', null)
      .execute(),
    db
      .selectFrom('org_units')
      .select(['id', 'parent_id'])
      .where('kind', '=', 'commune')
      .where('valid_to', 'is', null)
      .execute(),
    chosen ? roundPeriods(db, chosen) : Promise.resolve([]),
  ]);
  const [units, tallies] = await Promise.all([
    unitCounts(db, [...new Set(round.map((p) => p.commune_id))]),
    periodTallies(
      db,
      round.map((p) => p.id),
    ),
  ]);
  const figures = (periods: RoundPeriod[], current: number) => {
    const own = periods.map((p) => tallies.get(p.id)!);
    const total = combineTallies(own);
    const expected = periods.reduce((sum, p) => sum + (units.get(p.commune_id) ?? 0), 0);
    const reported = new Set(
      periods.filter((_, i) => own[i]!.received > 0).map((p) => p.commune_id),
    );
    return {
      communes: current,
      communesInRound: new Set(periods.map((p) => p.commune_id)).size,
      communesReported: reported.size,
      units: expected,
      received: total.received,
      onTime: total.onTime,
      receivedPercent: rate(total.received, expected),
      onTimePercent: rate(total.onTime, expected),
      tasks: total.tasks,
      donePercent: periods.length ? total.donePercent : null,
      overdue: total.overdue,
    };
  };
  const rows = provinces
    .map((p) => ({
      provinceId: p.id,
      name: p.name,
      code: p.code,
      ...figures(
        round.filter((r) => r.province_id === p.id),
        communes.filter((c) => c.parent_id === p.id).length,
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return {
    label: chosen ?? null,
    labels,
    provinces: rows,
    nation: {
      provinceId: null,
      name: 'Toàn quốc',
      code: null,
      ...figures(round, communes.length),
    },
  };
}

/** Rounds with periods under way anywhere, the most widespread first; the chosen one. */
async function roundLabels(db: Kysely<Database>, label?: string) {
  const rows = await db
    .selectFrom('reporting_periods as p')
    .innerJoin('plans', 'plans.id', 'p.plan_id')
    .innerJoin('org_units as c', 'c.id', 'plans.commune_id')
    .select(['p.label', (e) => e.fn.countAll<number>().as('n')])
    .where('c.kind', '=', 'commune')
    .where('plans.status', '=', 'published')
    .where('p.status', '!=', 'planned')
    .groupBy('p.label')
    .execute();
  const labels = rows.sort((a, b) => Number(b.n) - Number(a.n)).map((r) => r.label);
  return { labels, chosen: label ?? labels[0] };
}

function roundPeriods(db: Kysely<Database>, label: string): Promise<RoundPeriod[]> {
  return db
    .selectFrom('reporting_periods as p')
    .innerJoin('plans', 'plans.id', 'p.plan_id')
    .innerJoin('org_units as c', 'c.id', 'plans.commune_id')
    .select(['p.id', 'c.id as commune_id', 'c.parent_id as province_id'])
    .where('c.kind', '=', 'commune')
    .where('plans.status', '=', 'published')
    .where('p.status', '!=', 'planned')
    .where('p.label', '=', label)
    .execute();
}

/** One catalogue indicator across provinces for a round (by default the national roll-up's):
 *  per province, the communes that reported a figure and its mean, median and range (each
 *  commune's latest figure sent). */
export async function compareAcrossProvinces(
  db: Kysely<Database>,
  catalogueId: number,
  label?: string,
): Promise<IndicatorAcrossProvinces> {
  const reported = () =>
    db
      .selectFrom('indicators as i')
      .innerJoin('plans', 'plans.id', 'i.plan_id')
      .innerJoin('org_units as c', 'c.id', 'plans.commune_id')
      .innerJoin('reporting_periods as p', 'p.plan_id', 'plans.id')
      .innerJoin('reports as r', 'r.period_id', 'p.id')
      .innerJoin('indicator_values as v', (j) =>
        j.onRef('v.report_id', '=', 'r.id').onRef('v.indicator_id', '=', 'i.id'),
      )
      .where('i.catalogue_id', '=', catalogueId)
      .where('plans.status', '=', 'published')
      .where('c.kind', '=', 'commune')
      .where('r.status', 'in', COUNTED_STATUSES)
      .where('v.value_number', 'is not', null);
  // The same rounds as the national roll-up, so one choice on the page drives both.
  const { labels, chosen } = await roundLabels(db, label);
  const [provinces, rows] = await Promise.all([
    db
      .selectFrom('org_units')
      .select(['id', 'name'])
      .where('kind', '=', 'province')
      .where('valid_to', 'is', null)
      .execute(),
    chosen
      ? reported()
          .select(['c.id as communeId', 'c.parent_id as provinceId', 'v.value_number'])
          .where('p.label', '=', chosen)
          .orderBy('r.submitted_at')
          .execute()
      : Promise.resolve([]),
  ]);
  // The latest figure sent by each commune.
  const latest = new Map(rows.map((r) => [r.communeId, r]));
  return {
    label: chosen ?? null,
    labels,
    provinces: provinces
      .map((p) => {
        const values = [...latest.values()]
          .filter((r) => r.provinceId === p.id)
          .map((r) => Number(r.value_number));
        return { provinceId: p.id, name: p.name, communes: values.length, ...statistics(values) };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}

function statistics(values: number[]) {
  if (!values.length) return { mean: null, median: null, min: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    median: round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}
