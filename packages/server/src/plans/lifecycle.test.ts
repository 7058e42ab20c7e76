import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { asUser, buildTestApp, loginAs, type LoggedIn, type Method } from '../testing/app.ts';
import { createOrgUnit } from '../org/queries.ts';
import { createUser } from '../org/users.ts';
import { nowIso } from '../http/time.ts';
import type { PlanDraft } from '@tiendo/core';

// Publishing guarded (a real title, flagged cells and another place confirmed), import checks
// (the document's place, a plan already published, unit proposals to look at), and a plan's
// housekeeping (rename, archive, restore, back to draft, delete a draft).

const ROOT = resolve(import.meta.dirname, '../../../..');
const SEED = readFileSync(join(ROOT, 'fixtures/seeds/000_862ce2f29f2f990b.txt'));
const PASSWORD = 'mat-khau-thu-nghiem';

describe.each(TEST_DIALECTS)('publishing and plan housekeeping on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let communeId: number;
  let unitId: number;
  let officer: LoggedIn;
  let reporter: LoggedIn;
  let outsider: LoggedIn;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const db = database.db;
    const province = await createOrgUnit(db, {
      parentId: null,
      kind: 'province',
      name: 'Thành phố Thử',
    });
    communeId = await createOrgUnit(db, {
      parentId: province,
      kind: 'commune',
      name: 'Xã Kiến Hưng',
    });
    const other = await createOrgUnit(db, { parentId: province, kind: 'commune', name: 'Xã Khác' });
    unitId = await createOrgUnit(db, {
      parentId: communeId,
      kind: 'unit',
      name: 'Phòng Văn hóa - Xã hội',
    });
    await createUser(db, {
      username: 'daumoi',
      displayName: 'Đầu mối',
      password: PASSWORD,
      unitId: null,
      roles: [{ role: 'focal_officer', scopeUnitId: communeId }],
    });
    await createUser(db, {
      username: 'baocao',
      displayName: 'Báo cáo',
      password: PASSWORD,
      unitId,
      roles: [{ role: 'unit_reporter', scopeUnitId: unitId }],
    });
    await createUser(db, {
      username: 'xakhac',
      displayName: 'Xã khác',
      password: PASSWORD,
      unitId: null,
      roles: [{ role: 'focal_officer', scopeUnitId: other }],
    });
    app = await buildTestApp(database);
    officer = await loginAs(app, 'daumoi', PASSWORD);
    reporter = await loginAs(app, 'baocao', PASSWORD);
    outsider = await loginAs(app, 'xakhac', PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  const send = (who: LoggedIn, method: Method, url: string, payload?: unknown, raw?: Buffer) =>
    asUser(app)(who, method, url, raw ?? payload);
  const upload = async () =>
    (
      await send(
        officer,
        'POST',
        `/api/plans/import?communeId=${communeId}&filename=000_862ce2f29f2f990b.txt`,
        undefined,
        SEED,
      )
    ).json().planId as number;
  const review = async (planId: number) =>
    (await send(officer, 'GET', `/api/plans/${planId}/draft`)).json();
  /** Imports the seed and saves it with `edit` applied; returns the plan and its version. */
  const imported = async (edit: (draft: PlanDraft) => void = () => {}) => {
    const planId = await upload();
    const r = await review(planId);
    const draft = structuredClone(r.draft);
    draft.plan.title = 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW';
    edit(draft);
    const saved = await send(officer, 'PUT', `/api/plans/${planId}/draft`, {
      version: r.version,
      draft,
    });
    expect(saved.statusCode).toBe(200);
    return { planId, version: saved.json().version as number };
  };
  const publish = (planId: number, version: number, extra: object = {}) =>
    send(officer, 'POST', `/api/plans/${planId}/publish`, { version, ...extra });
  const published = async (edit?: (draft: PlanDraft) => void) => {
    const { planId, version } = await imported(edit);
    const r = await publish(planId, version, { acceptDoubts: true });
    expect(r.statusCode).toBe(200);
    return planId;
  };
  const detail = async (planId: number) =>
    (await send(officer, 'GET', `/api/plans/${planId}`)).json();

  it('refuses an empty title, and a file name as the title when publishing', async () => {
    const planId = await upload();
    const r = await review(planId);
    const draft = structuredClone(r.draft);
    draft.plan.title = '   ';
    const empty = await send(officer, 'PUT', `/api/plans/${planId}/draft`, {
      version: r.version,
      draft,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toContain('Tên kế hoạch không được để trống.');
    draft.plan.title = '000_862ce2f29f2f990b.txt';
    const saved = await send(officer, 'PUT', `/api/plans/${planId}/draft`, {
      version: r.version,
      draft,
    });
    const refused = await publish(planId, saved.json().version, { acceptDoubts: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatch(/tên tệp tải lên/);
    expect((await detail(planId)).status).toBe('draft');
  });

  it('publishes with cells still flagged only when the officer accepts them, naming how many', async () => {
    const { planId, version } = await imported((d) => {
      d.tasks[0]!.deadline = 'bao giờ xong thì thôi';
      d.tasks[1]!.deadline = 'không rõ';
    });
    const refused = await publish(planId, version);
    expect(refused.statusCode).toBe(400);
    const count = Number(/Còn (\d+) ô cần kiểm tra/.exec(refused.json().error)?.[1]);
    expect(count).toBeGreaterThanOrEqual(2);
    expect((await detail(planId)).status).toBe('draft');
    expect((await publish(planId, version, { acceptDoubts: true })).statusCode).toBe(200);
    const audit = await database.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity', '=', 'plan')
      .where('entity_id', '=', planId)
      .where('action', '=', 'publish')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!).acceptedDoubts).toBe(count);
  });

  it('warns when the document is for another place, and publishes only on confirmation', async () => {
    const { planId, version } = await imported((d) => {
      d.plan.locality = 'phường Kiến An';
      d.plan.issuer = 'Ủy ban nhân dân phường Kiến An';
    });
    const r = await review(planId);
    expect(r.localityMismatch).toBe('phường Kiến An');
    expect(r.ownerName).toBe('Xã Kiến Hưng');
    const refused = await publish(planId, version, { acceptDoubts: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatch(
      /Văn bản ghi địa bàn "phường Kiến An", không phải Xã Kiến Hưng/,
    );
    const ok = await publish(planId, version, { acceptDoubts: true, acceptLocality: true });
    expect(ok.statusCode).toBe(200);

    const same = await imported((d) => (d.plan.locality = 'xã Kiến Hưng'));
    expect((await review(same.planId)).localityMismatch).toBeNull();
  });

  it('points at a published plan with the same number and date, or the same title', async () => {
    const first = await published((d) => {
      d.plan.title = 'Kế hoạch số 99';
      d.plan.number = '99/KH-UBND';
      d.plan.date = '2026-02-12';
    });
    const again = await imported((d) => {
      d.plan.title = 'Kế hoạch khác';
      d.plan.number = '99/KH-UBND ';
      d.plan.date = '2026-02-12';
    });
    const r = await review(again.planId);
    expect(r.duplicates).toEqual([expect.objectContaining({ id: first, number: '99/KH-UBND' })]);
    const otherDate = await imported((d) => {
      d.plan.title = 'Kế hoạch khác nữa';
      d.plan.number = '99/KH-UBND';
      d.plan.date = '2026-03-01';
    });
    expect((await review(otherDate.planId)).duplicates).toEqual([]);
    const sameTitle = await imported((d) => {
      d.plan.title = 'KẾ HOẠCH SỐ 99';
      d.plan.number = null;
    });
    expect((await review(sameTitle.planId)).duplicates).toEqual([
      expect.objectContaining({ id: first }),
    ]);
  });

  it('leaves broken lines and near duplicates among the unit proposals unticked, with why', async () => {
    const { planId } = await imported((d) => {
      d.tasks[0]!.lead = 'Hóa-Xã hội';
      d.tasks[1]!.lead = 'Phòng Xã hội';
      d.tasks[2]!.lead = 'Trạm Y tế xã';
    });
    const r = await review(planId);
    expect(r.unitProposals).toEqual(
      expect.arrayContaining(['Hóa-Xã hội', 'Phòng Xã hội', 'Trạm Y tế xã']),
    );
    expect(r.unitDoubts['Hóa-Xã hội']).toMatch(/dòng bị ngắt/);
    expect(r.unitDoubts['Phòng Xã hội']).toMatch(
      /Gần trùng với đơn vị đã có "Phòng Văn hóa - Xã hội"/,
    );
    expect(r.unitDoubts['Trạm Y tế xã']).toBeUndefined();
  });

  it('renames a published plan with its version (409 when stale), only by its manager', async () => {
    const planId = await published();
    const { version } = await detail(planId);
    const path = `/api/plans/${planId}`;
    const body = { version, title: 'Kế hoạch số 5 (đổi tên)', number: '5/KH-UBND' };
    expect((await send(outsider, 'PATCH', path, body)).statusCode).toBe(403);
    expect((await send(reporter, 'PATCH', path, body)).statusCode).toBe(403);
    const empty = await send(officer, 'PATCH', path, { ...body, title: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toContain('Tên kế hoạch không được để trống.');
    expect((await send(officer, 'PATCH', path, body)).statusCode).toBe(200);
    expect((await send(officer, 'PATCH', path, body)).statusCode).toBe(409);
    const after = await detail(planId);
    expect(after).toMatchObject({ title: 'Kế hoạch số 5 (đổi tên)', number: '5/KH-UBND' });
  });

  it('archives a plan: out of the active list, listed as archived, readable, no new periods or reports', async () => {
    const planId = await published();
    const { version } = await detail(planId);
    const listed = async (who: LoggedIn, query = '') =>
      ((await send(who, 'GET', `/api/plans${query}`)).json() as Array<{ id: number }>).map(
        (p) => p.id,
      );
    const period = await database.db
      .insertInto('reporting_periods')
      .values({
        plan_id: planId,
        kind: 'adhoc',
        label: 'Kỳ thử',
        window_start: '2026-01-01',
        window_end: '2026-03-31',
        due_date: '2026-04-05',
        lock_after_days: null,
        status: 'open',
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Another unit has sent its report for the period.
    const economy = await createOrgUnit(database.db, {
      parentId: communeId,
      kind: 'unit',
      name: 'Phòng Kinh tế',
    });
    const sent = await database.db
      .insertInto('reports')
      .values({
        period_id: period.id,
        unit_id: economy,
        status: 'submitted',
        submitted_at: nowIso(),
        submitted_by: null,
        reviewed_at: null,
        reviewed_by: null,
        review_comment: null,
        first_submitted_at: nowIso(),
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(
      (await send(reporter, 'POST', `/api/plans/${planId}/archive`, { version })).statusCode,
    ).toBe(403);
    expect(
      (await send(officer, 'POST', `/api/plans/${planId}/archive`, { version: version + 5 }))
        .statusCode,
    ).toBe(409);
    const publicPlans = async () =>
      (
        (await app.inject({ method: 'GET', url: '/api/public/communes' })).json() as Array<{
          planId: number;
        }>
      ).map((c) => c.planId);
    expect(await publicPlans()).toContain(planId);
    const archived = await send(officer, 'POST', `/api/plans/${planId}/archive`, { version });
    expect(await publicPlans()).not.toContain(planId);
    expect(archived.statusCode).toBe(200);
    expect(await listed(reporter)).not.toContain(planId);
    expect(await listed(reporter, '?archived=1')).toContain(planId);
    const seen = (await send(reporter, 'GET', `/api/plans/${planId}`)).json();
    expect(seen.status).toBe('archived');
    const generate = await send(officer, 'POST', `/api/plans/${planId}/periods/generate`, {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(generate.statusCode).toBe(400);
    const parent = await send(officer, 'PUT', `/api/plans/${planId}/parent`, {
      parentPlanId: null,
    });
    expect(parent.statusCode).toBe(400);
    expect(parent.json().error).toMatch(/lưu trữ/);
    const periodChange = await send(officer, 'PATCH', `/api/periods/${period.id}`, {
      version: 1,
      status: 'closed',
    });
    expect(periodChange.statusCode).toBe(400);
    expect(periodChange.json().error).toMatch(/lưu trữ/);
    expect(
      (await send(officer, 'POST', `/api/reports/${sent.id}/approve`, { version: 1 })).statusCode,
    ).toBe(400);
    const catalogue = await send(officer, 'PUT', `/api/plans/${planId}/catalogue`, { links: [] });
    expect(catalogue.statusCode).toBe(400);
    const report = await send(reporter, 'POST', `/api/periods/${period.id}/units/${unitId}/report`);
    expect(report.statusCode).toBe(400);
    expect(report.json().error).toMatch(/lưu trữ/);
    // Restored, it is active again and takes reports.
    const restored = await send(officer, 'POST', `/api/plans/${planId}/restore`, {
      version: archived.json().version,
    });
    expect(restored.statusCode).toBe(200);
    expect(await listed(reporter)).toContain(planId);
    expect(
      (await send(reporter, 'POST', `/api/periods/${period.id}/units/${unitId}/report`)).statusCode,
    ).toBe(200);
    const audit = (await send(officer, 'GET', `/api/plans/${planId}/audit`)).json() as Array<{
      action: string;
    }>;
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['archive', 'restore']));
  });

  it('takes a published plan back to draft while no report was sent, and not after', async () => {
    const planId = await published((d) => (d.tasks[0]!.content = 'Nhiệm vụ đã rà soát'));
    const before = await detail(planId);
    expect(before.sentReports).toBe(0);
    const back = await send(officer, 'POST', `/api/plans/${planId}/unpublish`, {
      version: before.version,
    });
    expect(back.statusCode).toBe(200);
    const r = await review(planId);
    expect(r.draft.tasks).toHaveLength(before.tasks.length);
    expect(r.draft.indicators).toHaveLength(before.indicators.length);
    expect(r.draft.tasks[0].content).toBe('Nhiệm vụ đã rà soát');
    expect(r.sourceLines.length).toBeGreaterThan(100);
    expect(
      await database.db.selectFrom('tasks').select('id').where('plan_id', '=', planId).execute(),
    ).toHaveLength(0);
    expect((await publish(planId, r.version, { acceptDoubts: true })).statusCode).toBe(200);

    // A unit sends a report: the plan stays published.
    const now = nowIso();
    const period = await database.db
      .insertInto('reporting_periods')
      .values({
        plan_id: planId,
        kind: 'adhoc',
        label: 'Kỳ đã gửi',
        window_start: '2026-01-01',
        window_end: '2026-03-31',
        due_date: '2026-04-05',
        lock_after_days: null,
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('reports')
      .values({
        period_id: period.id,
        unit_id: unitId,
        status: 'submitted',
        submitted_at: now,
        submitted_by: null,
        reviewed_at: null,
        reviewed_by: null,
        review_comment: null,
        first_submitted_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const current = await detail(planId);
    expect(current.sentReports).toBe(1);
    const refused = await send(officer, 'POST', `/api/plans/${planId}/unpublish`, {
      version: current.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatch(/Đã có 1 báo cáo được gửi/);
    expect((await detail(planId)).status).toBe('published');
  });

  it('deletes a draft on its version, audited; never a published plan', async () => {
    const { planId, version } = await imported();
    const path = (v: number) => `/api/plans/${planId}?version=${v}`;
    expect((await send(outsider, 'DELETE', path(version))).statusCode).toBe(403);
    expect((await send(officer, 'DELETE', path(version + 1))).statusCode).toBe(409);
    expect((await send(officer, 'DELETE', path(version))).statusCode).toBe(200);
    expect((await send(officer, 'GET', `/api/plans/${planId}`)).statusCode).toBe(404);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'before_json'])
      .where('entity', '=', 'plan')
      .where('entity_id', '=', planId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['import', 'edit_draft', 'delete']);
    expect(JSON.parse(audit[2]!.before_json!).title).toBe('Kế hoạch thực hiện Nghị quyết 57-NQ/TW');

    const live = await published();
    const refused = await send(
      officer,
      'DELETE',
      `/api/plans/${live}?version=${(await detail(live)).version}`,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatch(/Chỉ xoá được bản nháp/);
  });
});
