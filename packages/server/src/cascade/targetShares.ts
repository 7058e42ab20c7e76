import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  aggregate,
  aggregationOf,
  TargetSplitError,
  parseTarget,
  milestoneValue,
  SHARE_METHODS,
  splitTarget,
} from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { badRequest, notFound, conflict } from '../http/errors.ts';
import { nowIso } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { COUNTED_STATUSES } from '../reports/countedUpdates.ts';

// A province indicator's target for a year, split down to the communes (equal, by weight, or
// entered per commune), and beside it what the communes' own linked indicators (cascade
// links) have reported, rolled up the indicator's way: counts summed, rates averaged.

export const TargetSharesInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** The `revision` the person saw: a save over someone else's newer one is refused (409). */
    revision: z.string().max(64),
    method: z.enum(SHARE_METHODS),
    /** The province total to split; defaults to the plan's own target for the year. */
    total: z.number().finite().nullable().default(null),
    shares: z
      .array(
        z.object({
          communeId: z.number().int().positive(),
          weight: z.number().finite().nullable().optional(),
          value: z.number().finite().nullable().optional(),
        }),
      )
      .max(2_000),
  })
  .meta({
    example: {
      year: 2026,
      method: 'weight',
      total: 1000,
      shares: [
        { communeId: 3, weight: 2 },
        { communeId: 4, weight: 1 },
      ],
    },
  });
export type TargetSharesInput = z.infer<typeof TargetSharesInput>;

async function provinceIndicator(db: Kysely<Database>, indicatorId: number) {
  const row = await db
    .selectFrom('indicators')
    .innerJoin('plans', 'plans.id', 'indicators.plan_id')
    .innerJoin('org_units as owner', 'owner.id', 'plans.commune_id')
    .select([
      'indicators.id',
      'indicators.code',
      'indicators.name',
      'indicators.measure_unit as unit',
      'plans.id as planId',
      'owner.id as provinceId',
      'owner.kind as ownerKind',
    ])
    .where('indicators.id', '=', indicatorId)
    .executeTakeFirst();
  if (!row) throw notFound('Không tìm thấy chỉ tiêu');
  if (row.ownerKind !== 'province')
    throw badRequest('Chỉ giao chỉ tiêu xuống xã từ kế hoạch cấp tỉnh/thành phố.');
  return row;
}

/** The province's own figure for `year`: that year's milestone, or the one for every year. */
function ownTarget(
  targets: { year: number | null; raw_text: string }[],
  year: number,
  unit: string | null,
) {
  const text = (targets.find((t) => t.year === year) ?? targets.find((t) => t.year === null))
    ?.raw_text;
  return text ? milestoneValue(parseTarget(text, { unit })) : null;
}

/** The communes whose plans link an indicator of theirs to this one, each with its latest
 *  value counted up to the end of `year` (null while none is). */
async function communeActuals(db: Kysely<Database>, indicatorId: number, year: number) {
  const linked = () =>
    db
      .selectFrom('cascade_links as l')
      .innerJoin('indicators as child', 'child.id', 'l.child_id')
      .innerJoin('plans', 'plans.id', 'child.plan_id')
      .where('l.child_kind', '=', 'indicator')
      .where('l.parent_id', '=', indicatorId);
  const [communes, values] = await Promise.all([
    linked().select('plans.commune_id').execute(),
    linked()
      .innerJoin('indicator_values as v', 'v.indicator_id', 'child.id')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
      .select(['plans.commune_id', 'v.value_number'])
      .where('r.status', 'in', COUNTED_STATUSES)
      .where('p.window_end', '<=', `${year}-12-31`)
      .orderBy('p.window_end')
      .execute(),
  ]);
  const latest = new Map<number, number | null>(communes.map((c) => [c.commune_id, null]));
  for (const row of values) latest.set(row.commune_id, row.value_number);
  return latest;
}

/** The province's communes as they are now (not those merged away or split up). */
function liveCommunes(db: Kysely<Database>, provinceId: number) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'code'])
    .where('parent_id', '=', provinceId)
    .where('kind', '=', 'commune')
    .where('valid_to', 'is', null);
}

