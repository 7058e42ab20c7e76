// Does a province's roll-up cost the same whatever the size of the country? The same
// 98-commune province is rolled up in two generated datasets — the whole country (34
// provinces, BENCH_SCHEMA) and two provinces (SMALL_SCHEMA) — with runs interleaved so both
// see the same machine noise; the ratio of their p50/p95 is the figure (goal ≤ 1.5).
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test BENCH_SCHEMA=bench_national \
//     node bench/national/generate.ts
//   DATABASE_URL=… BENCH_SCHEMA=bench_two PROVINCES=2 COMMUNES=196 node bench/national/generate.ts
//   DATABASE_URL=… node bench/national/rollup-scaling.ts
import { openDatabase } from '../../packages/server/src/db/dialect.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';
import { provinceRollup } from '../../packages/server/src/dashboards/provinceRollup.ts';
import { quantile } from '../timing.ts';

const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUNS = Number(process.env.RUNS ?? 40);
const schemas = [
  process.env.BENCH_SCHEMA ?? 'bench_national',
  process.env.SMALL_SCHEMA ?? 'bench_two',
];

const sides = await Promise.all(
  schemas.map(async (schema) => {
    const handle = await openDatabase(URL, { schema });
    await migrateToLatest(handle);
    const province = await handle.db
      .selectFrom('org_units')
      .select('id')
      .where('kind', '=', 'province')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const provinces = await handle.db
      .selectFrom('org_units')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('kind', '=', 'province')
      .executeTakeFirstOrThrow();
    const run = () => provinceRollup(handle.db, province.id);
    for (let i = 0; i < 3; i++) await run(); // warm up, fill the round's tallies
    return { schema, handle, run, provinces: Number(provinces.n), times: [] as number[] };
  }),
);
for (let i = 0; i < RUNS; i++)
  for (const side of sides) {
    const start = process.hrtime.bigint();
    await side.run();
    side.times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
for (const side of sides) {
  side.times.sort((a, b) => a - b);
  console.log(
    `${side.schema.padEnd(16)} ${String(side.provinces).padStart(3)} tỉnh: province roll-up p50 ${quantile(side.times, 0.5).toFixed(1)} ms, p95 ${quantile(side.times, 0.95).toFixed(1)} ms`,
  );
}
const [big, small] = sides as [(typeof sides)[0], (typeof sides)[0]];
console.log(
  `ratio ${big.provinces} / ${small.provinces} provinces: p50 ${(quantile(big.times, 0.5) / quantile(small.times, 0.5)).toFixed(2)}×, p95 ${(quantile(big.times, 0.95) / quantile(small.times, 0.95)).toFixed(2)}× (goal ≤ 1.5)`,
);
await Promise.all(sides.map((s) => s.handle.close()));
