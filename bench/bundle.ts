import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// Front-end weight per screen: what a browser must fetch before a screen can run — the entry
// script, the screen's own chunk and every chunk they import statically, plus their CSS —
// as gzip (the 300 KB budget of the report screen) and as actually sent (the brotli copies
// written at build; web/scripts/precompress.ts). From Vite's manifest; run after `npm run build`.

const DIST = resolve(import.meta.dirname, '../packages/web/dist');
const BUDGET_KB = 300;

interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}
const manifest: Record<string, Chunk> = JSON.parse(
  readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'),
);
const entryKey = 'index.html';
/** The sign-in form's own script (src/auth/signInForm.ts): the form works with it alone. */
const signInKey = Object.keys(manifest).find((k) => k.endsWith('auth/signInForm.ts'))!;

/** The files a chunk needs before it runs: itself, its static imports (recursively), CSS. */
function closure(key: string, files = new Set<string>()): Set<string> {
  const chunk = manifest[key]!;
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  chunk.css?.forEach((c) => files.add(c));
  chunk.imports?.forEach((k) => closure(k, files));
  return files;
}

const gzipKb = (file: string) =>
  gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;
const wireKb = (file: string) => {
  const br = join(DIST, `${file}.br`);
  return (existsSync(br) ? statSync(br) : statSync(join(DIST, file))).size / 1024;
};

const SCREENS: Array<[string, string | null]> = [
  ['reporter inbox (Việc của tôi)', 'src/reports/MyReportsPage.tsx'],
  ['unit report', 'src/reports/ReportPage.tsx'],
  ['plan list', 'src/plans/PlanListPage.tsx'],
  ['plan', 'src/plans/PlanPage.tsx'],
  ['import review', 'src/imports/ReviewPage.tsx'],
  ['administration', 'src/admin/AdminPage.tsx'],
  ['commune dashboard', 'src/dashboards/CommuneDashboardPage.tsx'],
];

// The sign-in form: index.html, its stylesheet (render-blocking) and its own small script.
{
  const css = [...closure(entryKey)].filter((f) => f.endsWith('.css'));
  const files = closure(signInKey, new Set(css));
  const gz = [...files].filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipKb(f), 0);
  const wire = [...files, 'index.html'].reduce((s, f) => s + wireKb(f), 0);
  console.log(
    `${'sign-in form'.padEnd(30)} JavaScript ${gz.toFixed(1).padStart(6)} KB gzip   on the wire (brotli, with CSS and index.html) ${wire.toFixed(1).padStart(6)} KB`,
  );
}
let reportGzip = Infinity;
for (const [name, key] of SCREENS) {
  const files = closure(entryKey);
  if (key) closure(key, files);
  const js = [...files].filter((f) => f.endsWith('.js'));
  const gz = js.reduce((s, f) => s + gzipKb(f), 0);
  const wire = [...files, 'index.html'].reduce((s, f) => s + wireKb(f), 0);
  if (key === 'src/reports/ReportPage.tsx') reportGzip = gz;
  console.log(
    `${name.padEnd(30)} JavaScript ${gz.toFixed(1).padStart(6)} KB gzip   on the wire (brotli, with CSS and index.html) ${wire.toFixed(1).padStart(6)} KB`,
  );
}
console.log(
  `unit report screen: ${reportGzip.toFixed(1)} KB gzip of JavaScript (budget ${BUDGET_KB} KB, ${((reportGzip / BUDGET_KB) * 100).toFixed(0)}% of it)`,
);
process.exitCode = reportGzip <= BUDGET_KB ? 0 : 1;
