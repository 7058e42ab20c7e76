import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useReportedPeriod } from '../testing/reportedPeriod.ts';

// Amending a running plan: an item's new version governs the periods after the effective
// day while the periods before keep the plan they were judged by; additions and retirements
// likewise; the history says what changed and by which document; an amending document is
// compared with the plan in force.

const ROOT = resolve(import.meta.dirname, '../../../..');

type Item = { id: number; code: string; lineageId: number; deadline?: string | null };
type Period = { id: number; version: number; windowEnd: string; status: string };

describe.each(TEST_DIALECTS)('plan amendments on %s', (dialect) => {
  const fixture = useReportedPeriod(dialect);
  const planUrl = () => `/api/plans/${fixture.ctx.planId}`;
  const plan = async () => (await fixture.ctx.send(fixture.ctx.focal, 'GET', planUrl())).json();
  const periods = async (): Promise<Period[]> =>
    (await fixture.ctx.send(fixture.ctx.focal, 'GET', `${planUrl()}/periods`)).json();
  const basis = { number: '45/KH-UBND', date: '2026-06-20', signer: 'Nguyễn Văn A' };
  const amend = async (body: Record<string, unknown>, who = fixture.ctx.focal) =>
    fixture.ctx.send(who, 'POST', `${planUrl()}/amendments`, {
      version: (await plan()).version,
      basis,
      ...body,
    });
  /** The day after the first period (the one units have sent). */
  const afterFirst = async () => {
    const first = (await periods()).find((p) => p.id === fixture.ctx.periodId)!;
    const next = new Date(`${first.windowEnd}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return next.toISOString().slice(0, 10);
  };
  const openSecond = async () => {
    const { send, focal } = fixture.ctx;
    const second = (await periods()).find((p) => p.status === 'planned')!;
    await send(focal, 'PATCH', `/api/periods/${second.id}`, {
      version: second.version,
      status: 'open',
    });
    return second;
  };

  it('is refused to unit reporters, over a sent period, and on a stale version', async () => {
    const { send, users, focal } = fixture.ctx;
    const task: Item = (await plan()).tasks[0];
    const change = {
      change: 'edit',
      kind: 'task',
      itemId: task.id,
      fields: { deadline: 'Năm 2027' },
    };
    const effectiveOn = await afterFirst();
    expect((await amend({ effectiveOn, changes: [change] }, users.kt)).statusCode).toBe(403);
    const backdated = await amend({ effectiveOn: '2026-01-15', changes: [change] });
    expect(backdated.statusCode).toBe(400);
    expect(backdated.json().error).toMatch(
      /^Ngày có hiệu lực sớm nhất là \d\d\/\d\d\/\d{4}: kỳ “.+” đã có đơn vị gửi báo cáo/,
    );
    const list = (await send(focal, 'GET', `${planUrl()}/amendments`)).json();
    expect(list.earliestEffectiveOn).toBe(effectiveOn);
    const stale = await send(focal, 'POST', `${planUrl()}/amendments`, {
      version: (await plan()).version + 1,
      basis,
      effectiveOn,
      changes: [change],
    });
    expect(stale.statusCode).toBe(409);
    const noChange = await amend({
      effectiveOn,
      changes: [{ ...change, fields: { deadline: task.deadline } }],
    });
    expect(noChange.statusCode).toBe(400);
    expect(noChange.json().error).toBe(
      'Các nội dung điều chỉnh không khác kế hoạch đang thực hiện.',
    );
  });

  it('judges the sent period by the old version and later periods by the new one', async () => {
    const { send, focal, users, reports, taskIds, periodId } = fixture.ctx;
    const second = await openSecond();
    // The culture unit starts its second-period report on its task before the amendment.
    const vhxhUnit = (await send(users.vhxh, 'GET', `/api/reports/${reports.vhxh}`)).json().unitId;
    const opened = await send(
      users.vhxh,
      'POST',
      `/api/periods/${second.id}/units/${vhxhUnit}/report`,
    );
    const draftId = opened.json().reportId;
    await send(users.vhxh, 'PUT', `/api/reports/${draftId}/tasks/${taskIds.vhxh}`, {
      version: 1,
      status: 'in_progress',
      progress: 70,
      results: 'Viết trước khi điều chỉnh',
    });
    const before = await plan();
    const target = before.tasks.find((t: Item) => t.id === taskIds.vhxh) as Item & {
      lead: string;
      deadline: string | null;
    };
    const effectiveOn = await afterFirst();
    const applied = await amend({
      effectiveOn,
      note: 'Sau sơ kết 6 tháng',
      changes: [
        {
          change: 'edit',
          kind: 'task',
          itemId: target.id,
          fields: { deadline: 'Quý IV/2027', lead: 'Phòng Kinh tế' },
        },
      ],
    });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({
      ordinal: 1,
      summary: { changed: 1, added: 0, retired: 0 },
    });

    // The plan reads the new version, same item across versions.
    const after = await plan();
    const current = after.tasks.find((t: Item) => t.lineageId === target.lineageId);
    expect(current.id).not.toBe(target.id);
    expect(current).toMatchObject({
      deadline: 'Quý IV/2027',
      lead: 'Phòng Kinh tế',
      validFrom: effectiveOn,
    });
    expect(after.tasks.some((t: Item) => t.id === target.id)).toBe(false);

    // The sent period still shows the plan as it was.
    const firstBoard = (
      await send(focal, 'GET', `${planUrl()}/dashboard?periodId=${periodId}`)
    ).json();
    const old = firstBoard.tasks.find((t: Item) => t.id === target.id);
    expect(old.deadline).toBe(target.deadline);
    expect(firstBoard.tasks.some((t: Item) => t.id === current.id)).toBe(false);
    // The second period is judged by the new one; the draft's update moved with the task.
    const secondBoard = (
      await send(focal, 'GET', `${planUrl()}/dashboard?periodId=${second.id}`)
    ).json();
    expect(secondBoard.tasks.find((t: Item) => t.id === current.id).deadline).toBe('Quý IV/2027');
    const draft = (await send(users.vhxh, 'GET', `/api/reports/${draftId}`)).json();
    expect(draft.tasks.some((t: { taskId: number }) => t.taskId === target.id)).toBe(false);
    // The task now led by the economy unit reaches its report for the second period.
    const ktUnit = (await send(users.kt, 'GET', `/api/reports/${reports.kt}`)).json().unitId;
    const ktSecond = await send(
      users.kt,
      'POST',
      `/api/periods/${second.id}/units/${ktUnit}/report`,
    );
    const ktReport = (
      await send(users.kt, 'GET', `/api/reports/${ktSecond.json().reportId}`)
    ).json();
    const moved = ktReport.tasks.find((t: { taskId: number }) => t.taskId === current.id);
    expect(moved.role).toBe('lead');
    const rows = await fixture.database.db
      .selectFrom('task_updates')
      .select(['task_id', 'results'])
      .where('report_id', '=', draftId)
      .where('results', '=', 'Viết trước khi điều chỉnh')
      .execute();
    expect(rows).toEqual([{ task_id: current.id, results: 'Viết trước khi điều chỉnh' }]);

    // History: two versions, the second naming its document and what changed.
    const history = (
      await send(users.kt, 'GET', `${planUrl()}/items/task/${current.id}/history`)
    ).json().versions;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ id: target.id, validTo: effectiveOn, amendment: null });
    expect(history[1].amendment).toMatchObject({
      ordinal: 1,
      basisNumber: '45/KH-UBND',
      effectiveOn,
    });
    expect(history[1].changes.map((c: { field: string }) => c.field).sort()).toEqual([
      'deadline',
      'lead',
    ]);
    // The list of amendments.
    const list = (await send(focal, 'GET', `${planUrl()}/amendments`)).json().amendments;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      basisNumber: '45/KH-UBND',
      changed: 1,
      note: 'Sau sơ kết 6 tháng',
    });
    expect(list[0].items[0].fields.sort()).toEqual(['deadline', 'lead']);
  });

  it('adds and retires items from the effective day on, never before', async () => {
    const { send, focal, users, periodId } = fixture.ctx;
    const before = await plan();
    const retired: Item = before.tasks.at(-1);
    const effectiveOn = await afterFirst();
    const applied = await amend({
      effectiveOn,
      changes: [
        {
          change: 'add',
          kind: 'indicator',
          fields: {
            name: 'Tỷ lệ hộ dân có chữ ký số',
            unit: '%',
            lead: 'Phòng Kinh tế',
            targets: { '2027': '30%' },
          },
        },
        {
          change: 'retire',
          kind: 'task',
          itemId: retired.id,
          reason: 'Đã hoàn thành theo kế hoạch khác',
        },
      ],
    });
    expect(applied.json().error).toBeUndefined();
    expect(applied.json().summary).toEqual({ added: 1, changed: 0, retired: 1 });
    const after = await plan();
    const added = after.indicators.find(
      (i: { name: string }) => i.name === 'Tỷ lệ hộ dân có chữ ký số',
    );
    expect(added).toMatchObject({ validFrom: effectiveOn, targets: [{ year: 2027, text: '30%' }] });
    expect(after.tasks.find((t: Item) => t.id === retired.id)).toMatchObject({
      retiredReason: 'Đã hoàn thành theo kế hoạch khác',
      validTo: effectiveOn,
    });
    const firstBoard = (
      await send(focal, 'GET', `${planUrl()}/dashboard?periodId=${periodId}`)
    ).json();
    expect(firstBoard.tasks.some((t: Item) => t.id === retired.id)).toBe(true);
    expect(firstBoard.indicators.some((i: Item) => i.id === added.id)).toBe(false);
    const second = (await periods()).find((p) => p.status === 'open' && p.id !== periodId)!;
    const secondBoard = (
      await send(focal, 'GET', `${planUrl()}/dashboard?periodId=${second.id}`)
    ).json();
    expect(secondBoard.tasks.some((t: Item) => t.id === retired.id)).toBe(false);
    expect(secondBoard.indicators.some((i: Item) => i.id === added.id)).toBe(true);
    // A retired item cannot be amended again; the plan cannot go back to draft any more.
    const again = await amend({
      effectiveOn,
      changes: [
        { change: 'edit', kind: 'task', itemId: retired.id, fields: { deadline: 'Năm 2030' } },
      ],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatch(/đã thôi theo dõi/);
    // The commune's leader may amend too; a reporter may read the history but not amend.
    const byLeader = await amend(
      {
        effectiveOn,
        changes: [
          {
            change: 'edit',
            kind: 'indicator',
            itemId: added.id,
            fields: { targets: { '2027': '35%' } },
          },
        ],
      },
      users.lanhdao,
    );
    expect(byLeader.statusCode).toBe(201);
  });

  it('compares an amending document with the plan in force', async () => {
    const { send, focal } = fixture.ctx;
    const seed = readFileSync(join(ROOT, 'fixtures/seeds/000_862ce2f29f2f990b.txt'), 'utf8');
    const current = await plan();
    // The signed plan again, one task's deadline rewritten.
    const task = current.tasks.find(
      (t: { deadline: string | null; retiredReason: string | null }) =>
        t.deadline && !t.retiredReason && seed.split(t.deadline).length === 2,
    );
    expect(task).toBeDefined();
    const amended = seed.replace(task.deadline, 'Tháng 9/2027');
    const response = await send(
      focal,
      'POST',
      `${planUrl()}/amendments/compare?filename=dieu-chinh.txt`,
      Buffer.from(amended),
    );
    expect(response.statusCode).toBe(200);
    const diff = response.json();
    expect(diff.documentId).toBeGreaterThan(0);
    const changed = diff.changed.find((c: { itemId: number }) => c.itemId === task.id);
    expect(changed.changes).toEqual([
      {
        field: 'deadline',
        label: 'Thời gian hoàn thành',
        before: task.deadline,
        after: 'Tháng 9/2027',
      },
    ]);
    expect(changed.fields).toEqual({ deadline: 'Tháng 9/2027' });
    expect(diff.unchanged).toBeGreaterThan(current.tasks.length / 2);
    expect(changed.amendedBy).toBeNull();
    // What earlier tests amended or retired shows up as such: the signed text undoing an
    // amendment is flagged with it; a retired task the document still lists is not new.
    const undoing = diff.changed.find(
      (c: { amendedBy: { basisNumber: string } | null }) => c.amendedBy !== null,
    );
    expect(undoing.amendedBy).toMatchObject({ ordinal: 1, basisNumber: '45/KH-UBND' });
    const retired = current.tasks.find((t: { retiredReason: string | null }) => t.retiredReason);
    expect(diff.stillRetired.map((r: { itemId: number }) => r.itemId)).toContain(retired.id);
    expect(diff.missing.map((m: { itemId: number }) => m.itemId)).not.toContain(retired.id);
    expect(diff.added).toEqual([]);
  });

  it('carries a unit’s last report over onto the version in force in the new period', async () => {
    const { send, focal, users, reports, taskIds } = fixture.ctx;
    const second = (await periods()).find(
      (p) => p.status === 'open' && p.id !== fixture.ctx.periodId,
    )!;
    // Effective after the second period (nothing sent in it): that period keeps the old version.
    const day = new Date(`${second.windowEnd}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1);
    // The economy unit's first task (already amended once above: its version in force).
    const latest = (await plan()).tasks.find((t: Item) => t.lineageId === taskIds.kt);
    const applied = await amend({
      effectiveOn: day.toISOString().slice(0, 10),
      changes: [
        { change: 'edit', kind: 'task', itemId: latest.id, fields: { output: 'Báo cáo mới' } },
      ],
    });
    expect(applied.json().error).toBeUndefined();
    const current = (await plan()).tasks.find((t: Item) => t.lineageId === taskIds.kt);
    // The next year's first period, judged by the new version.
    await send(focal, 'POST', `${planUrl()}/periods/generate`, {
      from: '2027-01-01',
      to: '2027-12-31',
    });
    const third = (await periods()).find((p) => p.windowEnd > second.windowEnd)!;
    await send(focal, 'PATCH', `/api/periods/${third.id}`, {
      version: third.version,
      status: 'open',
    });
    const ktUnit = (await send(users.kt, 'GET', `/api/reports/${reports.kt}`)).json().unitId;
    const opened = await send(users.kt, 'POST', `/api/periods/${third.id}/units/${ktUnit}/report`);
    const report = (await send(users.kt, 'GET', `/api/reports/${opened.json().reportId}`)).json();
    const carried = report.tasks.find((t: { taskId: number }) => t.taskId === current.id);
    expect(carried.update).toMatchObject({ status: 'in_progress', prefilled: true });
  });
});
