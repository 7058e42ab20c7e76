import { describe, expect, it } from 'vitest';
import { fillMessage } from './i18n.tsx';

describe('fillMessage', () => {
  it('fills every named place, leaves an unknown one as written', () => {
    expect(fillMessage('{tasks}/{taskTotal} nhiệm vụ', { tasks: 3, taskTotal: 29 })).toBe(
      '3/29 nhiệm vụ',
    );
    expect(fillMessage('trễ {n} ngày, {n} lần', { n: -2 })).toBe('trễ -2 ngày, -2 lần');
    expect(fillMessage('Xin chào {name}', {})).toBe('Xin chào {name}');
  });
});
