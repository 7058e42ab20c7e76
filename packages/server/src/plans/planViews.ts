import type { Kysely } from 'kysely';
import type { PlanDetail, PlanSummary } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { assertCan, can } from '../access/policy.ts';
import { scopeOf } from '../access/scope.ts';
import { readablePlanOwnerIds } from '../org/queries.ts';
import { notFound } from '../http/errors.ts';
import { getPlanDetail, listPlans } from './queries.ts';
import { sentReportCount } from './lifecycle.ts';

// The plans as a person reads them: the list (GET /api/plans) and one plan (GET /api/plans/:id)
// with what they may do with it, as the access policy says.

/** The plans the person reads: drafts under review only for those who manage the owner's plans;
 *  archived ones out of the active list and listed on their own. */
export async function plansReadBy(
  db: Kysely<Database>,
  user: SessionUser,
  archived: boolean,
): Promise<PlanSummary[]> {
  const plans = await listPlans(db, await readablePlanOwnerIds(db, user));
  const scope = await scopeOf(db, user);
  return plans.filter(
    (p) =>
      (p.status === 'archived') === archived &&
      can(scope, 'plan.read', { ownerId: p.communeId, status: p.status }),
  );
}

/** One plan as it now reads, with the reports sent for it and the person's permissions. */
export async function planReadBy(
  db: Kysely<Database>,
  user: SessionUser,
  planId: number,
): Promise<PlanDetail> {
  const plan = await getPlanDetail(db, planId);
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  const scope = await scopeOf(db, user);
  const ref = { ownerId: plan.communeId, status: plan.status };
  assertCan(scope, 'plan.read', ref);
  return {
    ...plan,
    sentReports: plan.status === 'published' ? await sentReportCount(db, plan.id) : 0,
    permissions: {
      manage: can(scope, 'plan.manage', ref),
      amend: can(scope, 'plan.amend', ref),
      review: can(scope, 'plan.review', { ...ref, provinceId: plan.provinceId }),
    },
  };
}
