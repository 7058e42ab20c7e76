import { describe, expect, it } from 'vitest';
import {
  evaluateTask,
  summariseCounts,
  summariseStatuses,
  type TaskProgressUpdate,
} from './evaluateTask.ts';
import { parseDeadline } from '../deadlines/deadlineSpec.ts';

const H2_2025 = { start: '2025-06-15', end: '2025-12-14' };
const H1_2026 = { start: '2025-12-15', end: '2026-06-14' };
const u = (
  reportedOn: string,
  state: TaskProgressUpdate['state'],
  completedOn?: string,
): TaskProgressUpdate => ({ reportedOn, state, completedOn });

describe('evaluateTask: a task with a due date', () => {
  const octTask = parseDeadline('Tháng 10/2025');
  it('is done on time when completed by the due date, late when after', () => {
    expect(
      evaluateTask(octTask, [u('2025-11-10', 'done', '2025-10-20')], H2_2025, '2025-12-01'),
    ).toBe('done_on_time');
    expect(
      evaluateTask(octTask, [u('2025-11-10', 'done', '2025-11-05')], H2_2025, '2025-12-01'),
    ).toBe('done_late');
    expect(evaluateTask(octTask, [u('2025-11-10', 'done')], H2_2025, '2025-12-01')).toBe(
      'done_late',
    );
  });
  it('is in progress before the due date and overdue after it', () => {
    expect(evaluateTask(octTask, [u('2025-09-01', 'in_progress')], H2_2025, '2025-10-15')).toBe(
      'in_progress',
    );
    expect(evaluateTask(octTask, [u('2025-09-01', 'in_progress')], H2_2025, '2025-11-01')).toBe(
      'overdue',
    );
    expect(evaluateTask(octTask, [], H2_2025, '2025-11-01')).toBe('overdue');
  });
  it('is not reported before its due date when nobody said anything, not started when said so', () => {
    expect(evaluateTask(octTask, [], H2_2025, '2025-07-01')).toBe('not_reported');
    expect(evaluateTask(octTask, [u('2025-07-01', 'not_started')], H2_2025, '2025-07-02')).toBe(
      'not_started',
    );
  });
  it('is not applicable in a period that ends before the task begins', () => {
    expect(evaluateTask(parseDeadline('2027'), [], H1_2026, '2026-03-01')).toBe('not_applicable');
  });
  it('stays done in later periods, and ignores updates after the period when judging it', () => {
    const updates = [u('2025-11-10', 'done', '2025-10-20')];
    expect(evaluateTask(octTask, updates, H1_2026, '2026-03-01')).toBe('done_on_time');
    expect(
      evaluateTask(octTask, [u('2026-01-10', 'done', '2026-01-05')], H2_2025, '2026-03-01'),
    ).toBe('overdue');
  });
  it('handles windows that cross the year (12/2025 - 01/2026)', () => {
    const spec = parseDeadline('12/2025- 01/2026');
    expect(evaluateTask(spec, [u('2026-01-20', 'done', '2026-01-31')], H1_2026, '2026-02-01')).toBe(
      'done_on_time',
    );
    expect(evaluateTask(spec, [u('2026-01-20', 'in_progress')], H1_2026, '2026-02-01')).toBe(
      'overdue',
    );
  });
});

describe('evaluateTask: yearly and ongoing tasks', () => {
  const yearly = parseDeadline('Hằng năm');
  it('judges each year on its own, due 31/12', () => {
    const updates = [u('2025-11-01', 'done', '2025-10-30')];
    expect(evaluateTask(yearly, updates, H2_2025, '2025-12-01')).toBe('done_on_time');
    // The next year starts over: last year's completion does not count.
    expect(evaluateTask(yearly, updates, H1_2026, '2026-05-01')).toBe('not_reported');
    expect(
      evaluateTask(yearly, [...updates, u('2026-05-01', 'in_progress')], H1_2026, '2026-05-02'),
    ).toBe('in_progress');
  });
  it('respects the years a yearly task applies to', () => {
    expect(evaluateTask(parseDeadline('Hằng năm, 2027-2030'), [], H1_2026, '2026-05-01')).toBe(
      'not_applicable',
    );
  });
  it('assesses ongoing tasks period by period and never marks them overdue', () => {
    const ongoing = parseDeadline('Thường xuyên');
    expect(evaluateTask(ongoing, [u('2025-09-01', 'in_progress')], H2_2025, '2025-12-01')).toBe(
      'in_progress',
    );
    expect(evaluateTask(ongoing, [u('2025-09-01', 'in_progress')], H1_2026, '2026-05-01')).toBe(
      'not_reported',
    );
    expect(evaluateTask(ongoing, [u('2026-02-01', 'done')], H1_2026, '2026-05-01')).toBe(
      'done_on_time',
    );
    expect(evaluateTask(parseDeadline('Theo hướng dẫn của tỉnh'), [], H1_2026, '2027-01-01')).toBe(
      'not_reported',
    );
  });
});

describe('summariseStatuses', () => {
  it('counts statuses and the completion rate over applicable tasks', () => {
    const s = summariseStatuses([
      'done_on_time',
      'done_late',
      'overdue',
      'in_progress',
      'not_applicable',
    ]);
    expect(s).toMatchObject({
      total: 5,
      done_on_time: 1,
      done_late: 1,
      overdue: 1,
      donePercent: 50,
    });
  });

  it('gives the same figures from counts added up across periods', () => {
    const a = summariseStatuses(['done_on_time', 'overdue', 'not_applicable']);
    const b = summariseStatuses(['done_late', 'in_progress', 'in_progress']);
    const { total: _t, donePercent: _d, ...countsA } = a;
    const { total: _u, donePercent: _e, ...countsB } = b;
    const sum = Object.fromEntries(
      Object.entries(countsA).map(([k, n]) => [k, n + countsB[k as keyof typeof countsB]]),
    ) as typeof countsA;
    expect(summariseCounts(sum)).toEqual(
      summariseStatuses([
        'done_on_time',
        'overdue',
        'not_applicable',
        'done_late',
        'in_progress',
        'in_progress',
      ]),
    );
    expect(summariseCounts({ done_late: 1 } as never)).toMatchObject({
      total: 1,
      donePercent: 100,
    });
    expect(summariseCounts({} as never)).toMatchObject({ total: 0, donePercent: 0 });
  });
});
