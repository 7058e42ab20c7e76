import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { loginAs } from '../testing/app.ts';
import { useReportedPeriod } from '../testing/reportedPeriod.ts';
import { DEMO_PASSWORD } from '../demo/seed.ts';

interface CascadeTask {
  id: number;
  code: string;
  implementations: Array<{ communeName: string; id: number; status: string | null }>;
  notTakenUp: Array<{ communeName: string; hasPlan: boolean }>;
}

describe.each(TEST_DIALECTS)('cascade from the city plan to the commune plan on %s', (dialect) => {
  const fixture = useReportedPeriod(dialect);
  const cityPlanId = async () =>
    (
      await fixture.database.db
        .selectFrom('plans')
        .select('id')
        .where('number', '=', '48/KH-UBND')
        .executeTakeFirstOrThrow()
    ).id;

  it('shows every city task with the commune task implementing it and its status', async () => {
    const { send } = fixture.ctx;
    const province = await loginAs(fixture.app, 'haiphong', DEMO_PASSWORD);
    const view = (await send(province, 'GET', `/api/plans/${await cityPlanId()}/cascade`)).json();
    // 34 indicators, three of them printed twice under other numbers (15.1 = 17, 15.4 = 18,
    // 15.5 = 19): each commune indicator implements one of the twins.
    expect(view.communes).toEqual([
      expect.objectContaining({ name: 'Xã Kiến Hưng', tasksTakenUp: 8, indicatorsTakenUp: 31 }),
    ]);
    expect(view.indicators).toHaveLength(34);
    expect(view.tasks).toHaveLength(8);
    for (const task of view.tasks as CascadeTask[]) {
      expect(task.implementations.map((i) => i.communeName)).toEqual(['Xã Kiến Hưng']);
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
    expect(links.parentPlans.map((p: { number: string }) => p.number)).toEqual(['48/KH-UBND']);
    const [first] = links.tasks.links as Array<{ childId: number; parentId: number }>;
    const change = { changes: [{ kind: 'task', ...first, linked: false }] };
    expect(
      (await send(users.kt, 'PUT', `/api/plans/${planId}/cascade-links`, change)).statusCode,
    ).toBe(403);
    const after = (await send(focal, 'PUT', `/api/plans/${planId}/cascade-links`, change)).json();
    expect(after.tasks.links).toHaveLength(7);
    // The unlinked task is proposed again: same wording.
    expect(after.tasks.suggestions).toContainEqual({ ...first!, score: 1 });
    const view = (await send(focal, 'GET', `/api/plans/${await cityPlanId()}/cascade`)).json();
    const task = view.tasks.find((t: CascadeTask) => t.id === first!.parentId);
    expect(task.notTakenUp).toEqual([
      expect.objectContaining({ communeName: 'Xã Kiến Hưng', hasPlan: true }),
    ]);
    const audit = await fixture.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'plan')
      .where('entity_id', '=', planId)
      .where('action', '=', 'cascade_links')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2); // the demo's confirmation and this change
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
    expect(relinked.tasks.suggestions.length).toBeGreaterThanOrEqual(8);
  });

  it('shows the city plan to the commune but not the city’s drafts', async () => {
    const { send, users } = fixture.ctx;
    const plans = (await send(users.kt, 'GET', '/api/plans')).json();
    expect(plans.map((p: { number: string | null }) => p.number)).toContain('48/KH-UBND');
    expect(
      (await send(users.kt, 'GET', `/api/plans/${await cityPlanId()}`)).json().communeName,
    ).toBe('Thành phố Hải Phòng');
  });
});
