import { describe, expect, it } from 'vitest';
import type { DraftTask, PlanDraft } from '@tiendo/core';
import {
  addRowAfter,
  appendices,
  mergeWithNext,
  nextCode,
  removeRow,
  splitRow,
  updateRow,
} from './draftEdits.ts';

const task = (code: string, content: string, over: Partial<DraftTask> = {}): DraftTask => ({
  table: 'PHỤ LỤC 2',
  group: 'I. Thể chế',
  code,
  content,
  lead: 'Phòng Kinh tế',
  coordinate: null,
  output: 'Kế hoạch',
  deadline: 'Tháng 10/2025',
  director: null,
  responsible: null,
  ...over,
});
const draft = (tasks: DraftTask[]): PlanDraft => ({
  source: 'x.docx',
  plan: {
    issuer: 'UBND xã',
    locality: null,
    number: null,
    date: null,
    title: 'Kế hoạch',
    signer: null,
    basis: [],
    replaces: [],
    focal_unit: null,
    reporting: [],
  },
  indicators: [
    {
      table: 'PHỤ LỤC 1',
      group: null,
      code: '1',
      name: 'Tỷ lệ',
      unit: '%',
      targets: { '2025': '80' },
      lead: null,
      output: null,
      director: null,
      responsible: null,
    },
  ],
  tasks,
});

describe('review row operations', () => {
  it('numbers a new row after its neighbour', () => {
    expect(nextCode('3')).toBe('4');
    expect(nextCode('2.9')).toBe('2.10');
    expect(nextCode('a')).toBe('aa');
  });

  it('adds an empty row in the same appendix and group', () => {
    const out = addRowAfter(draft([task('1', 'A'), task('2', 'B')]), 'tasks', 0);
    expect(out.tasks.map((t) => t.code)).toEqual(['1', '2', '2']);
    expect(out.tasks[1]).toMatchObject({ table: 'PHỤ LỤC 2', group: 'I. Thể chế', content: '' });
    expect(out.tasks[1]!.lead).toBeNull();
  });

  it('merges a row cut by a page break, joining cells and keeping the first number', () => {
    const out = mergeWithNext(
      draft([
        task('1', 'Xây dựng kho dữ liệu', { output: null }),
        task('2', 'dùng chung của xã', { lead: 'Phòng Kinh tế', output: 'Kho dữ liệu' }),
      ]),
      'tasks',
      0,
    );
    expect(out.tasks).toHaveLength(1);
    expect(out.tasks[0]).toMatchObject({
      code: '1',
      content: 'Xây dựng kho dữ liệu dùng chung của xã',
      lead: 'Phòng Kinh tế',
      output: 'Kho dữ liệu',
    });
  });

  it('splits one row into two at the cursor, copying the other cells', () => {
    const text = 'Ban hành quy chế. Triển khai nền tảng số';
    const out = splitRow(draft([task('1', text)]), 'tasks', 0, text.indexOf('Triển'));
    expect(out.tasks.map((t) => [t.code, t.content, t.lead])).toEqual([
      ['1', 'Ban hành quy chế.', 'Phòng Kinh tế'],
      ['2', 'Triển khai nền tảng số', 'Phòng Kinh tế'],
    ]);
    expect(splitRow(draft([task('1', text)]), 'tasks', 0, 0).tasks).toHaveLength(1);
  });

  it('edits and removes without touching other rows or the input draft', () => {
    const input = draft([task('1', 'A'), task('2', 'B')]);
    const edited = updateRow(input, 'tasks', 1, { deadline: 'Quý II/2026' });
    expect(edited.tasks[1]!.deadline).toBe('Quý II/2026');
    expect(input.tasks[1]!.deadline).toBe('Tháng 10/2025');
    expect(removeRow(edited, 'tasks', 0).tasks.map((t) => t.code)).toEqual(['2']);
  });

  it('lists appendices in document order with their row indexes', () => {
    const out = appendices(
      draft([task('1', 'A'), task('1', 'B', { table: 'PHỤ LỤC 3' }), task('2', 'C')]),
    );
    expect(out).toEqual([
      { table: 'PHỤ LỤC 1', kind: 'indicators', indexes: [0] },
      { table: 'PHỤ LỤC 2', kind: 'tasks', indexes: [0, 2] },
      { table: 'PHỤ LỤC 3', kind: 'tasks', indexes: [1] },
    ]);
  });
});
