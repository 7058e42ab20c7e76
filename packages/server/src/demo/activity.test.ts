import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { asUser, buildTestApp, loginAs } from '../testing/app.ts';
import { todayInVietnam } from '../http/time.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.ts';

// A first start's demo tells a story: every demo account lands on a screen with content. The
// last period is reported, approved and closed; the current one is open, Kiến Hưng's economy
// unit's report returned with a comment, the culture unit's sent, another approved; the
// culture unit's proposal answered by the focal officer; reporters told of each period opened.

describe.each(TEST_DIALECTS)('the demo with reporting under way on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const send = () => asUser(app);
  const as = (username: string) => loginAs(app, username, DEMO_PASSWORD);

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    app = await buildTestApp(database);
    await seedDemo(database.db, undefined, { activity: true });
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it("lands the economy unit's reporter on a returned report, told why", async () => {
    const kt = await as('kienhung.kt');
    const inbox = (await send()(kt, 'GET', '/api/my/reports')).json() as Array<{
      bucket: string;
      reviewComment: string | null;
      dueDate: string;
      periodStatus: string;
      reportId: number;
    }>;
    const returned = inbox.find((r) => r.bucket === 'returned')!;
    expect(returned.reviewComment).toMatch(/bổ sung/);
    expect(returned.dueDate >= todayInVietnam()).toBe(true);
    // The last period: reported and approved, closed.
    expect(inbox.filter((r) => r.periodStatus === 'closed').map((r) => r.bucket)).toEqual(['done']);
    const bell = (await send()(kt, 'GET', '/api/notifications')).json();
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({
      kind: 'report_returned',
      link: `/reports/${returned.reportId}`,
    });
    const report = (await send()(kt, 'GET', `/api/reports/${returned.reportId}`)).json();
    expect(
      report.tasks.some(
        (t: { update: { reviewComment: string | null } | null }) => t.update?.reviewComment,
      ),
    ).toBe(true);
  });

  it('gives the focal officer reports to review and tells of them', async () => {
    const focal = await as('kienhung.daumoi');
    const bell = (await send()(focal, 'GET', '/api/notifications')).json();
    expect(
      bell.items
        .filter((n: { readAt: string | null }) => n.readAt === null)
        .map((n: { title: string }) => n.title),
    ).toContainEqual(expect.stringMatching(/^Phòng Văn hóa - Xã hội đã gửi báo cáo/));
    const statuses = await database.db
      .selectFrom('reports')
      .innerJoin('reporting_periods as p', 'p.id', 'reports.period_id')
      .select(['reports.status', 'p.status as period'])
      .where('p.status', '=', 'open')
      .execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(
      new Set(['draft', 'submitted', 'returned', 'approved']),
    );
  });

  it("shows the culture unit's reporter an answer to its proposal, from the focal officer", async () => {
    const vhxh = await as('kienhung.vhxh');
    const concerns = (await send()(vhxh, 'GET', '/api/my/concerns')).json() as Array<{
      kind: string;
      status: string;
      answer: string | null;
      addressee: string | null;
      unitName: string;
    }>;
    const answered = concerns.filter((c) => c.status === 'answered');
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ kind: 'proposal', unitName: 'Phòng Văn hóa - Xã hội' });
    expect(answered[0]!.answer).toMatch(/kinh phí/);
    expect(answered[0]!.addressee).toBeTruthy();
    // Told of it, unread; answered by the focal officer, audited as through the API.
    const bell = (await send()(vhxh, 'GET', '/api/notifications')).json();
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({ kind: 'concern_answered', readAt: null });
    const audit = await database.db
      .selectFrom('audit_log')
      .innerJoin('users', 'users.id', 'audit_log.user_id')
      .select(['users.username', 'audit_log.action'])
      .where('entity', '=', 'concern')
      .execute();
    expect(audit).toEqual([{ username: 'kienhung.daumoi', action: 'answered' }]);
    // Only one: the economy unit's concerns are still open.
    const kt = await as('kienhung.kt');
    const ktConcerns = (await send()(kt, 'GET', '/api/my/concerns')).json();
    expect(ktConcerns.length).toBeGreaterThan(0);
    expect(ktConcerns.every((c: { status: string }) => c.status === 'open')).toBe(true);
  });

  it('told every reporter of each period opened; those yet to start have it unread', async () => {
    const kt = await as('kienhung.kt');
    const opened = (await send()(kt, 'GET', '/api/notifications'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'period_opened');
    // The last period and the current one, both read (the report was written since).
    expect(opened).toHaveLength(2);
    expect(opened.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    expect(opened[0]).toMatchObject({ link: '/reports' });
    expect(opened[1].createdAt < opened[0].createdAt).toBe(true);
    const current = (await send()(kt, 'GET', '/api/my/reports'))
      .json()
      .find((r: { periodStatus: string }) => r.periodStatus === 'open');
    expect(opened[0].title).toContain(current.periodLabel);
    // A unit that has not started: its reporter has the opening unread, due date and all.
    const qs = await as('kienhung.qs');
    const bell = (await send()(qs, 'GET', '/api/notifications')).json();
    expect(bell.unread).toBe(1);
    expect(bell.items[0]).toMatchObject({ kind: 'period_opened', readAt: null });
    expect(bell.items[0].title).toBe(
      `Đã mở kỳ báo cáo ${current.periodLabel}, hạn nộp ${current.dueDate.split('-').reverse().join('/')}`,
    );
  });

  it('keeps the tallies the dashboards read, the last period reported on time', async () => {
    const tallies = await database.db
      .selectFrom('period_tallies as t')
      .innerJoin('reporting_periods as p', 'p.id', 't.period_id')
      .select(['p.status', 't.received', 't.on_time'])
      .execute();
    const closed = tallies.filter((t) => t.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    for (const t of closed) {
      expect(Number(t.received)).toBeGreaterThan(0);
      expect(Number(t.on_time)).toBe(Number(t.received));
    }
    expect(tallies.some((t) => t.status === 'open' && Number(t.received) > 0)).toBe(true);
    // Every step audited, as through the API.
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'report')
      .execute();
    expect([...new Set(audit.map((a) => a.action))]).toEqual(
      expect.arrayContaining(['submit', 'approve', 'return']),
    );
  });

  it('is not what the tests start from', async () => {
    const plain = await openTestDatabase(dialect);
    try {
      await seedDemo(plain.db);
      expect(await plain.db.selectFrom('reporting_periods').select('id').execute()).toEqual([]);
    } finally {
      await plain.dispose();
    }
  });
});
