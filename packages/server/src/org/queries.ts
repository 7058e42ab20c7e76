import type { Kysely, Transaction } from 'kysely';
import { searchKey } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../http/time.ts';
import { forbidden, notFound } from '../http/errors.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { predecessorsOf } from './succession.ts';

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

/**
 * The communes whose plans a user may read: every commune for an admin, the communes of a
 * province for a province role, and the user's own commune for commune- and unit-level roles.
 */
export async function readableCommuneIds(
  db: Kysely<Database>,
  user: SessionUser,
): Promise<number[] | 'all'> {
  if (user.roles.some((r) => r.role === 'admin')) return 'all';
  const ids = new Set<number>();
  for (const { scopeUnitId } of user.roles) {
    const scope = await db
      .selectFrom('org_units')
      .select(['id', 'kind'])
      .where('id', '=', scopeUnitId)
      .executeTakeFirst();
    if (!scope) continue;
    if (scope.kind === 'province') {
      const communes = await db
        .selectFrom('org_units')
        .select('id')
        .where('parent_id', '=', scope.id)
        .where('kind', '=', 'commune')
        .execute();
      communes.forEach((c) => ids.add(c.id));
    } else {
      const commune = await communeOf(db, scope.id);
      if (commune !== null) ids.add(commune);
    }
  }
  // A commune formed by a merger keeps the records of the communes it absorbed.
  for (const id of await predecessorsOf(db, [...ids])) ids.add(id);
  return [...ids];
}

/**
 * The org units whose plans a user may read: the readable communes and the provinces above
 * them, so a commune sees the higher-level plan it implements (kế hoạch cấp trên). Drafts stay
 * with those who manage them (checked by the caller).
 */
export async function readablePlanOwnerIds(
  db: Kysely<Database>,
  user: SessionUser,
): Promise<number[] | 'all'> {
  const communes = await readableCommuneIds(db, user);
  if (communes === 'all' || communes.length === 0) return communes;
  const parents = await db
    .selectFrom('org_units')
    .select('parent_id')
    .where('id', 'in', communes)
    .where('parent_id', 'is not', null)
    .execute();
  return [...new Set([...communes, ...parents.map((p) => p.parent_id!)])];
}

/**
 * Whether a user may read a plan: its owner — a commune, or the province above for a
 * higher-level plan — is among readablePlanOwnerIds, and a draft under review only for those who
 * manage it. The rule of GET /api/plans/:id, and of every route that shows part of a plan.
 */
export async function canReadPlan(
  db: Kysely<Database>,
  user: SessionUser,
  plan: { ownerId: number; status: string },
): Promise<boolean> {
  if (plan.status === 'draft' && !canManageCommune(user, plan.ownerId)) return false;
  const owners = await readablePlanOwnerIds(db, user);
  return owners === 'all' || owners.includes(plan.ownerId);
}

/** The plan when the user may read it (canReadPlan): 404 when there is none, else 403. */
export async function visiblePlan(db: Kysely<Database>, user: SessionUser, planId: number) {
  const plan = await db
    .selectFrom('plans')
    .select(['id', 'commune_id', 'status'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  if (!(await canReadPlan(db, user, { ownerId: plan.commune_id, status: plan.status })))
    throw forbidden('Bạn không có quyền xem kế hoạch này');
  return plan;
}

/**
 * Refuses unless the user may read the commune an org unit belongs to (readableCommuneIds) — or,
 * for a province, the province itself (readablePlanOwnerIds): 404 for a unit that does not exist.
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
  const [target, readable] =
    unit.kind === 'province'
      ? [unit.id, await readablePlanOwnerIds(db, user)]
      : [await communeOf(db, unit.id), await readableCommuneIds(db, user)];
  if (readable !== 'all' && (target === null || !readable.includes(target)))
    throw forbidden('Bạn không có quyền xem đơn vị này');
}

/** Focal officers manage their commune's plans and periods; admins manage every commune. */
export function canManageCommune(user: SessionUser, communeId: number): boolean {
  return user.roles.some(
    (r) => r.role === 'admin' || (r.role === 'focal_officer' && r.scopeUnitId === communeId),
  );
}

/** Province viewers see their province's roll-ups across communes; admins see every one. */
export function canViewProvince(user: SessionUser, provinceId: number): boolean {
  return user.roles.some(
    (r) => r.role === 'admin' || (r.role === 'province_viewer' && r.scopeUnitId === provinceId),
  );
}

/** The communes where the user can manage plans (for choosing where an import goes). */
export function managedCommuneIds(user: SessionUser): number[] | 'all' {
  if (user.roles.some((r) => r.role === 'admin')) return 'all';
  return user.roles.filter((r) => r.role === 'focal_officer').map((r) => r.scopeUnitId);
}

/** Refuses unless the plan is in one of `statuses` and its commune is in the user's scope. */
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
  const communes = await readableCommuneIds(db, user);
  if (
    (communes !== 'all' && !communes.includes(plan.commune_id)) ||
    !statuses.includes(plan.status)
  )
    throw forbidden('Bạn không có quyền xem kế hoạch này');
}
