// Dashboard response times on the generated national dataset (bench/national/generate.ts):
// the commune dashboard and the province roll-up, p50/p95, each beside the bare SQL aggregate
// it rests on (task updates by status for the period) so the ratio shows our overhead.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test BENCH_SCHEMA=bench_national \
//     node bench/national/dashboard-speed.ts
import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/dialect.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';
import { communeDashboard } from '../../packages/server/src/dashboards/communeDashboard.ts';
import { provinceRollup } from '../../packages/server/src/dashboards/provinceRollup.ts';
import {
  compareAcrossProvinces,
  nationalRollup,
} from '../../packages/server/src/dashboards/nationalRollup.ts';
import { quantile, timeMs } from '../timing.ts';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = process.env.BENCH_SCHEMA ?? 'bench_national';
const RUNS = Number(process.env.RUNS ?? 30);

const handle = await openDatabase(URL, URL.startsWith('postgres') ? { schema: SCHEMA } : {});
const db = handle.db;
await migrateToLatest(handle); // a dataset generated before the latest migration
const province = await db
  .selectFrom('org_units')
  .select('id')
  .where('kind', '=', 'province')
  .orderBy('id')
  .executeTakeFirstOrThrow();
const communes = await db
  .selectFrom('org_units')
  .select((e) => e.fn.countAll<number>().as('n'))
  .where('parent_id', '=', province.id)
  .executeTakeFirstOrThrow();
const plan = await db
  .selectFrom('plans')
  .innerJoin('org_units as c', 'c.id', 'plans.commune_id')
  .select(['plans.id'])
  .where('c.parent_id', '=', province.id)
  .orderBy('plans.id')
  .executeTakeFirstOrThrow();
const period = await db
  .selectFrom('reporting_periods')
  .select('id')
  .where('plan_id', '=', plan.id)
  .orderBy('window_end', 'desc')
  .executeTakeFirstOrThrow();

const bare = () =>
  sql`select u.status, count(*) from task_updates u join reports r on r.id = u.report_id
      where r.period_id = ${period.id} group by u.status`.execute(db);
const provinceBare = () =>
  sql`select c.id, count(u.id) from org_units c join plans p on p.commune_id = c.id
      join reporting_periods rp on rp.plan_id = p.id join reports r on r.period_id = rp.id
      left join task_updates u on u.report_id = r.id
      where c.parent_id = ${province.id} and rp.label = '6 tháng cuối năm 2026' group by c.id`.execute(
    db,
  );

const line = (name: string, times: number[], base: number[]) =>
  console.log(
    `${name.padEnd(28)} p50 ${quantile(times, 0.5).toFixed(1).padStart(8)} ms  p95 ${quantile(times, 0.95).toFixed(1).padStart(8)} ms  ` +
      `(bare SQL p50 ${quantile(base, 0.5).toFixed(2)} ms, ratio ${(quantile(times, 0.5) / quantile(base, 0.5)).toFixed(1)}×)`,
  );

console.log(`${handle.dialect}; tỉnh có ${communes.n} xã; ${RUNS} lần đo`);
line(
  'commune dashboard',
  await timeMs(() => communeDashboard(db, plan.id, {}), RUNS),
  await timeMs(bare, RUNS),
);
const rollupRuns = Math.max(3, Math.floor(RUNS / 5));
line(
  'province roll-up',
  await timeMs(() => provinceRollup(db, province.id), rollupRuns, 1),
  await timeMs(provinceBare, rollupRuns),
);
// The first read after the tallies were lost (a fresh dataset, or every running period on a
// new day) fills them: measured once, on this province's round.
await db.deleteFrom('period_tallies').execute();
const [cold] = await timeMs(() => provinceRollup(db, province.id), 1, 0);
console.log(
  `${'province roll-up, no tallies'.padEnd(28)} ${cold!.toFixed(1).padStart(8)} ms (once: judges and stores 98 tallies)`,
);
await nationalRollup(db); // fills the rest of the round's tallies
const nationalBare = () =>
  sql`select c.parent_id, count(r.id) from org_units c join plans p on p.commune_id = c.id
      join reporting_periods rp on rp.plan_id = p.id left join reports r on r.period_id = rp.id
      where rp.label = '6 tháng cuối năm 2026' group by c.parent_id`.execute(db);
line(
  'national view',
  await timeMs(() => nationalRollup(db), rollupRuns, 1),
  await timeMs(nationalBare, rollupRuns),
);
const indicator = await db
  .selectFrom('indicators')
  .select('catalogue_id')
  .where('catalogue_id', 'is not', null)
  .executeTakeFirst();
if (indicator)
  line(
    'indicator across provinces',
    await timeMs(() => compareAcrossProvinces(db, indicator.catalogue_id!), rollupRuns, 1),
    await timeMs(nationalBare, rollupRuns),
  );
await handle.close();
