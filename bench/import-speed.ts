// Time to import each seed plan (text form): median and p95 over repeated runs, and the
// ratio to simply decoding the same bytes (the floor any importer pays).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importPlan } from '@tiendo/importer';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 50);

function timeMs(fn: () => void): number[] {
  for (let i = 0; i < 5; i++) fn(); // warm up
  return Array.from({ length: RUNS }, () => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  }).sort((a, b) => a - b);
}
const q = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

for (const file of readdirSync(join(ROOT, 'fixtures/seeds')).sort()) {
  const bytes = readFileSync(join(ROOT, 'fixtures/seeds', file));
  const imports = timeMs(() => importPlan({ filename: file, bytes }));
  const decode = timeMs(() => new TextDecoder().decode(bytes).split('\n'));
  console.log(
    `${file}\t${(bytes.length / 1024).toFixed(0)} KB\timport p50 ${q(imports, 0.5).toFixed(2)} ms\tp95 ${q(imports, 0.95).toFixed(2)} ms\tratio to decode ${(q(imports, 0.5) / q(decode, 0.5)).toFixed(1)}×`,
  );
}
