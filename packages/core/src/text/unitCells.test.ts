import { describe, expect, it } from 'vitest';
import { matchUnitCell, splitUnitCell } from './unitCells.ts';

describe('splitUnitCell', () => {
  it.each([
    ['Phòng Văn hoá-Xã hội', [['Phòng Văn hoá-Xã hội', false]]],
    [
      'Công an xã; các cơ quan, đơn vị',
      [
        ['Công an xã', false],
        ['Các cơ quan, đơn vị', true],
      ],
    ],
    ['Công an xã;', [['Công an xã', false]]],
    [
      'Phòng VH-XH; Kinh tế',
      [
        ['Phòng VH-XH', false],
        ['Phòng Kinh tế', false],
      ],
    ],
    [
      '- Công an phường; - Các phòng, ban, ngành, đơn vị.',
      [
        ['Công an phường', false],
        ['Các phòng, ban, ngành, đơn vị', true],
      ],
    ],
    ['Đồng chí Trưởng phòng Văn hóa – Xã hội phường', [['Phòng Văn hóa – Xã hội phường', false]]],
    ['Đồng chí Trưởng Công an phường', [['Công an phường', false]]],
    [
      'Đồng chí Thủ trưởng các phòng, ban, ngành, đơn vị.',
      [['Các phòng, ban, ngành, đơn vị', true]],
    ],
    [
      'Các phòng, ban, cơ quan, đơn vị, các thôn',
      [['Các phòng, ban, cơ quan, đơn vị, các thôn', true]],
    ],
    ['-', []],
  ])('%s', (cell, expected) => {
    expect(splitUnitCell(cell).map((u) => [u.name, u.collective])).toEqual(expected);
  });
});

describe('matchUnitCell', () => {
  const units = [
    { id: 1, name: 'Phòng Văn hóa - Xã hội' },
    { id: 2, name: 'Phòng Kinh tế' },
    { id: 3, name: 'Công an xã' },
    { id: 4, name: 'Trung tâm Phục vụ hành chính công' },
    { id: 5, name: 'Phòng Kinh tế, Hạ tầng và Đô thị' },
  ];
  it('matches every spelling of a unit, and each unit once', () => {
    expect(matchUnitCell('Phòng VH-XH; Kinh tế', units).matched.map((m) => m.unitId)).toEqual([
      1, 2,
    ]);
    expect(matchUnitCell('Trung tâm PVHCC', units).matched.map((m) => m.unitId)).toEqual([4]);
    expect(
      matchUnitCell('Đồng chí Trưởng phòng Văn hóa – Xã hội phường', units).matched.map(
        (m) => m.unitId,
      ),
    ).toEqual([1]);
    expect(
      matchUnitCell('Phòng Kinh tế, Hạ tầng và Đô thị phường', units).matched.map((m) => m.unitId),
    ).toEqual([5]);
  });
  it('reports collectives and proposes units it does not know', () => {
    const m = matchUnitCell('Ban Chỉ huy Quân sự xã; các cơ quan, đơn vị', units);
    expect(m).toEqual({ matched: [], unmatched: ['Ban Chỉ huy Quân sự xã'], collective: true });
  });
});
