// A national dataset for the dashboard benchmarks: PROVINCES provinces, COMMUNES communes
// (default 34 and 3,321, the country after the 1/7/2025 reorganisation), each commune with six
// units and one of the four seed plans (~110 items), PERIODS half-year periods of reports
// (most approved, some submitted, some missing), task updates and indicator values.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test BENCH_SCHEMA=bench_national \
//     node bench/national/generate.ts
//   DATABASE_URL=/tmp/national.sqlite COMMUNES=100 PROVINCES=1 node bench/national/generate.ts
//
// Rows go in with multi-row inserts, in batches, inside one transaction per commune.
import { openDatabase, type DatabaseHandle } from '../../packages/server/src/db/dialect.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';
import { loadDemoDrafts } from '../../packages/server/src/demo/seed.ts';
import { matchIndicator, matchUnitCell, searchKey, type PlanDraft } from '@tiendo/core';
import { sql } from 'kysely';

const PROVINCES = Number(process.env.PROVINCES ?? 34);
const COMMUNES = Number(process.env.COMMUNES ?? 3321);
const PERIODS = Number(process.env.PERIODS ?? 8);
const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = process.env.BENCH_SCHEMA ?? 'bench_national';
const UNITS = [
  'Văn phòng HĐND và UBND',
  'Phòng Kinh tế',
  'Phòng Văn hóa - Xã hội',
  'Trung tâm Phục vụ hành chính công',
  'Công an xã',
  'Ban Chỉ huy Quân sự xã',
];

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const now = '2026-11-01T00:00:00.000Z';

async function insertMany<T extends Record<string, unknown>>(
  db: DatabaseHandle['db'],
  table: string,
  rows: T[],
  returning = false,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const query = db.insertInto(table as 'org_units').values(batch as never);
    if (returning) ids.push(...(await query.returning('id').execute()).map((r) => r.id));
    else await query.execute();
  }
  return ids;
}

function periodsList() {
  // Half-year windows ending 14/6 and 14/12, the last PERIODS of them up to the end of 2026.
  const list: Array<{ label: string; start: string; end: string; due: string }> = [];
  for (let y = 2023; y <= 2026; y++) {
    list.push({
      label: `6 tháng đầu năm ${y}`,
      start: `${y - 1}-12-15`,
      end: `${y}-06-14`,
      due: `${y}-06-20`,
    });
    list.push({
      label: `6 tháng cuối năm ${y}`,
      start: `${y}-06-15`,
      end: `${y}-12-14`,
      due: `${y}-12-20`,
    });
  }
  return list.slice(-PERIODS);
}

