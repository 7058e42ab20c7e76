import { describe, expect, it } from 'vitest';
import { afterCommittee, isAdministrativeCode, sameUnit, unitKey } from './units.ts';

describe('unitKey', () => {
  it('treats the spellings of one unit found in the seed plans as one', () => {
    const spellings = [
      'Phòng Văn hoá-Xã hội',
      'Phòng VH-XH',
      'Phòng Văn hóa – Xã hội phường',
      'Phòng Văn hóa - Xã hội xã',
      'Phòng Văn hóa-Xã hội',
    ];
    const keys = new Set(spellings.map(unitKey));
    expect([...keys]).toEqual(['phong van hoa xa hoi']);
  });
  it('expands the service-centre abbreviations', () => {
    expect(sameUnit('Trung tâm PVHCC', 'Trung tâm phục vụ HCC')).toBe(true);
    expect(sameUnit('Trung tâm PVHCC', 'Trung tâm Phục vụ hành chính công xã')).toBe(true);
  });
  it('keeps different units apart', () => {
    expect(sameUnit('Phòng Kinh tế', 'Phòng Văn hóa - Xã hội')).toBe(false);
    expect(sameUnit('Công an xã', 'Ban Chỉ huy Quân sự xã')).toBe(false);
  });
  it('does not strip the unit word itself when the name is only the level', () => {
    expect(unitKey('Công an xã')).toBe('cong an');
  });
});

describe('isAdministrativeCode (Decision 19/2025/QĐ-TTg)', () => {
  it('takes two digits for a province, five for a commune, none for a department', () => {
    expect(isAdministrativeCode('province', '31')).toBe(true);
    expect(isAdministrativeCode('province', '031')).toBe(false);
    expect(isAdministrativeCode('commune', '11460')).toBe(true);
    expect(isAdministrativeCode('commune', '1146')).toBe(false);
    expect(isAdministrativeCode('commune', '1146a')).toBe(false);
    expect(isAdministrativeCode('unit', '12345')).toBe(false);
  });
});

describe('afterCommittee', () => {
  it('writes the kind in lower case after "UBND", and nothing else', () => {
    expect(afterCommittee('Xã Kiến Hưng')).toBe('xã Kiến Hưng');
    expect(afterCommittee('Phường Kiến An')).toBe('phường Kiến An');
    expect(afterCommittee('Thành phố Hải Phòng')).toBe('thành phố Hải Phòng');
    expect(afterCommittee('Xã')).toBe('Xã');
    expect(afterCommittee('Xãhội')).toBe('Xãhội');
    expect(afterCommittee('Kiến Hưng')).toBe('Kiến Hưng');
  });
});
