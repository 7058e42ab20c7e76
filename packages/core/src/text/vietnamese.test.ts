import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collapseWhitespace, compareVietnamese, matchesSearch, searchKey } from './vietnamese.ts';

describe('searchKey', () => {
  it('drops diacritics and đ', () => {
    expect(searchKey('Chuyển đổi số')).toBe('chuyen doi so');
    expect(searchKey('ĐỔI MỚI SÁNG TẠO')).toBe('doi moi sang tao');
  });
  it('treats precomposed and decomposed input alike', () => {
    expect(searchKey('Hóa'.normalize('NFD'))).toBe(searchKey('Hóa'.normalize('NFC')));
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => searchKey(searchKey(s)) === searchKey(s)));
  });
});

describe('matchesSearch', () => {
  it('finds "chuyen doi so" in text with diacritics, words in any order', () => {
    expect(matchesSearch('Kế hoạch chuyển đổi số năm 2026', 'chuyen doi so')).toBe(true);
    expect(matchesSearch('Kế hoạch chuyển đổi số năm 2026', 'so 2026 ke')).toBe(true);
    expect(matchesSearch('Kế hoạch chuyển đổi số', 'kinh te')).toBe(false);
  });
});

describe('compareVietnamese', () => {
  it('sorts in Vietnamese alphabetical order', () => {
    const words = ['Đông', 'Dương', 'An', 'Ân', 'Bắc', 'Ăn'];
    expect([...words].sort(compareVietnamese)).toEqual(['An', 'Ăn', 'Ân', 'Bắc', 'Dương', 'Đông']);
  });
  it('orders numbers by value', () => {
    expect(['10', '9', '6.10', '6.2'].sort(compareVietnamese)).toEqual(['6.2', '6.10', '9', '10']);
  });
});

describe('collapseWhitespace', () => {
  it('joins runs of spaces, tabs and newlines', () => {
    expect(collapseWhitespace('  a \n\t b  ')).toBe('a b');
  });
});
