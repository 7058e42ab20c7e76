import { describe, expect, it } from 'vitest';
import { localityMismatch, placeKey, titleProblem, unitProposalDoubt } from './importChecks.ts';

describe('import checks', () => {
  it('asks for a real title: not empty, not the uploaded file’s name', () => {
    expect(titleProblem('  ')).toMatch(/Chưa có tên kế hoạch/);
    expect(titleProblem('000_862ce2f29f2f990b.pdf')).toMatch(/tên tệp/);
    expect(titleProblem('Kế hoạch 12', 'Kế hoạch 12')).toMatch(/tên tệp/);
    expect(titleProblem('Kế hoạch thực hiện Nghị quyết 57-NQ/TW')).toBeNull();
  });

  it('tells when the document is written for another place than the commune', () => {
    expect(placeKey('UBND PHƯỜNG KIẾN AN')).toBe('kien an');
    expect(placeKey('xã Kiến Hưng, thành phố Hải Phòng')).toBe('kien hung');
    expect(
      localityMismatch(
        { locality: 'phường Kiến An', issuer: 'UBND phường Kiến An' },
        'Xã Kiến Hưng',
      ),
    ).toBe('phường Kiến An');
    expect(localityMismatch({ locality: 'xã Kiến Hưng' }, 'Xã Kiến Hưng')).toBeNull();
    expect(localityMismatch({ issuer: 'Ủy ban nhân dân xã Kiến Hưng' }, 'Xã Kiến Hưng')).toBeNull();
    expect(
      localityMismatch({ issuer: 'Ủy ban nhân dân thành phố Hải Phòng' }, 'Thành phố Hải Phòng'),
    ).toBeNull();
    expect(localityMismatch({ locality: null, issuer: '' }, 'Xã Kiến Hưng')).toBeNull();
  });

  it('doubts unit proposals that are broken lines or near duplicates', () => {
    const existing = ['Phòng Văn hóa - Xã hội', 'Phòng Kinh tế'];
    expect(unitProposalDoubt('Hóa-Xã hội', existing)).toMatch(/dòng bị ngắt/);
    expect(unitProposalDoubt('Tế và Hạ tầng', existing)).toMatch(/dòng bị ngắt/);
    expect(unitProposalDoubt('Phòng Xã hội', existing)).toMatch(
      /Gần trùng với đơn vị đã có "Phòng Văn hóa - Xã hội"/,
    );
    expect(unitProposalDoubt('Phòng Xã hội', [], ['Phòng Văn hóa - Xã hội'])).toMatch(
      /cũng được đề xuất/,
    );
    for (const fine of ['Công an xã', 'Phòng Văn hoá-Xã hội', 'Hội Nông dân xã', 'Trạm Y tế'])
      expect(unitProposalDoubt(fine, existing, ['Phòng Xã hội'])).toBeNull();
  });
});
