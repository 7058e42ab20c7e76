// Field-level accuracy of the importer on the seed plans against their hand-checked
// expected drafts (fixtures/gold). Prints one line per document and the overall figure;
// `--verbose` lists every mismatch.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PlanDraft } from '@tiendo/core';
import { importPlan, scoreDraft } from '@tiendo/importer';

const ROOT = resolve(import.meta.dirname, '..');
const verbose = process.argv.includes('--verbose');
let fields = 0;
let correct = 0;
let rows = 0;
let found = 0;
for (const file of readdirSync(join(ROOT, 'fixtures/seeds')).sort()) {
  const expected = PlanDraft.parse(
    JSON.parse(
      readFileSync(join(ROOT, 'fixtures/gold', file.replace(/\.txt$/, '.gold.json')), 'utf8'),
    ),
  );
  let actual: PlanDraft;
  try {
    actual = importPlan({
      filename: file,
      bytes: readFileSync(join(ROOT, 'fixtures/seeds', file)),
    });
  } catch (error) {
    console.log(`${file}\ttext\tERROR ${(error as Error).message}`);
    continue;
  }
  const score = scoreDraft(expected, actual);
  fields += score.fields;
  correct += score.correct;
  rows += score.rows.expected;
  found += score.rows.found;
  console.log(
    `${file}\ttext\taccuracy ${score.accuracy.toFixed(4)}\t(${score.correct}/${score.fields} fields)\trow recall ${score.rows.recall.toFixed(4)} (${score.rows.found}/${score.rows.expected})`,
  );
  if (verbose)
    for (const m of score.mismatches)
      console.log(
        `   ${m.where}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.actual)}`,
      );
}
console.log(
  `overall\ttext\taccuracy ${(correct / fields).toFixed(4)}\t(${correct}/${fields} fields)\trow recall ${(found / rows).toFixed(4)} (${found}/${rows})`,
);
