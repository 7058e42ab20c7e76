import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// The province's split of its indicators' targets (giao chỉ tiêu), as a commune's report shows
// it beside each indicator. cascade/targetShares.ts writes the split; reading it lives here so
// that reports/ does not depend on cascade/ (cascade/ reads what reports count: one direction).

/** What the province assigned to this commune for the indicators of its plan, by year. */
export async function assignedTargets(db: Kysely<Database>, planId: number) {
  return db
    .selectFrom('target_shares as s')
    .innerJoin('cascade_links as l', (join) =>
      join.onRef('l.parent_id', '=', 's.indicator_id').on('l.child_kind', '=', 'indicator'),
    )
    .innerJoin('indicators as child', 'child.id', 'l.child_id')
    .innerJoin('plans', 'plans.id', 'child.plan_id')
    .select(['child.id as indicatorId', 's.year', 's.value'])
    .whereRef('s.commune_id', '=', 'plans.commune_id')
    .where('child.plan_id', '=', planId)
    .orderBy('s.year')
    .execute();
}
