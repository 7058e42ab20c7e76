import type { Kysely } from 'kysely';
import type { PlanSummary } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { latestVersion, lineageOf, trackedVersion } from './versions.ts';

export async function listPlans(db: Kysely<Database>, communeIds: number[] | 'all') {
  if (communeIds !== 'all' && communeIds.length === 0) return [];
  let query = db
    .selectFrom('plans')
    .innerJoin('org_units as commune', 'commune.id', 'plans.commune_id')
    .select([
      'plans.id',
      'plans.title',
      'plans.number',
      'plans.issued_on',
      'plans.status',
      'plans.version',
    ])
    .select([
      'commune.id as commune_id',
      'commune.name as commune_name',
      'commune.kind as owner_kind',
    ])
    .select((eb) => [
      eb
        .selectFrom('indicators')
        .whereRef('indicators.plan_id', '=', 'plans.id')
        .where(trackedVersion('indicators'))
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('indicator_count'),
      eb
        .selectFrom('tasks')
        .whereRef('tasks.plan_id', '=', 'plans.id')
        .where(trackedVersion('tasks'))
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('task_count'),
    ])
    .orderBy('commune.kind') // a commune's own plans first, then the province's ('province')
    .orderBy('commune.name')
    .orderBy('plans.id');
  if (communeIds !== 'all') query = query.where('plans.commune_id', 'in', communeIds);
  const rows = await query.execute();
  return rows.map((r): PlanSummary => ({
    id: r.id,
    title: r.title,
    number: r.number,
    issuedOn: r.issued_on,
    status: r.status,
    version: r.version,
    communeId: r.commune_id,
    communeName: r.commune_name,
    ownerKind: r.owner_kind,
    indicatorCount: Number(r.indicator_count),
    taskCount: Number(r.task_count),
  }));
}

export async function getPlanDetail(db: Kysely<Database>, planId: number) {
  const plan = await db
    .selectFrom('plans')
    .innerJoin('org_units as commune', 'commune.id', 'plans.commune_id')
    .selectAll('plans')
    .select([
      'commune.name as commune_name',
      'commune.kind as owner_kind',
      'commune.parent_id as province_id',
    ])
    .where('plans.id', '=', planId)
    .executeTakeFirst();
  if (!plan) return null;
  const [sections, indicators, targets, tasks] = await Promise.all([
    db
      .selectFrom('plan_sections')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('ordinal')
      .execute(),
    db
      .selectFrom('indicators')
      .selectAll()
      .select(lineageOf('indicators').as('lineage'))
      .where('plan_id', '=', planId)
      .where(latestVersion('indicators'))
      .orderBy('ordinal')
      .execute(),
    db
      .selectFrom('indicator_targets')
      .innerJoin('indicators', 'indicators.id', 'indicator_targets.indicator_id')
      .select([
        'indicator_targets.indicator_id',
        'indicator_targets.year',
        'indicator_targets.raw_text',
      ])
      .where('indicators.plan_id', '=', planId)
      .where(latestVersion('indicators'))
      .orderBy('indicator_targets.id')
      .execute(),
    db
      .selectFrom('tasks')
      .selectAll()
      .select(lineageOf('tasks').as('lineage'))
      .where('plan_id', '=', planId)
      .where(latestVersion('tasks'))
      .orderBy('ordinal')
      .execute(),
  ]);
  const targetsOf = new Map<number, Array<{ year: number | null; text: string }>>();
  for (const t of targets) {
    const list = targetsOf.get(t.indicator_id) ?? [];
    list.push({ year: t.year, text: t.raw_text });
    targetsOf.set(t.indicator_id, list);
  }
  return {
    id: plan.id,
    title: plan.title,
    number: plan.number,
    issuer: plan.issuer,
    issuedOn: plan.issued_on,
    status: plan.status,
    version: plan.version,
    communeId: plan.commune_id,
    communeName: plan.commune_name,
    /** 'province' for a higher-level plan that communes implement, else 'commune' */
    ownerKind: plan.owner_kind,
    /** The province above the owning commune (null for a province's own plan). */
    provinceId: plan.province_id,
    parentPlanId: plan.parent_plan_id,
    focalUnit: plan.focal_unit_text,
    sections: sections.map((s) => ({
      id: s.id,
      appendix: s.appendix,
      kind: s.kind,
      heading: s.heading,
    })),
    indicators: indicators.map((i) => ({
      id: i.id,
      sectionId: i.section_id,
      parentId: i.parent_id,
      code: i.code,
      name: i.name,
      unit: i.measure_unit,
      lead: i.lead_text,
      output: i.output,
      targets: targetsOf.get(i.id) ?? [],
      version: i.version,
      ...versionOf(i),
    })),
    tasks: tasks.map((t) => ({
      id: t.id,
      sectionId: t.section_id,
      code: t.code,
      content: t.content,
      lead: t.lead_text,
      coordinate: t.coordinate_text,
      output: t.output,
      deadline: t.deadline_text,
      version: t.version,
      ...versionOf(t),
    })),
  };
}

/** Where an item stands in the plan's history (plans/versions.ts). */
function versionOf(row: {
  lineage: number;
  director: string | null;
  responsible: string | null;
  valid_from: string | null;
  valid_to: string | null;
  amendment_id: number | null;
  retired_reason: string | null;
}) {
  return {
    lineageId: Number(row.lineage),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    amendmentId: row.amendment_id,
    retiredReason: row.retired_reason,
    director: row.director,
    responsible: row.responsible,
  };
}

/** What the access policy needs to know of a plan: its owner (and whether a commune or a
 *  province), status and the province above the owner (undefined: no such plan). */
export function planRef(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom('plans')
    .innerJoin('org_units as owner', 'owner.id', 'plans.commune_id')
    .select([
      'plans.commune_id as ownerId',
      'plans.status',
      'owner.parent_id as provinceId',
      'owner.kind as ownerKind',
    ])
    .where('plans.id', '=', planId)
    .executeTakeFirst();
}

/** The plan an indicator belongs to (undefined: no such indicator). */
export async function planOfIndicator(db: Kysely<Database>, indicatorId: number) {
  const row = await db
    .selectFrom('indicators')
    .select('plan_id')
    .where('id', '=', indicatorId)
    .executeTakeFirst();
  return row?.plan_id;
}
