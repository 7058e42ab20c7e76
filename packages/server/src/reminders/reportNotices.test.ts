import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { buildTestApp, loginAs } from '../testing/app.ts';
import { reportedPeriod, type ReportedPeriod } from '../testing/reportedPeriod.ts';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.ts';
import { DEMO_PASSWORD } from '../demo/seed.ts';

// A unit sends its report: the commune's focal officer is told. The report is returned (with
// the reviewer's comment) or approved: the unit's reporters are told. In the app always, by
// e-mail when SMTP is configured; a mail server that is down fails nothing.

describe.each(TEST_DIALECTS)('report step notifications on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let smtp: TestSmtp;
  let ctx: ReportedPeriod;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    smtp = await startTestSmtp();
    app = await buildTestApp(database, {
      smtpUrl: smtp.url,
      publicUrl: 'https://tiendo.example.vn',
    });
    ctx = await reportedPeriod(app, database);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await database?.dispose();
  });

  const inbox = async (who: Parameters<ReportedPeriod['send']>[0]) =>
    (await ctx.send(who, 'GET', '/api/notifications')).json() as {
      unread: number;
      items: Array<{ kind: string; title: string; body: string | null; link: string }>;
    };

  it('tells the focal officer when a unit sends, linking to the report', async () => {
    const { items } = await inbox(ctx.focal);
    const sent = items.filter((n) => n.kind === 'report_submitted');
    expect(sent.map((n) => n.link).sort()).toEqual(
      [`/reports/${ctx.reports.kt}`, `/reports/${ctx.reports.vhxh}`].sort(),
    );
    expect(sent.map((n) => n.title)).toContainEqual(
      expect.stringMatching(/^Phòng Kinh tế đã gửi báo cáo /),
    );
    // Not the units' reporters, not the leader.
    expect((await inbox(ctx.users.kt)).items.map((n) => n.kind)).not.toContain('report_submitted');
    expect((await inbox(ctx.users.lanhdao)).items).toEqual([]);
  });

  it("tells the unit's reporters when their report is approved", async () => {
    const { items } = await inbox(ctx.users.vhxh);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'report_approved',
      link: `/reports/${ctx.reports.vhxh}`,
    });
    expect(items[0]!.title).toMatch(/Phòng Văn hóa - Xã hội đã được duyệt$/);
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
    expect(mail.to).toEqual(['kienhung.kt@xa.vn']);
    expect(mail.subject).toMatch(/^\[Tiến độ\] Báo cáo .* của Phòng Kinh tế bị trả lại/);
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(
      `https://tiendo.example.vn/reports/${ctx.reports.kt}`,
    );

    // Sent again: the focal officer hears of it, by e-mail as well.
    const again = (await ctx.send(ctx.users.kt, 'GET', `/api/reports/${ctx.reports.kt}`)).json();
    await ctx.send(ctx.users.kt, 'POST', `/api/reports/${ctx.reports.kt}/submit`, {
      version: again.version,
    });
    await expect.poll(() => smtp.received.length).toBe(2);
    expect(smtp.received[1]!.to).toEqual(['kienhung.daumoi@xa.vn']);
    expect(smtp.received[1]!.subject).toContain('Phòng Kinh tế đã gửi báo cáo');
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
      const focal = await loginAs(down, 'kienhung.daumoi', DEMO_PASSWORD);
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
});
