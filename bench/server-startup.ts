// Start-up time and memory of the `tiendo serve` process, as an operator starts it: spawn the
// command on an already-migrated SQLite database, time until /api/health answers, then read
// the process's resident memory (VmRSS) once it is ready and after a burst of requests.
// Usage: node bench/server-startup.ts [--runs=7] [--bin=packages/server/bin/tiendo.js]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { quantile } from './timing.ts';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const runs = Number(arg('runs', '7'));
const bin = resolve(arg('bin', 'packages/server/bin/tiendo.js'));
const dataDir = mkdtempSync(join(tmpdir(), 'tiendo-startup-'));
let port = 3900;

const rssMiB = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(line?.[1] ?? 0) / 1024;
};

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

type Sample = { readyMs: number; rssReady: number; rssAfter: number };

async function startOnce(): Promise<Sample> {
  port += 1;
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TIENDO_DATA_DIR: dataDir,
      DATABASE_URL: join(dataDir, 'bench.sqlite'),
      TIENDO_SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const url = `http://127.0.0.1:${port}/api/health`;
    await waitHealthy(url, child);
    const readyMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 300)); // let start-up work (import workers) settle
    const rssReady = rssMiB(child.pid!);
    for (let i = 0; i < 200; i++) await fetch(url).then((r) => r.arrayBuffer());
    return { readyMs, rssReady, rssAfter: rssMiB(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

await startOnce(); // creates and migrates the database: not measured
const samples: Sample[] = [];
for (let i = 0; i < runs; i++) samples.push(await startOnce());
rmSync(dataDir, { recursive: true, force: true });

const column = (pick: (s: Sample) => number) => samples.map(pick).sort((a, b) => a - b);
const report = (label: string, values: number[], unit: string) =>
  console.log(
    `${label.padEnd(28)} p50 ${quantile(values, 0.5).toFixed(0).padStart(5)} ${unit}   max ${values.at(-1)!.toFixed(0).padStart(5)} ${unit}`,
  );
console.log(`Node ${process.version}, ${runs} starts of ${bin}`);
report(
  'ready (spawn → /api/health)',
  column((s) => s.readyMs),
  'ms',
);
report(
  'RSS when ready',
  column((s) => s.rssReady),
  'MiB',
);
report(
  'RSS after 200 requests',
  column((s) => s.rssAfter),
  'MiB',
);
