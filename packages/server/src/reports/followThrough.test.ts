import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { OVERDUE_DEADLINE, useOpenPeriod } from '../testing/openPeriod.ts';
import { lockOverduePeriods } from './periodLocks.ts';
import { todayInVietnam } from '../http/time.ts';
import { addDays } from '@tiendo/core';
import { buildUserWithRole, signIn } from '../testing/factories.ts';

// What makes units report and keeps the record straight: the reporter's inbox, a report that
// starts from the last period, an explanation required for an overdue task, tracked
// difficulties and proposals, the period locking itself and reopened for one unit, and the
// completeness and timeliness figures.

type Row = { periodId: number; unitName: string; bucket: string; reportStatus: string };

describe.each(TEST_DIALECTS)('follow-through on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);
  const inbox = async (who: 'kt' | 'pvhcc') =>
    (await fixture.ctx.send(fixture.ctx.users[who], 'GET', '/api/my/reports'))
      .json()
      .filter((r: Row) => r.periodId === fixture.ctx.periodId)[0] as Row;
  const report = async (who: 'kt' | 'pvhcc', id: number) =>
    (await fixture.ctx.send(fixture.ctx.users[who], 'GET', `/api/reports/${id}`)).json();

  it('sorts each reporter’s periods into overdue, returned and done', async () => {
    expect((await inbox('kt')).bucket).toBe('done');
    // The first period of 2026 is long past due and the centre has only a draft.
    expect(await inbox('pvhcc')).toMatchObject({ bucket: 'overdue', reportStatus: 'draft' });
    const { send, focal, reports } = fixture.ctx;
    const kt = await report('kt', reports.kt);
    await send(focal, 'POST', `/api/reports/${reports.kt}/return`, {
      version: kt.version,
      comment: 'Bổ sung tiến độ số hóa hồ sơ',
    });
    expect((await inbox('kt')).bucket).toBe('returned');
  });

  it('refuses to send an overdue task without an explanation, then accepts one', async () => {
    const { send, users, reports } = fixture.ctx;
    const kt = await report('kt', reports.kt);
    const task = kt.tasks.find((t: { deadline: string }) => t.deadline === OVERDUE_DEADLINE);
    const url = `/api/reports/${reports.kt}/tasks/${task.taskId}`;
    await send(users.kt, 'PUT', url, { version: 0, status: 'in_progress', progress: 70 });
    const written = await report('kt', reports.kt);
    const overdue = written.tasks.find((t: { taskId: number }) => t.taskId === task.taskId);
    expect(overdue.needsExplanation).toBe('overdue');
    const refused = await send(users.kt, 'POST', `/api/reports/${reports.kt}/submit`, {
      version: written.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatch(new RegExp(`Cần giải trình.*nhiệm vụ ${task.code}\\b`));
    await send(users.kt, 'PUT', url, {
      version: overdue.update.version,
      status: 'in_progress',
      progress: 70,
      explanation: 'Thiếu máy quét; đã mượn của Văn phòng, dự kiến xong trong tháng 7',
    });
    const sent = await send(users.kt, 'POST', `/api/reports/${reports.kt}/submit`, {
      version: written.version,
    });
    expect(sent.statusCode).toBe(200);
  });

  it('tracks each difficulty and proposal until it is answered, seen by the unit', async () => {
    const { send, users, focal, planId, units } = fixture.ctx;
    const list = async (who: typeof focal) =>
      (await send(who, 'GET', `/api/plans/${planId}/concerns`)).json();
    const all = await list(focal);
    expect(all.canAnswer).toBe(true);
    // Sent twice (before and after the return): still one item each.
    const kt = all.items.filter((c: { unitName: string }) => c.unitName === units.kt.name);
    expect(kt.map((c: { kind: string }) => c.kind).sort()).toEqual(['difficulty', 'proposal']);
    expect((await list(users.vhxh)).items).toEqual([]); // another unit's
    expect((await list(users.kt)).canAnswer).toBe(false);
    const proposal = kt.find((c: { kind: string }) => c.kind === 'proposal');
    const url = `/api/concerns/${proposal.id}`;
    const answer = { version: proposal.version, answer: 'UBND xã đã đề nghị thành phố bổ sung' };
    expect((await send(users.kt, 'PATCH', url, answer)).statusCode).toBe(403);
    const assigned = await send(focal, 'PATCH', url, {
      version: proposal.version,
      addressee: 'Phòng Kinh tế thành phố',
      answerDue: '2026-12-15',
    });
    expect(assigned.statusCode).toBe(200);
    expect((await send(focal, 'PATCH', url, answer)).statusCode).toBe(409); // stale version
    const answered = await send(focal, 'PATCH', url, {
      ...answer,
      version: assigned.json().version,
    });
    expect(answered.statusCode).toBe(200);
    const notes = (await send(users.kt, 'GET', '/api/notifications')).json();
    expect(JSON.stringify(notes)).toContain('Kiến nghị của đơn vị đã được trả lời');
    // The city sees every commune's concerns with where they came from.
    const { province: cityUnit, commune } = fixture.ctx;
    const viewer = await buildUserWithRole(fixture.database.db, 'province_viewer', cityUnit);
    const city = await signIn(fixture.app, viewer);
    const province = cityUnit.id;
    const citywide = (await send(city, 'GET', `/api/provinces/${province}/concerns`)).json();
    expect(citywide.find((c: { id: number }) => c.id === proposal.id)).toMatchObject({
      communeName: commune.name,
      status: 'answered',
    });
    const mine = (await send(users.kt, 'GET', '/api/my/concerns')).json();
    expect(mine.find((c: { id: number }) => c.id === proposal.id)).toMatchObject({
      status: 'answered',
      addressee: 'Phòng Kinh tế thành phố',
      answerDue: '2026-12-15',
      answer: 'UBND xã đã đề nghị thành phố bổ sung',
    });
  });

  it('locks the period a set number of days after it is due, reopens it for one unit', async () => {
    const { send, users, focal, periodId, reports } = fixture.ctx;
    const period = (await send(focal, 'GET', `/api/plans/${fixture.ctx.planId}/periods`)).json()[0];
    await send(focal, 'PATCH', `/api/periods/${periodId}`, {
      version: period.version,
      lockAfterDays: 5,
    });
    // The reporter is told when the period locks.
    const told = await report('pvhcc', reports.pvhcc);
    expect(told.lockOn).toBe(addDays(told.dueDate, 5));
    expect(await lockOverduePeriods(fixture.database.db, todayInVietnam())).toEqual([periodId]);
    expect(await lockOverduePeriods(fixture.database.db, todayInVietnam())).toEqual([]);
    const pvhcc = await report('pvhcc', reports.pvhcc);
    expect(pvhcc.editable).toBe(false);
    const task = pvhcc.tasks[0];
    const write = (version: number) =>
      send(users.pvhcc, 'PUT', `/api/reports/${reports.pvhcc}/tasks/${task.taskId}`, {
        version,
        status: 'in_progress',
        results: 'Bổ sung sau khóa sổ',
      });
    expect((await write(task.update.version)).statusCode).toBe(400);
    expect((await inbox('pvhcc')).bucket).toBe('missed');
    const unlockUrl = (unitId: number) => `/api/periods/${periodId}/units/${unitId}/unlock`;
    expect((await send(focal, 'POST', unlockUrl(pvhcc.unitId), { reason: ' ' })).statusCode).toBe(
      400,
    );
    expect(
      (await send(users.pvhcc, 'POST', unlockUrl(pvhcc.unitId), { reason: 'x' })).statusCode,
    ).toBe(403);
    const unlocked = await send(focal, 'POST', unlockUrl(pvhcc.unitId), {
      reason: 'Trung tâm bổ sung số liệu dịch vụ công',
    });
    expect(unlocked.json().reportId).toBe(reports.pvhcc);
    expect((await inbox('pvhcc')).bucket).toBe('overdue');
    expect((await write(task.update.version)).statusCode).toBe(200);
    // Other units stay locked out.
    const kt = await report('kt', reports.kt);
    expect(kt.editable).toBe(false);
    const sent = await send(users.pvhcc, 'POST', `/api/reports/${reports.pvhcc}/submit`, {
      version: (await report('pvhcc', reports.pvhcc)).version,
    });
    expect(sent.statusCode).toBe(200);
    await send(focal, 'POST', `/api/reports/${reports.pvhcc}/approve`, {
      version: sent.json().version,
    });
    // Approved: the reopening ends with it.
    const closed = await report('pvhcc', reports.pvhcc);
    expect(closed.editable).toBe(false);
    expect(closed.unlockedAt).toBeNull();
    const audit = await fixture.database.db
      .selectFrom('audit_log')
      .select(['action', 'reason', 'user_id'])
      .where('action', 'in', ['unlock', 'auto_lock'])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'auto_lock', reason: null, user_id: null },
        expect.objectContaining({
          action: 'unlock',
          reason: 'Trung tâm bổ sung số liệu dịch vụ công',
        }),
      ]),
    );
  });

  it('counts expected, received, on-time and late reports per unit and commune', async () => {
    const { send, focal, periodId, reports, units, province } = fixture.ctx;
    const db = fixture.database.db;
    const { due_date } = await db
      .selectFrom('reporting_periods')
      .select('due_date')
      .where('id', '=', periodId)
      .executeTakeFirstOrThrow();
    // Culture sent on the due day; the economy unit at 03:00 the next day in Vietnam, which
    // is still the due day in UTC.
    await db
      .updateTable('reports')
      .set({ first_submitted_at: `${due_date}T08:00:00.000Z` })
      .where('id', '=', reports.vhxh)
      .execute();
    await db
      .updateTable('reports')
      .set({ first_submitted_at: `${due_date}T20:00:00.000Z` })
      .where('id', '=', reports.kt)
      .execute();
    const figures = (
      await send(focal, 'GET', `/api/plans/${fixture.ctx.planId}/compliance`)
    ).json();
    const unit = (name: string) =>
      figures.units.find((u: { unitName: string }) => u.unitName === name);
    expect(unit(units.vhxh.name)).toMatchObject({
      expected: 1,
      received: 1,
      onTime: 1,
      completeness: 100,
      timeliness: 100,
    });
    expect(unit(units.kt.name)).toMatchObject({ expected: 1, received: 1, onTime: 0, late: 1 });
    expect(unit(units.silent.name)).toMatchObject({ expected: 1, received: 0, missing: 1 });
    const owing = figures.units.length;
    expect(figures.total).toMatchObject({ expected: owing, received: 3, onTime: 1 });
    const leader = fixture.ctx.users.lanhdao;
    const provinceWide = await send(leader, 'GET', `/api/provinces/${province.id}/compliance`);
    expect(provinceWide.statusCode).toBe(403);
  });

  it('starts the next period’s report from what the unit said last time', async () => {
    const { send, users, focal, planId } = fixture.ctx;
    const next = (await send(focal, 'GET', `/api/plans/${planId}/periods`)).json()[1];
    await send(focal, 'PATCH', `/api/periods/${next.id}`, {
      version: next.version,
      status: 'open',
    });
    const unitId = (await report('kt', fixture.ctx.reports.kt)).unitId;
    const opened = await send(users.kt, 'POST', `/api/periods/${next.id}/units/${unitId}/report`);
    const fresh = await report('kt', opened.json().reportId);
    const task = fresh.tasks.find(
      (t: { update: { results: string } | null }) =>
        t.update?.results === 'Đã rà soát 120 hồ sơ doanh nghiệp',
    );
    expect(task.update).toMatchObject({
      status: 'in_progress',
      prefilled: true,
      difficulties: null,
    });
    // Nothing to retype: the report can be sent as it stands (after explaining what is late).
    for (const t of fresh.tasks.filter(
      (x: { needsExplanation: string | null }) => x.needsExplanation,
    ))
      await send(users.kt, 'PUT', `/api/reports/${fresh.id}/tasks/${t.taskId}`, {
        ...t.update,
        explanation: 'Đang hoàn thiện, xong trong quý',
      });
    const again = await report('kt', fresh.id);
    const sent = await send(users.kt, 'POST', `/api/reports/${fresh.id}/submit`, {
      version: again.version,
    });
    expect(sent.statusCode).toBe(200);
  });
});
