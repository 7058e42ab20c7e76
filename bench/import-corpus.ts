// Import accuracy on plans in layouts the importer was not written against: every seed
// plan rendered in LAYOUTS (default 6) layouts drawn from CORPUS_SEED (default 5000) — see
// corpus/layout.ts — as .docx, as .pdf exported by LibreOffice (when `soffice` is
// installed) and as text copied out of that PDF (corpus/copyText.ts). Each
// document is scored field by field against the gold with the layout's changes applied
// (corpus/renderPlan.ts). Prints one line per document and form, then per form the mean
// field accuracy, the lowest row recall and the slowest import. `--verbose` lists mismatches.
// Development used other CORPUS_SEED values; report figures with seeds never looked at.
// `--reuse` scores the documents already rendered for this seed (no rendering, no soffice).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PlanDraft } from '@tiendo/core';
import { importPlan, scoreDraft } from '@tiendo/importer';
import { drawLayout } from './corpus/layout.ts';
import { expectedFor, renderPlan } from './corpus/renderPlan.ts';
import { copyText } from './corpus/copyText.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BASE = Number(process.env.CORPUS_SEED ?? 5000);
const LAYOUTS = Number(process.env.LAYOUTS ?? 6);
const verbose = process.argv.includes('--verbose');
const only = process.argv.find((a) => a.startsWith('--form='))?.slice(7);
const dir = join(tmpdir(), `tiendo-corpus-${BASE}-${LAYOUTS}`);
const reuse = process.argv.includes('--reuse') && existsSync(dir);
if (!reuse) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

const has = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const expected = new Map<string, PlanDraft>();
for (const file of readdirSync(join(ROOT, 'fixtures/seeds')).sort()) {
  const plan = file.replace(/\.txt$/, '');
  const gold = PlanDraft.parse(
    JSON.parse(readFileSync(join(ROOT, 'fixtures/gold', `${plan}.gold.json`), 'utf8')),
  );
  const seed = readFileSync(join(ROOT, 'fixtures/seeds', file), 'utf8');
  for (let k = 0; k < LAYOUTS; k++) {
    const layout = drawLayout(BASE + k * 7919 + plan.charCodeAt(2));
    const name = `${plan.slice(0, 3)}-L${layout.seed}`;
    if (reuse) {
      expected.set(name, expectedFor(gold, layout));
      continue;
    }
    const out = await renderPlan(gold, seed, layout);
    writeFileSync(join(dir, `${name}.docx`), out.docx);
    expected.set(name, out.expected);
  }
}
const forms: Array<[string, string]> = [['docx', '.docx']];
if (reuse) forms.push(['pdf', '.pdf'], ['copied text', '.txt']);
else if (has('soffice')) {
  execFileSync(
    'soffice',
    [
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...[...expected.keys()].map((n) => join(dir, `${n}.docx`)),
    ],
    { stdio: 'ignore' },
  );
  forms.push(['pdf', '.pdf']);
  for (const name of expected.keys())
    writeFileSync(join(dir, `${name}.txt`), await copyText(readFileSync(join(dir, `${name}.pdf`))));
  forms.push(['copied text', '.txt']);
}

for (const [form, extension] of forms) {
  if (only && form !== only && !form.endsWith(` ${only}`)) continue; // --form=text: copied text
  const accuracies: number[] = [];
  let minRecall = 1;
  let slowest = 0;
  for (const [name, gold] of expected) {
    const file = join(dir, name + extension);
    if (!existsSync(file)) continue;
    const started = performance.now();
    let score;
    try {
      const draft = await importPlan({ filename: name + extension, bytes: readFileSync(file) });
      score = scoreDraft(gold, draft);
    } catch (error) {
      console.log(`${name}\t${form}\tERROR ${(error as Error).message}`);
      accuracies.push(0);
      minRecall = 0;
      continue;
    }
    const ms = performance.now() - started;
    slowest = Math.max(slowest, ms);
    accuracies.push(score.accuracy);
    minRecall = Math.min(minRecall, score.rows.recall);
    console.log(
      `${name}\t${form}\taccuracy ${score.accuracy.toFixed(4)}\t(${score.correct}/${score.fields})\trow recall ${score.rows.recall.toFixed(4)} (${score.rows.found}/${score.rows.expected})\t${ms.toFixed(0)} ms`,
    );
    if (verbose)
      for (const m of score.mismatches.slice(0, Number(process.env.MISMATCHES ?? 40)))
        console.log(
          `   ${m.where}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.actual)}`,
        );
  }
  const mean = accuracies.reduce((s, a) => s + a, 0) / Math.max(1, accuracies.length);
  console.log(
    `overall\t${form}\tmean field accuracy ${mean.toFixed(4)}\tlowest row recall ${minRecall.toFixed(4)}\tdocuments ${accuracies.length}\tslowest import ${slowest.toFixed(0)} ms`,
  );
}
