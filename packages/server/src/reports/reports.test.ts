import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { asUser, buildTestApp, type LoggedIn } from '../testing/app.ts';
import {
  buildCommune,
  buildPlan,
  buildProvince,
  buildUnit,
  buildUserWithRole,
  signIn,
} from '../testing/factories.ts';
import { lockReport } from './access.ts';

// The whole loop through the API, on both databases: the focal officer generates and opens a
// period, two units report, one is returned with item comments and resubmitted, both are
// approved, one is reopened; every step leaves an audit entry and nobody steps outside scope.

const PDF = Buffer.from('%PDF-1.4\n% minh chứng\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.each(TEST_DIALECTS)('reporting workflow on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let send: ReturnType<typeof asUser>;
  const who: Record<string, LoggedIn> = {};
  let planId: number;
  let periodId: number;
  let periodVersion: number;
  let unitIds: Record<string, number>;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const { db } = database;
    // A commune of three units, three tasks each; another commune's plan beside it.
    const province = await buildProvince(db);
    const commune = await buildCommune(db, { provinceId: province.id });
    const [vhxh, kt, third] = [
      await buildUnit(db, { communeId: commune.id }),
      await buildUnit(db, { communeId: commune.id }),
      await buildUnit(db, { communeId: commune.id }),
    ];
    planId = (await buildPlan(db, { communeId: commune.id, leads: [vhxh, kt, third], tasks: 9 }))
      .id;
    const elsewhere = await buildCommune(db, { provinceId: province.id });
    await buildUnit(db, { communeId: elsewhere.id });
    await buildPlan(db, { communeId: elsewhere.id });
    unitIds = { vhxh: vhxh.id, kt: kt.id };
    app = await buildTestApp(database);
    send = asUser(app);
    const people = {
      focal: await buildUserWithRole(db, 'focal_officer', commune),
      leader: await buildUserWithRole(db, 'commune_leader', commune),
      vhxh: await buildUserWithRole(db, 'unit_reporter', vhxh),
      kt: await buildUserWithRole(db, 'unit_reporter', kt),
      province: await buildUserWithRole(db, 'province_viewer', province),
    };
    for (const [key, user] of Object.entries(people)) who[key] = await signIn(app, user);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const report = async (user: string, id: number) =>
    (await send(who[user]!, 'GET', `/api/reports/${id}`)).json();

  it('generates the plan’s periods once, and only the focal officer may', async () => {
    const body = { from: '2026-01-01', to: '2026-12-31' };
    const url = `/api/plans/${planId}/periods/generate`;
    expect((await send(who.kt!, 'POST', url, body)).statusCode).toBe(403);
    const first = await send(who.focal!, 'POST', url, body);
    expect(first.statusCode).toBe(200);
    expect(first.json().created).toBeGreaterThan(0);
    expect((await send(who.focal!, 'POST', url, body)).json().created).toBe(0);
    const periods = (await send(who.vhxh!, 'GET', `/api/plans/${planId}/periods`)).json();
    expect(periods.every((p: { status: string }) => p.status === 'planned')).toBe(true);
    periodId = periods[0].id;
    periodVersion = periods[0].version;
  });

  it('opens the period (not the reporters), then units can start their report', async () => {
    const openReport = `/api/periods/${periodId}/units/${unitIds.vhxh}/report`;
    expect((await send(who.vhxh!, 'POST', openReport)).statusCode).toBe(400);
    const patch = { version: periodVersion, status: 'open', dueDate: '2099-12-31' };
    expect((await send(who.vhxh!, 'PATCH', `/api/periods/${periodId}`, patch)).statusCode).toBe(
      403,
    );
    const opened = await send(who.focal!, 'PATCH', `/api/periods/${periodId}`, patch);
    expect(opened.statusCode).toBe(200);
    // A stale second change is refused.
    expect((await send(who.focal!, 'PATCH', `/api/periods/${periodId}`, patch)).statusCode).toBe(
      409,
    );
    // Locking straight from open is not a valid step.
    const lock = { version: opened.json().version, status: 'locked' };
    expect(
      (await send(who.focal!, 'PATCH', `/api/periods/${periodId}`, lock)).json().error,
    ).toContain('Không chuyển được');
  });

  let vhxh: number;
  let kt: number;

  it('gives each unit one report with exactly its own items', async () => {
    const url = (unit: number) => `/api/periods/${periodId}/units/${unit}/report`;
    const [a, b] = await Promise.all([
      send(who.vhxh!, 'POST', url(unitIds.vhxh!)),
      send(who.vhxh!, 'POST', url(unitIds.vhxh!)),
    ]);
    expect(a.json().reportId).toBe(b.json().reportId);
    vhxh = a.json().reportId;
    expect((await send(who.vhxh!, 'POST', url(unitIds.kt!))).statusCode).toBe(403);
    kt = (await send(who.kt!, 'POST', url(unitIds.kt!))).json().reportId;

    const mine = await report('vhxh', vhxh);
    expect(mine.tasks.length).toBeGreaterThan(0);
    const leads = await database.db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.item_id')
      .select('tasks.id')
      .where('tasks.plan_id', '=', planId)
      .where('task_units.unit_id', '=', unitIds.vhxh!)
      .execute();
    expect(mine.tasks.map((t: { taskId: number }) => t.taskId).sort()).toEqual(
      leads.map((l) => l.id).sort(),
    );
    // Another unit's report is closed to this reporter, for reading and writing.
    expect((await send(who.vhxh!, 'GET', `/api/reports/${kt}`)).statusCode).toBe(403);
    const taskOfKt = (await report('kt', kt)).tasks[0].taskId;
    const write = await send(who.vhxh!, 'PUT', `/api/reports/${kt}/tasks/${taskOfKt}`, {
      version: 0,
      status: 'in_progress',
    });
    expect(write.statusCode).toBe(403);
  });

  it('saves items with versions: a stale autosave gets 409, nothing is overwritten', async () => {
    const task = (await report('vhxh', vhxh)).tasks[0].taskId;
    const url = `/api/reports/${vhxh}/tasks/${task}`;
    const first = await send(who.vhxh!, 'PUT', url, {
      version: 0,
      status: 'in_progress',
      progress: 40,
      results: 'Đã tổ chức 2 hội nghị quán triệt',
      resourcesVnd: 15_000_000,
    });
    expect(first.json()).toEqual({ version: 1 });
    const stale = await send(who.vhxh!, 'PUT', url, { version: 0, status: 'done' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details.results).toBe('Đã tổ chức 2 hội nghị quán triệt');
    const wrongType = await send(who.vhxh!, 'PUT', url, {
      version: 1,
      progress: 'bốn mươi',
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error).toBe('Dữ liệu gửi lên không hợp lệ: progress — không hợp lệ');
    const done = await send(who.vhxh!, 'PUT', url, {
      version: 1,
      status: 'done',
      results: 'Hoàn thành',
      evidenceText: 'Báo cáo số 12/BC-VHXH',
    });
    expect(done.json()).toEqual({ version: 2 });
    const saved = (await report('vhxh', vhxh)).tasks[0].update;
    expect(saved).toMatchObject({ status: 'done', progress: 100, resourcesVnd: null });
    expect(saved.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A task of the plan that is not this unit's is refused.
    const other = await database.db
      .selectFrom('tasks')
      .select('id')
      .where('plan_id', '!=', planId)
      .executeTakeFirstOrThrow();
    expect(
      (
        await send(who.vhxh!, 'PUT', `/api/reports/${vhxh}/tasks/${other.id}`, {
          version: 0,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('keeps evidence files with a checked type, sanitised name and sha256', async () => {
    const task = (await report('vhxh', vhxh)).tasks[0].taskId;
    const url = (name: string) =>
      `/api/reports/${vhxh}/tasks/${task}/attachments?filename=${encodeURIComponent(name)}`;
    const fake = await send(who.vhxh!, 'POST', url('anh.pdf'), Buffer.from('\x89PNG....'));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error).toContain('không phải PDF');
    expect((await send(who.vhxh!, 'POST', url('virus.exe'), PDF)).statusCode).toBe(400);
    const big = await send(
      who.vhxh!,
      'POST',
      url('lon.pdf'),
      Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    const ok = await send(who.vhxh!, 'POST', url('../../Biên bản <họp>.pdf'), PDF);
    expect(ok.statusCode).toBe(201);
    const listed = (await report('vhxh', vhxh)).tasks[0].attachments[0];
    expect(listed.filename).toBe('Biên bản _họp_.pdf');
    expect(listed.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const download = await send(who.focal!, 'GET', `/api/attachments/${listed.id}`);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(who.kt!, 'GET', `/api/attachments/${listed.id}`)).statusCode).toBe(403);
  });

  it('makes a save wait for a step that holds the report, then judge the report as it left it', async () => {
    const { tasks } = await report('vhxh', vhxh);
    const task = tasks.find((t: { update: unknown }) => !t.update);
    const step = await database.db.startTransaction().execute();
    await lockReport(step, vhxh);
    const save = send(who.vhxh!, 'PUT', `/api/reports/${vhxh}/tasks/${task.taskId}`, {
      version: 0,
      status: 'in_progress',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await step.updateTable('reports').set({ status: 'submitted' }).where('id', '=', vhxh).execute();
    await step.commit().execute();
    const refused = await save;
    expect([refused.statusCode, refused.json().error]).toEqual([
      400,
      expect.stringContaining('đang chờ duyệt'),
    ]);
    await database.db
      .updateTable('reports')
      .set({ status: 'draft' })
      .where('id', '=', vhxh)
      .execute();
  });

  it('submits once however often it is sent, then locks the report for the unit', async () => {
    const { version, tasks } = await report('vhxh', vhxh);
    const racing = tasks.find((t: { update: unknown }) => !t.update);
    const [a, b, save] = await Promise.all([
      send(who.vhxh!, 'POST', `/api/reports/${vhxh}/submit`, { version }),
      send(who.vhxh!, 'POST', `/api/reports/${vhxh}/submit`, { version }),
      send(who.vhxh!, 'PUT', `/api/reports/${vhxh}/tasks/${racing.taskId}`, {
        version: 0,
        status: 'in_progress',
      }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json()).toEqual(b.json());
    const submits = await database.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'report')
      .where('entity_id', '=', vhxh)
      .where('action', '=', 'submit')
      .execute();
    expect(submits).toHaveLength(1);
    // A save sent at the same moment lands before the submission (and is in what was sent), or
    // is refused after it: never written into a report already sent.
    const saved = await database.db
      .selectFrom('task_updates')
      .innerJoin('audit_log', (j) =>
        j
          .onRef('audit_log.entity_id', '=', 'task_updates.id')
          .on('audit_log.entity', '=', 'task_update'),
      )
      .select('audit_log.id')
      .where('task_updates.report_id', '=', vhxh)
      .where('task_updates.task_id', '=', racing.taskId)
      .execute();
    if (save.statusCode === 200) expect(saved.map((s) => s.id < submits[0]!.id)).toEqual([true]);
    else expect([save.statusCode, saved]).toEqual([400, []]);
    const task = (await report('vhxh', vhxh)).tasks[0];
    const edit = await send(who.vhxh!, 'PUT', `/api/reports/${vhxh}/tasks/${task.taskId}`, {
      version: task.update.version,
      status: 'in_progress',
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error).toContain('đang chờ duyệt');
    // An empty report cannot be submitted.
    const empty = await send(who.kt!, 'POST', `/api/reports/${kt}/submit`, {
      version: 1,
    });
    expect(empty.json().error).toContain('chưa có nội dung');
  });

  it('returns with comments per item, takes the fix, approves, and reopens with a reason', async () => {
    const before = await report('focal', vhxh);
    const task = before.tasks[0];
    expect(
      (
        await send(who.vhxh!, 'POST', `/api/reports/${vhxh}/approve`, {
          version: before.version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await send(who.leader!, 'POST', `/api/reports/${vhxh}/approve`, {
          version: before.version,
        })
      ).statusCode,
    ).toBe(403);
    // The province sees submitted reports but cannot act on them.
    expect((await send(who.province!, 'GET', `/api/reports/${vhxh}`)).statusCode).toBe(200);
    expect((await send(who.province!, 'GET', `/api/reports/${kt}`)).statusCode).toBe(403);
    const returned = await send(who.focal!, 'POST', `/api/reports/${vhxh}/return`, {
      version: before.version,
      comment: 'Bổ sung số liệu',
      items: [{ kind: 'task', id: task.taskId, comment: 'Ghi rõ số người tham dự' }],
    });
    expect(returned.json().status).toBe('returned');
    const seen = await report('vhxh', vhxh);
    expect(seen.reviewComment).toBe('Bổ sung số liệu');
    expect(seen.tasks[0].update.reviewComment).toBe('Ghi rõ số người tham dự');
    await send(who.vhxh!, 'PUT', `/api/reports/${vhxh}/tasks/${task.taskId}`, {
      version: seen.tasks[0].update.version,
      status: 'done',
      results: 'Hoàn thành, 120 người tham dự',
    });
    const resubmitted = await send(who.vhxh!, 'POST', `/api/reports/${vhxh}/submit`, {
      version: seen.version,
    });
    const approved = await send(who.focal!, 'POST', `/api/reports/${vhxh}/approve`, {
      version: resubmitted.json().version,
    });
    expect(approved.json().status).toBe('approved');
    const locked = await report('vhxh', vhxh);
    const edit = await send(who.vhxh!, 'PUT', `/api/reports/${vhxh}/tasks/${task.taskId}`, {
      version: locked.tasks[0].update.version,
      status: 'in_progress',
    });
    expect(edit.json().error).toContain('đã được duyệt');
    expect(
      (
        await send(who.focal!, 'POST', `/api/reports/${vhxh}/reopen`, {
          version: locked.version,
          reason: '',
        })
      ).statusCode,
    ).toBe(400);
    const reopened = await send(who.focal!, 'POST', `/api/reports/${vhxh}/reopen`, {
      version: locked.version,
      reason: 'Sở yêu cầu bổ sung kinh phí',
    });
    expect(reopened.json().status).toBe('returned');

    const audit = (await send(who.vhxh!, 'GET', `/api/reports/${vhxh}/audit`)).json();
    const steps = audit
      .filter((a: { entity: string }) => a.entity === 'report')
      .map((a: { action: string }) => a.action);
    expect(steps).toEqual(['submit', 'return', 'submit', 'approve', 'reopen']);
    const edits = audit.filter(
      (a: { entity: string; taskId?: number }) =>
        a.entity === 'task_update' && a.taskId === task.taskId,
    );
    expect(edits.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'edit',
      'attach',
      'edit',
    ]);
    expect(edits[3].before.results).toBe('Hoàn thành');
    expect(edits[3].after.results).toBe('Hoàn thành, 120 người tham dự');
    expect(audit.at(-1).reason).toBe('Sở yêu cầu bổ sung kinh phí');
  });

  it('shows the focal officer and the leader who has reported, and nobody else', async () => {
    const url = `/api/periods/${periodId}/reports`;
    expect((await send(who.vhxh!, 'GET', url)).statusCode).toBe(403);
    expect((await send(who.leader!, 'GET', url)).statusCode).toBe(200);
    const overview = (await send(who.focal!, 'GET', url)).json();
    const byUnit = Object.fromEntries(
      overview.units.map((u: { unitId: number; status: string }) => [u.unitId, u.status]),
    );
    expect(byUnit[unitIds.vhxh!]).toBe('returned');
    expect(byUnit[unitIds.kt!]).toBe('draft');
    expect(overview.units.length).toBe(3); // every unit that leads a task
    const mine = (await send(who.kt!, 'GET', '/api/my/reports')).json();
    expect(mine).toContainEqual(
      expect.objectContaining({ periodId, unitId: unitIds.kt, reportStatus: 'draft' }),
    );
  });
});
