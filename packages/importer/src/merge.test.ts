import { describe, expect, it } from 'vitest';
import type { DraftTask, PlanDraft } from '@tiendo/core';
import { mergeReimport } from './merge.ts';

const task = (code: string, content: string, deadline: string | null = 'Hằng năm'): DraftTask => ({
  table: 'PHỤ LỤC 1',
  group: null,
  code,
  content,
  lead: 'Phòng Kinh tế',
  coordinate: null,
  output: null,
  deadline,
  director: null,
  responsible: null,
});
const draft = (tasks: DraftTask[], title = 'Kế hoạch'): PlanDraft => ({
  source: 'a.txt',
  plan: {
    issuer: 'UBND xã A',
    locality: 'xã A',
    number: null,
    date: null,
    title,
    signer: null,
    basis: [],
    replaces: [],
    focal_unit: null,
    reporting: [],
  },
  indicators: [],
  tasks,
});

describe('mergeReimport', () => {
  const base = draft([task('1', 'Viec mot'), task('2', 'Việc hai'), task('3', 'Việc ba')]);

  it('keeps fixes made in review and takes every other change from the new document', () => {
    const edited = draft(
      [task('1', 'Việc một'), task('2', 'Việc hai'), task('3', 'Việc ba')],
      'Kế hoạch (đã sửa)',
    );
    const incoming = draft([
      task('1', 'Viec mot', 'Tháng 10/2026'),
      task('2', 'Việc hai đã sửa'),
      task('3', 'Việc ba'),
    ]);
    const merged = mergeReimport(base, edited, incoming);
    expect(merged.plan.title).toBe('Kế hoạch (đã sửa)');
    expect(merged.tasks.map((t) => [t.content, t.deadline])).toEqual([
      ['Việc một', 'Tháng 10/2026'],
      ['Việc hai đã sửa', 'Hằng năm'],
      ['Việc ba', 'Hằng năm'],
    ]);
  });

  it('keeps rows deleted in review deleted, and rows added in review in place', () => {
    const added = task('2a', 'Việc thêm');
    const edited = draft([task('1', 'Viec mot'), added, task('3', 'Việc ba')]);
    const incoming = draft([
      task('1', 'Viec mot'),
      task('2', 'Việc hai'),
      task('3', 'Việc ba'),
      task('4', 'Việc bốn'),
    ]);
    expect(mergeReimport(base, edited, incoming).tasks.map((t) => t.code)).toEqual([
      '1',
      '2a',
      '3',
      '4',
    ]);
  });

  it('is the new import when nothing was edited', () => {
    const incoming = draft([task('1', 'Việc một')], 'Mới');
    expect(mergeReimport(base, base, incoming)).toEqual(incoming);
  });
});
