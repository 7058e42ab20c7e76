import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { predecessorsOf } from '../org/succession.ts';
import type { Scope } from './policy.ts';

// Resolves what a user's roles reach in the org tree, once per request: the policy's rules
// (policy.ts) are then plain set look-ups. A role whose unit no longer exists reaches nothing.

const resolved = new WeakMap<SessionUser, Promise<Scope>>();

export function scopeOf(db: Kysely<Database>, user: SessionUser): Promise<Scope> {
  let scope = resolved.get(user);
  if (!scope) {
    scope = resolveScope(db, user);
    resolved.set(user, scope);
  }
  return scope;
}

const scopesOf = (user: SessionUser, role: string) =>
  new Set(user.roles.filter((r) => r.role === role).map((r) => r.scopeUnitId));

/** The scope as far as the roles alone tell, without the org tree: enough for the rules that
 *  name a role's own unit (manage a commune, view a province, write a unit's report); the
 *  communes and plan owners it reads are left empty, so rules needing them refuse. */
export function roleScope(user: SessionUser): Scope {
  const admin = user.roles.some((r) => r.role === 'admin');
  const national = user.roles.some((r) => r.role === 'national_viewer');
  return {
    userId: user.id,
    admin,
    national,
    focalOf: scopesOf(user, 'focal_officer'),
    leaderOf: scopesOf(user, 'commune_leader'),
    provinceOf: scopesOf(user, 'province_viewer'),
    reporterOf: scopesOf(user, 'unit_reporter'),
    communes: admin || national ? 'all' : new Set(),
    planOwners: admin || national ? 'all' : new Set(),
  };
}

async function resolveScope(db: Kysely<Database>, user: SessionUser): Promise<Scope> {
  const base = roleScope(user);
  if (base.admin || base.national) return base;
  const communes = await readableCommunes(db, user);
  return { ...base, communes, planOwners: await planOwnersOf(db, communes) };
}

/** Own communes (of commune and unit roles), the province's communes, and their predecessors. */
async function readableCommunes(db: Kysely<Database>, user: SessionUser): Promise<Set<number>> {
  const scopeIds = [...new Set(user.roles.map((r) => r.scopeUnitId))];
  if (!scopeIds.length) return new Set();
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'kind', 'parent_id'])
    .where('id', 'in', scopeIds)
    .execute();
  const ids = new Set<number>();
  const provinces: number[] = [];
  for (const unit of units) {
    if (unit.kind === 'province') provinces.push(unit.id);
    else if (unit.kind === 'commune') ids.add(unit.id);
    else if (unit.parent_id !== null) ids.add(unit.parent_id);
  }
  if (provinces.length) {
    const inProvinces = await db
      .selectFrom('org_units')
      .select('id')
      .where('parent_id', 'in', provinces)
      .where('kind', '=', 'commune')
      .execute();
    inProvinces.forEach((c) => ids.add(c.id));
  }
  // A commune formed by a merger keeps the records of the communes it absorbed.
  for (const id of await predecessorsOf(db, [...ids])) ids.add(id);
  return ids;
}

/** The communes and the provinces above them (a commune reads the plan it implements). */
async function planOwnersOf(db: Kysely<Database>, communes: Set<number>): Promise<Set<number>> {
  if (!communes.size) return new Set();
  const parents = await db
    .selectFrom('org_units')
    .select('parent_id')
    .where('id', 'in', [...communes])
    .where('parent_id', 'is not', null)
    .execute();
  return new Set([...communes, ...parents.map((p) => p.parent_id!)]);
}
