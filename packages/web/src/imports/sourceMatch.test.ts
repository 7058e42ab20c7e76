import { describe, expect, it } from 'vitest';
import { sourceLineOf } from './sourceMatch.ts';

describe('sourceLineOf', () => {
  const lines = [
    'PHỤ LỤC 2',
    '1\tXây dựng kho dữ liệu dùng chung của xã phục vụ chỉ đạo\tVăn phòng',
    '2\tTuyên truyền về Nghị quyết',
    'số 57-NQ/TW trên hệ thống',
  ];
  it('finds the line by its opening words, ignoring accents and case', () => {
    expect(sourceLineOf(lines, 'xay dung kho du lieu dung chung cua xa phuc vu')).toBe(1);
  });
  it('falls back to fewer words when the layout broke the text', () => {
    expect(sourceLineOf(lines, 'Tuyên truyền về Nghị quyết số 57-NQ/TW trên hệ thống')).toBe(2);
  });
  it('says -1 for text that is not in the source', () => {
    expect(sourceLineOf(lines, 'Không có ở đâu cả')).toBe(-1);
    expect(sourceLineOf(lines, '')).toBe(-1);
  });
});
