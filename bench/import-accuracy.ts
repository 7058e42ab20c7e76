// Field-level accuracy of the importer on the seed plans against their hand-checked
// expected drafts (fixtures/gold), for every form we have of each plan: the seed text, and
// the .docx and .pdf renderings in fixtures/rendered. Prints one line per document and form
// and the overall figure per form; `--verbose` lists every mismatch.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PlanDraft } from '@tiendo/core';
import { importPlan, scoreDraft } from '@tiendo/importer';

const ROOT = resolve(import.meta.dirname, '..');
const verbose = process.argv.includes('--verbose');
const FORMS: Array<[string, string, string]> = [
  ['text', 'fixtures/seeds', '.txt'],
  ['docx', 'fixtures/rendered', '.docx'],
  ['pdf', 'fixtures/rendered', '.pdf'],
];

for (const [form, dir, extension] of FORMS) {
  const totals = { fields: 0, correct: 0, rows: 0, found: 0, documents: 0 };
  for (const seed of readdirSync(join(ROOT, 'fixtures/seeds')).sort()) {
    const name = seed.replace(/\.txt$/, '');
    const file = join(ROOT, dir, name + extension);
    if (!existsSync(file)) continue;
    const expected = PlanDraft.parse(
      JSON.parse(readFileSync(join(ROOT, 'fixtures/gold', `${name}.gold.json`), 'utf8')),
    );
    totals.documents++;
    let actual: PlanDraft;
    try {
      actual = await importPlan({ filename: name + extension, bytes: readFileSync(file) });
    } catch (error) {
      console.log(`${name}\t${form}\tERROR ${(error as Error).message}`);
      continue;
    }
    const score = scoreDraft(expected, actual);
    totals.fields += score.fields;
    totals.correct += score.correct;
    totals.rows += score.rows.expected;
    totals.found += score.rows.found;
    console.log(
      `${name}\t${form}\taccuracy ${score.accuracy.toFixed(4)}\t(${score.correct}/${score.fields} fields)\trow recall ${score.rows.recall.toFixed(4)} (${score.rows.found}/${score.rows.expected})`,
    );
    if (verbose)
      for (const m of score.mismatches)
        console.log(
          `   ${m.where}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.actual)}`,
        );
  }
  if (totals.documents) {
    console.log(
      `overall\t${form}\taccuracy ${(totals.correct / totals.fields).toFixed(4)}\t(${totals.correct}/${totals.fields} fields)\trow recall ${(totals.found / totals.rows).toFixed(4)} (${totals.found}/${totals.rows})`,
    );
  }
}
