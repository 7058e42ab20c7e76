import { describe, expect, it } from 'vitest';
import { gridOf, type DocTable, type Slot } from '../table/grid.ts';
import { extractTableRows } from './tableRows.ts';

// The table reader on layouts the seed plans do not use: each case is a feature real plans
// have (issue 15), built as a grid the way a reader produces it.

const table = (rows: string[][], label = 'PHỤ LỤC 1', heading: string[] = []): DocTable => ({
  label,
  heading,
  grid: gridOf(rows),
});

/** A row with one cell merged across the whole table (gridSpan). */
const mergedRow = (text: string, width: number): Slot[] =>
  Array.from({ length: width }, (_, i) => ({ text, left: i > 0, up: false }));

describe('section rows', () => {
  it('reads a section written as one merged cell, with the year it names', () => {
    const t = table([
      ['TT', 'Chỉ tiêu', 'Đơn vị', 'Kết quả', 'Cơ quan chủ trì'],
      ['1', 'Tỷ lệ A', '%', '≥ 80', 'Phòng Kinh tế'],
    ]);
    t.grid.rows.splice(1, 0, mergedRow('I. Đến năm 2030', 5));
    t.grid.rows.push(
      mergedRow('II. Đến năm 2045', 5),
      t.grid.rows[2]!.map((s) => ({ ...s })),
    );
    const { indicators } = extractTableRows(t);
    expect(indicators.map((r) => [r.group, r.targets])).toEqual([
      ['I. Đến năm 2030', { '2030': '≥ 80' }],
      ['II. Đến năm 2045', { '2045': '≥ 80' }],
    ]);
  });

  it('keeps lettered and upper-case sections, numbering that restarts in each', () => {
    const { tasks } = extractTableRows(
      table([
        ['STT', 'Nội dung công việc', 'Chủ trì', 'Thời hạn'],
        ['A', 'Nhiệm vụ trọng tâm', '', ''],
        ['1', 'Việc một', 'Phòng Kinh tế', 'Tháng 6/2026'],
        ['', 'NHIỆM VỤ THƯỜNG XUYÊN', '', ''],
        ['1', 'Việc hai', 'Công an xã', 'Thường xuyên'],
      ]),
    );
    expect(tasks.map((r) => [r.group, r.code, r.lead, r.deadline])).toEqual([
      ['A. Nhiệm vụ trọng tâm', '1', 'Phòng Kinh tế', 'Tháng 6/2026'],
      ['NHIỆM VỤ THƯỜNG XUYÊN', '1', 'Công an xã', 'Thường xuyên'],
    ]);
  });
});

