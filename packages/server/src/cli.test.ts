import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PlanDraft } from '@tiendo/core';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'packages/server/bin/tiendo.js');
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, TIENDO_DATA_DIR: mkdtempSync(join(tmpdir(), 'tiendo-cli-')) },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );

describe('tiendo command line', () => {
  it('prints help in Vietnamese', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Cách dùng: tiendo <lệnh>');
  });

  it('import --json prints only the PlanDraft JSON on stdout', async () => {
    const result = await run(
      'import',
      '--json',
      join(ROOT, 'fixtures/seeds/000_862ce2f29f2f990b.txt'),
    );
    expect(result.code).toBe(0);
    const draft = PlanDraft.parse(JSON.parse(result.stdout));
    expect(draft.source).toBe('000_862ce2f29f2f990b.txt');
    expect(draft.indicators).toHaveLength(61);
    expect(draft.tasks).toHaveLength(29);
  });

  it('import exits 2 with a Vietnamese message on unreadable input, printing nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tiendo-bad-'));
    const binary = join(dir, 'hong.txt');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]));
    for (const [file, message] of [
      [binary, /Không đọc được kế hoạch/],
      [join(dir, 'khong-co.txt'), /Không tìm thấy tệp/],
    ] as const) {
      const result = await run('import', '--json', file);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
  });

  it('rejects an unknown command with exit code 2', async () => {
    const result = await run('lam-gi-do');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Lệnh không hợp lệ');
  });
});
