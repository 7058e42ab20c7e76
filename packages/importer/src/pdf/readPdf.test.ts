import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../errors.ts';
import { readPdf } from './readPdf.ts';

const PDF = new Uint8Array(
  readFileSync(
    join(resolve(import.meta.dirname, '../../../..'), 'fixtures/rendered/001_1d64451434ecda36.pdf'),
  ),
);

describe('readPdf on a damaged PDF', () => {
  it('turns a broken page stream into the uploader’s message (found by the fuzz test)', async () => {
    const bytes = PDF.slice();
    const text = Buffer.from(bytes).toString('latin1');
    // Garble the start of every compressed stream: the file still opens, its pages do not.
    for (let at = text.indexOf('stream\n'); at >= 0; at = text.indexOf('stream\n', at + 1))
      for (let i = 7; i < 40; i++) bytes[at + i] = 0x41;
    const error = await readPdf(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/Tệp PDF bị hỏng/);
  });
});
