import type { Kysely } from 'kysely';
import type { PlanDraft } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { createPlanFromDraft } from '../plans/store.ts';
import { cascadeLinksOf, changeLinks, setParentPlan } from '../cascade/cascade.ts';

// The demo's higher-level plan. None of the seed documents is a province plan, but Kiến Hưng's
// plan quotes one: its Phụ lục 3 lists "the tasks assigned to the commune by Plan 48/KH-UBND
// of Hải Phòng" and its Phụ lục 1 the NQ 71/NQ-CP indicators every commune follows. The demo
// rebuilds the city plan's commune-level part from those two appendices (targets left out:
// the city's own figures are not in any seed), so the cascade view has something real to show.

const SOURCE_LOCALITY = 'xã Kiến Hưng';
const CITY_PLAN_NUMBER = '48/KH-UBND';
/** Demo only: proposals this close are confirmed as if the focal officer had done it. */
const DEMO_CONFIRM_SCORE = 0.6;

export function provincePlanDraft(drafts: PlanDraft[]): PlanDraft | null {
  const source = drafts.find((d) => d.plan.locality === SOURCE_LOCALITY);
  const basis = source?.plan.basis.find((b) => b.number === CITY_PLAN_NUMBER);
  if (!source || !basis) return null;
  return {
    source: `${source.source} (Phụ lục 1, 3)`,
    plan: {
      ...source.plan,
      issuer: basis.issuer ?? 'Ủy ban nhân dân thành phố Hải Phòng',
      locality: 'thành phố Hải Phòng',
      number: basis.number,
      date: basis.date,
      title:
        'Triển khai Nghị quyết 57-NQ/TW của Bộ Chính trị trên địa bàn thành phố (phần nhiệm vụ, chỉ tiêu giao cấp xã)',
      signer: null,
      basis: source.plan.basis.filter((b) => b.number !== CITY_PLAN_NUMBER),
      replaces: [],
      focal_unit: 'Sở Khoa học và Công nghệ',
      reporting: [],
    },
    indicators: source.indicators
      .filter((i) => i.table === 'PHỤ LỤC 1')
      .map((i) => ({ ...i, targets: {}, lead: 'UBND các xã, phường, đặc khu' })),
    tasks: source.tasks
      .filter((t) => t.table === 'PHỤ LỤC 3')
      .map((t) => ({ ...t, table: 'PHỤ LỤC 1', lead: 'UBND các xã, phường, đặc khu' })),
  };
}

/** Publish the city plan, make every commune plan implement it, confirm the close proposals. */
export async function seedCascade(
  db: Kysely<Database>,
  provinceId: number,
  drafts: PlanDraft[],
  communePlanIds: number[],
  userId: number,
): Promise<number | null> {
  const draft = provincePlanDraft(drafts);
  if (!draft) return null;
  const planId = await createPlanFromDraft(db, {
    communeId: provinceId,
    draft,
    status: 'published',
  });
  for (const childPlanId of communePlanIds) {
    await setParentPlan(db, childPlanId, planId, userId);
    const { tasks, indicators } = await cascadeLinksOf(db, childPlanId);
    const confirm = (kind: 'task' | 'indicator', list: typeof tasks.suggestions) => {
      const seen = new Set<number>();
      return list
        .filter((s) => s.score >= DEMO_CONFIRM_SCORE && !seen.has(s.childId) && seen.add(s.childId))
        .map((s) => ({ kind, childId: s.childId, parentId: s.parentId, linked: true }));
    };
    const changes = [
      ...confirm('task', tasks.suggestions),
      ...confirm('indicator', indicators.suggestions),
    ];
    if (changes.length) await changeLinks(db, childPlanId, changes, userId);
  }
  return planId;
}
