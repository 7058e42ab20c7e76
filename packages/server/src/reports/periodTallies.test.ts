import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';
import { computeTallies, periodTallies } from './periodTallies.ts';
import { todayInVietnam } from '../http/time.ts';

// The stored tallies must always equal a full recomputation: after each step of a report's
// life they are checked against `computeTallies` straight from the reports, without going
// through the read path that would repair a stale row.

describe.each(TEST_DIALECTS)('period tallies on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);
  const db = () => fixture.database.db;

  async function expectStoredEqualsRecomputed() {
    const periods = await db()
      .selectFrom('reporting_periods')
      .select(['id', 'plan_id', 'window_start', 'window_end', 'due_date'])
      .where('status', '!=', 'planned')
      .execute();
    expect(periods.length).toBeGreaterThan(0);
    const stored = await db().selectFrom('period_tallies').selectAll().execute();
    const recomputed = await computeTallies(db(), periods, todayInVietnam());
    for (const t of recomputed) {
      const row = stored.find((s) => s.period_id === t.periodId);
      expect(row, `tally of period ${t.periodId}`).toBeDefined();
      expect({
        counts: JSON.parse(row!.task_counts),
        received: Number(row!.received),
        onTime: Number(row!.on_time),
        overdue: Number(row!.overdue),
        donePercent: Number(row!.done_percent),
      }).toEqual({
        counts: t.counts,
        received: t.received,
        onTime: t.onTime,
        overdue: t.overdue,
        donePercent: t.donePercent,
      });
    }
    return recomputed;
  }

  it('is written in the transaction of each report step and equals a recomputation', async () => {
    const { send, focal, users, reports } = fixture.ctx;
    // Two reports sent, one approved by the fixture: counted.
    let [tally] = await expectStoredEqualsRecomputed();
    expect(tally!.received).toBe(2);
    const report = async (id: number) => (await send(focal, 'GET', `/api/reports/${id}`)).json();
    const kt = await report(reports.kt);
    expect(
      (
        await send(focal, 'POST', `/api/reports/${reports.kt}/return`, {
          version: kt.version,
          comment: 'Bổ sung số liệu',
        })
      ).statusCode,
    ).toBe(200);
    [tally] = await expectStoredEqualsRecomputed();
    expect(tally!.received).toBe(1); // a returned report no longer counts
    const again = await report(reports.kt);
    await send(users.kt, 'POST', `/api/reports/${reports.kt}/submit`, { version: again.version });
    [tally] = await expectStoredEqualsRecomputed();
    expect(tally!.received).toBe(2);
    const vhxh = await report(reports.vhxh);
    expect(
      (
        await send(focal, 'POST', `/api/reports/${reports.vhxh}/reopen`, {
          version: vhxh.version,
          reason: 'Sửa số liệu',
        })
      ).statusCode,
    ).toBe(200);
    [tally] = await expectStoredEqualsRecomputed();
    expect(tally!.received).toBe(1);
  });

  it('serves a current row as stored and recomputes one judged on an earlier day', async () => {
    const { periodId } = fixture.ctx;
    const { window_end: end } = await db()
      .selectFrom('reporting_periods')
      .select('window_end')
      .where('id', '=', periodId)
      .executeTakeFirstOrThrow();
    const stored = (received: number, evaluatedOn: string) =>
      db()
        .updateTable('period_tallies')
        .set({ received, evaluated_on: evaluatedOn })
        .where('period_id', '=', periodId)
        .execute();
    // Judged as of the window's end: current whatever today is, so a reader takes it as is.
    await stored(99, end);
    expect((await periodTallies(db(), [periodId], '2099-01-01')).get(periodId)!.received).toBe(99);
    // Judged while the window was still running (an earlier day): judged again and replaced.
    const earlier = end.replace(/-\d\d$/, '-01');
    await stored(99, earlier);
    const now = await periodTallies(db(), [periodId], '2099-01-01');
    expect(now.get(periodId)).toMatchObject({ evaluatedOn: end });
    expect(now.get(periodId)!.received).not.toBe(99);
    await expectStoredEqualsRecomputed();
  });

  it('follows an amendment: earlier periods keep their tasks, later ones count the plan as amended', async () => {
    const { send, focal, periodId, planId, units } = fixture.ctx;
    const periods = (await send(focal, 'GET', `/api/plans/${planId}/periods`)).json();
    const first = periods.find((p: { id: number }) => p.id === periodId);
    const second = periods.find((p: { status: string }) => p.status === 'planned');
    await send(focal, 'PATCH', `/api/periods/${second.id}`, {
      version: second.version,
      status: 'open',
    });
    const [before] = (await expectStoredEqualsRecomputed()).filter((t) => t.periodId === periodId);
    const plan = (await send(focal, 'GET', `/api/plans/${planId}`)).json();
    const day = new Date(`${first.windowEnd}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + 1);
    const amended = await send(focal, 'POST', `/api/plans/${planId}/amendments`, {
      version: plan.version,
      basis: { number: '7/KH-UBND' },
      effectiveOn: day.toISOString().slice(0, 10),
      changes: [
        { change: 'retire', kind: 'task', itemId: plan.tasks[0].id, reason: 'Gộp nhiệm vụ' },
        { change: 'retire', kind: 'task', itemId: plan.tasks[1].id, reason: 'Gộp nhiệm vụ' },
        { change: 'add', kind: 'task', fields: { content: 'Nhiệm vụ gộp', lead: units.kt.name } },
      ],
    });
    expect(amended.statusCode).toBe(201);
    const after = await expectStoredEqualsRecomputed();
    expect(after.find((t) => t.periodId === periodId)!.tasks).toBe(before!.tasks);
    expect(after.find((t) => t.periodId === second.id)!.tasks).toBe(before!.tasks - 1);
  });
});
