import { describe, expect, it } from 'vitest';
import { cascadeSimilarity, suggestCascadeLinks } from './cascadeMatch.ts';

const province = [
  {
    id: 1,
    text: 'Tổ chức tuyên truyền về Nghị quyết số 57-NQ/TW, về KHCN, ĐMST và CDS với hình thức tuyên truyền đa dạng, phong phú',
  },
  {
    id: 2,
    text: 'Hoàn thành và đưa vào khai thác hiệu quả các cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành',
  },
  { id: 3, text: 'Tỷ lệ người dân có chữ ký số' },
];

describe('cascadeSimilarity', () => {
  it('is 1 for the same text whatever the case, accents of filler words and punctuation', () => {
    expect(cascadeSimilarity('Tỷ lệ người dân có chữ ký số.', 'TỶ LỆ NGƯỜI DÂN CÓ CHỮ KÝ SỐ')).toBe(
      1,
    );
  });

  it('is 0 for texts without a shared meaningful word', () => {
    expect(cascadeSimilarity('Bảo đảm an ninh mạng', 'Phủ sóng 5G')).toBe(0);
  });

  it('stays high when a commune extends the province wording', () => {
    const commune =
      'Tổ chức tuyên truyền trên địa bàn xã về Nghị quyết số 57-NQ/TW, về KHCN, ĐMST và CDS với hình thức tuyên truyền đa dạng, phong phú (hội nghị, tài liệu, video)';
    expect(cascadeSimilarity(commune, province[0]!.text)).toBeGreaterThan(0.6);
  });
});

describe('suggestCascadeLinks', () => {
  it('proposes the implemented parent and nothing for an unrelated task', () => {
    const children = [
      {
        id: 10,
        text: 'Hoàn thành, đưa vào khai thác hiệu quả cơ sở dữ liệu quốc gia trên địa bàn xã',
      },
      { id: 11, text: 'Bố trí nguồn lực thực hiện Kế hoạch' },
      { id: 12, text: 'Tỷ lệ người dân trên địa bàn phường có chữ ký số' },
    ];
    const links = suggestCascadeLinks(province, children);
    expect(links.map((l) => [l.childId, l.parentId])).toEqual([
      [10, 2],
      [12, 3],
    ]);
    expect(links.every((l) => l.score >= 0.3 && l.score <= 1)).toBe(true);
  });

  it('keeps at most perChild parents, best first', () => {
    const parents = [
      { id: 1, text: 'Tuyên truyền chuyển đổi số' },
      { id: 2, text: 'Tuyên truyền chuyển đổi số cho người dân' },
      { id: 3, text: 'Tuyên truyền chuyển đổi số cho doanh nghiệp' },
    ];
    const links = suggestCascadeLinks(
      parents,
      [{ id: 9, text: 'Tuyên truyền chuyển đổi số cho người dân' }],
      { perChild: 2 },
    );
    expect(links.map((l) => l.parentId)).toEqual([2, 1]);
    expect(links[0]!.score).toBe(1);
  });
});