describe('headers', () => {
  it('merges a two-row header over the years and skips the column-number row', () => {
    const { indicators, columns } = extractTableRows(
      table([
        ['TT', 'Tên chỉ tiêu', 'Lộ trình thực hiện', '', '', 'Đơn vị chủ trì'],
        ['', '', 'Năm 2025', 'Năm 2026', 'Đến năm 2030', ''],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
        ['1', 'Tỷ lệ hồ sơ trực tuyến', '50%', '-', '80%', 'Trung tâm PVHCC'],
      ]),
    );
    expect(columns.map((c) => c.role)).toEqual(['code', 'name', 'year', 'year', 'year', 'lead']);
    expect(indicators[0]).toMatchObject({
      code: '1',
      targets: { '2025': '50%', '2026': '-', '2030': '80%' },
      lead: 'Trung tâm PVHCC',
    });
  });

  it('reads bare years under "Chỉ tiêu theo năm" and a value merged across them as every year', () => {
    const t = table([
      ['STT', 'Chỉ tiêu', 'Chỉ tiêu theo năm', '', 'Cơ quan chủ trì theo dõi, đánh giá'],
      ['', '', '2025', '2030', ''],
      ['1', 'Duy trì hệ thống', 'x', 'x', 'Văn phòng HĐND và UBND'],
    ]);
    const row = t.grid.rows[2]!;
    row[2] = { text: 'Thực hiện thường xuyên trong các năm', left: false, up: false };
    row[3] = { text: row[2].text, left: true, up: false };
    const { indicators } = extractTableRows(t);
    expect(indicators[0]!.targets).toEqual({ all: 'Thực hiện thường xuyên trong các năm' });
  });

  it('maps unfamiliar headers by their words and keeps columns with no field as the note', () => {
    const { tasks, columns } = extractTableRows(
      table([
        [
          'TT',
          'Nhiệm vụ',
          'Lãnh đạo UBND xã phụ trách',
          'Đơn vị thực hiện',
          'Thời hạn',
          'Kinh phí',
          'Ghi chú',
        ],
        ['1', 'Số hóa hồ sơ', 'Chủ tịch UBND xã', 'Văn phòng', 'Năm 2026', 'Ngân sách xã', ''],
      ]),
    );
    expect(columns.map((c) => c.role)).toEqual([
      'code',
      'name',
      'director',
      'lead',
      'deadline',
      'note',
      'note',
    ]);
    expect(tasks[0]).toMatchObject({
      director: 'Chủ tịch UBND xã',
      lead: 'Văn phòng',
      deadline: 'Năm 2026',
      note: 'Kinh phí: Ngân sách xã',
    });
  });

  it('decides a column with an unknown header from what its cells hold', () => {
    const { tasks, columns } = extractTableRows(
      table([
        ['TT', 'Nội dung', 'Bộ phận', 'Mốc', 'Hình thức'],
        ['1', 'Việc một', 'Phòng Kinh tế', 'Tháng 10/2025', 'Kế hoạch'],
        ['2', 'Việc hai', 'Trạm y tế', 'Quý II/2026', 'Báo cáo'],
        ['3', 'Việc ba', 'Đài Truyền thanh', 'Thường xuyên', 'Văn bản'],
      ]),
    );
    expect(columns.map((c) => c.role)).toEqual(['code', 'name', 'lead', 'deadline', 'output']);
    expect(tasks[2]).toMatchObject({
      lead: 'Đài Truyền thanh',
      deadline: 'Thường xuyên',
      output: 'Văn bản',
    });
  });
});

describe('item rows', () => {
  it('keeps sub-rows numbered "a)", "-", "+" and joins rows without a number to the item above', () => {
    const { tasks } = extractTableRows(
      table([
        ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
        ['1', 'Chuyển đổi số', '', ''],
        ['a)', 'Số hóa', 'Văn phòng', 'Năm 2026'],
        ['-', 'Ký số', 'Văn phòng', 'Năm 2026'],
        ['+', 'Lưu trữ', 'Văn phòng', ''],
        ['', 'điện tử', '', 'Năm 2027'],
      ]),
    );
    expect(tasks.map((r) => [r.code, r.content, r.deadline])).toEqual([
      ['1', 'Chuyển đổi số', null],
      ['a)', 'Số hóa', 'Năm 2026'],
      ['-', 'Ký số', 'Năm 2026'],
      ['+', 'Lưu trữ điện tử', 'Năm 2027'],
    ]);
  });

  it('skips a header repeated on a new page and joins the row it cut in two', () => {
    const { indicators } = extractTableRows(
      table([
        ['TT', 'Chỉ tiêu', 'Năm 2025', 'Cơ quan chủ trì'],
        ['1', 'Tỷ lệ người dân từ 15 tuổi trở', '80%', 'Phòng'],
        ['TT', 'Chỉ tiêu', 'Năm 2025', 'Cơ quan chủ trì'],
        ['', 'lên có tài khoản', '', 'Văn hóa - Xã hội'],
        ['2', 'Tỷ lệ B', '90%', 'Công an xã'],
      ]),
    );
    expect(indicators.map((r) => [r.name, r.lead])).toEqual([
      ['Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản', 'Phòng Văn hóa - Xã hội'],
      ['Tỷ lệ B', 'Công an xã'],
    ]);
  });

  it('warns about a table with no header instead of inventing rows', () => {
    const out = extractTableRows(table([['1', 'x', 'y']]));
    expect(out.indicators.length + out.tasks.length).toBe(0);
    expect(out.warnings[0]!.message).toMatch(/không có dòng tiêu đề/);
  });
});
