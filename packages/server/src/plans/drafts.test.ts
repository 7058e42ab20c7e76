import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.ts';
import { asUser, buildTestApp, loginAs, type LoggedIn } from '../testing/app.ts';
import { createOrgUnit } from '../org/queries.ts';
import { createUser } from '../org/users.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const SEED = readFileSync(join(ROOT, 'fixtures/seeds/000_862ce2f29f2f990b.txt'));
const PASSWORD = 'mat-khau-thu-nghiem';

describe.each(TEST_DIALECTS)('import → review → publish on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let communeId: number;
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
    const economy = await createOrgUnit(db, {
      parentId: communeId,
      kind: 'unit',
      name: 'Phòng Kinh tế',
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
      unitId: economy,
      roles: [{ role: 'unit_reporter', scopeUnitId: economy }],
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

  const send = (
    who: LoggedIn,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
    raw?: Buffer,
  ) => asUser(app)(who, method, url, raw ?? payload);
  const upload = (who: LoggedIn, bytes: Buffer, filename = 'ke-hoach.txt') =>
    send(
      who,
      'POST',
      `/api/plans/import?communeId=${communeId}&filename=${encodeURIComponent(filename)}`,
      undefined,
      bytes,
    );

  it('lets only the commune’s focal officer import', async () => {
    expect((await upload(reporter, SEED)).statusCode).toBe(403);
    expect((await upload(outsider, SEED)).statusCode).toBe(403);
  });

  it('rejects unreadable uploads with a Vietnamese message and stores nothing', async () => {
    const before = await database.db
      .selectFrom('plans')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const corrupt = await upload(officer, Buffer.from('PK\u0003\u0004 hỏng'), 'ke-hoach.docx');
    expect(corrupt.statusCode).toBe(400);
    expect(corrupt.json().error).toMatch(/\.docx bị hỏng/);
    expect((await upload(officer, SEED, 'ke-hoach.exe')).json().error).toMatch(
      /^Dữ liệu gửi lên không hợp lệ: filename — /,
    );
    expect((await upload(officer, Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload(officer, Buffer.alloc(21 * 1024 * 1024, 0x41))).statusCode).toBe(413);
    const after = await database.db
      .selectFrom('plans')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lets the reviewer set what a column holds for the whole table, keeping fixes made by hand', async () => {
    // A plan whose "Mốc" column the importer cannot place from its header or its cells.
    const plan = readFileSync(join(ROOT, 'fixtures/small/unmapped-column.txt'));
    const planId = (await upload(officer, plan)).json().planId as number;
    const review = (await send(officer, 'GET', `/api/plans/${planId}/draft`)).json();
    expect(review.draft.tables[0].columns.map((c: { role: string }) => c.role)).toEqual([
      'code',
      'name',
      'lead',
      'note',
    ]);
    expect(review.draft.tasks[1]).toMatchObject({ deadline: null, note: 'Mốc: Đợt 2' });

    const edited = structuredClone(review.draft);
    edited.tasks[0].content = 'Số hóa hồ sơ (đã rà soát)';
    const saved = await send(officer, 'PUT', `/api/plans/${planId}/draft`, {
      version: review.version,
      draft: edited,
    });
    const roles = [null, null, null, 'deadline'];
    const bad = await send(officer, 'PUT', `/api/plans/${planId}/draft/columns`, {
      version: saved.json().version,
      table: 5,
      roles,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await send(outsider, 'PUT', `/api/plans/${planId}/draft/columns`, {
          version: saved.json().version,
          table: 0,
          roles,
        })
      ).statusCode,
    ).toBe(403);
    const set = await send(officer, 'PUT', `/api/plans/${planId}/draft/columns`, {
      version: saved.json().version,
      table: 0,
      roles,
    });
    expect(set.statusCode).toBe(200);
    const stale = await send(officer, 'PUT', `/api/plans/${planId}/draft/columns`, {
      version: saved.json().version,
      table: 0,
      roles,
    });
    expect(stale.statusCode).toBe(409);
    const after = (await send(officer, 'GET', `/api/plans/${planId}/draft`)).json();
    expect(after.draft.tables[0].columns[3].role).toBe('deadline');
    expect(after.draft.tasks.map((t: { deadline: string }) => t.deadline)).toEqual([
      'Đợt 1',
      'Đợt 2',
    ]);
    expect(after.draft.tasks[0].content).toBe('Số hóa hồ sơ (đã rà soát)');
    expect(after.draft.tasks[1].note).toBeUndefined();
  });

  it('walks the whole review: edit, conflicting edit, re-import keeping the fix, publish with new units', async () => {
    const created = await upload(officer, SEED);
    expect(created.statusCode).toBe(201);
    const planId = created.json().planId as number;

    // A draft is not visible to unit reporters.
    expect((await send(reporter, 'GET', `/api/plans/${planId}`)).statusCode).toBe(403);
    expect(((await send(reporter, 'GET', '/api/plans')).json() as unknown[]).length).toBe(0);

    const review = (await send(officer, 'GET', `/api/plans/${planId}/draft`)).json();
    expect(review.draft.indicators).toHaveLength(61);
    expect(review.draft.tasks).toHaveLength(29);
    expect(review.sourceLines.length).toBeGreaterThan(100);
    expect(review.unitProposals).toEqual(
      expect.arrayContaining(['Phòng Văn hoá-Xã hội', 'Công an xã']),
    );
    expect(review.unitProposals).not.toContain('Phòng Kinh tế');

    // Fix a cell in review.
    const edited = structuredClone(review.draft);
    edited.tasks[0].content = 'Cụ thể hóa nhiệm vụ CĐS (đã rà soát)';
    const saved = await send(officer, 'PUT', `/api/plans/${planId}/draft`, {
      version: review.version,
      draft: edited,
    });
    expect(saved.statusCode).toBe(200);
    const stale = await send(officer, 'PUT', `/api/plans/${planId}/draft`, {
      version: review.version,
      draft: review.draft,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatch(/đã được người khác thay đổi/);

    // Re-import a corrected document: its change arrives, the review fix stays.
    const corrected = Buffer.from(SEED.toString('utf8').replace('Tháng 11/2026', 'Tháng 12/2026'));
    const reimported = await send(
      officer,
      'POST',
      `/api/plans/${planId}/reimport?filename=ke-hoach.txt&version=${saved.json().version}`,
      undefined,
      corrected,
    );
    expect(reimported.statusCode).toBe(200);
    const after = (await send(officer, 'GET', `/api/plans/${planId}/draft`)).json();
    expect(after.draft.tasks[0].content).toBe('Cụ thể hóa nhiệm vụ CĐS (đã rà soát)');
    expect(after.draft.tasks.map((t: { deadline: string }) => t.deadline)).toContain(
      'Tháng 12/2026',
    );
    expect(after.draft.tasks.map((t: { deadline: string }) => t.deadline)).not.toContain(
      'Tháng 11/2026',
    );

    // Publish, creating the units the plan names.
    const published = await send(officer, 'POST', `/api/plans/${planId}/publish`, {
      version: reimported.json().version,
      createUnits: after.unitProposals,
    });
    expect(published.statusCode).toBe(200);
    const detail = (await send(reporter, 'GET', `/api/plans/${planId}`)).json();
    expect(detail.status).toBe('published');
    expect(detail.indicators).toHaveLength(61);
    const links = await database.db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.item_id')
      .select('tasks.id')
      .where('tasks.plan_id', '=', planId)
      .execute();
    expect(links.length).toBeGreaterThan(29);
    const units = await database.db
      .selectFrom('org_units')
      .select('name')
      .where('parent_id', '=', communeId)
      .execute();
    expect(units.map((u) => u.name)).toEqual(
      expect.arrayContaining(['Phòng Kinh tế', 'Công an xã']),
    );
    expect(units.filter((u) => u.name === 'Phòng Kinh tế')).toHaveLength(1);

    const audit = (await send(reporter, 'GET', `/api/plans/${planId}/audit`)).json() as Array<{
      action: string;
      userName: string;
    }>;
    expect(audit.map((a) => a.action)).toEqual(['import', 'edit_draft', 'reimport', 'publish']);
    expect(audit[0]!.userName).toBe('Đầu mối');
    expect(
      (
        await send(officer, 'POST', `/api/plans/${planId}/publish`, {
          version: 99,
          createUnits: [],
        })
      ).statusCode,
    ).toBe(400);
  });
});
