import type { Kysely } from 'kysely';
import {
  evaluateTask,
  parseDeadline,
  suggestCascadeLinks,
  type TaskProgressUpdate,
  type TaskStatus,
} from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { trackedVersion } from '../plans/versions.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { todayInVietnam } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { countedTaskUpdates, progressOf } from '../reports/countedUpdates.ts';
import { latestPeriodId } from '../dashboards/communeDashboard.ts';

// The cascade (phân cấp thực hiện): a province's plan is implemented by its communes' plans.
// A commune plan names its higher-level plan (plans.parent_plan_id), and each of its tasks
// and indicators may be linked to the higher-level item it implements (cascade_links). The
// province then sees, for every task of its plan, which commune tasks carry it out and how
// they are doing, and which communes have not taken it up.

export type CascadeKind = 'task' | 'indicator';

interface PlanItem {
  id: number;
  planId: number;
  code: string;
  text: string;
  appendix: string;
}

export async function planOwner(db: Kysely<Database>, planId: number) {
  const plan = await db
    .selectFrom('plans')
    .innerJoin('org_units as owner', 'owner.id', 'plans.commune_id')
    .select([
      'plans.id',
      'plans.title',
      'plans.number',
      'plans.status',
      'plans.parent_plan_id',
      'owner.id as owner_id',
      'owner.kind as owner_kind',
      'owner.parent_id as owner_parent_id',
    ])
    .where('plans.id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  return plan;
}

/** The tasks or indicators of some plans, in plan order. */
async function planItems(
  db: Kysely<Database>,
  planIds: number | number[],
  kind: CascadeKind,
): Promise<PlanItem[]> {
  const ids = [-1, ...[planIds].flat()];
  // Two spelled-out queries: Kysely cannot type a select over a union of table names.
  const rows =
    kind === 'task'
      ? await db
          .selectFrom('tasks as item')
          .innerJoin('plan_sections as s', 's.id', 'item.section_id')
          .select(['item.id', 'item.code', 'item.plan_id', 'item.content as text', 's.appendix'])
          .where('item.plan_id', 'in', ids)
          .where(trackedVersion('item'))
          .orderBy('item.plan_id')
          .orderBy('item.ordinal')
          .execute()
      : await db
          .selectFrom('indicators as item')
          .innerJoin('plan_sections as s', 's.id', 'item.section_id')
          .select(['item.id', 'item.code', 'item.plan_id', 'item.name as text', 's.appendix'])
          .where('item.plan_id', 'in', ids)
          .where(trackedVersion('item'))
          .orderBy('item.plan_id')
          .orderBy('item.ordinal')
          .execute();
  return rows.map((r) => ({ ...r, planId: r.plan_id }));
}

function linksBetween(
  db: Kysely<Database>,
  kind: CascadeKind,
  parentIds: number[],
  childIds?: number[],
) {
  let query = db
    .selectFrom('cascade_links')
    .select(['child_id', 'parent_id'])
    .where('child_kind', '=', kind)
    .where('parent_kind', '=', kind)
    .where('parent_id', 'in', parentIds.length ? parentIds : [-1]);
  if (childIds) query = query.where('child_id', 'in', childIds.length ? childIds : [-1]);
  return query.execute();
}

/** Higher-level plans a commune plan may implement: published plans of the province above. */
export async function candidateParentPlans(db: Kysely<Database>, childPlanId: number) {
  const child = await planOwner(db, childPlanId);
  if (child.owner_parent_id === null) return [];
  return db
    .selectFrom('plans')
    .select(['id', 'title', 'number'])
    .where('commune_id', '=', child.owner_parent_id)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
}

export async function setParentPlan(
  db: Kysely<Database>,
  childPlanId: number,
  parentPlanId: number | null,
  userId: number,
): Promise<void> {
  const child = await planOwner(db, childPlanId);
  if (parentPlanId !== null) {
    const allowed = await candidateParentPlans(db, childPlanId);
    if (!allowed.some((p) => p.id === parentPlanId))
      throw badRequest('Kế hoạch cấp trên phải là kế hoạch đã ban hành của tỉnh/thành phố');
  }
  await atomically(db, async (trx) => {
    await trx
      .updateTable('plans')
      .set({ parent_plan_id: parentPlanId })
      .where('id', '=', childPlanId)
      .execute();
    if (parentPlanId !== child.parent_plan_id) await removeAllLinks(trx, childPlanId);
    await recordAudit(trx, {
      userId,
      entity: 'plan',
      entityId: childPlanId,
      action: 'set_parent_plan',
      before: { parentPlanId: child.parent_plan_id },
      after: { parentPlanId },
    });
  });
}

/** Links made against another higher-level plan no longer mean anything: drop them. */
async function removeAllLinks(db: Kysely<Database>, childPlanId: number) {
  for (const kind of ['task', 'indicator'] as const) {
    const table = kind === 'task' ? 'tasks' : 'indicators';
    await db
      .deleteFrom('cascade_links')
      .where('child_kind', '=', kind)
      .where('child_id', 'in', (eb) =>
        eb.selectFrom(table).select('id').where('plan_id', '=', childPlanId),
      )
      .execute();
  }
}

/** A commune plan's items beside its higher-level plan's: confirmed links and proposals. */
export async function cascadeLinksOf(db: Kysely<Database>, childPlanId: number) {
  const child = await planOwner(db, childPlanId);
  const parentPlans = await candidateParentPlans(db, childPlanId);
  const parentPlanId = child.parent_plan_id;
  const byKind = async (kind: CascadeKind) => {
    if (parentPlanId === null) return { parents: [], children: [], links: [], suggestions: [] };
    const [parents, children] = await Promise.all([
      planItems(db, parentPlanId, kind),
      planItems(db, childPlanId, kind),
    ]);
    const links = await linksBetween(
      db,
      kind,
      parents.map((p) => p.id),
      children.map((c) => c.id),
    );
    const linkedChildren = new Set(links.map((l) => l.child_id));
    const suggestions = suggestCascadeLinks(
      parents,
      children.filter((c) => !linkedChildren.has(c.id)),
    );
    return {
      parents,
      children,
      links: links.map((l) => ({ childId: l.child_id, parentId: l.parent_id })),
      suggestions,
    };
  };
  return {
    parentPlanId,
    parentPlans,
    tasks: await byKind('task'),
    indicators: await byKind('indicator'),
  };
}

export interface LinkChange {
  kind: CascadeKind;
  childId: number;
  parentId: number;
  linked: boolean;
}

/** Confirm or remove links, all or nothing; every item must belong to its side's plan. */
export async function changeLinks(
  db: Kysely<Database>,
  childPlanId: number,
  changes: LinkChange[],
  userId: number,
): Promise<void> {
  const child = await planOwner(db, childPlanId);
  if (child.parent_plan_id === null)
    throw badRequest('Hãy chọn kế hoạch cấp trên trước khi liên kết nhiệm vụ');
  for (const kind of ['task', 'indicator'] as const) {
    const mine = changes.filter((c) => c.kind === kind);
    if (!mine.length) continue;
    const childIds = new Set((await planItems(db, childPlanId, kind)).map((i) => i.id));
    const parentIds = new Set((await planItems(db, child.parent_plan_id, kind)).map((i) => i.id));
    if (mine.some((c) => !childIds.has(c.childId)))
      throw badRequest('Có mục không thuộc kế hoạch của xã');
    if (mine.some((c) => !parentIds.has(c.parentId)))
      throw badRequest('Có mục không thuộc kế hoạch cấp trên');
  }
  await atomically(db, async (trx) => {
    for (const c of changes) {
      const same = trx
        .deleteFrom('cascade_links')
        .where('child_kind', '=', c.kind)
        .where('child_id', '=', c.childId)
        .where('parent_kind', '=', c.kind)
        .where('parent_id', '=', c.parentId);
      await same.execute();
      if (c.linked)
        await trx
          .insertInto('cascade_links')
          .values({
            child_kind: c.kind,
            child_id: c.childId,
            parent_kind: c.kind,
            parent_id: c.parentId,
            created_at: new Date().toISOString(),
          })
          .execute();
    }
    await recordAudit(trx, {
      userId,
      entity: 'plan',
      entityId: childPlanId,
      action: 'cascade_links',
      after: changes,
    });
  });
}

/** Where each commune task stands today, judged in its plan's latest period. */
async function childTaskStatuses(
  db: Kysely<Database>,
  taskIds: number[],
): Promise<Map<number, TaskStatus | null>> {
  const tasks = taskIds.length
    ? await db
        .selectFrom('tasks')
        .select(['id', 'plan_id', 'deadline_text'])
        .where('id', 'in', taskIds)
        .execute()
    : [];
  const planIds = [...new Set(tasks.map((t) => t.plan_id))];
  const windows = new Map<number, { start: string; end: string } | null>();
  for (const planId of planIds) {
    const periodId = await latestPeriodId(db, planId);
    const period = periodId
      ? await db
          .selectFrom('reporting_periods')
          .select(['window_start', 'window_end'])
          .where('id', '=', periodId)
          .executeTakeFirst()
      : undefined;
    windows.set(planId, period ? { start: period.window_start, end: period.window_end } : null);
  }
  const updates = await countedTaskUpdates(db, planIds)
    .select(['u.task_id', 'u.status', 'u.completed_on', 'p.window_end'])
    .where('u.task_id', 'in', taskIds.length ? taskIds : [-1])
    .execute();
  const asOf = todayInVietnam();
  return new Map(
    tasks.map((t) => {
      const window = windows.get(t.plan_id);
      if (!window) return [t.id, null];
      const progress = updates
        .filter((u) => u.task_id === t.id)
        .map(progressOf)
        .filter((u): u is TaskProgressUpdate => u !== null);
      return [t.id, evaluateTask(parseDeadline(t.deadline_text ?? ''), progress, window, asOf)];
    }),
  );
}

/**
 * The cascade view of a higher-level plan: for each of its tasks (and indicators), the commune
 * items implementing it with their status, and the communes that have not taken it up. Only
 * `communeIds` (what the reader may see) are listed.
 */
export async function cascadeView(
  db: Kysely<Database>,
  parentPlanId: number,
  communeIds: number[] | 'all',
) {
  const parent = await planOwner(db, parentPlanId);
  let communeQuery = db
    .selectFrom('org_units as c')
    .leftJoin('plans as p', (j) =>
      j
        .onRef('p.commune_id', '=', 'c.id')
        .on('p.parent_plan_id', '=', parentPlanId)
        .on('p.status', '=', 'published'),
    )
    .select(['c.id', 'c.name', 'p.id as plan_id', 'p.title as plan_title'])
    .where('c.parent_id', '=', parent.owner_id)
    .where('c.kind', '=', 'commune')
    .orderBy('c.name');
  if (communeIds !== 'all') communeQuery = communeQuery.where('c.id', 'in', [-1, ...communeIds]);
  const communes = await communeQuery.execute();
  const childPlans = communes.filter((c) => c.plan_id !== null);
  const communeOfPlan = new Map(childPlans.map((c) => [c.plan_id!, c]));
  const view = async (kind: CascadeKind) => {
    const parents = await planItems(db, parentPlanId, kind);
    const children = new Map(
      (await planItems(db, [...communeOfPlan.keys()], kind)).map((c) => [c.id, c]),
    );
    const links = (
      await linksBetween(
        db,
        kind,
        parents.map((p) => p.id),
      )
    ).filter((l) => children.has(l.child_id));
    const statuses =
      kind === 'task'
        ? await childTaskStatuses(
            db,
            links.map((l) => l.child_id),
          )
        : new Map<number, TaskStatus | null>();
    const linked = links.map((l) => ({ parentId: l.parent_id, child: children.get(l.child_id)! }));
    return parents.map((p) => {
      const implementations = linked
        .filter((l) => l.parentId === p.id)
        .map(({ child }) => ({
          communeId: communeOfPlan.get(child.planId)!.id,
          communeName: communeOfPlan.get(child.planId)!.name,
          planId: child.planId,
          id: child.id,
          code: child.code,
          text: child.text,
          status: statuses.get(child.id) ?? null,
        }));
      const takenUp = new Set(implementations.map((i) => i.planId));
      return {
        id: p.id,
        code: p.code,
        text: p.text,
        appendix: p.appendix,
        implementations,
        notTakenUp: communes
          .filter((c) => c.plan_id === null || !takenUp.has(c.plan_id))
          .map((c) => ({ communeId: c.id, communeName: c.name, hasPlan: c.plan_id !== null })),
      };
    });
  };
  const tasks = await view('task');
  const indicators = await view('indicator');
  const coverage = (itemsOf: typeof tasks, planId: number | null) =>
    planId === null
      ? 0
      : itemsOf.filter((t) => t.implementations.some((i) => i.planId === planId)).length;
  return {
    plan: { id: parent.id, title: parent.title, number: parent.number, ownerId: parent.owner_id },
    communes: communes.map((c) => ({
      id: c.id,
      name: c.name,
      planId: c.plan_id,
      planTitle: c.plan_title,
      tasksTakenUp: coverage(tasks, c.plan_id),
      indicatorsTakenUp: coverage(indicators, c.plan_id),
    })),
    tasks,
    indicators,
  };
}
