import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { asUser, buildTestApp, type LoggedIn, type Method } from '../testing/app.ts';
import {
  buildCommune,
  buildPlan,
  buildProvince,
  buildUnit,
  buildUserWithRole,
  linkPlans,
  signIn,
  type UserRow,
} from '../testing/factories.ts';

// Every role × every API route, against one commune's data: who gets in and who is turned
// away (401/403/404). A route added without a line here fails the test.

const ROOT = resolve(import.meta.dirname, '../../../..');
const SEED = readFileSync(join(ROOT, 'fixtures/seeds/000_862ce2f29f2f990b.txt'));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const ACTORS = [
  'anonymous',
  'admin',
  'province',
  'national',
  'leader',
  'focal',
  'reporter',
  'peer',
  'otherFocal',
  'otherReporter',
] as const;
type Actor = (typeof ACTORS)[number];

const LOGGED_IN: Actor[] = ACTORS.filter((a) => a !== 'anonymous');
const COMMUNE_READERS: Actor[] = [
  'admin',
  'province',
  'national',
  'leader',
  'focal',
  'reporter',
  'peer',
];
const MANAGERS: Actor[] = ['admin', 'focal'];
const REPORT_READERS: Actor[] = ['admin', 'leader', 'focal', 'reporter']; // a draft report
const OWNER: Actor[] = ['reporter'];

interface Ids {
  commune: number;
  plan: number;
  draft: number;
  period: number;
  unit: number;
  report: number;
  task: number;
  indicator: number;
  attachment: number;
  user: number;
  province: number;
  cityPlan: number;
  concern: number;
  cityIndicator: number;
}

type Case = {
  allowed: Actor[];
  url: (ids: Ids) => string;
  body?: (ids: Ids, actor: Actor) => unknown;
};

const GOLD = JSON.parse(
  readFileSync(join(ROOT, 'fixtures/gold/000_862ce2f29f2f990b.gold.json'), 'utf8'),
);

const NARRATIVE = {
  number: '1/BC-UBND',
  place: 'Kiến Hưng',
  date: '2026-06-18',
  title: 'Kết quả',
  assessment: '',
  direction: '',
  recipients: ['- Lưu: VT.'],
  signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
  signerPosition: 'CHỦ TỊCH',
  signerName: 'Nguyễn Văn A',
};

