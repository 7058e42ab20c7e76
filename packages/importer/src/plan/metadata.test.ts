import { describe, expect, it } from 'vitest';
import { extractMetadata } from './metadata.ts';

// Plan metadata written the ways issue 15 found the importer missing.

const plan = (...body: string[]) =>
  extractMetadata([
    'ỦY BAN NHÂN DÂN',
    'XÃ TÂN HƯNG',
    'Số: 36/KH-UBND',
    'Tân Hưng, ngày 05 tháng 9 năm 2025',
    '',
    'KẾ HOẠCH',
    'Triển khai Nghị quyết 57-NQ/TW trên địa bàn xã',
    '',
    ...body,
  ]);

describe('reporting duties', () => {
  it('keeps two obligations written in one sentence, each with its dates', () => {
    const { reporting } = plan(
      'Định kỳ 6 tháng trước ngày 15/6 và 15/12, các đơn vị báo cáo kết quả về Phòng Văn hóa - Xã hội; định kỳ hằng năm trước ngày 10/12 báo cáo Ủy ban nhân dân xã.',
    );
    expect(reporting.map((r) => [r.frequency, r.due])).toEqual([
      ['semiannual', '06-15'],
      ['semiannual', '12-15'],
      ['annual', '12-10'],
    ]);
  });

  it('reads an ad hoc duty', () => {
    const { reporting } = plan(
      'Các phòng, đơn vị báo cáo đột xuất khi có yêu cầu của Ủy ban nhân dân xã.',
    );
    expect(reporting).toEqual([expect.objectContaining({ frequency: 'adhoc', due: null })]);
  });

  it('splits numbered points a flattened text ran together', () => {
    const { reporting } = plan(
      'Định kỳ hàng năm trước ngày 10/12 các phòng báo cáo kết quả 2- Giao Phòng Văn hóa - Xã hội theo dõi; định kỳ quý báo cáo Ủy ban nhân dân xã',
    );
    expect(reporting.map((r) => r.frequency)).toEqual(['annual', 'adhoc']);
  });
});

describe('focal unit', () => {
  it('takes the unit named as a heading above "Là cơ quan thường trực"', () => {
    const { focal_unit } = plan(
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Phòng Văn hóa - Xã hội',
      '- Là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch.',
    );
    expect(focal_unit).toBe('Phòng Văn hóa - Xã hội');
  });
});

describe('heading', () => {
  it('reads number and date from the heading block', () => {
    const meta = plan('Nội dung.');
    expect([meta.number, meta.date, meta.issuer]).toEqual([
      '36/KH-UBND',
      '2025-09-05',
      'Ủy ban nhân dân xã Tân Hưng',
    ]);
  });
});
