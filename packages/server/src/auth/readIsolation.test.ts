import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Role } from '@tiendo/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { loginAs, type LoggedIn } from '../testing/app.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';
import {
  buildCommune,
  buildProvince,
  buildUnit,
  buildUser,
  buildUserWithRole,
  signIn,
  TEST_PASSWORD,
} from '../testing/factories.ts';

// Findings of an outside security review, one regression test each: who reads what of other
// units' reports (A), a unit's history (B), what hangs under a draft plan (C), a role scoped to
// a unit that does not exist (D), and a save racing a submit (E).

const ROOT = resolve(import.meta.dirname, '../../../..');
const SEED = readFileSync(join(ROOT, 'fixtures/seeds/000_862ce2f29f2f990b.txt'));
const KT_RESULTS = 'Đã rà soát 120 hồ sơ doanh nghiệp';

interface ExportedTask {
  task_id: number;
  status: string | null;
  progress: number | null;
  results: string | null;
  evidence_text: string | null;
  difficulties: string | null;
  proposals: string | null;
}
interface ExportedReport {
  unit: string;
  tasks: ExportedTask[];
  indicators: Array<{ value_number: number | null; data_source: string | null }>;
}

describe.each(TEST_DIALECTS)('read isolation on %s', (dialect) => {
  describe('reads', () => {
    const fixture = useOpenPeriod(dialect, KT_RESULTS);
    const who = {} as Record<
      'admin' | 'province' | 'otherProvince' | 'otherReporter' | 'vp',
      LoggedIn
    >;
    const unit = {} as Record<'kt' | 'vhxh' | 'province' | 'otherCommune', number>;
    /** Names of the economy and culture units' reports, and what culture wrote. */
    const names = () => ({
      kt: fixture.ctx.units.kt.name,
      vhxh: fixture.ctx.units.vhxh.name,
      vhxhResults: `Kết quả của ${fixture.ctx.units.vhxh.name}`,
    });

    beforeAll(async () => {
      const { app, database, ctx } = fixture;
      const db = database.db;
      unit.kt = ctx.units.kt.id;
      unit.vhxh = ctx.units.vhxh.id;
      unit.province = ctx.province.id;
      // A second commune of the same province (its unit named as the economy unit), and a
      // second province, each with its people.
      unit.otherCommune = (await buildCommune(db, { provinceId: unit.province })).id;
      const otherUnit = await buildUnit(db, { communeId: unit.otherCommune, name: names().kt });
      const otherProvince = await buildProvince(db);
      const people = {
        admin: await buildUserWithRole(db, 'admin', ctx.province),
        province: await buildUserWithRole(db, 'province_viewer', ctx.province),
        otherProvince: await buildUserWithRole(db, 'province_viewer', otherProvince),
        otherReporter: await buildUserWithRole(db, 'unit_reporter', otherUnit),
        // A reporter of the commune whose unit has nothing to do with the economy unit's tasks.
        vp: ctx.people.silent,
      };
      for (const [key, user] of Object.entries(people))
        who[key as keyof typeof who] = await signIn(app, user);
    });

    const exported = async (user: LoggedIn) => {
      const { ctx } = fixture;
      const response = await ctx.send(user, 'GET', `/api/plans/${ctx.planId}/export.json`);
      expect(response.statusCode).toBe(200);
      const data = JSON.parse(response.body) as { periods: Array<{ reports: ExportedReport[] }> };
      const reports = data.periods.flatMap((p) => p.reports);
      return (name: string) => reports.find((r) => r.unit === name);
    };
    const csvOf = async (user: LoggedIn) => {
      const { ctx } = fixture;
      const response = await ctx.send(user, 'GET', `/api/plans/${ctx.planId}/export.csv`);
      expect(response.statusCode).toBe(200);
      return response.body;
    };
    const historyOf = async (user: LoggedIn, taskId: number) => {
      const { ctx } = fixture;
      const response = await ctx.send(user, 'GET', `/api/tasks/${taskId}/history`);
      expect(response.statusCode).toBe(200);
      return response.json().updates as Array<{
        unit: string;
        status: string | null;
        progress: number | null;
        results: string | null;
        evidence: string | null;
        difficulties: string | null;
      }>;
    };

    it('A: a reporter gets the figures of another unit’s report in the plan export, not its text', async () => {
      const { ctx } = fixture;
      for (const reporter of [ctx.users.vhxh, ctx.users.pvhcc, who.vp]) {
        const report = await exported(reporter);
        const kt = report(names().kt)!.tasks.find((t) => t.task_id === ctx.taskIds.kt)!;
        expect(kt).toMatchObject({ status: 'in_progress', progress: 50 });
        expect(kt).toMatchObject({
          results: null,
          evidence_text: null,
          difficulties: null,
          proposals: null,
        });
        for (const value of report(names().kt)!.indicators) {
          expect(value.data_source).toBeNull();
          expect(value.value_number).toBe(85.5);
        }
        const csv = await csvOf(reporter);
        expect(csv).not.toContain(KT_RESULTS);
        expect(csv).toContain('in_progress');
      }
      // Its own unit's text, it reads.
      const own = (await exported(ctx.users.vhxh))(names().vhxh)!;
      expect(own.tasks.find((t) => t.task_id === ctx.taskIds.vhxh)!.results).toBe(
        names().vhxhResults,
      );
      expect(await csvOf(ctx.users.vhxh)).toContain(names().vhxhResults);
      const kt = (await exported(ctx.users.kt))(names().kt)!;
      expect(kt.tasks.find((t) => t.task_id === ctx.taskIds.kt)!.difficulties).toBe(
        'Thiếu kinh phí cho phần mềm',
      );
    });

    it('A: a reporter gets the statuses of another unit’s updates in a task’s history, not its text', async () => {
      const { ctx } = fixture;
      const updates = await historyOf(ctx.users.vhxh, ctx.taskIds.kt);
      const kt = updates.find((u) => u.unit === names().kt)!;
      expect(kt).toMatchObject({ status: 'in_progress', progress: 50 });
      expect(kt).toMatchObject({ results: null, evidence: null, difficulties: null });
      expect(updates.find((u) => u.unit === names().vhxh)!.results).toBe(names().vhxhResults);
      expect(
        (await historyOf(ctx.users.kt, ctx.taskIds.kt)).find((u) => u.unit === names().kt)!.results,
      ).toBe(KT_RESULTS);
    });

    it('A: the focal officer, the leader, the province above and the admin read every unit’s text', async () => {
      const { ctx } = fixture;
      for (const reader of [ctx.focal, ctx.users.lanhdao, who.province, who.admin]) {
        const kt = (await exported(reader))(names().kt)!.tasks.find(
          (t) => t.task_id === ctx.taskIds.kt,
        )!;
        expect(kt).toMatchObject({
          results: KT_RESULTS,
          difficulties: 'Thiếu kinh phí cho phần mềm',
          proposals: 'Đề nghị thành phố hỗ trợ kinh phí',
          evidence_text: 'Công văn số 12/UBND',
        });
        expect(await csvOf(reader)).toContain(KT_RESULTS);
        const history = await historyOf(reader, ctx.taskIds.kt);
        expect(history.find((u) => u.unit === names().kt)!.results).toBe(KT_RESULTS);
      }
    });

    it('A: a coordinating unit reads the lead unit’s consolidated update on that task only', async () => {
      const { ctx, database, app } = fixture;
      const db = database.db;
      // A task the economy unit leads and another unit only coordinates, with its reporter.
      const links = await db
        .selectFrom('task_units')
        .innerJoin('tasks', 'tasks.id', 'task_units.item_id')
        .select(['task_units.item_id', 'task_units.unit_id', 'task_units.role'])
        .where('tasks.plan_id', '=', ctx.planId)
        .execute();
      const reporters = await db
        .selectFrom('users')
        .innerJoin('role_assignments as r', 'r.user_id', 'users.id')
        .select(['users.username', 'r.scope_unit_id'])
        .where('r.role', '=', 'unit_reporter')
        .execute();
      const pair = links
        .filter((l) => l.unit_id === unit.kt && l.role === 'lead')
        .flatMap((lead) =>
          links
            .filter((c) => c.item_id === lead.item_id && c.role === 'coordinate')
            .filter(
              (c) =>
                !links.some(
                  (l) => l.item_id === c.item_id && l.unit_id === c.unit_id && l.role === 'lead',
                ),
            ),
        )
        .map((c) => ({ taskId: c.item_id, coordinator: c.unit_id }))
        .find((c) => reporters.some((r) => r.scope_unit_id === c.coordinator));
      expect(pair).toBeDefined();
      const coordinator = await loginAs(
        app,
        reporters.find((r) => r.scope_unit_id === pair!.coordinator)!.username,
        TEST_PASSWORD,
      );
      // The economy unit's report goes back, gets the task written, and is sent again.
      const url = `/api/reports/${ctx.reports.kt}`;
      let report = (await ctx.send(ctx.focal, 'GET', url)).json();
      expect(
        (
          await ctx.send(ctx.focal, 'POST', `${url}/return`, {
            version: report.version,
            comment: 'Bổ sung nhiệm vụ chủ trì',
          })
        ).statusCode,
      ).toBe(200);
      const consolidated = 'Tổng hợp của đơn vị chủ trì: đã hoàn thành 3/5 hạng mục';
      expect(
        (
          await ctx.send(ctx.users.kt, 'PUT', `${url}/tasks/${pair!.taskId}`, {
            version: 0,
            status: 'in_progress',
            progress: 60,
            results: consolidated,
            explanation: 'Đang triển khai, hoàn thành trong quý tới',
          })
        ).statusCode,
      ).toBe(200);
      report = (await ctx.send(ctx.users.kt, 'GET', url)).json();
      const sent = await ctx.send(ctx.users.kt, 'POST', `${url}/submit`, {
        version: report.version,
      });
      expect(sent.statusCode, sent.body).toBe(200);

      const kt = (await exported(coordinator))(names().kt)!;
      expect(kt.tasks.find((t) => t.task_id === pair!.taskId)!.results).toBe(consolidated);
      if (pair!.taskId !== ctx.taskIds.kt)
        expect(kt.tasks.find((t) => t.task_id === ctx.taskIds.kt)!.results).toBeNull();
      const history = await historyOf(coordinator, pair!.taskId);
      expect(history.find((u) => u.unit === names().kt)!.results).toBe(consolidated);
      // Another unit's reporter, not on that task, still does not.
      const outsider = (await exported(ctx.users.vhxh))(names().kt)!;
      const onTask = links.filter((l) => l.item_id === pair!.taskId).map((l) => l.unit_id);
      if (!onTask.includes(unit.vhxh))
        expect(outsider.tasks.find((t) => t.task_id === pair!.taskId)!.results).toBeNull();
    });

    it('B: a unit’s history is for those who may read its commune', async () => {
      const { ctx } = fixture;
      const history = (id: number) => `/api/org/units/${id}/history`;
      for (const reader of [ctx.users.vhxh, ctx.focal, ctx.users.lanhdao, who.province, who.admin])
        expect((await ctx.send(reader, 'GET', history(unit.kt))).statusCode).toBe(200);
      for (const outsider of [who.otherReporter, who.otherProvince]) {
        const response = await ctx.send(outsider, 'GET', history(unit.kt));
        expect(response.statusCode).toBe(403);
        expect(response.json().error).toMatch(/quyền/);
      }
      expect((await ctx.send(ctx.users.kt, 'GET', history(unit.otherCommune))).statusCode).toBe(
        403,
      );
      expect(
        (await ctx.send(who.otherReporter, 'GET', history(unit.otherCommune))).statusCode,
      ).toBe(200);
      expect((await ctx.send(ctx.users.kt, 'GET', history(987_654))).statusCode).toBe(404);
    });

    it('C: what hangs under a plan answers exactly those who may read the plan (drafts too)', async () => {
      const { ctx, database } = fixture;
      const imported = await ctx.send(
        ctx.focal,
        'POST',
        `/api/plans/import?communeId=${(await communeOf(database.db, unit.kt))!}&filename=kh.txt`,
        SEED,
      );
      expect(imported.statusCode).toBe(201);
      const draft = imported.json().planId as number;
      const plans = await database.db.selectFrom('plans').select(['id', 'status']).execute();
      expect(plans.some((p) => p.id === draft && p.status === 'draft')).toBe(true);
      const readers: Record<string, LoggedIn> = {
        reporter: ctx.users.kt,
        leader: ctx.users.lanhdao,
        focal: ctx.focal,
        province: who.province,
        admin: who.admin,
        otherReporter: who.otherReporter,
        otherProvince: who.otherProvince,
      };
      const wrong: string[] = [];
      for (const plan of plans)
        for (const [name, reader] of Object.entries(readers)) {
          const main = (await ctx.send(reader, 'GET', `/api/plans/${plan.id}`)).statusCode;
          for (const sub of ['audit', 'periods', 'catalogue', 'concerns']) {
            const status = (await ctx.send(reader, 'GET', `/api/plans/${plan.id}/${sub}`))
              .statusCode;
            if (status !== main)
              wrong.push(
                `${sub} of ${plan.status} plan ${plan.id} as ${name}: ${status}, plan ${main}`,
              );
          }
        }
      expect(wrong).toEqual([]);
      // The draft itself: its managers in, everyone else out.
      for (const [name, reader] of Object.entries(readers)) {
        const status = (await ctx.send(reader, 'GET', `/api/plans/${draft}/periods`)).statusCode;
        expect([name, status]).toEqual([name, ['focal', 'admin'].includes(name) ? 200 : 403]);
      }
    });

    it('D: a role scoped to an org unit that does not exist grants nothing and breaks nothing', async () => {
      const { ctx, database, app } = fixture;
      const db = database.db;
      const GHOST = 987_654;
      // A role left pointing nowhere (a restored backup, a unit removed by hand): the foreign
      // key has to be out of the way to make one.
      if (dialect === 'sqlite') await sql`PRAGMA foreign_keys = OFF`.execute(db);
      else
        await sql`ALTER TABLE role_assignments DROP CONSTRAINT IF EXISTS role_assignments_scope_unit_id_fkey`.execute(
          db,
        );
      const roles: Role[] = ['province_viewer', 'commune_leader', 'focal_officer', 'unit_reporter'];
      try {
        for (const role of roles) {
          const { id } = await buildUser(db, {
            username: `ghost.${role}`,
            displayName: 'Vai trò mồ côi',
          });
          await db
            .insertInto('role_assignments')
            .values({
              user_id: id,
              role,
              scope_unit_id: GHOST,
              created_at: new Date().toISOString(),
            })
            .execute();
        }
      } finally {
        if (dialect === 'sqlite') await sql`PRAGMA foreign_keys = ON`.execute(db);
      }
      const plansBefore = await db.selectFrom('plans').select('id').orderBy('id').execute();
      const ids: Record<string, number> = {
        plans: ctx.planId,
        periods: ctx.periodId,
        reports: ctx.reports.kt,
        tasks: ctx.taskIds.kt,
        provinces: unit.province,
        communes: (await communeOf(db, unit.kt))!,
        units: unit.kt,
      };
      const routes = [...new Set(app.apiRoutes)].filter((r) => r.startsWith('GET '));
      const wrong: string[] = [];
      for (const role of roles) {
        const ghost = await loginAs(app, `ghost.${role}`, TEST_PASSWORD);
        expect((await ctx.send(ghost, 'GET', '/api/plans')).json()).toEqual([]);
        for (const route of routes) {
          const path = route.slice(4);
          const collection = /\/api\/(?:admin\/|org\/)?([a-z-]+)\/:id/.exec(path)?.[1] ?? '';
          for (const id of [ids[collection] ?? 1, GHOST]) {
            const url = path
              .replace(':id', String(id))
              .replace(':unitId', String(unit.kt))
              .replace(':catalogueId', '1');
            const response = await ctx.send(ghost, 'GET', url);
            if (response.statusCode >= 500)
              wrong.push(`${role} GET ${url}: ${response.statusCode}`);
            if (
              id !== GHOST &&
              response.statusCode === 200 &&
              /\/api\/(plans|reports|periods|tasks)\//.test(url)
            )
              wrong.push(`${role} GET ${url}: 200`);
          }
        }
        const imported = await ctx.send(
          ghost,
          'POST',
          `/api/plans/import?communeId=${GHOST}&filename=kh.txt`,
          SEED,
        );
        if (imported.statusCode >= 500 || imported.statusCode === 201)
          wrong.push(`${role} POST /api/plans/import: ${imported.statusCode}`);
        if (role === 'focal_officer') expect(imported.statusCode).toBe(404);
      }
      expect(wrong).toEqual([]);
      expect(await db.selectFrom('plans').select('id').orderBy('id').execute()).toEqual(
        plansBefore,
      );
    });
  });

  describe('a save racing a submit', () => {
    const fixture = useOpenPeriod(dialect);
    const ROUNDS = 4;
    const SPREAD = 4;

    it('E: no save is acknowledged after the report it writes to was submitted', async () => {
      const { ctx, database } = fixture;
      const db = database.db;
      const reporter = ctx.users.pvhcc;
      const url = `/api/reports/${ctx.reports.pvhcc}`;
      // Explain what the checks on sending ask for, so that only the race decides.
      let report = (await ctx.send(reporter, 'GET', url)).json();
      for (const indicator of report.indicators)
        await ctx.send(reporter, 'PUT', `${url}/indicators/${indicator.indicatorId}`, {
          version: indicator.value?.version ?? 0,
          valueNumber: indicator.value?.valueNumber ?? 1,
          explanation: 'Số liệu tạm tính',
        });
      const late: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        report = (await ctx.send(reporter, 'GET', url)).json();
        expect(report.editable).toBe(true);
        const saves = report.tasks.map(
          (t: { taskId: number; code: string; update: { version: number } | null }) => () =>
            ctx.send(reporter, 'PUT', `${url}/tasks/${t.taskId}`, {
              version: t.update?.version ?? 0,
              status: 'in_progress',
              progress: 10 + round,
              results: `Vòng ${round}: nhiệm vụ ${t.code}`,
              explanation: 'Đang triển khai, hoàn thành trong quý tới',
            }),
        );
        // One burst, spread over a few turns of the event loop so that the saves' reads of the
        // report fall before, during and after the submission's transaction.
        const half = Math.floor(saves.length / 2);
        const requests = [
          ...saves.slice(0, half),
          () => ctx.send(reporter, 'POST', `${url}/submit`, { version: report.version }),
          ...saves.slice(half),
        ] as Array<() => ReturnType<typeof ctx.send>>;
        const responses = await Promise.all(
          requests.map(async (request, i) => {
            for (let turn = 0; turn < i % SPREAD; turn++) await new Promise(setImmediate);
            return request();
          }),
        );
        const submitted = responses[half]!;
        expect(submitted.statusCode, submitted.body).toBe(200);
        for (const response of responses) expect(response.statusCode).toBeLessThan(500);
        const saved = responses.filter((r, i) => i !== half && r.statusCode === 200).length;

        // Every acknowledged save is in the audit log before the submission, and no item of the
        // submitted report changed after it was sent.
        const submit = await db
          .selectFrom('audit_log')
          .select(['id', 'at'])
          .where('entity', '=', 'report')
          .where('entity_id', '=', ctx.reports.pvhcc)
          .where('action', '=', 'submit')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        const updates = await db
          .selectFrom('task_updates')
          .select(['id', 'updated_at'])
          .where('report_id', '=', ctx.reports.pvhcc)
          .execute();
        const after = await db
          .selectFrom('audit_log')
          .select(['id', 'entity_id'])
          .where('entity', '=', 'task_update')
          .where('action', 'in', ['create', 'edit'])
          .where(
            'entity_id',
            'in',
            updates.map((u) => u.id),
          )
          .where('id', '>', submit.id)
          .execute();
        const row = await db
          .selectFrom('reports')
          .select(['status', 'submitted_at', 'version'])
          .where('id', '=', ctx.reports.pvhcc)
          .executeTakeFirstOrThrow();
        expect(row.status).toBe('submitted');
        const changedAfter = updates.filter((u) => u.updated_at > row.submitted_at!);
        if (after.length || changedAfter.length)
          late.push(
            `round ${round}: ${saved} saves acknowledged, ${after.length} audited after the submission, ${changedAfter.length} rows changed after it`,
          );
        // Back to the unit for the next round.
        const returned = await ctx.send(ctx.focal, 'POST', `${url}/return`, {
          version: row.version,
          comment: 'Vòng sau',
        });
        expect(returned.statusCode).toBe(200);
      }
      expect(late).toEqual([]);
    });

    it('E: a filled-in Excel template sent while the report is being submitted lands before it or not at all', async () => {
      const { ctx, database } = fixture;
      const db = database.db;
      const reporter = ctx.users.pvhcc;
      const url = `/api/reports/${ctx.reports.pvhcc}`;
      for (let round = 0; round < 2; round++) {
        const report = (await ctx.send(reporter, 'GET', url)).json();
        expect(report.editable).toBe(true);
        const template = await ctx.send(reporter, 'GET', `${url}/template.xlsx`);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
        const sheet = wb.getWorksheet('Nhiệm vụ')!;
        const written = `Cập nhật từ tệp Excel, vòng ${round}`;
        const explanation = (sheet.getRow(1).values as unknown[]).findIndex((header) =>
          String(header).startsWith('Giải trình'),
        );
        for (let row = 2; row <= sheet.rowCount; row++) {
          sheet.getRow(row).getCell(9).value = written;
          sheet.getRow(row).getCell(explanation).value =
            'Đang triển khai, hoàn thành trong quý tới';
        }
        const file = Buffer.from(await wb.xlsx.writeBuffer());
        // The upload reads the report, then unpacks the file (which yields) before it writes.
        const [uploaded, submitted] = await Promise.all([
          ctx.send(reporter, 'POST', `${url}/template`, file),
          ctx.send(reporter, 'POST', `${url}/submit`, { version: report.version }),
        ]);
        expect(submitted.statusCode, submitted.body).toBe(200);
        expect(uploaded.statusCode).toBeLessThan(500);
        const row = await db
          .selectFrom('reports')
          .select(['status', 'submitted_at', 'version'])
          .where('id', '=', ctx.reports.pvhcc)
          .executeTakeFirstOrThrow();
        const changedAfter = await db
          .selectFrom('task_updates')
          .select(['task_id', 'updated_at'])
          .where('report_id', '=', ctx.reports.pvhcc)
          .where('updated_at', '>', row.submitted_at!)
          .execute();
        expect(row.status).toBe('submitted');
        expect([uploaded.statusCode, changedAfter]).toEqual([uploaded.statusCode, []]);
        const returned = await ctx.send(ctx.focal, 'POST', `${url}/return`, {
          version: row.version,
          comment: 'Vòng sau',
        });
        expect(returned.statusCode).toBe(200);
      }
    });
  });
});

async function communeOf(db: Kysely<Database>, unitId: number): Promise<number | null> {
  const row = await db
    .selectFrom('org_units')
    .select('parent_id')
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row?.parent_id ?? null;
}
