import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/dialect.ts';
import { migrateToLatest } from '../../packages/server/src/db/migrate.ts';
import { createOrgUnit } from '../../packages/server/src/org/queries.ts';
import { createUser } from '../../packages/server/src/org/users.ts';
import { createPlanFromDraft } from '../../packages/server/src/plans/store.ts';
import { loadDemoDrafts } from '../../packages/server/src/demo/seed.ts';
import { quantile } from '../timing.ts';

const percentile = (xs: number[], p: number) =>
  xs.length
    ? quantile(
        [...xs].sort((a, b) => a - b),
        p / 100,
      )
    : NaN;

// The reporting-deadline surge: REPORTERS unit reporters (default 1,000) sign in (timed on its
// own: argon2id is slow by design), then each opens their inbox and report, saves SAVES task
// updates and submits, CONCURRENCY requests in flight at most, all over loopback against a real
// `tiendo serve`. Prints throughput, p50/p99 per request kind and the ratio to two floors run
// with as many requests at the same concurrency on the same machine: a bare Fastify handler
// (no database), and the fair floor (the session read and one upsert a save cannot avoid, on
// the same database — floorServer.ts) set beside saves on their own in ROUNDS (5) alternating
// rounds, the first writing new items, the rest editing them; then checks zero errors and zero
// lost writes.
//   node bench/load/surge.ts            (SQLite in a temporary folder)
//   DATABASE_URL=postgres://…/test?options=-c%20search_path%3Dbench_load node bench/load/surge.ts

const ROOT = resolve(import.meta.dirname, '../..');
const REPORTERS = Number(process.env.REPORTERS ?? 1000);
const SAVES = Number(process.env.SAVES ?? 3);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 64);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const UNITS_PER_COMMUNE = 6;
const PASSWORD = 'Tai@Kiem2026';

const dir = mkdtempSync(join(tmpdir(), 'tiendo-load-'));
const databaseUrl = process.env.DATABASE_URL ?? join(dir, 'load.sqlite');