const MATRIX: Record<string, Case> = {
  'GET /api/health': { allowed: [...ACTORS], url: () => '/api/health' },
  'GET /api/auth/me': { allowed: LOGGED_IN, url: () => '/api/auth/me' },
  'GET /api/auth/sign-in': { allowed: [...ACTORS], url: () => '/api/auth/sign-in' },
  'POST /api/auth/password': {
    allowed: LOGGED_IN,
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'sai-mat-khau', newPassword: 'MatKhauMoi@2026' }),
  },
  'GET /api/plans': { allowed: LOGGED_IN, url: () => '/api/plans' },
  'GET /api/plans/:id': { allowed: COMMUNE_READERS, url: (i) => `/api/plans/${i.plan}` },
  'GET /api/communes/managed': { allowed: LOGGED_IN, url: () => '/api/communes/managed' },
  'POST /api/plans/import': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/import?communeId=${i.commune}&filename=kh.txt`,
    body: () => SEED,
  },
  'GET /api/plans/:id/draft': { allowed: MANAGERS, url: (i) => `/api/plans/${i.draft}/draft` },
  'PUT /api/plans/:id/draft': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.draft}/draft`,
    body: () => ({ version: 999, draft: GOLD }),
  },
  'PUT /api/plans/:id/draft/columns': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.draft}/draft/columns`,
    body: () => ({ version: 999, table: 0, roles: ['code'] }),
  },
  'POST /api/plans/:id/reimport': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.draft}/reimport?filename=kh.txt&version=999`,
    body: () => SEED,
  },
  'POST /api/plans/:id/publish': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.draft}/publish`,
    body: () => ({ version: 999 }),
  },
  'PATCH /api/plans/:id': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.plan}`,
    body: () => ({ version: 999, title: 'Tên mới' }),
  },
  'POST /api/plans/:id/archive': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.plan}/archive`,
    body: () => ({ version: 999 }),
  },
  'POST /api/plans/:id/restore': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.plan}/restore`,
    body: () => ({ version: 999 }),
  },
  'POST /api/plans/:id/unpublish': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.plan}/unpublish`,
    body: () => ({ version: 999 }),
  },
  'DELETE /api/plans/:id': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.draft}?version=999`,
  },
  'GET /api/plans/:id/audit': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/plans/${i.plan}/audit`,
  },
  'GET /api/plans/:id/periods': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/plans/${i.plan}/periods`,
  },
  'POST /api/plans/:id/periods/generate': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.plan}/periods/generate`,
    body: () => ({ from: '2027-01-01', to: '2027-12-31' }),
  },
  'POST /api/plans/:id/periods': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.plan}/periods`,
    body: (_i, actor) => ({
      label: `Đột xuất ${actor}`,
      windowStart: '2026-03-01',
      windowEnd: actor === 'admin' ? '2026-03-30' : '2026-03-31',
      dueDate: '2026-04-05',
    }),
  },
  'PATCH /api/periods/:id': {
    allowed: MANAGERS,
    url: (i) => `/api/periods/${i.period}`,
    body: () => ({ version: 999, dueDate: '2026-12-31' }),
  },
  'GET /api/periods/:id/reports': {
    allowed: ['admin', 'focal', 'leader'],
    url: (i) => `/api/periods/${i.period}/reports`,
  },
  'GET /api/my/reports': { allowed: LOGGED_IN, url: () => '/api/my/reports' },
  'POST /api/periods/:id/units/:unitId/report': {
    allowed: OWNER,
    url: (i) => `/api/periods/${i.period}/units/${i.unit}/report`,
  },
  'GET /api/reports/:id': { allowed: REPORT_READERS, url: (i) => `/api/reports/${i.report}` },
  'PUT /api/reports/:id/tasks/:itemId': {
    allowed: OWNER,
    url: (i) => `/api/reports/${i.report}/tasks/${i.task}`,
    body: () => ({ version: 999, status: 'in_progress' }),
  },
  'PUT /api/reports/:id/indicators/:itemId': {
    allowed: OWNER,
    url: (i) => `/api/reports/${i.report}/indicators/${i.indicator}`,
    body: () => ({ version: 999, valueNumber: 1 }),
  },
  'POST /api/reports/:id/submit': {
    allowed: OWNER,
    url: (i) => `/api/reports/${i.report}/submit`,
    body: () => ({ version: 999 }),
  },
  'POST /api/reports/:id/return': {
    allowed: MANAGERS,
    url: (i) => `/api/reports/${i.report}/return`,
    body: () => ({ version: 999, comment: 'Bổ sung' }),
  },
  'POST /api/reports/:id/approve': {
    allowed: MANAGERS,
    url: (i) => `/api/reports/${i.report}/approve`,
    body: () => ({ version: 999 }),
  },
  'POST /api/reports/:id/reopen': {
    allowed: MANAGERS,
    url: (i) => `/api/reports/${i.report}/reopen`,
    body: () => ({ version: 999, reason: 'Bổ sung' }),
  },
  'POST /api/reports/:id/tasks/:itemId/attachments': {
    allowed: OWNER,
    url: (i) => `/api/reports/${i.report}/tasks/${i.task}/attachments?filename=mc.pdf`,
    body: () => PDF,
  },
  'GET /api/attachments/:id': {
    allowed: REPORT_READERS,
    url: (i) => `/api/attachments/${i.attachment}`,
  },
  'DELETE /api/attachments/:id': { allowed: OWNER, url: (i) => `/api/attachments/${i.attachment}` },
  'GET /api/reports/:id/audit': {
    allowed: REPORT_READERS,
    url: (i) => `/api/reports/${i.report}/audit`,
  },
  'GET /api/notifications': { allowed: LOGGED_IN, url: () => '/api/notifications' },
  'POST /api/notifications/read': {
    allowed: LOGGED_IN,
    url: () => '/api/notifications/read',
    body: () => ({}),
  },
  'GET /api/admin/communes/:id': {
    allowed: MANAGERS,
    url: (i) => `/api/admin/communes/${i.commune}`,
  },
  'POST /api/admin/communes/:id/units': {
    allowed: MANAGERS,
    url: (i) => `/api/admin/communes/${i.commune}/units`,
    body: (_i, actor) => ({ name: `Tổ công tác ${actor}` }),
  },
  'PATCH /api/admin/units/:id': {
    allowed: MANAGERS,
    url: (i) => `/api/admin/units/${i.unit}`,
    body: () => ({ version: 999, name: 'Phòng Kinh tế' }),
  },
  'POST /api/admin/communes/:id/users': {
    allowed: MANAGERS,
    url: (i) => `/api/admin/communes/${i.commune}/users`,
    body: (i, actor) => ({
      username: `moi.${actor.toLowerCase()}`,
      displayName: 'Người mới',
      unitId: i.unit,
      roles: [{ role: 'unit_reporter', scopeUnitId: i.unit }],
    }),
  },
  'PATCH /api/admin/users/:id': {
    allowed: MANAGERS,
    url: (i) => `/api/admin/users/${i.user}`,
    body: () => ({ version: 999, displayName: 'Tên mới' }),
  },
  'POST /api/admin/users/:id/reset-password': {
    allowed: MANAGERS,
    url: (i) => `/api/admin/users/${i.user}/reset-password`,
  },
  'GET /api/periods/:id/narrative': {
    allowed: [...MANAGERS, 'leader'],
    url: (i) => `/api/periods/${i.period}/narrative`,
  },
  'PUT /api/periods/:id/narrative': {
    allowed: MANAGERS,
    url: (i) => `/api/periods/${i.period}/narrative`,
    body: () => ({ version: 999, narrative: NARRATIVE }),
  },
  'GET /api/periods/:id/report.docx': {
    allowed: [...MANAGERS, 'leader'],
    url: (i) => `/api/periods/${i.period}/report.docx`,
  },
  'GET /api/periods/:id/appendices.xlsx': {
    allowed: [...MANAGERS, 'leader'],
    url: (i) => `/api/periods/${i.period}/appendices.xlsx`,
  },
  'GET /api/plans/:id/export.json': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/plans/${i.plan}/export.json`,
  },
  'GET /api/plans/:id/export.csv': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/plans/${i.plan}/export.csv`,
  },
  'GET /api/reports/:id/template.xlsx': {
    allowed: OWNER,
    url: (i) => `/api/reports/${i.report}/template.xlsx`,
  },
  'POST /api/reports/:id/template': {
    allowed: OWNER,
    url: (i) => `/api/reports/${i.report}/template`,
    body: () => Buffer.from('không phải excel'),
  },
  'GET /api/plans/:id/dashboard': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/plans/${i.plan}/dashboard`,
  },
  'GET /api/provinces': { allowed: LOGGED_IN, url: () => '/api/provinces' },
  'GET /api/provinces/:id/rollup': {
    allowed: ['admin', 'province', 'national'],
    url: (i) => `/api/provinces/${i.province}/rollup`,
  },
  'GET /api/national/rollup': {
    allowed: ['admin', 'national'],
    url: () => '/api/national/rollup',
  },
  'GET /api/national/catalogue/:id': {
    allowed: ['admin', 'national'],
    url: () => '/api/national/catalogue/1',
  },
  'GET /api/public/communes': { allowed: [...ACTORS], url: () => '/api/public/communes' },
  'GET /api/public/communes/:id': {
    allowed: [...ACTORS],
    url: (i) => `/api/public/communes/${i.commune}`,
  },
  'GET /api/catalogue': { allowed: LOGGED_IN, url: () => '/api/catalogue' },
  'GET /api/plans/:id/catalogue': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/plans/${i.plan}/catalogue`,
  },
  'PUT /api/plans/:id/catalogue': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.plan}/catalogue`,
    body: () => ({ links: [] }),
  },
  'GET /api/provinces/:id/catalogue/:catalogueId': {
    allowed: ['admin', 'province', 'national'],
    url: (i) => `/api/provinces/${i.province}/catalogue/1`,
  },
  'GET /api/plans/:id/cascade': {
    allowed: LOGGED_IN, // every commune of the city implements its plan; each sees its own row
    url: (i) => `/api/plans/${i.cityPlan}/cascade`,
  },
  'GET /api/plans/:id/cascade-links': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/plans/${i.plan}/cascade-links`,
  },
  'PUT /api/plans/:id/cascade-links': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.plan}/cascade-links`,
    body: (i) => ({ changes: [{ kind: 'task', childId: i.task, parentId: 1, linked: false }] }),
  },
  'PUT /api/plans/:id/parent': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.plan}/parent`,
    body: (i) => ({ parentPlanId: i.cityPlan }),
  },
  'GET /api/tasks/:id/history': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/tasks/${i.task}/history`,
  },
  'POST /api/periods/:id/units/:unitId/unlock': {
    allowed: MANAGERS, // the period is open: a 400 for them, nothing unlocked
    url: (i) => `/api/periods/${i.period}/units/${i.unit}/unlock`,
    body: () => ({ reason: 'Bổ sung số liệu' }),
  },
  'GET /api/plans/:id/compliance': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/plans/${i.plan}/compliance`,
  },
  'GET /api/provinces/:id/compliance': {
    allowed: ['admin', 'province', 'national'],
    url: (i) => `/api/provinces/${i.province}/compliance`,
  },
  'GET /api/plans/:id/concerns': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/plans/${i.plan}/concerns`,
  },
  'GET /api/provinces/:id/concerns': {
    allowed: ['admin', 'province', 'national'],
    url: (i) => `/api/provinces/${i.province}/concerns`,
  },
  'GET /api/my/concerns': { allowed: LOGGED_IN, url: () => '/api/my/concerns' },
  'PATCH /api/concerns/:id': {
    allowed: MANAGERS,
    url: (i) => `/api/concerns/${i.concern}`,
    body: () => ({ version: 999, answer: 'Đã bố trí kinh phí' }),
  },
  'GET /api/indicators/:id/target-shares': {
    allowed: LOGGED_IN, // the city's published plan: every commune of the city reads it
    url: (i) => `/api/indicators/${i.cityIndicator}/target-shares`,
  },
  'PUT /api/indicators/:id/target-shares': {
    allowed: ['admin'], // the city plan's manager; no commune officer
    url: (i) => `/api/indicators/${i.cityIndicator}/target-shares`,
    body: (i) => ({
      year: 2026,
      revision: 'none', // nothing saved for 2026 yet
      method: 'manual',
      shares: [{ communeId: i.commune, value: 5 }],
    }),
  },
  'POST /api/admin/reorganisations': {
    allowed: ['admin'], // a successor name clash is fine: each actor's try is its own unit
    url: () => '/api/admin/reorganisations',
    body: (i, actor) => ({
      kind: 'merge',
      predecessors: [i.unit],
      successors: [{ name: `Phòng Kinh tế (${actor})` }],
      effectiveOn: '2026-07-01',
    }),
  },
  'PUT /api/admin/org-units/:id/code': {
    allowed: ['admin'],
    url: (i) => `/api/admin/org-units/${i.commune}/code`,
    body: () => ({ code: '99902' }),
  },
  'GET /api/plans/:id/amendments': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/plans/${i.plan}/amendments`,
  },
  'POST /api/plans/:id/amendments': {
    allowed: ['admin', 'leader', 'focal'],
    url: (i) => `/api/plans/${i.plan}/amendments`,
    body: (i) => ({
      version: 999,
      basis: { number: '1/KH-UBND' },
      effectiveOn: '2030-01-01',
      changes: [{ change: 'retire', kind: 'task', itemId: i.task, reason: 'Thử' }],
    }),
  },
  'POST /api/plans/:id/amendments/compare': {
    allowed: ['admin', 'leader', 'focal'],
    url: (i) => `/api/plans/${i.plan}/amendments/compare?filename=dc.pdf`,
    body: () => PDF,
  },
  'GET /api/plans/:id/items/:kind/:itemId/history': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/plans/${i.plan}/items/task/${i.task}/history`,
  },
  'GET /api/plans/:id/review': {
    allowed: ['admin', 'province', 'national', 'leader', 'focal'],
    url: (i) => `/api/plans/${i.plan}/review?span=term`,
  },
  'GET /api/plans/:id/review.docx': {
    allowed: ['admin', 'province', 'national', 'leader', 'focal'],
    url: (i) => `/api/plans/${i.plan}/review.docx?span=term`,
  },
  'GET /api/plans/:id/review.xlsx': {
    allowed: ['admin', 'province', 'national', 'leader', 'focal'],
    url: (i) => `/api/plans/${i.plan}/review.xlsx?span=term`,
  },
  'POST /api/plans/:id/local-items': {
    allowed: MANAGERS,
    url: (i) => `/api/plans/${i.plan}/local-items`,
    body: (i) => ({ kind: 'task', content: 'Nhiệm vụ riêng của xã', leadUnitIds: [i.unit] }),
  },
  'GET /api/org/units/:id/history': {
    allowed: COMMUNE_READERS,
    url: (i) => `/api/org/units/${i.unit}/history`,
  },
  'GET /api/periods/:id/upward.json': {
    allowed: ['admin', 'province', 'national', 'leader', 'focal'],
    url: (i) => `/api/periods/${i.period}/upward.json`,
  },
  'GET /api/periods/:id/upward.csv': {
    allowed: ['admin', 'province', 'national', 'leader', 'focal'],
    url: (i) => `/api/periods/${i.period}/upward.csv`,
  },
  // Last: it ends the actor's session.
  'POST /api/auth/logout': { allowed: LOGGED_IN, url: () => '/api/auth/logout', body: () => ({}) },
};
/** Checked on their own in auth.test.ts (wrong credentials answer 401 by design). */
const NOT_IN_MATRIX = ['POST /api/auth/login'];

describe.each(TEST_DIALECTS)('authorisation matrix on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const sessions = new Map<Actor, LoggedIn | null>();
  const ids = {} as Ids;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const db = database.db;
    // A province with its own plan, two communes, each with its plan (carrying out the
    // province's) and people; the first's units: economy (kt), culture (vhxh), office (vp).
    const province = await buildProvince(db);
    const commune = await buildCommune(db, { provinceId: province.id });
    const [kt, vhxh, vp] = [
      await buildUnit(db, { communeId: commune.id }),
      await buildUnit(db, { communeId: commune.id }),
      await buildUnit(db, { communeId: commune.id }),
    ];
    const other = await buildCommune(db, { provinceId: province.id });
    const otherUnit = await buildUnit(db, { communeId: other.id });
    const plan = await buildPlan(db, { communeId: commune.id, tasks: 3, indicators: 2 });
    const otherPlan = await buildPlan(db, { communeId: other.id });
    const cityPlan = await buildPlan(db, { communeId: province.id, leads: [], indicators: 1 });
    const people: Record<Exclude<Actor, 'anonymous'>, UserRow> = {
      admin: await buildUserWithRole(db, 'admin', province),
      province: await buildUserWithRole(db, 'province_viewer', province),
      // The central level's role is global, filed under a province (as the demo does).
      national: await buildUserWithRole(db, 'national_viewer', province),
      leader: await buildUserWithRole(db, 'commune_leader', commune),
      focal: await buildUserWithRole(db, 'focal_officer', commune, { unitId: vhxh.id }),
      reporter: await buildUserWithRole(db, 'unit_reporter', kt),
      peer: await buildUserWithRole(db, 'unit_reporter', vhxh),
      otherFocal: await buildUserWithRole(db, 'focal_officer', other),
      otherReporter: await buildUserWithRole(db, 'unit_reporter', otherUnit),
    };
    for (const childPlanId of [plan.id, otherPlan.id])
      await linkPlans(db, { childPlanId, parentPlanId: cityPlan.id, userId: people.admin.id });
    app = await buildTestApp(database);
    sessions.set('anonymous', null);
    for (const [actor, user] of Object.entries(people))
      sessions.set(actor as Actor, await signIn(app, user));

    // The commune's data: the published plan, a draft, an open period, the economy unit's report
    // with one task written and one evidence file.
    const send = asUser(app);
    const focal = sessions.get('focal')!;
    const reporter = sessions.get('reporter')!;
    ids.commune = commune.id;
    ids.plan = plan.id;
    ids.draft = (
      await send(focal, 'POST', `/api/plans/import?communeId=${commune.id}&filename=kh.txt`, SEED)
    ).json().planId;
    await send(focal, 'POST', `/api/plans/${ids.plan}/periods/generate`, {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const period = (await send(focal, 'GET', `/api/plans/${ids.plan}/periods`)).json()[0];
    ids.period = period.id;
    await send(focal, 'PATCH', `/api/periods/${ids.period}`, {
      version: period.version,
      status: 'open',
    });
    ids.unit = kt.id;
    ids.report = (
      await send(reporter, 'POST', `/api/periods/${ids.period}/units/${ids.unit}/report`)
    ).json().reportId;
    const report = (await send(reporter, 'GET', `/api/reports/${ids.report}`)).json();
    ids.task = report.tasks[0].taskId;
    ids.indicator = (
      await db
        .selectFrom('indicators')
        .select('id')
        .where('plan_id', '=', ids.plan)
        .executeTakeFirstOrThrow()
    ).id;
    await send(reporter, 'PUT', `/api/reports/${ids.report}/tasks/${ids.task}`, {
      version: 0,
      status: 'in_progress',
    });
    ids.attachment = (
      await send(
        reporter,
        'POST',
        `/api/reports/${ids.report}/tasks/${ids.task}/attachments?filename=a.pdf`,
        PDF,
      )
    ).json().id;
    ids.province = province.id;
    ids.cityPlan = cityPlan.id;
    ids.cityIndicator = (
      await db
        .selectFrom('indicators')
        .select('id')
        .where('plan_id', '=', ids.cityPlan)
        .executeTakeFirstOrThrow()
    ).id;
    const now = new Date().toISOString();
    ids.concern = (
      await db
        .insertInto('concerns')
        .values({
          plan_id: ids.plan,
          report_id: ids.report,
          task_id: ids.task,
          unit_id: ids.unit,
          kind: 'proposal',
          content: 'Đề nghị hỗ trợ kinh phí',
          status: 'open',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    ids.user = (await buildUserWithRole(db, 'unit_reporter', vp)).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('lists every API route', () => {
    const listed = [...Object.keys(MATRIX), ...NOT_IN_MATRIX].sort();
    expect([...new Set(app.apiRoutes)].sort()).toEqual(listed);
  });

  it('lets in exactly the roles each route allows', async () => {
    const send = asUser(app);
    const wrong: string[] = [];
    for (const [route, spec] of Object.entries(MATRIX)) {
      const method = route.split(' ')[0] as Method;
      // The turned-away first, so that an allowed change cannot mask a leak.
      const order = [...ACTORS].sort(
        (a, b) => Number(spec.allowed.includes(a)) - Number(spec.allowed.includes(b)),
      );
      for (const actor of order) {
        const response = await send(
          sessions.get(actor)!,
          method,
          spec.url(ids),
          spec.body?.(ids, actor),
        );
        const denied = [401, 403, 404].includes(response.statusCode);
        const expected = spec.allowed.includes(actor);
        if (denied === expected || response.statusCode >= 500)
          wrong.push(`${route} as ${actor}: ${response.statusCode} ${response.body.slice(0, 120)}`);
        if (denied && actor === 'anonymous') expect(response.statusCode).toBe(401);
      }
    }
    expect(wrong).toEqual([]);
  });
});
