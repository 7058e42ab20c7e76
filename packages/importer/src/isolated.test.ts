import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, importIsolated, stopImportWorkers } from './index.ts';

const DOCX = readFileSync(
  join(resolve(import.meta.dirname, '../../..'), 'fixtures/rendered/004_f32060216730cad0.docx'),
);

afterAll(stopImportWorkers);

describe('importIsolated: documents read off the request thread, within a time limit', () => {
  it('reads a plan in a worker thread', async () => {
    const { draft } = await importIsolated({ filename: 'ke-hoach.docx', bytes: DOCX });
    expect(draft.indicators.length).toBe(28);
  });

  it('keeps the uploader’s message for a bad file', async () => {
    const error = await importIsolated({ filename: 'x.pdf', bytes: Buffer.from('no') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe('Tệp không phải định dạng PDF.');
  });

  it('stops a read that overruns its limit, says so in Vietnamese, and serves the next one', async () => {
    const error = await importIsolated(
      { filename: 'ke-hoach.docx', bytes: DOCX },
      { timeLimitMs: 1 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(/quá lâu/);
    const { draft } = await importIsolated({ filename: 'ke-hoach.docx', bytes: DOCX });
    expect(draft.tasks.length).toBe(0);
    expect(draft.indicators.length).toBe(28);
  });
});
