import { describe, expect, it } from 'vitest';
import { joinBroken } from './decode.ts';

describe('joinBroken', () => {
  it('joins a percent sign a narrow column put on the next line to its number', () => {
    expect(joinBroken('≥100', '%')).toBe('≥100%');
    expect(joinBroken('Đạt 3', '% trở lên')).toBe('Đạt 3% trở lên');
  });

  it('keeps the space between words and after a number followed by a word', () => {
    expect(joinBroken('Phòng Văn', 'hóa')).toBe('Phòng Văn hóa');
    expect(joinBroken('năm 2025', 'về')).toBe('năm 2025 về');
  });
});
