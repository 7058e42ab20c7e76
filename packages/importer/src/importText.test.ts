import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanDraft } from '@tiendo/core';
import { importPlan, ImportError, scoreDraft } from './index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const encode = (text: string) => new TextEncoder().encode(text);
const importText = (text: string) => importPlan({ filename: 'ke-hoach.txt', bytes: encode(text) });

describe('importPlan on the seed plans (tab-separated and PDF-flattened text)', () => {
  it.each([
    '000_862ce2f29f2f990b',
    '001_1d64451434ecda36',
    '003_8b1c9afe57927341',
    '004_f32060216730cad0',
  ])('%s: every row found, field accuracy ≥ 0.98', async (name) => {
    const expected = PlanDraft.parse(
      JSON.parse(readFileSync(join(ROOT, 'fixtures/gold', `${name}.gold.json`), 'utf8')),
    );
    const actual = await importPlan({
      filename: `${name}.txt`,
      bytes: readFileSync(join(ROOT, 'fixtures/seeds', `${name}.txt`)),
    });
    const score = scoreDraft(expected, actual);
    expect(score.rows.recall).toBe(1);
    expect(
      score.accuracy,
      JSON.stringify(score.mismatches.slice(0, 5), null, 1),
    ).toBeGreaterThanOrEqual(0.98);
  });
});

const HEADER = [
  'STT',
  'Nội dung công việc',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Sản phẩm',
  'Thời gian hoàn thành',
].join('\t');

describe('tab tables', () => {
  it('joins a row continued on the next line, skips a header repeated on a new page, keeps groups', async () => {
    const draft = await importText(
      [
        'PHỤ LỤC 2',
        HEADER,
        'I\tNhóm nhiệm vụ thứ nhất\t\t\t\t',
        '1\tRà soát các quy định, đề xuất sửa đổi, bổ sung\tCác phòng, ban,\tPhòng Văn hóa – Xã hội\tBáo cáo\tHằng năm',
        '\thoặc ban hành mới theo thẩm quyền.\tcác thôn\t\t\t',
        HEADER,
        '2\tXây dựng kế hoạch giai đoạn 2021-\tPhòng Kinh tế\t-\tKế hoạch\tTháng 10/2025',
        '\t2025\t\t\t\t',
      ].join('\n'),
    );
    expect(draft.tasks).toEqual([
      {
        table: 'PHỤ LỤC 2',
        group: 'I. Nhóm nhiệm vụ thứ nhất',
        code: '1',
        content:
          'Rà soát các quy định, đề xuất sửa đổi, bổ sung hoặc ban hành mới theo thẩm quyền.',
        lead: 'Các phòng, ban, các thôn',
        coordinate: 'Phòng Văn hóa – Xã hội',
        output: 'Báo cáo',
        deadline: 'Hằng năm',
        director: null,
        responsible: null,
      },
      expect.objectContaining({
        code: '2',
        content: 'Xây dựng kế hoạch giai đoạn 2021-2025',
        coordinate: '-',
      }),
    ]);
  });

  it('reads year columns, omits empty cells, keeps "-", and spreads one sentence over all years', async () => {
    const draft = await importText(
      [
        'PHỤ LỤC 1',
        [
          'Stt',
          'Chỉ tiêu',
          'Năm 2025',
          'Năm 2030',
          'Năm 2035',
          'Cơ quan chủ trì theo dõi, đánh giá',
          'Sản phẩm đầu ra',
        ].join('\t'),
        ['1', 'Tỷ lệ phủ sóng 5G', '$\\geq 70\\%$', '', '-', 'Phòng Kinh tế', 'Bộ số liệu'].join(
          '\t',
        ),
        [
          '2',
          'Ứng dụng AI',
          'Thực hiện thường xuyên trong các năm',
          '',
          '',
          'Phòng Kinh tế',
          'Báo cáo',
        ].join('\t'),
      ].join('\n'),
    );
    expect(draft.indicators.map((i) => i.targets)).toEqual([
      { '2025': '≥ 70%', '2035': '-' },
      { all: 'Thực hiện thường xuyên trong các năm' },
    ]);
    expect(draft.indicators[0]).toMatchObject({
      lead: 'Phòng Kinh tế',
      output: 'Bộ số liệu',
      unit: null,
      group: null,
    });
  });

  it('takes the year of a single "Kết quả" column from the group row', async () => {
    const draft = await importText(
      [
        'PHỤ LỤC 1',
        'TT\tChỉ tiêu\tĐơn vị\tKết quả\tCơ quan chủ trì',
        'I\tĐến năm 2030\t\t\t',
        '1\tXếp hạng\tThứ bậc\tTop 50\tPhòng Văn hóa-Xã hội',
      ].join('\n'),
    );
    expect(draft.indicators[0]).toMatchObject({
      unit: 'Thứ bậc',
      targets: { '2030': 'Top 50' },
      group: 'I. Đến năm 2030',
    });
  });
});