async function commune(handle: DatabaseHandle, provinceId: number, n: number, draft: PlanDraft) {
  const db = handle.db;
  await db.transaction().execute(async (trx) => {
    const t = trx as unknown as DatabaseHandle['db'];
    const name = `Xã Thử Nghiệm ${n}`;
    const [communeId] = await insertMany(
      t,
      'org_units',
      [
        {
          parent_id: provinceId,
          kind: 'commune',
          code: `B${String(n).padStart(5, '0')}`,
          name,
          short_name: null,
          search_key: searchKey(name),
          valid_from: null,
          valid_to: null,
          successor_id: null,
          created_at: now,
          updated_at: now,
        },
      ],
      true,
    );
    const unitIds = await insertMany(
      t,
      'org_units',
      UNITS.map((u) => ({
        parent_id: communeId,
        kind: 'unit',
        code: null,
        name: u,
        short_name: null,
        search_key: searchKey(u),
        valid_from: null,
        valid_to: null,
        successor_id: null,
        created_at: now,
        updated_at: now,
      })),
      true,
    );
    const units = UNITS.map((u, i) => ({ id: unitIds[i]!, name: u }));
    const [planId] = await insertMany(
      t,
      'plans',
      [
        {
          commune_id: communeId,
          document_id: null,
          number: null,
          title: draft.plan.title,
          issuer: draft.plan.issuer,
          issued_on: draft.plan.date,
          status: 'published',
          focal_unit_id: null,
          focal_unit_text: draft.plan.focal_unit,
          parent_plan_id: null,
          draft_json: null,
          metadata_json: JSON.stringify({
            signer: draft.plan.signer,
            reporting: draft.plan.reporting,
            locality: name,
          }),
          created_at: now,
          updated_at: now,
          published_at: now,
        },
      ],
      true,
    );
    const sectionKeys = [
      ...new Set([
        ...draft.indicators.map((i) => `indicators|${i.table}|${i.group ?? ''}`),
        ...draft.tasks.map((x) => `tasks|${x.table}|${x.group ?? ''}`),
      ]),
    ];
    const sectionIds = await insertMany(
      t,
      'plan_sections',
      sectionKeys.map((k, i) => {
        const [kind, appendix, heading] = k.split('|');
        return { plan_id: planId, appendix, kind, heading: heading || null, ordinal: i };
      }),
      true,
    );
    const section = (kind: string, table: string, group: string | null) =>
      sectionIds[sectionKeys.indexOf(`${kind}|${table}|${group ?? ''}`)]!;
    const indicatorIds = await insertMany(
      t,
      'indicators',
      draft.indicators.map((i, k) => ({
        plan_id: planId,
        section_id: section('indicators', i.table, i.group),
        parent_id: null,
        code: i.code,
        name: i.name,
        measure_unit: i.unit,
        lead_text: i.lead,
        output: i.output,
        director: i.director,
        responsible: i.responsible,
        catalogue_id: null,
        ordinal: k,
        created_at: now,
        updated_at: now,
      })),
      true,
    );
    await insertMany(
      t,
      'indicator_targets',
      draft.indicators.flatMap((i, k) =>
        Object.entries(i.targets).map(([year, text]) => ({
          indicator_id: indicatorIds[k],
          year: year === 'all' ? null : Number(year),
          raw_text: text,
        })),
      ),
    );
    const taskIds = await insertMany(
      t,
      'tasks',
      draft.tasks.map((x, k) => ({
        plan_id: planId,
        section_id: section('tasks', x.table, x.group),
        code: x.code,
        content: x.content,
        lead_text: x.lead,
        coordinate_text: x.coordinate,
        output: x.output,
        deadline_text: x.deadline,
        director: x.director,
        responsible: x.responsible,
        ordinal: k,
        created_at: now,
        updated_at: now,
      })),
      true,
    );
    const lead = (cell: string | null) => {
      const m = matchUnitCell(cell, units);
      return m.collective ? unitIds : m.matched.map((x) => x.unitId);
    };
    const taskLinks = draft.tasks.flatMap((x, k) =>
      lead(x.lead).map((u) => ({ item_id: taskIds[k], unit_id: u, role: 'lead' })),
    );
    const indicatorLinks = draft.indicators.flatMap((i, k) =>
      lead(i.lead).map((u) => ({ item_id: indicatorIds[k], unit_id: u, role: 'lead' })),
    );
    await insertMany(t, 'task_units', taskLinks);
    await insertMany(t, 'indicator_units', indicatorLinks);
    const periods = periodsList();
    const periodIds = await insertMany(
      t,
      'reporting_periods',
      periods.map((p, i) => ({
        plan_id: planId,
        kind: 'semiannual',
        label: p.label,
        window_start: p.start,
        window_end: p.end,
        due_date: p.due,
        lock_after_days: null,
        status: i === periods.length - 1 ? 'open' : 'closed',
        created_at: now,
        updated_at: now,
      })),
      true,
    );
    const reports: Array<Record<string, unknown>> = [];
    for (const [p, periodId] of periodIds.entries())
      for (const unitId of unitIds) {
        const r = random();
        if (r < 0.08) continue; // never reported
        const status = r < 0.2 ? 'submitted' : 'approved';
        const late = random() < 0.2;
        const submitted = `${late ? periods[p]!.due.replace(/-20$/, '-28') : periods[p]!.due.replace(/-20$/, '-18')}T08:00:00.000Z`;
        reports.push({
          period_id: periodId,
          unit_id: unitId,
          status,
          submitted_at: submitted,
          first_submitted_at: submitted,
          submitted_by: null,
          reviewed_at: null,
          reviewed_by: null,
          review_comment: null,
          created_at: now,
          updated_at: now,
        });
      }
    const reportIds = await insertMany(t, 'reports', reports, true);
    const updates: Array<Record<string, unknown>> = [];
    const values: Array<Record<string, unknown>> = [];
    reports.forEach((report, k) => {
      const p = periodIds.indexOf(report.period_id as number);
      for (const link of taskLinks.filter((l) => l.unit_id === report.unit_id)) {
        const done = random() < 0.15 + p * 0.08;
        updates.push({
          report_id: reportIds[k],
          task_id: link.item_id,
          status: done ? 'done' : random() < 0.8 ? 'in_progress' : 'not_started',
          progress: done ? 100 : Math.floor(random() * 90),
          results: 'Đã triển khai theo kế hoạch',
          resources_vnd: null,
          difficulties: null,
          proposals: null,
          evidence_text: null,
          review_comment: null,
          completed_on: done ? periods[p]!.end : null,
          updated_at: now,
          updated_by: null,
        });
      }
      for (const link of indicatorLinks.filter((l) => l.unit_id === report.unit_id))
        values.push({
          report_id: reportIds[k],
          indicator_id: link.item_id,
          value_number: Math.round(random() * 1000) / 10,
          value_text: null,
          data_source: null,
          note: null,
          review_comment: null,
          updated_at: now,
          updated_by: null,
        });
    });
    await insertMany(t, 'task_updates', updates);
    await insertMany(t, 'indicator_values', values);
  });
}

