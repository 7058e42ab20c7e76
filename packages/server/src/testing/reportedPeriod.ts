import type { FastifyInstance } from 'fastify';
import type { TestDatabase } from './databases.ts';
import { asUser, loginAs, useAppFixture, type LoggedIn } from './app.ts';
import type { DialectName } from '../db/dialect.ts';
import { DEMO_PASSWORD, loadDemoDrafts, seedDemo } from '../demo/seed.ts';

// A commune with a period in progress on the demo's data: Kiến Hưng's first period open, the
// economy unit's report submitted (one task in progress with a difficulty and a proposal, one
// indicator value), the culture unit's report approved, and the public-service centre's still
// a draft. Tests build theirs with openPeriod.ts (the factories); this remains for the plan
// amendments test alone, which compares a seed document with the plan in force and so needs
// the plan that document signed.

export interface ReportedPeriod {
  send: ReturnType<typeof asUser>;
  focal: LoggedIn;
  users: Record<'kt' | 'vhxh' | 'pvhcc' | 'lanhdao', LoggedIn>;
  planId: number;
  periodId: number;
  reports: Record<'kt' | 'vhxh' | 'pvhcc', number>;
  taskIds: Record<'kt' | 'vhxh' | 'pvhcc', number>;
}

export async function reportedPeriod(
  app: FastifyInstance,
  database: TestDatabase,
  results = 'Đã rà soát 120 hồ sơ doanh nghiệp',
): Promise<ReportedPeriod> {
  const db = database.db;
  await seedDemo(db, loadDemoDrafts().slice(0, 1));
  const send = asUser(app);
  const focal = await loginAs(app, 'kienhung.daumoi', DEMO_PASSWORD);
  const users = {
    kt: await loginAs(app, 'kienhung.kt', DEMO_PASSWORD),
    vhxh: await loginAs(app, 'kienhung.vhxh', DEMO_PASSWORD),
    pvhcc: await loginAs(app, 'kienhung.pvhcc', DEMO_PASSWORD),
    lanhdao: await loginAs(app, 'kienhung.lanhdao', DEMO_PASSWORD),
  };
  const planId = (
    await db
      .selectFrom('plans')
      .innerJoin('org_units as c', 'c.id', 'plans.commune_id')
      .select('plans.id as id')
      .where('c.kind', '=', 'commune') // not the city's plan the demo adds
      .orderBy('plans.id')
      .executeTakeFirstOrThrow()
  ).id;
  await send(focal, 'POST', `/api/plans/${planId}/periods/generate`, {
    from: '2026-01-01',
    to: '2026-12-31',
  });
  const period = (await send(focal, 'GET', `/api/plans/${planId}/periods`)).json()[0];
  await send(focal, 'PATCH', `/api/periods/${period.id}`, {
    version: period.version,
    status: 'open',
  });
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('kind', '=', 'unit')
    .execute();
  const unitId = (name: string) => units.find((u) => u.name === name)!.id;
  const reports = {} as ReportedPeriod['reports'];
  const taskIds = {} as ReportedPeriod['taskIds'];
  for (const [key, name] of [
    ['kt', 'Phòng Kinh tế'],
    ['vhxh', 'Phòng Văn hóa - Xã hội'],
    ['pvhcc', 'Trung tâm Phục vụ hành chính công'],
  ] as const) {
    const opened = await send(
      users[key],
      'POST',
      `/api/periods/${period.id}/units/${unitId(name)}/report`,
    );
    reports[key] = opened.json().reportId;
    const report = (await send(users[key], 'GET', `/api/reports/${reports[key]}`)).json();
    taskIds[key] = report.tasks[0].taskId;
    await send(users[key], 'PUT', `/api/reports/${reports[key]}/tasks/${taskIds[key]}`, {
      version: 0,
      status: key === 'vhxh' ? 'done' : 'in_progress',
      progress: 50,
      results: key === 'kt' ? results : `Kết quả của ${name}`,
      evidenceText: 'Công văn số 12/UBND',
      difficulties: key === 'kt' ? 'Thiếu kinh phí cho phần mềm' : null,
      proposals: key === 'kt' ? 'Đề nghị thành phố hỗ trợ kinh phí' : null,
    });
    if (report.indicators[0])
      await send(
        users[key],
        'PUT',
        `/api/reports/${reports[key]}/indicators/${report.indicators[0].indicatorId}`,
        {
          version: 0,
          valueNumber: 85.5,
          dataSource: 'Cổng dịch vụ công',
        },
      );
    if (key !== 'pvhcc')
      await send(users[key], 'POST', `/api/reports/${reports[key]}/submit`, {
        version: report.version,
      });
  }
  const vhxh = (await send(focal, 'GET', `/api/reports/${reports.vhxh}`)).json();
  await send(focal, 'POST', `/api/reports/${reports.vhxh}/approve`, { version: vhxh.version });
  return { send, focal, users, planId, periodId: period.id, reports, taskIds };
}

/** A test file's fixture: a fresh database of `dialect`, the app, and the reported period. */
export function useReportedPeriod(dialect: DialectName, results?: string) {
  return useAppFixture(dialect, (app, database) => reportedPeriod(app, database, results));
}
