import type { Kysely } from 'kysely';
import { matchIndicator } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { lineageOf, trackedVersion } from '../plans/versions.ts';
import { badRequest } from '../http/errors.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { COUNTED_STATUSES } from '../reports/countedUpdates.ts';

// The shared indicator catalogue: a plan's indicators are matched to it by name (proposals),
// a person confirms each link, and linked indicators can be compared across communes.

export function listCatalogue(db: Kysely<Database>) {
  return db
    .selectFrom('indicator_catalogue')
    .select(['id', 'code', 'name', 'measure_unit as measureUnit'])
    .orderBy('code')
    .execute();
}

/** Each indicator of the plan with its confirmed link and, if none, a proposed one. */
export async function catalogueLinks(db: Kysely<Database>, planId: number) {
  const [catalogue, indicators] = await Promise.all([
    listCatalogue(db),
    db
      .selectFrom('indicators')
      .select(['id', 'code', 'name', 'catalogue_id'])
      .where('plan_id', '=', planId)
      .where(trackedVersion('indicators'))
      .orderBy('ordinal')
      .execute(),
  ]);
  return {
    catalogue,
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      catalogueId: i.catalogue_id,
      proposal: i.catalogue_id === null ? matchIndicator(i.name, catalogue) : null,
    })),
  };
}

export async function confirmLinks(
  db: Kysely<Database>,
  planId: number,
  links: Array<{ indicatorId: number; catalogueId: number | null }>,
  userId: number,
): Promise<number> {
  const ids = new Set(
    (
      await db
        .selectFrom('indicators')
        .select('id')
        .where('plan_id', '=', planId)
        .where(trackedVersion('indicators'))
        .execute()
    ).map((r) => r.id),
  );
  const catalogue = new Set((await listCatalogue(db)).map((c) => c.id));
  for (const link of links) {
    if (!ids.has(link.indicatorId)) throw badRequest('Chỉ tiêu không thuộc kế hoạch này');
    if (link.catalogueId !== null && !catalogue.has(link.catalogueId))
      throw badRequest('Không có chỉ tiêu này trong danh mục');
  }
  await atomically(db, async (trx) => {
    for (const link of links)
      await trx
        .updateTable('indicators')
        .set({ catalogue_id: link.catalogueId })
        // Every version of the indicator: its values before an amendment compare too.
        .where(lineageOf('indicators'), '=', (eb) =>
          eb
            .selectFrom('indicators as chosen')
            .select(lineageOf('chosen').as('lineage'))
            .where('chosen.id', '=', link.indicatorId),
        )
        .execute();
    await recordAudit(trx, {
      userId,
      entity: 'plan',
      entityId: planId,
      action: 'link_catalogue',
      after: links,
    });
  });
  return links.length;
}

/** One catalogue indicator across a province's communes, for a reporting round (label). */
export async function compareAcrossCommunes(
  db: Kysely<Database>,
  provinceId: number,
  catalogueId: number,
  label?: string,
) {
  const rows = await db
    .selectFrom('indicators as i')
    .innerJoin('plans', 'plans.id', 'i.plan_id')
    .innerJoin('org_units as c', 'c.id', 'plans.commune_id')
    .leftJoin('reporting_periods as p', (j) => j.onRef('p.plan_id', '=', 'plans.id'))
    .leftJoin('reports as r', (j) =>
      j.onRef('r.period_id', '=', 'p.id').on('r.status', 'in', COUNTED_STATUSES),
    )
    .leftJoin('indicator_values as v', (j) =>
      j.onRef('v.report_id', '=', 'r.id').onRef('v.indicator_id', '=', 'i.id'),
    )
    .select([
      'c.id as communeId',
      'c.name as commune',
      'p.label',
      'p.window_end',
      'v.value_number',
      'v.value_text',
    ])
    .where('c.parent_id', '=', provinceId)
    .where('plans.status', '=', 'published')
    .where('i.catalogue_id', '=', catalogueId)
    .execute();
  const labels = [...new Set(rows.map((r) => r.label).filter((l): l is string => !!l))];
  // By default the latest round with any value reported.
  const latest = rows
    .filter((r) => r.value_number !== null || r.value_text !== null)
    .sort((a, b) => (b.window_end ?? '').localeCompare(a.window_end ?? ''))[0];
  const chosen = label ?? latest?.label ?? null;
  const communes = new Map<
    number,
    { communeId: number; commune: string; value: number | null; text: string | null }
  >();
  for (const r of rows) {
    const entry = communes.get(r.communeId) ?? {
      communeId: r.communeId,
      commune: r.commune,
      value: null,
      text: null,
    };
    if (r.label === chosen && (r.value_number !== null || r.value_text !== null)) {
      entry.value = r.value_number ?? entry.value;
      entry.text = r.value_text ?? entry.text;
    }
    communes.set(r.communeId, entry);
  }
  return {
    label: chosen,
    labels,
    communes: [...communes.values()].sort((a, b) => a.commune.localeCompare(b.commune, 'vi')),
  };
}
