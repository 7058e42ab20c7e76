import { describe, expect, it } from 'vitest';
import { diffPlanItems, type DiffItem } from './planDiff.ts';

const task = (id: number | undefined, code: string, content: string, more = {}): DiffItem => ({
  kind: 'task',
  ...(id === undefined ? {} : { id }),
  code,
  fields: { content, lead: 'Phòng Kinh tế', deadline: 'Năm 2026', ...more },
});
const indicator = (id: number | undefined, code: string, name: string, targets = {}): DiffItem => ({
  kind: 'indicator',
  ...(id === undefined ? {} : { id }),
  code,
  fields: { name, unit: '%' },
  targets,
});

const CURRENT = [
  task(1, '1', 'Xây dựng cơ sở dữ liệu đất đai của xã'),
  task(2, '2', 'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức'),
  task(3, '3', 'Triển khai thanh toán không dùng tiền mặt tại chợ xã'),
  indicator(10, '1', 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến', { '2026': '80%' }),
];

describe('diffPlanItems', () => {
  it('pairs renumbered rows by their text and reports each changed field', () => {
    const incoming = [
      task(undefined, '5', 'Tổ chức tập huấn kỹ năng số cho cán bộ, công chức', {
        deadline: 'Quý II/2027',
      }),
      task(undefined, '1', 'Xây dựng cơ sở dữ liệu đất đai của xã'),
    ];
    const diff = diffPlanItems(CURRENT, incoming);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.current.id).toBe(2);
    expect(diff.changed[0]!.changes).toEqual([
      { field: 'deadline', before: 'Năm 2026', after: 'Quý II/2027' },
    ]);
    expect(diff.unchanged.map((u) => u.current.id)).toEqual([1]);
    expect(diff.missing.map((m) => m.id)).toEqual([10, 3]);
    expect(diff.added).toEqual([]);
  });

  it('keeps a reworded item with the same code as the same item, a new text as new', () => {
    const incoming = [
      task(undefined, '3', 'Triển khai thanh toán không dùng tiền mặt tại chợ và các cửa hàng'),
      task(undefined, '4', 'Lắp đặt camera giám sát an ninh tại các thôn'),
    ];
    const diff = diffPlanItems(CURRENT, incoming);
    expect(diff.changed.map((c) => c.current.id)).toEqual([3]);
    expect(diff.changed[0]!.changes.map((c) => c.field)).toEqual(['content']);
    expect(diff.added.map((a) => a.code)).toEqual(['4']);
  });

  it('does not pair a same-coded row whose text is another matter', () => {
    const incoming = [task(undefined, '1', 'Lắp đặt camera giám sát an ninh tại các thôn')];
    const diff = diffPlanItems(CURRENT, incoming);
    expect(diff.changed).toEqual([]);
    expect(diff.added).toHaveLength(1);
    expect(diff.missing.map((m) => m.id)).toContain(1);
  });

  it('compares targets year by year, ignoring spacing, and never proposes clearing a cell', () => {
    const incoming = [
      indicator(undefined, '1', 'Tỷ lệ hồ sơ  thủ tục hành chính xử lý trực tuyến', {
        '2026': ' 80% ',
        '2027': '90%',
      }),
    ];
    incoming[0]!.fields.unit = null;
    const diff = diffPlanItems(CURRENT, incoming);
    expect(diff.changed[0]!.changes).toEqual([
      { field: 'targets.2027', before: null, after: '90%' },
    ]);
  });

  it('never pairs a task with an indicator', () => {
    const incoming = [task(undefined, '1', 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến')];
    const diff = diffPlanItems(CURRENT, incoming);
    expect(diff.added).toHaveLength(1);
    expect(diff.missing.some((m) => m.id === 10)).toBe(true);
  });

  it('pairs each item at most once when two rows resemble it', () => {
    const incoming = [
      task(undefined, '7', 'Xây dựng cơ sở dữ liệu đất đai của xã'),
      task(undefined, '8', 'Xây dựng cơ sở dữ liệu đất đai của xã và dân cư'),
    ];
    const diff = diffPlanItems(CURRENT, incoming);
    const paired = [...diff.changed, ...diff.unchanged].map((p) => p.current.id);
    expect(paired.filter((id) => id === 1)).toHaveLength(1);
    expect(diff.added.map((a) => a.code)).toEqual(['8']);
  });
});
