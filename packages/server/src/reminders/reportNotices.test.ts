import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import { openPeriod, type OpenPeriod } from '../testing/openPeriod.ts';
import { signIn } from '../testing/factories.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import { unitsWithItems } from '../reports/overview.ts';
import { reportOf, titleFor } from './reportNotices.ts';

// A unit sends its report: the commune's focal officer is told. The report is returned (with
// the reviewer's comment) or approved: the unit's reporters are told. In the app always, by
// e-mail when SMTP is configured; a mail server that is down fails nothing. A period opened:
// the reporters of every unit that owes a report for it are told, once.

describe.each(TEST_DIALECTS)('report step notifications on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let smtp: TestSmtp;
  let ctx: OpenPeriod;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    smtp = await startTestSmtp();
    app = await buildTestApp(database, {
      smtpUrl: smtp.url,
      publicUrl: 'https://tiendo.example.vn',
    });
    ctx = await openPeriod(app, database);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await database?.dispose();
  });

  const inbox = async (who: Parameters<OpenPeriod['send']>[0]) =>
    (await ctx.send(who, 'GET', '/api/notifications')).json() as {
      unread: number;
      items: Array<{ kind: string; title: string; body: string | null; link: string }>;
    };

  interface Period {
    id: number;
    label: string;
    dueDate: string;
    status: string;
    version: number;
  }
  const periods = async () =>
    (await ctx.send(ctx.focal, 'GET', `/api/plans/${ctx.planId}/periods`)).json() as Period[];
  const vnDate = (iso: string) => iso.split('-').reverse().join('/');
  const opened = async (who: Parameters<OpenPeriod['send']>[0]) =>
    (await inbox(who)).items.filter((n) => n.kind === 'period_opened');

  it('tells the reporters of every unit owing a report when a period opens, linking to their inbox', async () => {
    const period = (await periods()).find((p) => p.id === ctx.periodId)!;
    for (const who of [ctx.users.kt, ctx.users.vhxh, ctx.users.pvhcc]) {
      const items = await opened(who);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ link: '/reports', body: null });
      expect(items[0]!.title).toBe(
        `Đã mở kỳ báo cáo ${period.label}, hạn nộp ${vnDate(period.dueDate)}`,
      );
    }
    // Not the focal officer who opened it, not the leader.
    expect(await opened(ctx.focal)).toEqual([]);
    expect(await opened(ctx.users.lanhdao)).toEqual([]);
    // Exactly the active reporters of the units that owe a report (overview.ts's units).
    const owing = [...(await unitsWithItems(database.db, ctx.planId, period.dueDate)).keys()];
    const reporters = await database.db
      .selectFrom('role_assignments as r')
      .innerJoin('users', 'users.id', 'r.user_id')
      .select('users.id')
      .where('r.role', '=', 'unit_reporter')
      .where('r.scope_unit_id', 'in', owing)
      .where('users.active', '=', 1)
      .execute();
    const told = await database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('kind', '=', 'period_opened')
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual(reporters.map((r) => r.id).sort());
    // Read, as a reporter would, before the report steps below.
    for (const who of [ctx.users.kt, ctx.users.vhxh, ctx.users.pvhcc])
      await ctx.send(who, 'POST', '/api/notifications/read', {});
  });

  it('tells the focal officer when a unit sends, linking to the report', async () => {
    const { items } = await inbox(ctx.focal);
    const sent = items.filter((n) => n.kind === 'report_submitted');
    expect(sent.map((n) => n.link).sort()).toEqual(
      [`/reports/${ctx.reports.kt}`, `/reports/${ctx.reports.vhxh}`].sort(),
    );
    expect(sent.map((n) => n.title)).toContainEqual(
      expect.stringMatching(new RegExp(`^${ctx.units.kt.name} đã gửi báo cáo `)),
    );
    // Not the units' reporters, not the leader.
    expect((await inbox(ctx.users.kt)).items.map((n) => n.kind)).not.toContain('report_submitted');
    expect((await inbox(ctx.users.lanhdao)).items).toEqual([]);
  });

  it("tells the unit's reporters when their report is approved", async () => {
    const items = (await inbox(ctx.users.vhxh)).items.filter((n) => n.kind !== 'period_opened');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'report_approved',
      link: `/reports/${ctx.reports.vhxh}`,
    });
    expect(items[0]!.title).toMatch(new RegExp(`${ctx.units.vhxh.name} đã được duyệt$`));
  });

  it("tells the reporters of a returned report, with the reviewer's comment, by e-mail too", async () => {
    await database.db
      .updateTable('users')
      .set((eb) => ({ email: eb('username', '||', '@xa.vn') }))
      .execute();
    const report = (await ctx.send(ctx.focal, 'GET', `/api/reports/${ctx.reports.kt}`)).json();
    const returned = await ctx.send(ctx.focal, 'POST', `/api/reports/${ctx.reports.kt}/return`, {
      version: report.version,
      comment: 'Bổ sung số hồ sơ đã rà soát theo từng tháng',
    });
    expect(returned.statusCode).toBe(200);
    const { items, unread } = await inbox(ctx.users.kt);
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({
      kind: 'report_returned',
      body: 'Bổ sung số hồ sơ đã rà soát theo từng tháng',
      link: `/reports/${ctx.reports.kt}`,
    });
    await expect.poll(() => smtp.received.length).toBe(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([`${ctx.people.kt.username}@xa.vn`]);
    expect(mail.subject).toMatch(
      new RegExp(`^\\[Tiến độ\\] Báo cáo .* của ${ctx.units.kt.name} bị trả lại`),
    );
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(
      `https://tiendo.example.vn/reports/${ctx.reports.kt}`,
    );

    // Sent again: the focal officer hears of it, by e-mail as well.
    const again = (await ctx.send(ctx.users.kt, 'GET', `/api/reports/${ctx.reports.kt}`)).json();
    await ctx.send(ctx.users.kt, 'POST', `/api/reports/${ctx.reports.kt}/submit`, {
      version: again.version,
    });
    await expect.poll(() => smtp.received.length).toBe(2);
    expect(smtp.received[1]!.to).toEqual([`${ctx.people.focal.username}@xa.vn`]);
    expect(smtp.received[1]!.subject).toContain(`${ctx.units.kt.name} đã gửi báo cáo`);
  });

  it('writes nothing for a step that is refused, nor twice for a step sent twice', async () => {
    const before = await database.db.selectFrom('notifications').select('id').execute();
    // The draft report has content but is not submitted: approving it is refused.
    const draft = (await ctx.send(ctx.focal, 'GET', `/api/reports/${ctx.reports.pvhcc}`)).json();
    const refused = await ctx.send(ctx.focal, 'POST', `/api/reports/${ctx.reports.pvhcc}/approve`, {
      version: draft.version,
    });
    expect(refused.statusCode).toBe(400);
    const kt = (await ctx.send(ctx.focal, 'GET', `/api/reports/${ctx.reports.kt}`)).json();
    for (let i = 0; i < 2; i++)
      expect(
        (
          await ctx.send(ctx.focal, 'POST', `/api/reports/${ctx.reports.kt}/approve`, {
            version: kt.version,
          })
        ).statusCode,
      ).toBe(200);
    const after = await database.db.selectFrom('notifications').select('id').execute();
    expect(after.length - before.length).toBe(1);
  });

  it('does not fail the step when the mail server is down', async () => {
    const down = await buildTestApp(database, { smtpUrl: 'smtp://127.0.0.1:9?ignoreTLS=true' });
    try {
      const focal = await signIn(down, ctx.people.focal);
      const report = (
        await down.inject({
          method: 'GET',
          url: `/api/reports/${ctx.reports.kt}`,
          headers: { cookie: focal.cookie },
        })
      ).json();
      const reopened = await down.inject({
        method: 'POST',
        url: `/api/reports/${ctx.reports.kt}/reopen`,
        headers: { cookie: focal.cookie, 'x-csrf-token': focal.csrf },
        payload: { version: report.version, reason: 'Sửa số liệu tháng 3' },
      });
      expect(reopened.statusCode).toBe(200);
      const { items } = await inbox(ctx.users.kt);
      expect(items[0]).toMatchObject({ kind: 'report_reopened', body: 'Sửa số liệu tháng 3' });
    } finally {
      await down.close();
    }
  });

  it('tells no one again when a period is reopened; only the units owing it, by e-mail too', async () => {
    const count = async () =>
      (
        await database.db
          .selectFrom('notifications')
          .select('id')
          .where('kind', '=', 'period_opened')
          .execute()
      ).length;
    const before = await count();
    let first = (await periods()).find((p) => p.id === ctx.periodId)!;
    for (const status of ['closed', 'open', 'closed', 'locked', 'open']) {
      const changed = await ctx.send(ctx.focal, 'PATCH', `/api/periods/${first.id}`, {
        version: first.version,
        status,
      });
      expect(changed.json()).toMatchObject({ version: first.version + 1 });
      first = (await periods()).find((p) => p.id === ctx.periodId)!;
    }
    expect(await count()).toBe(before);

    // The next period: the public-service centre merged away before its due date owes nothing.
    const next = (await periods()).find((p) => p.status === 'planned')!;
    const pvhcc = (await ctx.send(ctx.users.pvhcc, 'GET', '/api/my/reports')).json()[0].unitId;
    const dayBefore = new Date(`${next.dueDate}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    await database.db
      .updateTable('org_units')
      .set({ valid_to: dayBefore.toISOString().slice(0, 10) })
      .where('id', '=', pvhcc)
      .execute();
    // A refused opening (stale version) writes nothing.
    const stale = await ctx.send(ctx.focal, 'PATCH', `/api/periods/${next.id}`, {
      version: next.version + 5,
      status: 'open',
    });
    expect(stale.statusCode).toBe(409);
    expect(await count()).toBe(before);
    const open = await ctx.send(ctx.focal, 'PATCH', `/api/periods/${next.id}`, {
      version: next.version,
      status: 'open',
    });
    expect(open.statusCode).toBe(200);
    const title = `Đã mở kỳ báo cáo ${next.label}, hạn nộp ${vnDate(next.dueDate)}`;
    for (const who of [ctx.users.kt, ctx.users.vhxh])
      expect((await opened(who)).map((n) => n.title)).toContain(title);
    expect((await opened(ctx.users.pvhcc)).map((n) => n.title)).not.toContain(title);
    // One e-mail per unit owing the period (its reporters only; a unit does not see another
    // unit's addresses), none to the merged-away centre.
    const owing = [...(await unitsWithItems(database.db, ctx.planId, next.dueDate)).keys()];
    expect(owing).not.toContain(pvhcc);
    const expected = [];
    for (const unitId of owing) {
      const emails = await database.db
        .selectFrom('role_assignments as r')
        .innerJoin('users', 'users.id', 'r.user_id')
        .select('users.email')
        .where('r.role', '=', 'unit_reporter')
        .where('r.scope_unit_id', '=', unitId)
        .where('users.active', '=', 1)
        .execute();
      if (emails.length) expected.push(emails.map((e) => e.email!).sort());
    }
    expect(expected).toContainEqual([`${ctx.people.kt.username}@xa.vn`]);
    // Others' mails (the approval above) may still be arriving: count this period's only.
    const mailsOf = () => smtp.received.filter((m) => m.subject === `[Tiến độ] ${title}`);
    await expect.poll(() => mailsOf().length).toBe(expected.length);
    const mails = mailsOf();
    const byAddress = (x: string[], y: string[]) => x.join().localeCompare(y.join());
    expect(mails.map((m) => [...m.to].sort()).sort(byAddress)).toEqual(expected.sort(byAddress));
    expect(mails.flatMap((m) => m.to)).not.toContain(`${ctx.people.pvhcc.username}@xa.vn`);
    expect(mails[0]!.raw.replace(/=\r?\n/g, '')).toContain('https://tiendo.example.vn/reports');
  });
});

describe('a notice names the report once', () => {
  it('prefixes a period\'s label with "báo cáo" unless the label already is a report\'s name', () => {
    expect(titleFor('submitted', 'Phòng Kinh tế', '6 tháng đầu năm 2026')).toBe(
      'Phòng Kinh tế đã gửi báo cáo 6 tháng đầu năm 2026',
    );
    expect(titleFor('approved', 'Phòng Kinh tế', 'Báo cáo nhanh chuyển đổi số')).toBe(
      'Báo cáo nhanh chuyển đổi số của Phòng Kinh tế đã được duyệt',
    );
    expect(titleFor('returned', 'Phòng Kinh tế', 'Quý I/2026')).toBe(
      'Báo cáo Quý I/2026 của Phòng Kinh tế bị trả lại, cần bổ sung',
    );
    expect(reportOf('báo cáo đột xuất')).toBe('báo cáo đột xuất');
  });
});
