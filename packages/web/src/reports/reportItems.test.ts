import { describe, expect, it } from 'vitest';
import type { ReportDetail } from '../api/types.ts';
import {
  countBy,
  firstToOpen,
  groupItems,
  matches,
  progressOf,
  reportItems,
} from './reportItems.ts';

const update = (over: object = {}) => ({
  status: 'in_progress' as const,
  progress: 50,
  results: 'x',
  resourcesVnd: null,
  difficulties: null,
  proposals: null,
  evidenceText: null,
  completedOn: null,
  explanation: null,
  version: 1,
  reviewComment: null,
  ...over,
});
const task = (code: string, section: string | null, over: object = {}) =>
  ({
    taskId: Number(code.replace(/\D/g, '')),
    code,
    section,
    content: `Nhiệm vụ ${code}`,
    output: null,
    deadline: null,
    role: 'lead',
    update: null,
    needsExplanation: null,
    contributions: null,
    attachments: [],
    ...over,
  }) as ReportDetail['tasks'][number];

const report = {
  tasks: [
    task('1', 'I. Hạ tầng', { update: update() }),
    task('2', 'I. Hạ tầng', { update: update({ prefilled: true }) }),
    task('3', 'II. Nhân lực', {
      update: update({ reviewComment: 'Bổ sung' }),
      needsExplanation: 'overdue',
    }),
    task('4', 'II. Nhân lực', {
      needsExplanation: 'overdue',
      update: update({ explanation: 'Do…' }),
    }),
  ],
  indicators: [
    {
      indicatorId: 9,
      code: '1',
      section: 'PHỤ LỤC 01',
      name: 'Tỷ lệ',
      unit: '%',
      targets: [],
      value: {
        version: 1,
        valueNumber: 12.5,
        valueText: null,
        dataSource: null,
        note: null,
        reviewComment: null,
        explanation: null,
        prefilled: false,
      },
      assigned: [],
      needsExplanation: null,
    },
  ],
} satisfies Pick<ReportDetail, 'tasks' | 'indicators'>;

describe('the report screen list', () => {
  const items = reportItems(report);

  it('counts what is written this period; a row carried over from the last period is not', () => {
    expect(progressOf(items)).toEqual({
      tasks: { updated: 3, total: 4 },
      indicators: { updated: 1, total: 1 },
    });
    expect(items[4]!.summary).toBe('12,5 %');
  });

  it('filters: not updated, overdue, still to explain, commented', () => {
    expect(countBy(items)).toEqual({ all: 5, todo: 1, overdue: 2, explain: 1, commented: 1 });
    expect(items.filter((i) => matches('explain', i)).map((i) => i.code)).toEqual(['3']);
  });

  it('groups consecutive items under their section once, tasks apart from indicators', () => {
    expect(groupItems(items).map((g) => [g.kind, g.section, g.items.length])).toEqual([
      ['task', 'I. Hạ tầng', 2],
      ['task', 'II. Nhân lực', 2],
      ['indicator', 'PHỤ LỤC 01', 1],
    ]);
  });

  it('opens the item a reviewer commented on first, else the first item', () => {
    expect(firstToOpen(items)).toBe('task:3');
    expect(firstToOpen(items.filter((i) => !i.commented))).toBe('task:1');
    expect(firstToOpen([])).toBeNull();
  });
});
