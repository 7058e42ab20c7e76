import Fastify from 'fastify';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { openTestDatabase } from '../../packages/server/src/testing/databases.ts';
import { buildTestApp, loginAs } from '../../packages/server/src/testing/app.ts';
import { DEMO_PASSWORD, loadDemoDrafts, seedDemo } from '../../packages/server/src/demo/seed.ts';
import { findSessionUser, SESSION_COOKIE } from '../../packages/server/src/auth/sessions.ts';
import { saveTaskUpdate, savedBy } from '../../packages/server/src/reports/itemUpdates.ts';

// A save's cost in one process, without sockets: N edits through app.inject beside N requests
// to the fair floor's handler (bench/load/floorServer.ts) through inject, and the parts of a
// save on their own (the session read, saveTaskUpdate called directly). Alternating rounds.
//   DIALECT=sqlite|postgres N=2000 CONCURRENCY=1 KINDS=save,floor node bench/load/saveProfile.ts
// SQL_TIMES=1 (SQLite): the time spent in each statement (by its text), per request of a kind.
const sqlTimes = new Map<string, number>();
if (process.env.SQL_TIMES) {
  const proto = Object.getPrototypeOf(new SQLite(':memory:').prepare('select 1')) as Record<
    string,
    (...a: unknown[]) => unknown
  > & { source: string };
  for (const method of ['all', 'run', 'get'] as const) {
    const original = proto[method]!;
    proto[method] = function (this: { source: string }, ...a: unknown[]) {
      const t0 = performance.now();
      try {
        return original.apply(this, a);
      } finally {
        sqlTimes.set(this.source, (sqlTimes.get(this.source) ?? 0) + performance.now() - t0);
      }
    };
  }
}

const DIALECT = (process.env.DIALECT ?? 'sqlite') as 'sqlite' | 'postgres';
const N = Number(process.env.N ?? 2000);
// One request at a time: two in flight on the same item would conflict (409), as the demo unit
// has fewer tasks than a pool would need.
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 1);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

const database = await openTestDatabase(DIALECT);
const db = database.db;
const app = await buildTestApp(database);
await seedDemo(db, loadDemoDrafts().slice(0, 1));
const focal = await loginAs(app, 'kienhung.daumoi', DEMO_PASSWORD);
const kt = await loginAs(app, 'kienhung.kt', DEMO_PASSWORD);
const call = (
  who: { cookie: string; csrf: string },
  method: string,
  url: string,
  payload?: object,
) =>
  app.inject({
    method: method as 'GET',
    url,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
    ...(payload ? { payload } : {}),
  });
const planId = (
  await db
    .selectFrom('plans')
    .innerJoin('org_units as c', 'c.id', 'plans.commune_id')
    .select('plans.id as id')
    .where('c.kind', '=', 'commune')
    .orderBy('plans.id')
    .executeTakeFirstOrThrow()
).id;
await call(focal, 'POST', `/api/plans/${planId}/periods/generate`, {
  from: '2026-01-01',
  to: '2026-12-31',
});
const period = (await call(focal, 'GET', `/api/plans/${planId}/periods`)).json()[0];
await call(focal, 'PATCH', `/api/periods/${period.id}`, {
  version: period.version,
  status: 'open',
});
const unit = await db
  .selectFrom('org_units')
  .select('id')
  .where('name', '=', 'Phòng Kinh tế')
  .executeTakeFirstOrThrow();
const { reportId } = (
  await call(kt, 'POST', `/api/periods/${period.id}/units/${unit.id}/report`)
).json();
const tasks: Array<{ taskId: number }> = (await call(kt, 'GET', `/api/reports/${reportId}`)).json()
  .tasks;
const targets = tasks.map((t) => ({ taskId: t.taskId, version: 0 }));
console.log(`${DIALECT}: ${targets.length} tasks, N=${N}, ${CONCURRENCY} at a time`);

const floor = Fastify({ logger: false });
await sql`create table if not exists bench_floor (k text primary key, version integer not null, body text not null)`.execute(
  db,
);
floor.put<{ Params: { k: string } }>('/save/:k', async (request, reply) => {
  const cookie = request.headers.cookie ?? '';
  const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  const user = token ? await findSessionUser(db, token) : null;
  if (!user) return reply.code(401).send({ error: 'no session' });
  const body = JSON.stringify(request.body);
  const { rows } = await sql<{ version: number }>`
    insert into bench_floor (k, version, body) values (${request.params.k}, 1, ${body})
    on conflict (k) do update set version = bench_floor.version + 1, body = excluded.body
    returning version`.execute(db);
  return { version: rows[0]!.version };
});
await floor.ready();

async function pool(n: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await work(next++);
    }),
  );
}
const body = (version: number) => ({
  version,
  status: 'in_progress',
  progress: 40 + (version % 50),
  results: 'kết quả',
  explanation: 'Chậm do thiếu kinh phí',
});
const token = kt.cookie.split('=')[1]!;
const user = (await findSessionUser(db, token))!;

const kinds: Record<string, (i: number) => Promise<void>> = {
  save: async (i) => {
    const t = targets[i % targets.length]!;
    const r = await call(kt, 'PUT', `/api/reports/${reportId}/tasks/${t.taskId}`, body(t.version));
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
    t.version = r.json().version;
  },
  floor: async (i) => {
    const r = await floor.inject({
      method: 'PUT',
      url: `/save/${i % targets.length}`,
      headers: { cookie: kt.cookie },
      payload: body(0),
    });
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  },
  session: async () => {
    await findSessionUser(db, token);
  },
  direct: async (i) => {
    const t = targets[i % targets.length]!;
    const input = {
      ...body(t.version),
      status: 'in_progress' as const,
      resourcesVnd: null,
      difficulties: null,
      proposals: null,
      evidenceText: null,
      completedOn: null,
    };
    t.version = await saveTaskUpdate(db, savedBy(user, reportId), t.taskId, input, user.id);
  },
  health: async () => {
    const r = await call(kt, 'GET', '/api/health');
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  },
};
const only = process.env.KINDS?.split(',') ?? Object.keys(kinds);
const times = new Map<string, number[]>();
for (let round = 0; round <= ROUNDS; round++)
  for (const kind of only) {
    sqlTimes.clear();
    const t0 = performance.now();
    await pool(N, kinds[kind]!);
    if (round === ROUNDS && sqlTimes.size)
      for (const [text, ms] of [...sqlTimes].sort((a, b) => b[1] - a[1]).slice(0, 8))
        console.log(
          `  ${kind}: ${((ms * 1000) / N).toFixed(1).padStart(6)} µs  ${text.replace(/\s+/g, ' ').slice(0, 150)}`,
        );
    const us = ((performance.now() - t0) * 1000) / N;
    if (round > 0) (times.get(kind) ?? times.set(kind, []).get(kind)!).push(us);
  }
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [kind, xs] of times)
  console.log(
    `${kind.padEnd(8)} ${median(xs).toFixed(0).padStart(5)} µs/request (${xs.map((x) => x.toFixed(0)).join(', ')})`,
  );
const floorTimes = times.get('floor');
const ratios = floorTimes && times.get('save')?.map((s, i) => floorTimes[i]! / s);
if (ratios)
  console.log(`floor ÷ save time (= save ÷ floor throughput): ×${median(ratios).toFixed(2)}`);
await app.close();
await floor.close();
await database.dispose();