async function seed(): Promise<string[]> {
  const handle = await openDatabase(databaseUrl);
  // A run on PostgreSQL starts from an empty schema (an earlier run's users would collide).
  if (handle.dialect === 'postgres' && handle.schema !== 'public')
    await sql
      .raw(`drop schema if exists ${handle.schema} cascade; create schema ${handle.schema}`)
      .execute(handle.db);
  await migrateToLatest(handle);
  const db = handle.db;
  const draft = loadDemoDrafts()[0]!;
  const province = await createOrgUnit(db, {
    parentId: null,
    kind: 'province',
    name: 'Tỉnh Tải thử',
  });
  const first = await createUser(db, {
    username: 'taithu.mau',
    displayName: 'Mẫu',
    password: PASSWORD,
    unitId: null,
    roles: [],
  });
  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', first)
    .executeTakeFirstOrThrow();
  const usernames: string[] = [];
  const now = new Date().toISOString();
  for (let c = 0; usernames.length < REPORTERS; c++) {
    const commune = await createOrgUnit(db, {
      parentId: province,
      kind: 'commune',
      name: `Xã Tải thử ${c + 1}`,
    });
    const units: number[] = [];
    for (const name of [
      'Văn phòng HĐND và UBND',
      'Phòng Kinh tế',
      'Phòng Văn hóa - Xã hội',
      'Trung tâm Phục vụ hành chính công',
      'Công an xã',
      'Ban Chỉ huy Quân sự xã',
    ].slice(0, UNITS_PER_COMMUNE))
      units.push(await createOrgUnit(db, { parentId: commune, kind: 'unit', name }));
    const planId = await createPlanFromDraft(db, {
      communeId: commune,
      draft,
      status: 'published',
    });
    await db
      .insertInto('reporting_periods')
      .values({
        plan_id: planId,
        kind: 'adhoc',
        label: 'Kỳ tải thử',
        window_start: '2026-01-01',
        window_end: '2026-06-30',
        due_date: '2026-12-31',
        lock_after_days: null,
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const unit of units) {
      if (usernames.length >= REPORTERS) break;
      const username = `taithu.${c + 1}.${unit}`;
      const { id } = await db
        .insertInto('users')
        .values({
          username,
          display_name: username,
          email: null,
          password_hash,
          unit_id: unit,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('role_assignments')
        .values({ user_id: id, role: 'unit_reporter', scope_unit_id: unit, created_at: now })
        .execute();
      usernames.push(username);
    }
  }
  await handle.close();
  return usernames;
}

function startProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveStart, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(?:đang chạy tại|listening at) (http:\/\/\S+)/.exec(out);
      if (m) resolveStart({ url: m[1]!, child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

/** The stored hash's parameters, e.g. "m=19456,t=2,p=1" (memory KiB, passes, lanes). */
async function argonParameters(): Promise<string> {
  const handle = await openDatabase(databaseUrl);
  const row = await handle.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
  await handle.close();
  return row.password_hash.split('$')[3] ?? '?';
}

/** user + system CPU of a process so far, in clock ticks (/proc/<pid>/stat). */
const CLOCK_TICKS = 100;
function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}
/** The same for every postgres process on the machine (the database's side, on PostgreSQL). */
function databaseTicks(): number {
  if (!databaseUrl.startsWith('postgres')) return 0;
  let ticks = 0;
  for (const pid of readdirSync('/proc'))
    if (/^\d+$/.test(pid)) {
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres')
          ticks += cpuTicks(Number(pid));
      } catch {
        // gone meanwhile
      }
    }
  return ticks;
}

/** Runs tasks with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const latencies = new Map<string, number[]>();
let errors = 0;
async function timed<T>(kind: string, run: () => Promise<Response>): Promise<T> {
  const t0 = performance.now();
  const response = await run();
  const body = await response.text();
  (latencies.get(kind) ?? latencies.set(kind, []).get(kind)!).push(performance.now() - t0);
  if (!response.ok) {
    errors++;
    throw new Error(`${kind}: ${response.status} ${body.slice(0, 200)}`);
  }
  return JSON.parse(body) as T;
}

interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
}

/** Everyone signs in first, timed on its own: argon2id is deliberately slow. */
async function signInAll(base: string, usernames: string[]): Promise<Session[]> {
  const sessions: Session[] = [];
  await pool(usernames, CONCURRENCY, async (username) => {
    let cookie = '';
    const { csrfToken } = await timed<{ csrfToken: string }>('login', async () => {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      cookie = r.headers.get('set-cookie')?.split(';')[0] ?? '';
      return r;
    });
    sessions.push({ username, cookie, csrfToken });
  });
  return sessions;
}

const cookies = (sessions: Session[]) => sessions.map((s) => s.cookie);

type Caller = <T>(kind: string, method: string, path: string, body?: unknown) => Promise<T>;
const callerFor =
  (base: string, { cookie, csrfToken }: Session): Caller =>
  (kind, method, path, body) =>
    timed(kind, () =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );

interface BurstTarget {
  call: Caller;
  reportId: number;
  taskId: number;
  version: number;
}

/** Saves on their own, to set beside the fair floor: each reporter's report opened beforehand
 *  (untimed, kind 'prep'), SAVES tasks each other than the surge's. */
async function burstTargets(base: string, sessions: Session[]): Promise<BurstTarget[]> {
  const targets: BurstTarget[] = [];
  await pool(sessions, CONCURRENCY, async (session) => {
    const call = callerFor(base, session);
    const [mine] = await call<Array<{ periodId: number; unitId: number }>>(
      'prep',
      'GET',
      '/api/my/reports',
    );
    const { reportId } = await call<{ reportId: number }>(
      'prep',
      'POST',
      `/api/periods/${mine!.periodId}/units/${mine!.unitId}/report`,
    );
    const report = await call<{ tasks: Array<{ taskId: number }> }>(
      'prep',
      'GET',
      `/api/reports/${reportId}`,
    );
    for (const { taskId } of report.tasks.slice(SAVES, 2 * SAVES))
      targets.push({ call, reportId, taskId, version: 0 });
  });
  return targets;
}

/** One save of every target at CONCURRENCY — the first round writes each item anew, later
 *  rounds edit it (as autosave mostly does). Returns the seconds the round took. */
async function saveBurst(targets: BurstTarget[], kind: string): Promise<number> {
  const start = performance.now();
  await pool(targets, CONCURRENCY, async (target) => {
    const { version } = await target.call<{ version: number }>(
      kind,
      'PUT',
      `/api/reports/${target.reportId}/tasks/${target.taskId}`,
      {
        version: target.version,
        status: 'in_progress',
        progress: 40 + target.version,
        results: 'kết quả',
        explanation: 'Chậm do thiếu kinh phí',
      },
    );
    target.version = version;
  });
  return (performance.now() - start) / 1000;
}

/** Then the deadline's work, signed in: the inbox, open, read, saves, submit. */
async function surge(base: string, sessions: Session[]) {
  const acked = new Map<
    string,
    { reportId: number; taskId: number; version: number; results: string }
  >();
  const submitted = new Set<number>();
  await pool(sessions, CONCURRENCY, async (session) => {
    const { username } = session;
    const call = callerFor(base, session);
    const [mine] = await call<Array<{ periodId: number; unitId: number }>>(
      'list',
      'GET',
      '/api/my/reports',
    );
    const { reportId } = await call<{ reportId: number }>(
      'open',
      'POST',
      `/api/periods/${mine!.periodId}/units/${mine!.unitId}/report`,
    );
    const report = await call<{ version: number; tasks: Array<{ taskId: number }> }>(
      'read',
      'GET',
      `/api/reports/${reportId}`,
    );
    const tasks = report.tasks.slice(0, SAVES);
    for (const [i, { taskId }] of tasks.entries()) {
      const results = `${username}: kết quả ${i}`;
      const { version } = await call<{ version: number }>(
        'save',
        'PUT',
        `/api/reports/${reportId}/tasks/${taskId}`,
        // Overdue tasks must be explained before the report can be sent.
        {
          version: 0,
          status: 'in_progress',
          progress: 50,
          results,
          explanation: 'Chậm do thiếu kinh phí',
        },
      );
      acked.set(`${reportId}/${taskId}`, { reportId, taskId, version, results });
    }
    if (tasks.length) {
      await call('submit', 'POST', `/api/reports/${reportId}/submit`, { version: report.version });
      submitted.add(reportId);
    }
  }).catch((err: Error) => console.error(err.message));
  return { acked, submitted };
}

/** As many requests as the surge made, at the same concurrency, against a floor server:
 *  `bare` (no database) or `floor` (a session read and an upsert, as the signed-in reporters). */
async function floorRun(kind: string, base: string, n: number, cookies: string[]) {
  const items = Array.from({ length: n }, (_, i) => i);
  await pool(items, CONCURRENCY, async (i) => {
    await timed(kind, () =>
      fetch(kind === 'bare' ? `${base}/echo` : `${base}/save/${i % (cookies.length * SAVES)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie: cookies[i % cookies.length]! },
        body: JSON.stringify({
          version: 0,
          status: 'in_progress',
          progress: 50,
          results: `kết quả ${i}`,
        }),
      }),
    );
  });
}

function report(kind: string, seconds?: number) {
  const xs = latencies.get(kind) ?? [];
  const line = `${kind.padEnd(7)} n=${String(xs.length).padStart(5)}  p50 ${percentile(xs, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(xs, 99).toFixed(1).padStart(7)} ms`;
  console.log(seconds ? `${line}  ${(xs.length / seconds).toFixed(0)} req/s` : line);
}

const usernames = await seed();
console.log(
  `${usernames.length} reporters on ${databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}, ${SAVES} saves + 1 submission each, ${CONCURRENCY} in flight`,
);
const app = await startProcess([join(ROOT, 'packages/server/bin/tiendo.js'), 'serve'], {
  DATABASE_URL: databaseUrl,
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  TIENDO_SEED_DEMO: '0',
  TIENDO_JOBS: '0',
  // All 1,000 reporters sign in from 127.0.0.1 here; in life they come from their offices.
  TIENDO_SIGNIN_LIMIT_PER_ADDRESS: '100000',
  TIENDO_DATA_DIR: dir,
  TIENDO_WEB_DIST: join(dir, 'none'),
});
let t0 = performance.now();
const sessions = await signInAll(app.url, usernames);
const signinSeconds = (performance.now() - t0) / 1000;
const targets = await burstTargets(app.url, sessions);

// Saves on their own against the fair floor, both servers warmed by a round of their own (the
// app's writes the items anew), then ROUNDS alternating rounds of as many requests each, the
// app's editing the items (as autosave mostly does): the machine's speed drifts between runs,
// a ratio taken side by side does not.
const floor = await startProcess([join(ROOT, 'bench/load/floorServer.ts')], {
  DATABASE_URL: databaseUrl,
});
await floorRun('floor-warm', floor.url, targets.length, cookies(sessions));
const firstSaves = targets.length / (await saveBurst(targets, 'save-new'));
// Beside each round's rate, the CPU its server process spent per request (and on PostgreSQL
// all postgres processes', other users' included): less moved by whatever else the machine runs.
interface Round {
  save: number;
  floor: number;
  cpu: { save: number; floor: number; saveDb: number; floorDb: number };
}
const rounds: Round[] = [];
const perRequest = (ticks: number) => (ticks * 1e6) / CLOCK_TICKS / targets.length;
for (let round = 0; round < ROUNDS; round++) {
  let cpu = cpuTicks(app.child.pid!);
  let db = databaseTicks();
  const save = targets.length / (await saveBurst(targets, 'save-edit'));
  const saveCpu = perRequest(cpuTicks(app.child.pid!) - cpu);
  const saveDb = perRequest(databaseTicks() - db);
  cpu = cpuTicks(floor.child.pid!);
  db = databaseTicks();
  t0 = performance.now();
  await floorRun('floor', floor.url, targets.length, cookies(sessions));
  rounds.push({
    save,
    floor: targets.length / ((performance.now() - t0) / 1000),
    cpu: {
      save: saveCpu,
      floor: perRequest(cpuTicks(floor.child.pid!) - cpu),
      saveDb,
      floorDb: perRequest(databaseTicks() - db),
    },
  });
}
floor.child.kill('SIGTERM');

t0 = performance.now();
const { acked, submitted } = await surge(app.url, sessions);
const surgeSeconds = (performance.now() - t0) / 1000;
app.child.kill('SIGTERM');
const WORK = ['list', 'open', 'read', 'save', 'submit'];
const surgeRequests = WORK.reduce((n, kind) => n + (latencies.get(kind)?.length ?? 0), 0);
const bare = await startProcess([join(ROOT, 'bench/load/bareServer.ts')], {});
t0 = performance.now();
await floorRun('bare', bare.url, surgeRequests, cookies(sessions));
const bareSeconds = (performance.now() - t0) / 1000;
bare.child.kill('SIGTERM');
report('login', signinSeconds);
console.log(
  `  (sign-in on its own: ${usernames.length} at ${CONCURRENCY} in flight; argon2id ${await argonParameters()})`,
);
for (const kind of ['list', 'open', 'read', 'submit']) report(kind);
report('save', surgeSeconds);
report('bare', bareSeconds);
const all = surgeRequests;
console.log(
  `surge, signed in (inbox, open, read, ${SAVES} saves, submit): ${all} requests in ${surgeSeconds.toFixed(1)} s = ${(all / surgeSeconds).toFixed(0)} req/s`,
);
const save = latencies.get('save') ?? [];
const bareXs = latencies.get('bare') ?? [];
console.log(
  `vs a bare Fastify handler (no database), as many requests at the same concurrency: throughput ×${(all / surgeSeconds / (bareXs.length / bareSeconds)).toFixed(2)}, save p50 ×${(percentile(save, 50) / percentile(bareXs, 50)).toFixed(1)}`,
);
for (const kind of ['save-new', 'save-edit', 'floor']) report(kind);
console.log(
  `saves on their own, first write of ${targets.length} items: ${firstSaves.toFixed(0)} req/s`,
);
const ratios = rounds.map((r) => r.save / r.floor);
const onPostgres = databaseUrl.startsWith('postgres');
const us = (x: number) => `${x.toFixed(0)} µs`;
for (const [i, r] of rounds.entries())
  console.log(
    `round ${i + 1}: edits ${r.save.toFixed(0)} req/s, floor ${r.floor.toFixed(0)} req/s, ×${ratios[i]!.toFixed(2)}; server CPU a request ${us(r.cpu.save)} / ${us(r.cpu.floor)}${onPostgres ? `, postgres ${us(r.cpu.saveDb)} / ${us(r.cpu.floorDb)}` : ''}`,
  );
console.log(
  `saves on their own vs the fair floor (session read + one upsert, same database; ${targets.length} requests a round, ${ROUNDS} rounds, same concurrency): throughput ×${percentile(ratios, 50).toFixed(2)} median (goal ≥ 0.5)`,
);
const median = (f: (r: Round) => number) => percentile(rounds.map(f), 50);
console.log(
  `server CPU a request, median: edit ${us(median((r) => r.cpu.save))}, floor ${us(median((r) => r.cpu.floor))}${onPostgres ? `; all postgres processes: edit ${us(median((r) => r.cpu.saveDb))}, floor ${us(median((r) => r.cpu.floorDb))}` : ''}`,
);

// Zero lost writes: every acknowledged save is in the database, every submission counted.
const check = await openDatabase(databaseUrl);
const rows = await check.db
  .selectFrom('task_updates')
  .select(['report_id', 'task_id', 'version', 'results'])
  .execute();
const lost = [...acked.values()].filter(
  (a) =>
    !rows.some(
      (r) =>
        r.report_id === a.reportId &&
        r.task_id === a.taskId &&
        r.version === a.version &&
        r.results === a.results,
    ),
).length;
const reports = await check.db
  .selectFrom('reports')
  .select(['id', 'status'])
  .where('status', '=', 'submitted')
  .execute();
const unsubmitted = [...submitted].filter((id) => !reports.some((r) => r.id === id)).length;
await check.close();
console.log(
  `errors: ${errors}, lost writes: ${lost} of ${acked.size}, submissions missing: ${unsubmitted} of ${submitted.size}`,
);
if (!databaseUrl.startsWith('postgres')) rmSync(dir, { recursive: true, force: true });
process.exitCode = errors || lost || unsubmitted || submitted.size < usernames.length ? 1 : 0;