/** A fingerprint of one year's saved shares: changes with every save. */
function revisionOf(rows: Array<{ commune_id: number; value: number; updated_at: string }>) {
  if (!rows.length) return 'none';
  const text = rows
    .map((r) => `${r.commune_id}:${r.value}:${r.updated_at}`)
    .sort()
    .join('|');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Optimistic locking for a year's split: the indicator's row is locked for the transaction (a
 *  no-op update; SQLite serialises writes anyway), then the saved set must be the one the
 *  person saw. */
async function assertRevision(
  db: Kysely<Database>,
  indicatorId: number,
  year: number,
  revision: string,
): Promise<void> {
  await db
    .updateTable('indicators')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', indicatorId)
    .execute();
  const rows = await db
    .selectFrom('target_shares')
    .select(['commune_id', 'value', 'updated_at'])
    .where('indicator_id', '=', indicatorId)
    .where('year', '=', year)
    .execute();
  const current = revisionOf(rows);
  if (current !== revision) throw conflict({ revision: current });
}

export async function targetShares(
  db: Kysely<Database>,
  indicatorId: number,
  requestedYear: number | undefined,
  visible: number[] | 'all',
) {
  const indicator = await provinceIndicator(db, indicatorId);
  const [targets, saved] = await Promise.all([
    db
      .selectFrom('indicator_targets')
      .select(['year', 'raw_text'])
      .where('indicator_id', '=', indicatorId)
      .execute(),
    db.selectFrom('target_shares').selectAll().where('indicator_id', '=', indicatorId).execute(),
  ]);
  const years = [
    ...new Set([
      ...targets.flatMap((t) => (t.year === null ? [] : [t.year])),
      ...saved.map((s) => s.year),
    ]),
  ].sort();
  const year = requestedYear ?? years[0] ?? Number(nowIso().slice(0, 4));
  const aggregation = aggregationOf(indicator.unit);
  let communeQuery = liveCommunes(db, indicator.provinceId);
  if (visible !== 'all') communeQuery = communeQuery.where('id', 'in', [-1, ...visible]);
  const [communes, actuals] = await Promise.all([
    communeQuery.execute(),
    communeActuals(db, indicatorId, year),
  ]);
  const rows = communes
    .map((c) => {
      const share = saved.find((s) => s.commune_id === c.id && s.year === year);
      return {
        communeId: c.id,
        name: c.name,
        code: c.code,
        method: share?.method ?? null,
        weight: share?.weight ?? null,
        value: share?.value ?? null,
        linked: actuals.has(c.id),
        actual: actuals.get(c.id) ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return {
    indicator: {
      id: indicator.id,
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
    },
    aggregation,
    years,
    year,
    revision: revisionOf(saved.filter((s) => s.year === year)),
    provinceTarget: ownTarget(targets, year, indicator.unit),
    communes: rows,
    assigned: aggregate(
      rows.map((r) => r.value),
      aggregation,
    ),
    actual: aggregate(
      rows.map((r) => r.actual),
      aggregation,
    ),
  };
}

export async function setTargetShares(
  db: Kysely<Database>,
  indicatorId: number,
  input: TargetSharesInput,
  userId: number,
): Promise<number> {
  return atomically(db, async (db) => {
    const indicator = await provinceIndicator(db, indicatorId);
    await assertRevision(db, indicatorId, input.year, input.revision);
    const communes = await liveCommunes(db, indicator.provinceId).execute();
    const ids = new Set(communes.map((c) => c.id));
    if (input.shares.some((s) => !ids.has(s.communeId)))
      throw badRequest(
        'Có xã không thuộc tỉnh/thành phố của kế hoạch (hoặc đã sáp nhập, chia tách).',
      );
    if (new Set(input.shares.map((s) => s.communeId)).size !== input.shares.length)
      throw badRequest('Mỗi xã chỉ được giao một lần.');
    const targets = await db
      .selectFrom('indicator_targets')
      .select(['year', 'raw_text'])
      .where('indicator_id', '=', indicatorId)
      .execute();
    const total = input.total ?? ownTarget(targets, input.year, indicator.unit);
    let split;
    try {
      split = splitTarget(total, aggregationOf(indicator.unit), input.method, input.shares);
    } catch (error) {
      if (error instanceof TargetSplitError) throw badRequest(error.message);
      throw error;
    }
    const before = await db
      .deleteFrom('target_shares')
      .where('indicator_id', '=', indicatorId)
      .where('year', '=', input.year)
      .returning(['commune_id', 'value'])
      .execute();
    const now = nowIso();
    await db
      .insertInto('target_shares')
      .values(
        split.map((s) => ({
          indicator_id: indicatorId,
          commune_id: s.communeId,
          year: input.year,
          method: input.method,
          weight: s.weight,
          value: s.value,
          updated_at: now,
          updated_by: userId,
        })),
      )
      .execute();
    await recordAudit(db, {
      userId,
      entity: 'indicator',
      entityId: indicatorId,
      action: 'split_target',
      before,
      after: { year: input.year, method: input.method, total, shares: split },
    });
    return split.length;
  });
}
