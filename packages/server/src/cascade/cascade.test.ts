import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';
import {
  buildPlan,
  buildUserWithRole,
  linkPlans,
  signIn,
  type PlanRow,
} from '../testing/factories.ts';

interface CascadeTask {
  id: number;
  code: string;
  implementations: Array<{ communeName: string; id: number; status: string | null }>;
  notTakenUp: Array<{ communeName: string; hasPlan: boolean }>;
}

describe.each(TEST_DIALECTS)('cascade from the city plan to the commune plan on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);
  let city: PlanRow;
  const cityPlanId = async () => city.id;

  // The city's plan: three tasks and three indicators worded as the commune's first three,
  // each confirmed as implemented by its twin.
  beforeAll(async () => {
    const { db } = fixture.database;
    const { province, planId, people } = fixture.ctx;
    city = await buildPlan(db, { communeId: province.id, leads: [], tasks: 3, indicators: 3 });
    const idsOf = async (table: 'tasks' | 'indicators', plan: number) =>
      (
        await db
          .selectFrom(table)
          .select('id')
          .where('plan_id', '=', plan)
          .orderBy('ordinal')
          .execute()
      ).map((r) => r.id);
    const pairs = async (table: 'tasks' | 'indicators') => {
      const [mine, theirs] = [await idsOf(table, planId), await idsOf(table, city.id)];
      return theirs.map((parent, i) => [mine[i]!, parent] as [number, number]);
    };
    await linkPlans(db, {
      childPlanId: planId,
      parentPlanId: city.id,
      userId: people.focal.id,
      tasks: await pairs('tasks'),
      indicators: await pairs('indicators'),
    });
  });

  it('shows every city task with the commune task implementing it and its status', async () => {
    const { send } = fixture.ctx;
    const { commune, province: city } = fixture.ctx;
    const viewer = await buildUserWithRole(fixture.database.db, 'province_viewer', city);
    const province = await signIn(fixture.app, viewer);
    const view = (await send(province, 'GET', `/api/plans/${await cityPlanId()}/cascade`)).json();
    expect(view.communes).toEqual([
      expect.objectContaining({ name: commune.name, tasksTakenUp: 3, indicatorsTakenUp: 3 }),
    ]);
    expect(view.indicators).toHaveLength(3);
    expect(view.tasks).toHaveLength(3);
    for (const task of view.tasks as CascadeTask[]) {
      expect(task.implementations.map((i) => i.communeName)).toEqual([commune.name]);
      expect(task.notTakenUp).toEqual([]);
      expect(task.implementations[0]!.status).toMatch(
        /^(done_on_time|done_late|in_progress|overdue|not_started|not_reported|not_applicable)$/,
      );
    }
  });

  it('lets the commune’s focal officer unlink a task, which the city then sees as not taken up', async () => {
    const { send, focal, planId, users } = fixture.ctx;
    const links = (await send(focal, 'GET', `/api/plans/${planId}/cascade-links`)).json();
    expect(links.parentPlanId).toBe(await cityPlanId());
    expect(links.parentPlans.map((p: { number: string }) => p.number)).toEqual([
      city.draft.plan.number,
    ]);
    const [first] = links.tasks.links as Array<{ childId: number; parentId: number }>;
    const change = { changes: [{ kind: 'task', ...first, linked: false }] };
    expect(
      (await send(users.kt, 'PUT', `/api/plans/${planId}/cascade-links`, change)).statusCode,
    ).toBe(403);
    const after = (await send(focal, 'PUT', `/api/plans/${planId}/cascade-links`, change)).json();
    expect(after.tasks.links).toHaveLength(2);
    // The unlinked task is proposed again: same wording.
    expect(after.tasks.suggestions).toContainEqual({ ...first!, score: 1 });
    const view = (await send(focal, 'GET', `/api/plans/${await cityPlanId()}/cascade`)).json();
    const task = view.tasks.find((t: CascadeTask) => t.id === first!.parentId);
    expect(task.notTakenUp).toEqual([
      expect.objectContaining({ communeName: fixture.ctx.commune.name, hasPlan: true }),
    ]);
    const audit = await fixture.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'plan')
      .where('entity_id', '=', planId)
      .where('action', '=', 'cascade_links')
      .execute();
    expect(audit.length).toBe(2); // the links' confirmation (linkPlans) and this change
  });

  it('refuses links to items outside the two plans, and a parent that is not the city’s', async () => {
    const { send, focal, planId } = fixture.ctx;
    const links = (await send(focal, 'GET', `/api/plans/${planId}/cascade-links`)).json();
    const child = links.tasks.children[0].id;
    const parent = links.tasks.parents[0].id;
    const bad = await send(focal, 'PUT', `/api/plans/${planId}/cascade-links`, {
      changes: [{ kind: 'task', childId: parent, parentId: child, linked: true }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/không thuộc kế hoạch/);
    const self = await send(focal, 'PUT', `/api/plans/${planId}/parent`, { parentPlanId: planId });
    expect(self.statusCode).toBe(400);
    expect(self.json().error).toMatch(/kế hoạch đã ban hành của tỉnh/);
  });

  it('drops the links when the commune stops implementing the plan', async () => {
    const { send, focal, planId } = fixture.ctx;
    const cleared = (
      await send(focal, 'PUT', `/api/plans/${planId}/parent`, { parentPlanId: null })
    ).json();
    expect(cleared.parentPlanId).toBeNull();
    expect(cleared.tasks.links).toEqual([]);
    const view = (await send(focal, 'GET', `/api/plans/${await cityPlanId()}/cascade`)).json();
    expect(view.communes[0].planId).toBeNull();
    expect(view.tasks[0].notTakenUp[0].hasPlan).toBe(false);
    const relinked = (
      await send(focal, 'PUT', `/api/plans/${planId}/parent`, { parentPlanId: await cityPlanId() })
    ).json();
    expect(relinked.tasks.suggestions.length).toBeGreaterThanOrEqual(3);
  });

  it('shows the city plan to the commune but not the city’s drafts', async () => {
    const { send, users } = fixture.ctx;
    const plans = (await send(users.kt, 'GET', '/api/plans')).json();
    expect(plans.map((p: { number: string | null }) => p.number)).toContain(city.draft.plan.number);
    expect(
      (await send(users.kt, 'GET', `/api/plans/${await cityPlanId()}`)).json().communeName,
    ).toBe(fixture.ctx.province.name);
  });
});
