import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { COORDINATED_TASK, useOpenPeriod } from '../testing/openPeriod.ts';
import { periodSummary } from '../exports/periodSummary.ts';

// A task led by one unit (chủ trì) and coordinated by others (phối hợp): the coordinators
// file contributions, the lead sees them and writes the consolidated update, and only the
// lead's update counts — a coordinator sending its report later no longer overrides it.

describe.each(TEST_DIALECTS)('coordinating units’ contributions on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);
  const CONTRIBUTION = 'Trung tâm đã hướng dẫn 40 lượt người dân nộp hồ sơ trực tuyến';
  let taskId: number;

  const get = async (who: 'pvhcc' | 'vhxh' | 'kt', id: number) =>
    (await fixture.ctx.send(fixture.ctx.users[who], 'GET', `/api/reports/${id}`)).json();

  it('lets a coordinating unit write its contribution, never the task’s state', async () => {
    const { send, users, reports } = fixture.ctx;
    const report = await get('pvhcc', reports.pvhcc);
    const task = report.tasks.find(
      (t: { role: string; content: string }) =>
        t.role === 'coordinate' && t.content === COORDINATED_TASK,
    );
    taskId = task.taskId;
    const saved = await send(users.pvhcc, 'PUT', `/api/reports/${reports.pvhcc}/tasks/${taskId}`, {
      version: 0,
      status: 'done',
      progress: 100,
      results: CONTRIBUTION,
      difficulties: 'Người dân cao tuổi chưa quen dịch vụ công trực tuyến',
    });
    expect(saved.statusCode).toBe(200);
    const after = (await get('pvhcc', reports.pvhcc)).tasks.find(
      (t: { taskId: number }) => t.taskId === taskId,
    );
    expect(after.update).toMatchObject({ status: null, progress: null, results: CONTRIBUTION });
    const current = await get('pvhcc', reports.pvhcc);
    expect(
      (
        await send(users.pvhcc, 'POST', `/api/reports/${reports.pvhcc}/submit`, {
          version: current.version,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('shows the lead unit who contributed what, and who has not', async () => {
    const led = (await get('vhxh', fixture.ctx.reports.vhxh)).tasks.find(
      (t: { taskId: number }) => t.taskId === taskId,
    );
    expect(led.role).toBe('lead');
    expect(led.contributions.given).toEqual([
      expect.objectContaining({
        unitName: fixture.ctx.units.pvhcc.name,
        results: CONTRIBUTION,
      }),
    ]);
    const missing = led.contributions.missing.map((u: { unitName: string }) => u.unitName);
    expect(missing).toContain(fixture.ctx.units.kt.name); // its report was sent without this task
    expect(missing).not.toContain(fixture.ctx.units.pvhcc.name);
    // A coordinator does not see the others' contributions.
    const coordinated = (await get('kt', fixture.ctx.reports.kt)).tasks.find(
      (t: { taskId: number }) => t.taskId === taskId,
    );
    expect(coordinated.contributions).toBeNull();
  });

  it('tells the focal officer each unit’s contributions owed and sent', async () => {
    const { send, focal, periodId, units } = fixture.ctx;
    const overview = (await send(focal, 'GET', `/api/periods/${periodId}/reports`)).json();
    const row = (name: string) =>
      overview.units.find((u: { unitName: string }) => u.unitName === name);
    expect(row(units.pvhcc.name).contributions.given).toBe(1);
    expect(row(units.pvhcc.name).contributions.expected).toBeGreaterThan(1);
    expect(row(units.kt.name).contributions.given).toBe(0);
  });

  it('counts only the lead’s consolidated update in the period’s figures', async () => {
    const { send, users, reports, focal, periodId } = fixture.ctx;
    const summaryTask = async () =>
      (await periodSummary(fixture.database.db, periodId)).tasks.find((t) => t.id === taskId)!;
    // The lead has not written this task yet: the contribution alone does not make it reported.
    expect((await summaryTask()).reportedBy).toEqual([]);
    // The focal officer reopens the lead's approved report; the lead consolidates and resends.
    const vhxh = await get('vhxh', reports.vhxh);
    await send(focal, 'POST', `/api/reports/${reports.vhxh}/reopen`, {
      version: vhxh.version,
      reason: 'Tổng hợp phần phối hợp',
    });
    await send(users.vhxh, 'PUT', `/api/reports/${reports.vhxh}/tasks/${taskId}`, {
      version: 0,
      status: 'done',
      completedOn: '2026-03-20',
      results: 'Đã phát động phong trào; Trung tâm PVHCC hướng dẫn 40 lượt người dân',
    });
    const reopened = await get('vhxh', reports.vhxh);
    await send(users.vhxh, 'POST', `/api/reports/${reports.vhxh}/submit`, {
      version: reopened.version,
    });
    const task = await summaryTask();
    expect(task.reportedBy).toEqual([fixture.ctx.units.vhxh.name]);
    expect(task.status).toBe('done_on_time');
    expect(task.results).toContain('Đã phát động phong trào');
    expect(task.results).not.toContain(CONTRIBUTION);
  });
});