/** Links each indicator to the shared catalogue as a focal officer confirming the proposals
 *  would (the national view compares catalogue indicators across provinces). Idempotent. */
async function linkCatalogue(db: DatabaseHandle['db']) {
  const catalogue = await db.selectFrom('indicator_catalogue').select(['id', 'name']).execute();
  const names = await db
    .selectFrom('indicators')
    .select('name')
    .distinct()
    .where('catalogue_id', 'is', null)
    .execute();
  let linked = 0;
  for (const { name } of names) {
    const match = matchIndicator(name, catalogue);
    if (!match) continue;
    await db
      .updateTable('indicators')
      .set({ catalogue_id: match.catalogueId })
      .where('name', '=', name)
      .where('catalogue_id', 'is', null)
      .execute();
    linked++;
  }
  console.log(`danh mục: ${linked} tên chỉ tiêu đã liên kết`);
}

const started = Date.now();
const handle = await openDatabase(URL, URL.startsWith('postgres') ? { schema: SCHEMA } : {});
await migrateToLatest(handle);
const drafts = loadDemoDrafts();
const existing = await handle.db
  .selectFrom('org_units')
  .select((e) => e.fn.countAll<number>().as('n'))
  .where('kind', '=', 'commune')
  .executeTakeFirstOrThrow();
if (Number(existing.n) > 0) {
  console.log(`Đã có ${existing.n} xã trong cơ sở dữ liệu; bỏ qua.`);
} else {
  const provinceIds = await insertMany(
    handle.db,
    'org_units',
    Array.from({ length: PROVINCES }, (_, i) => ({
      parent_id: null,
      kind: 'province',
      code: `P${i + 1}`,
      name: `Tỉnh Thử Nghiệm ${i + 1}`,
      short_name: null,
      search_key: `tinh thu nghiem ${i + 1}`,
      valid_from: null,
      valid_to: null,
      successor_id: null,
      created_at: now,
      updated_at: now,
    })),
    true,
  );
  for (let n = 0; n < COMMUNES; n++) {
    await commune(handle, provinceIds[n % PROVINCES]!, n + 1, drafts[n % drafts.length]!);
    if ((n + 1) % 100 === 0)
      console.log(`${n + 1}/${COMMUNES} xã, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}
await linkCatalogue(handle.db);
// Fresh statistics: without them PostgreSQL plans the first queries as if the tables were empty.
await sql`analyze`.execute(handle.db);
for (const table of [
  'org_units',
  'tasks',
  'reports',
  'task_updates',
  'indicator_values',
] as const) {
  const row = await handle.db
    .selectFrom(table)
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(`${table}: ${row.n}`);
}
console.log(`xong sau ${((Date.now() - started) / 1000).toFixed(1)} s`);
await handle.close();
