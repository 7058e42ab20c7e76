import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// Front-end weight: the JavaScript a browser must fetch before the unit report screen can
// run — the entry script of index.html and every chunk it preloads — gzip-compressed, against
// the 300 KB budget. Lazy chunks (charts) are listed apart: the report screen never loads them.
// Run after `npm run build`.

const DIST = resolve(import.meta.dirname, '../packages/web/dist');
const BUDGET_KB = 300;
const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g),
].map((m) => m[1]!);
const kb = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;
const rows = initial.map((f) => [f, kb(f)] as const);
const total = rows.reduce((s, [, k]) => s + k, 0);
for (const [f, k] of rows) console.log(`initial  ${k.toFixed(1).padStart(7)} KB gzip  ${f}`);
const lazy = readdirSync(join(DIST, 'assets'))
  .filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))
  .map((f) => [`assets/${f}`, kb(`assets/${f}`)] as const);
for (const [f, k] of lazy) console.log(`lazy     ${k.toFixed(1).padStart(7)} KB gzip  ${f}`);
console.log(
  `initial JavaScript of the report screen: ${total.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB, ${((total / BUDGET_KB) * 100).toFixed(0)}% of it)`,
);

// What a cold visit actually downloads: index.html, the initial scripts and the stylesheets,
// as the server sends them to a browser that accepts brotli (the .br files written at build).
const served = (file: string) => {
  const br = join(DIST, `${file}.br`);
  return (existsSync(br) ? statSync(br) : statSync(join(DIST, file))).size / 1024;
};
const rawKb = (file: string) => statSync(join(DIST, file)).size / 1024;
const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/?([^"]+\.css)"/g)].map(
  (m) => m[1]!,
);
const cold = ['index.html', ...initial, ...styles];
console.log(
  `cold visit on the wire (brotli): ${cold.reduce((s, f) => s + served(f), 0).toFixed(1)} KB ` +
    `(uncompressed ${cold.reduce((s, f) => s + rawKb(f), 0).toFixed(1)} KB) — ${cold.join(', ')}`,
);
process.exitCode = total <= BUDGET_KB ? 0 : 1;
