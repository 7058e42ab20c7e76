import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftDoubts, indicatorDoubts, taskDoubts } from './fieldDoubts.ts';
import { PlanDraft, type DraftIndicator, type DraftTask } from './planDraft.ts';

const task = (over: Partial<DraftTask>): DraftTask => ({
  table: 'PHỤ LỤC 2',
  group: null,
  code: '1',
  content: 'Xây dựng kho dữ liệu dùng chung của xã',
  lead: 'Văn phòng HĐND và UBND',
  coordinate: 'Các phòng, ban',
  output: 'Kho dữ liệu',
  deadline: 'Tháng 10/2025',
  director: null,
  responsible: null,
  ...over,
});
const indicator = (over: Partial<DraftIndicator>): DraftIndicator => ({
  table: 'PHỤ LỤC 1',
  group: null,
  code: '1',
  name: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
  unit: '%',
  targets: { '2025': '≥ 80', '2030': '100%' },
  lead: 'Trung tâm PVHCC',
  output: null,
  director: null,
  responsible: null,
  ...over,
});
const fields = (doubts: Array<{ field: string }>) => doubts.map((d) => d.field);

describe('taskDoubts', () => {
  it('trusts a well-formed row', () => {
    expect(taskDoubts(task({}))).toEqual([]);
  });
  it.each([
    [{ content: '  ' }, 'content'],
    [{ content: 'Triển khai nền tảng số cho các' }, 'content'],
    [{ content: 'Triển khai nền tảng (hội nghị, video' }, 'content'],
    [{ code: 'Ghi chú' }, 'code'],
    [{ deadline: 'Phòng Kinh tế' }, 'deadline'],
    [{ deadline: 'sớm nhất có thể khi có điều kiện' }, 'deadline'],
    [{ deadline: 'Theo hướng dẫn của tỉnh' }, 'deadline'],
    [{ lead: 'Tháng 10/2025' }, 'lead'],
    [{ coordinate: 'Thường xuyên' }, 'coordinate'],
  ])('%j makes %s doubtful', (over, field) => {
    expect(fields(taskDoubts(task(over)))).toEqual([field]);
  });
  it('scores a plain misread below a per-guidance deadline that only needs a date', () => {
    const [unreadable] = taskDoubts(task({ deadline: 'xyz' }));
    const [guidance] = taskDoubts(task({ deadline: 'Theo hướng dẫn của tỉnh' }));
    expect(unreadable!.score).toBeLessThan(guidance!.score);
  });
  it('keeps "-" and empty optional cells quiet', () => {
    expect(taskDoubts(task({ coordinate: '-', deadline: null, lead: null }))).toEqual([]);
  });
});

describe('indicatorDoubts', () => {
  it('trusts readable targets, "-" and qualitative text', () => {
    expect(indicatorDoubts(indicator({ targets: { '2025': '-', all: 'Hoàn thành' } }))).toEqual([]);
  });
  it('flags unreadable targets and unit names in a target column', () => {
    const doubts = indicatorDoubts(
      indicator({ targets: { '2025': '≥ 8O,5,3%', '2030': 'Phòng Kinh tế' } }),
    );
    expect(fields(doubts).sort()).toEqual(['targets.2025', 'targets.2030']);
  });
});

describe('draftDoubts', () => {
  it('flags an empty cell in a column the rest of the table fills, but not heading rows', () => {
    const rows = [
      task({ code: '1', lead: 'Công an xã' }),
      task({ code: '2', lead: null }),
      task({ code: '3', lead: null }),
      task({ code: '3.1', lead: 'Phòng Kinh tế' }),
      task({ code: '3.2', lead: 'Phòng Kinh tế' }),
    ];
    const doubts = draftDoubts({ indicators: [], tasks: rows });
    expect(doubts.tasks.map(fields)).toEqual([[], ['lead'], [], [], []]);
  });
  it('raises almost nothing on the hand-checked seed plans', () => {
    const dir = join(import.meta.dirname, '../../../../fixtures/gold');
    let count = 0;
    let total = 0;
    for (const file of readdirSync(dir)) {
      const draft = PlanDraft.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      const doubts = draftDoubts(draft);
      count += [...doubts.indicators, ...doubts.tasks].flat().length;
      total += draft.indicators.length + draft.tasks.length;
    }
    expect(total).toBeGreaterThan(150);
    expect(count).toBeLessThanOrEqual(2);
  });
});
