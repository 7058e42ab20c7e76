import { describe, expect, it } from 'vitest';
import { indicatorNeedsExplanation, taskNeedsExplanation } from './explanation.ts';

const firstHalf = { start: '2026-01-01', end: '2026-06-30' };

describe('taskNeedsExplanation', () => {
  it('asks why when the unit reports a task still open after its deadline', () => {
    expect(taskNeedsExplanation('Tháng 3/2026', 'in_progress', null, firstHalf, '2026-07-05')).toBe(
      'overdue',
    );
    expect(taskNeedsExplanation('Tháng 3/2026', 'not_started', null, firstHalf, '2026-07-05')).toBe(
      'overdue',
    );
  });

  it('asks why a task was finished late, not when it was finished on time', () => {
    expect(
      taskNeedsExplanation('Tháng 3/2026', 'done', '2026-05-02', firstHalf, '2026-07-05'),
    ).toBe('overdue');
    expect(
      taskNeedsExplanation('Tháng 3/2026', 'done', '2026-03-20', firstHalf, '2026-07-05'),
    ).toBeNull();
  });

  it('does not ask while the deadline is ahead, for ongoing tasks, or without a state', () => {
    expect(
      taskNeedsExplanation('Tháng 12/2026', 'in_progress', null, firstHalf, '2026-07-05'),
    ).toBeNull();
    expect(
      taskNeedsExplanation('Thường xuyên', 'not_started', null, firstHalf, '2026-07-05'),
    ).toBeNull();
    expect(taskNeedsExplanation('Tháng 3/2026', null, null, firstHalf, '2026-07-05')).toBeNull();
    expect(taskNeedsExplanation(null, 'in_progress', null, firstHalf, '2026-07-05')).toBeNull();
  });

  it('judges a period still running as of today', () => {
    // Due end of May, report written on 20 May: not yet overdue.
    expect(
      taskNeedsExplanation('Tháng 5/2026', 'in_progress', null, firstHalf, '2026-05-20'),
    ).toBeNull();
    expect(taskNeedsExplanation('Tháng 5/2026', 'in_progress', null, firstHalf, '2026-06-02')).toBe(
      'overdue',
    );
  });
});

describe('indicatorNeedsExplanation', () => {
  const targets = [
    { year: 2025, text: '≥ 60%' },
    { year: 2030, text: '100%' },
  ];

  it('asks why a value lies well below the line between milestones', () => {
    // Expected mid-2026 ≈ 64%; 40% is off track.
    expect(indicatorNeedsExplanation(targets, '%', 40, '2026-06-30')).toBe('off_track');
  });

  it('does not ask for a value on or near the line, nor without a value or a target', () => {
    expect(indicatorNeedsExplanation(targets, '%', 70, '2026-06-30')).toBeNull();
    expect(indicatorNeedsExplanation(targets, '%', 60, '2026-06-30')).toBeNull(); // at risk only
    expect(indicatorNeedsExplanation(targets, '%', null, '2026-06-30')).toBeNull();
    expect(indicatorNeedsExplanation([], '%', 5, '2026-06-30')).toBeNull();
    expect(
      indicatorNeedsExplanation([{ year: null, text: 'Hoàn thành' }], null, 1, '2026-06-30'),
    ).toBeNull();
  });

  it('reads "lower is better" targets the right way round', () => {
    const fewer = [
      { year: 2025, text: '≤ 10 ngày' },
      { year: 2030, text: '≤ 2 ngày' },
    ];
    expect(indicatorNeedsExplanation(fewer, 'ngày', 3, '2026-06-30')).toBeNull();
    expect(indicatorNeedsExplanation(fewer, 'ngày', 20, '2026-06-30')).toBe('off_track');
  });
});
