import type { Kysely, Transaction } from 'kysely';
import { searchKey } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../http/time.ts';
import { forbidden, notFound } from '../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { assertCan, can, type PlanRef } from '../access/policy.ts';
import { roleScope, scopeOf } from '../access/scope.ts';

export type OrgKind = 'province' | 'commune' | 'unit';

export interface NewOrgUnit {
  parentId: number | null;
  kind: OrgKind;
  name: string;
  code?: string | null;
  shortName?: string | null;
  /** The day a unit formed by a merger or split comes into being. */
  validFrom?: string | null;
}

export async function createOrgUnit(
  db: Kysely<Database> | Transaction<Database>,
  unit: NewOrgUnit,
): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('org_units')
    .values({
      parent_id: unit.parentId,
      kind: unit.kind,
      code: unit.code ?? null,
      name: unit.name,
      short_name: unit.shortName ?? null,
      search_key: searchKey(unit.name),
      valid_from: unit.validFrom ?? null,
      valid_to: null,
      successor_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listChildUnits(db: Kysely<Database>, parentId: number) {
  return db
    .selectFrom('org_units')
    .select(['id', 'parent_id', 'kind', 'code', 'name', 'short_name', 'version'])
    .where('parent_id', '=', parentId)
    .orderBy('name')
    .execute();
}

/** A commune's id, name and code (undefined: no such commune). */
export function communeById(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'code'])
    .where('id', '=', id)
    .where('kind', '=', 'commune')
    .executeTakeFirst();
}

/** The provinces whose figures the user may view (policy: province.view), by name. */
export async function provincesViewedBy(db: Kysely<Database>, user: SessionUser) {
  const provinces = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('kind', '=', 'province')
    .orderBy('name')
    .execute();
  return provinces.filter((p) => canViewProvince(user, p.id));
}

/** The unit directly above this one (null at the top, undefined: no such unit — or, given a
 *  kind, none of that kind: a department's commune is `parentOf(db, id, 'unit')`). */
export async function parentOf(db: Kysely<Database>, unitId: number, kind?: OrgKind) {
  const row = await db
    .selectFrom('org_units')
    .select('parent_id')
    .where('id', '=', unitId)
    .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
    .executeTakeFirst();
  return row?.parent_id;
}

/** The communes and provinces a plan can be imported into, of these ('all': any), as they
 *  now stand: a province imports its own plan too (the plan its communes implement); a
 *  commune merged away or split up takes none (unit history). Provinces last. */
export async function planOwners(db: Kysely<Database>, ids: number[] | 'all') {
  let query = db
    .selectFrom('org_units')
    .select(['id', 'name', 'kind'])
    .where('kind', 'in', ['commune', 'province'])
    .where('valid_to', 'is', null)
    .orderBy('kind', 'desc')
    .orderBy('name');
  if (ids !== 'all') query = query.where('id', 'in', ids.length ? ids : [-1]);
  return query.execute();
}

/** Whether this id is a commune or a province (a plan's owner). */
export async function isPlanOwner(db: Kysely<Database>, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('org_units')
    .select('id')
    .where('id', '=', id)
    .where('kind', 'in', ['commune', 'province'])
    .executeTakeFirst();
  return row !== undefined;
}

/** The commune a unit belongs to (the unit itself when it is a commune), or null. */
export async function communeOf(db: Kysely<Database>, unitId: number): Promise<number | null> {
  let id: number | null = unitId;
  for (let depth = 0; id !== null && depth < 10; depth++) {
    const row: { id: number; kind: string; parent_id: number | null } | undefined = await db
      .selectFrom('org_units')
      .select(['id', 'kind', 'parent_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    if (row.kind === 'commune') return row.id;
    id = row.parent_id;
  }
  return null;
}

// The access rules themselves live in access/policy.ts; these are the org-facing questions
// routes ask, answered through it.

const asList = (set: ReadonlySet<number> | 'all') => (set === 'all' ? 'all' : [...set]);

/** The communes whose records a user reads (policy: commune.read), 'all' for an admin. */
export async function readableCommuneIds(
  db: Kysely<Database>,
  user: SessionUser,
): Promise<number[] | 'all'> {
  return asList((await scopeOf(db, user)).communes);
}

/** The owners of the plans a user reads: those communes and the provinces above them, so a
 *  commune sees the higher-level plan it implements (kế hoạch cấp trên). */
export async function readablePlanOwnerIds(
  db: Kysely<Database>,
  user: SessionUser,
): Promise<number[] | 'all'> {
  return asList((await scopeOf(db, user)).planOwners);
}

/** Whether a user may read a plan (policy: plan.read) — the rule of GET /api/plans/:id and of
 *  every route that shows part of a plan. */
export async function canReadPlan(
  db: Kysely<Database>,
  user: SessionUser,
  plan: PlanRef,
): Promise<boolean> {
  return can(await scopeOf(db, user), 'plan.read', plan);
}

/** The plan when the user may read it (plan.read): 404 when there is none, else 403. */
export async function visiblePlan(db: Kysely<Database>, user: SessionUser, planId: number) {
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'commune_id', 'status'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  assertCan(await scopeOf(db, user), 'plan.read', {
    ownerId: plan.commune_id,
    status: plan.status,
  });
  return plan;
}

/**
 * Refuses unless the user may read the commune an org unit belongs to (commune.read) — or, for
 * a province, reads its plans: 404 for a unit that does not exist.
 */
export async function assertUnitReadable(
  db: Kysely<Database>,
  user: SessionUser,
  unitId: number,
): Promise<void> {
  const unit = await db
    .selectFrom('org_units')
    .select(['id', 'kind'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw notFound('Không tìm thấy đơn vị');
  const scope = await scopeOf(db, user);
  const commune = unit.kind === 'province' ? null : await communeOf(db, unit.id);
  const readable =
    unit.kind === 'province'
      ? can(scope, 'plan.read', { ownerId: unit.id, status: 'published' })
      : commune !== null && can(scope, 'commune.read', { id: commune });
  if (!readable) throw forbidden('Bạn không có quyền xem đơn vị này');
}

/** Focal officers manage their commune's plans and periods; admins every commune. */
export function canManageCommune(user: SessionUser, communeId: number): boolean {
  return can(roleScope(user), 'commune.manage', { id: communeId });
}

/** Province viewers see their province's roll-ups across communes; admins every one. */
export function canViewProvince(user: SessionUser, provinceId: number): boolean {
  return can(roleScope(user), 'province.view', { id: provinceId });
}

/** The communes where the user can manage plans (for choosing where an import goes). */
export function managedCommuneIds(user: SessionUser): number[] | 'all' {
  const scope = roleScope(user);
  return scope.admin ? 'all' : [...scope.focalOf];
}

/** Refuses unless the plan is in one of `statuses` and its commune's records are the user's
 *  to read (commune.read): dashboards and exports of a commune's own plan. */
export async function assertPlanReadable(
  db: Kysely<Database>,
  user: SessionUser,
  planId: number,
  statuses: string[],
): Promise<void> {
  const plan = await db
    .selectFrom('plans')
    .select(['commune_id', 'status'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  const scope = await scopeOf(db, user);
  if (!statuses.includes(plan.status) || !can(scope, 'commune.read', { id: plan.commune_id }))
    throw forbidden('Bạn không có quyền xem kế hoạch này');
}
