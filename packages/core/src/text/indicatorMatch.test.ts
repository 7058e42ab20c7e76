import { describe, expect, it } from 'vitest';
import { matchIndicator } from './indicatorMatch.ts';

const catalogue = [
  { id: 1, name: 'Tỷ lệ phủ sóng 5G trên địa bàn xã' },
  { id: 2, name: 'Tỷ lệ người dân có chữ ký số' },
  {
    id: 3,
    name: 'Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 01 Gbps',
  },
  { id: 4, name: 'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến' },
];

describe('matchIndicator', () => {
  it.each([
    ['Tỷ lệ phủ sóng 5G trên địa bàn phường', 1],
    ['Tỷ lệ người dân có chữ ký số.', 2],
    ['TỶ LỆ NGƯỜI DÂN CÓ CHỮ KÝ SỐ', 2],
    ['Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ trên 1 Gbps', 3],
  ])('%s → catalogue %i', (name, id) => {
    expect(matchIndicator(name, catalogue)?.catalogueId).toBe(id);
  });

  it.each([
    'Tỷ lệ phủ sóng 6G trên địa bàn xã',
    'Tỷ lệ hồ sơ thủ tục hành chính được số hóa',
    'Số doanh nghiệp công nghệ số',
  ])('%s → no match (similar words, another indicator)', (name) => {
    expect(matchIndicator(name, catalogue)).toBeNull();
  });
});
