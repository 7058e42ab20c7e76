// Time to import each seed plan in each form (text, .docx, .pdf): p50 and p95 over repeated
// runs, and the ratio to simply decoding the same bytes as text (the floor any importer pays).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importPlan } from '@tiendo/importer';
import { quantile as q, timeMs as time } from './timing.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 30);

const timeMs = (fn: () => Promise<unknown> | unknown) => time(fn, RUNS);

for (const seed of readdirSync(join(ROOT, 'fixtures/seeds')).sort()) {
  const name = seed.replace(/\.txt$/, '');
  for (const [form, file] of [
    ['text', join(ROOT, 'fixtures/seeds', seed)],
    ['docx', join(ROOT, 'fixtures/rendered', `${name}.docx`)],
    ['pdf', join(ROOT, 'fixtures/rendered', `${name}.pdf`)],
  ] as const) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    const imports = await timeMs(() => importPlan({ filename: file, bytes }));
    const decode = await timeMs(() => new TextDecoder().decode(bytes).split('\n'));
    console.log(
      `${name}\t${form}\t${(bytes.length / 1024).toFixed(0)} KB\tp50 ${q(imports, 0.5).toFixed(1)} ms\tp95 ${q(imports, 0.95).toFixed(1)} ms\tratio to decode ${(q(imports, 0.5) / Math.max(q(decode, 0.5), 0.001)).toFixed(0)}×`,
    );
  }
}