describe('PDF-flattened tables (cells broken over lines, no tabs)', () => {
  const flattened = [
    'PHỤ LỤC 3: Nhiệm vụ',
    'Stt Nội dung công việc',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Sản phẩm',
    'Thời gian hoàn',
    'thành',
    'I Hạ tầng số',
    '1',
    'Lắp đặt camera giám sát tại các',
    'tuyến đường chính',
    'Công an xã',
    'Các thôn',
    'Báo cáo',
    'Quý II/2026',
    '2 Số hóa hồ sơ một cửa',
    'Trung tâm Phục vụ',
    'hành chính công',
    'Văn phòng HĐND và',
    'UBND',
    'Kế hoạch Hằng năm',
    '7',
    'Stt Nội dung công việc',
    'Cơ quan chủ trì',
    '3 Tập huấn kỹ năng số cho',
    'người dân năm 2026',
    'Phòng Văn hóa - Xã',
    'hội',
    'Các phòng, ban',
    'Báo cáo kết quả',
    'Hoàn thành trước',
    'tháng 9/2026',
  ].join('\n\n');

  it('rebuilds rows, splits cells by what starts them, drops page numbers and repeated headers', async () => {
    const { tasks } = await importText(flattened);
    expect(
      tasks.map((t) => [t.group, t.code, t.content, t.lead, t.coordinate, t.output, t.deadline]),
    ).toEqual([
      [
        'I. Hạ tầng số',
        '1',
        'Lắp đặt camera giám sát tại các tuyến đường chính',
        'Công an xã',
        'Các thôn',
        'Báo cáo',
        'Quý II/2026',
      ],
      [
        'I. Hạ tầng số',
        '2',
        'Số hóa hồ sơ một cửa',
        'Trung tâm Phục vụ hành chính công',
        'Văn phòng HĐND và UBND',
        'Kế hoạch',
        'Hằng năm',
      ],
      [
        'I. Hạ tầng số',
        '3',
        'Tập huấn kỹ năng số cho người dân năm 2026',
        'Phòng Văn hóa - Xã hội',
        'Các phòng, ban',
        'Báo cáo kết quả',
        'Hoàn thành trước tháng 9/2026',
      ],
    ]);
  });
});

describe('metadata', () => {
  const doc = [
    'Số: 18/KH-UBND',
    'Thái Tân, ngày 05 tháng 8 năm 2025',
    'KẾ HOẠCH',
    'Thực hiện Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển',
    '',
    'Căn cứ Kế hoạch số 142/KH-UBND ngày 9/6/2025 của UBND thành phố về việc thực hiện; Ủy ban nhân dân xã Thái Tân xây dựng Kế hoạch như sau:',
    'I. MỤC ĐÍCH',
    'Kế hoạch này thay thế Kế hoạch số 98/KH-UBND ngày 08/10/2025.',
    'Định kỳ 6 tháng, trước ngày 25/5 và 15/11, các đơn vị báo cáo kết quả về Ủy ban nhân dân xã.',
    '2. Giao phòng Văn hoá – Xã hội chủ trì, theo dõi, đôn đốc, kiểm tra việc thực hiện kế hoạch.',
    'Nơi nhận:',
    '- Như trên;',
    'TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH',
    'Đặng Văn Duy',
  ].join('\n');

  it('reads number, date, issuer, title, basis, replaces, focal unit, reporting and signer', async () => {
    const { plan } = await importText(doc);
    expect(plan).toEqual({
      issuer: 'Ủy ban nhân dân xã Thái Tân',
      locality: 'xã Thái Tân',
      number: '18/KH-UBND',
      date: '2025-08-05',
      title: 'Thực hiện Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển',
      signer: { name: 'Đặng Văn Duy', position: 'CHỦ TỊCH', authority: 'TM. ỦY BAN NHÂN DÂN' },
      basis: [
        { number: '57-NQ/TW', date: '2024-12-22', issuer: 'Bộ Chính trị' },
        { number: '142/KH-UBND', date: '2025-06-09', issuer: 'Ủy ban nhân dân thành phố' },
      ],
      replaces: ['98/KH-UBND'],
      focal_unit: 'Phòng Văn hoá – Xã hội',
      reporting: [
        { frequency: 'semiannual', due: '05-25', text: expect.stringContaining('Định kỳ 6 tháng') },
        { frequency: 'semiannual', due: '11-15', text: expect.stringContaining('Định kỳ 6 tháng') },
      ],
    });
  });
});

describe('bad input', () => {
  it('rejects text that is not UTF-8, binary data and unknown file types in Vietnamese', async () => {
    await expect(
      importPlan({ filename: 'a.txt', bytes: new Uint8Array([0xff, 0xfe, 0x41, 0xc3]) }),
    ).rejects.toThrow(/UTF-8/);
    await expect(importPlan({ filename: 'a.txt', bytes: encode('a\u0000b') })).rejects.toThrow(
      ImportError,
    );
    await expect(importPlan({ filename: 'a.xls', bytes: encode('x') })).rejects.toThrow(
      /Không đọc được loại tệp .xls/,
    );
  });
  it('refuses files over the size limit before reading them', async () => {
    await expect(
      importPlan({ filename: 'a.txt', bytes: new Uint8Array(21 * 1024 * 1024) }),
    ).rejects.toThrow(/quá lớn/);
  });
  it('says so when a document has no appendix table, instead of failing', async () => {
    const draft = await importText('KẾ HOẠCH\nThực hiện Nghị quyết\n');
    expect(draft.indicators).toEqual([]);
    expect(draft.warnings?.[0]?.message).toMatch(/Không tìm thấy bảng phụ lục/);
  });
});
