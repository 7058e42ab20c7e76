import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PlanDraft } from '@tiendo/core';
import { ImportError, importDocument } from './index.ts';

// Hostile documents: random mutations of the seed plans and of their .docx/.pdf renderings.
// Whatever arrives, the importer either returns a valid PlanDraft or refuses with an
// ImportError (a Vietnamese message for the person uploading) — never another exception.

const ROOT = resolve(import.meta.dirname, '../../..');
const SEEDS = ['000_862ce2f29f2f990b', '001_1d64451434ecda36', '003_8b1c9afe57927341'];
const text = (s: string) => readFileSync(join(ROOT, 'fixtures/seeds', `${s}.txt`), 'utf8');
const rendered = (s: string, ext: string) =>
  new Uint8Array(readFileSync(join(ROOT, 'fixtures/rendered', `${s}.${ext}`)));

async function importsOrRefuses(filename: string, bytes: Uint8Array): Promise<void> {
  try {
    const { draft } = await importDocument({ filename, bytes });
    expect(() => PlanDraft.parse(draft)).not.toThrow();
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    expect(err.message).toMatch(
      /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i,
    );
  }
}

/** A text edit: delete a slice, insert noise, duplicate or drop a line. */
const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    noise: fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '\t',
        '\n',
        'PHỤ LỤC 9\n',
        'STT\tNội dung\n',
        '<script>alert(1)</script>',
        '\u0000',
        '\uFFFD',
      ),
    ),
  }),
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), drop: fc.boolean() }),
);

type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

function applyEdits(source: string, edits: TextEdit[]): string {
  let s = source;
  for (const e of edits) {
    const at = e.at % (s.length + 1);
    if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.length);
    else if (e.kind === 'insert') s = s.slice(0, at) + e.noise + s.slice(at);
    else {
      const lines = s.split('\n');
      const i = e.at % lines.length;
      if (e.drop) lines.splice(i, 1);
      else lines.splice(i, 0, lines[i]!);
      s = lines.join('\n');
    }
  }
  return s;
}

/** Byte damage: flip bytes, or cut the file short. */
const byteDamage = fc.record({
  flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), {
    maxLength: 20,
  }),
  cutTo: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});

function damage(
  bytes: Uint8Array,
  d: { flips: Array<{ at: number; value: number }>; cutTo?: number },
) {
  const out = bytes.slice(
    0,
    d.cutTo === undefined ? bytes.length : Math.floor(bytes.length * d.cutTo),
  );
  for (const f of d.flips) if (out.length) out[f.at % out.length] = f.value;
  return out;
}

describe('importer under hostile input', () => {
  it('text plans with random edits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SEEDS),
        fc.array(textEdit, { maxLength: 12 }),
        async (seed, edits) => {
          await importsOrRefuses(
            `${seed}.txt`,
            new TextEncoder().encode(applyEdits(text(seed), edits)),
          );
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('.docx with edits inside document.xml', async () => {
    const zips = new Map<string, JSZip>();
    for (const s of SEEDS) zips.set(s, await JSZip.loadAsync(rendered(s, 'docx')));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SEEDS),
        fc.array(textEdit, { maxLength: 6 }),
        async (seed, edits) => {
          const zip = zips.get(seed)!;
          const xml = await zip.file('word/document.xml')!.async('string');
          const copy = await JSZip.loadAsync(await zip.generateAsync({ type: 'uint8array' }));
          copy.file('word/document.xml', applyEdits(xml, edits));
          await importsOrRefuses(`${seed}.docx`, await copy.generateAsync({ type: 'uint8array' }));
        },
      ),
      { numRuns: 25 },
    );
  }, 180_000);

  it('.docx and .pdf with damaged bytes', async () => {
    const files = SEEDS.flatMap((s) => [
      { name: `${s}.docx`, bytes: rendered(s, 'docx') },
      { name: `${s}.pdf`, bytes: rendered(s, 'pdf') },
    ]);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), byteDamage, async (file, d) => {
        await importsOrRefuses(file.name, damage(file.bytes, d));
      }),
      // A failure stops at once: shrinking re-reads PDFs hundreds of times.
      { numRuns: 30, endOnFailure: true },
    );
  }, 240_000);
});
