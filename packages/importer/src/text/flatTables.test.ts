import { describe, expect, it } from 'vitest';
import { importPlan } from '../index.ts';

// Text copied out of a PDF (no tabs): each printed line of a cell on a line of its own, the
// first lines of neighbouring one-line cells run together on one line. Small synthetic
// tables, one feature of real copied plans each.

const importLines = (lines: string[]) =>
  importPlan({ filename: 'ke-hoach.txt', bytes: new TextEncoder().encode(lines.join('\n')) });

describe('rows of copied text', () => {
  it('does not start a row at a target line that begins with a number ("1 > 1 …")', async () => {
    const { indicators } = await importLines([
      'PHỤ LỤC 2: CHỈ TIÊU',
      'TT Chỉ tiêu Năm 2025 Năm 2030 Cơ quan chủ trì',
      'A Hạ tầng',
      '1 Tỷ lệ phủ sóng 5G > 60% 100% Phòng Kinh tế',
      '2 Tỷ lệ hộ có cáp quang 80% 100% Phòng Kinh tế',
      '3 Số doanh nghiệp có',
      'hợp tác',
      '> 10% > 25% Phòng Kinh tế',
      '4 Số sáng kiến được',
      'công nhận',
      '1 > 1 Phòng Kinh tế',
      'B Chuyển đổi số',
      '5 Tỷ lệ hồ sơ trực tuyến',
      '> 70% 100% Trung tâm PVHCC',
    ]);
    expect(indicators.map((r) => [r.group, r.code, r.name, r.targets, r.lead]).slice(2)).toEqual([
      [
        'A. Hạ tầng',
        '3',
        'Số doanh nghiệp có hợp tác',
        { 2025: '> 10%', 2030: '> 25%' },
        'Phòng Kinh tế',
      ],
      [
        'A. Hạ tầng',
        '4',
        'Số sáng kiến được công nhận',
        { 2025: '1', 2030: '> 1' },
        'Phòng Kinh tế',
      ],
      [
        'B. Chuyển đổi số',
        '5',
        'Tỷ lệ hồ sơ trực tuyến',
        { 2025: '> 70%', 2030: '100%' },
        'Trung tâm PVHCC',
      ],
    ]);
  });

  it('ends a cell that spans several printed lines at the end of a line', async () => {
    // LibreOffice draws a row cell by cell: only a one-line cell shares its line with the
    // next cell, so a cell broken over lines ends where a line ends.
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Đơn vị tính Kết quả Cơ quan chủ trì',
      'I Đến năm 2030',
      '1 Xếp hạng năng lực',
      'cạnh tranh số',
      'Thứ bậc Phấn đấu top 30 của',
      'TP',
      'Phòng Văn hoá-Xã',
      'hội',
      '2 Quy mô kinh tế số % GDP > 35 Phòng Kinh tế',
    ]);
    expect(indicators.map((r) => [r.code, r.name, r.unit, r.targets, r.lead])).toEqual([
      [
        '1',
        'Xếp hạng năng lực cạnh tranh số',
        'Thứ bậc',
        { 2030: 'Phấn đấu top 30 của TP' },
        'Phòng Văn hoá-Xã hội',
      ],
      ['2', 'Quy mô kinh tế số', '% GDP', { 2030: '> 35' }, 'Phòng Kinh tế'],
    ]);
  });

  it('restarts the numbering only after a section row: "01 Gbps/s" goes on the name', async () => {
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Năm 2025 Năm 2030 Cơ quan chủ trì',
      'I Hạ tầng',
      '1 Tỷ lệ phủ sóng 5G > 60% 100% Phòng Kinh tế',
      '2 Tỷ lệ người dùng có',
      'tốc độ trên',
      '01 Gbps/s',
      '60% 100% Phòng Kinh tế',
      'II Nguồn lực',
      '1 Tỷ lệ chi cho KHCN 2% 3% Phòng Kinh tế',
    ]);
    expect(indicators.map((r) => [r.group, r.code, r.name, r.targets])).toEqual([
      ['I. Hạ tầng', '1', 'Tỷ lệ phủ sóng 5G', { 2025: '> 60%', 2030: '100%' }],
      [
        'I. Hạ tầng',
        '2',
        'Tỷ lệ người dùng có tốc độ trên 01 Gbps/s',
        { 2025: '60%', 2030: '100%' },
      ],
      ['II. Nguồn lực', '1', 'Tỷ lệ chi cho KHCN', { 2025: '2%', 2030: '3%' }],
    ]);
  });
});

describe('sub-rows of copied text', () => {
  it('does not start a row at a name line that begins with a number ("3 năm phát")', async () => {
    const { tasks } = await importLines([
      'PHỤ LỤC 2: NHIỆM VỤ',
      'TT Nhiệm vụ Cơ quan chủ trì Thời hạn',
      '1 Xây dựng chiến',
      'lược tổng thể',
      '3 năm phát',
      'triển hệ sinh thái',
      'Công an phường Hằng năm',
      '2 Đẩy mạnh hợp tác Phòng Kinh tế Hằng năm',
    ]);
    expect(tasks.map((t) => [t.code, t.content, t.lead])).toEqual([
      ['1', 'Xây dựng chiến lược tổng thể 3 năm phát triển hệ sinh thái', 'Công an phường'],
      ['2', 'Đẩy mạnh hợp tác', 'Phòng Kinh tế'],
    ]);
  });

  it('keeps "– Xã hội" on the line above when the document writes "– Xã" inside a line', async () => {
    const { indicators } = await importLines([
      'Giao phòng Văn hóa – Xã hội phường chủ trì.',
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Đơn vị tính Kết quả Cơ quan chủ trì',
      'I Đến năm 2030',
      '1 Tỷ lệ số hóa hồ sơ % 100 Trưởng phòng',
      'phường',
      '– Xã hội',
      '2 Quy mô kinh tế số % GDP > 35 Phòng Kinh tế',
    ]);
    expect(indicators.map((r) => [r.code, r.lead])).toEqual([
      ['1', 'Trưởng phòng phường – Xã hội'],
      ['2', 'Phòng Kinh tế'],
    ]);
  });

  it('starts a row at "- Name" under a numbered row, not at a unit broken before its dash', async () => {
    const { indicators } = await importLines([
      'Giao Phòng Văn hóa - Xã hội theo dõi, tổng hợp.',
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Đơn vị tính Kết quả Cơ quan chủ trì',
      'I Đến năm 2030',
      '1 Chỉ tiêu về thủ tục',
      'hành chính',
      '- Tỷ lệ dịch vụ công',
      'trực tuyến',
      '% ≥ 80 Trung tâm PVHCC',
      '- Tỷ lệ số hóa hồ sơ % 100 Phòng Văn hóa',
      '- Xã hội',
      '2 Quy mô kinh tế số % GDP > 35 Phòng Kinh tế',
    ]);
    expect(indicators.map((r) => [r.code, r.name, r.unit, r.targets, r.lead])).toEqual([
      ['1', 'Chỉ tiêu về thủ tục hành chính', null, {}, null],
      ['-', 'Tỷ lệ dịch vụ công trực tuyến', '%', { 2030: '≥ 80' }, 'Trung tâm PVHCC'],
      ['-', 'Tỷ lệ số hóa hồ sơ', '%', { 2030: '100' }, 'Phòng Văn hóa - Xã hội'],
      ['2', 'Quy mô kinh tế số', '% GDP', { 2030: '> 35' }, 'Phòng Kinh tế'],
    ]);
  });
});

describe('sub-rows of copied text, lettered or dashed', () => {
  it('follows "d)" with "đ)" as legal texts do, or with "e)" as a list does', async () => {
    const rows = (letters: string[]) => [
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Đơn vị tính Kết quả Cơ quan chủ trì',
      'I Đến năm 2030',
      '1 Chỉ tiêu về giáo dục',
      ...letters.map((l, k) => `${l}) Tỷ lệ trường số ${k + 1} % 100 Phòng Văn hóa`),
    ];
    for (const letters of [
      ['a', 'b', 'c', 'd', 'đ', 'e', 'g'],
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    ]) {
      const { indicators } = await importLines(rows(letters));
      expect(indicators.map((r) => r.code)).toEqual(['1', ...letters.map((l) => `${l})`)]);
    }
  });

  it('starts a sub-row at "- Các cơ sở…" under dashed sub-rows: "Các" names no unit there', async () => {
    // The document also prints "Phòng Văn hóa –" and "Các phòng, ban" (two cells) on one
    // line: that does not make every line starting "- Các" the end of a name.
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Đơn vị tính Kết quả Cơ quan chủ trì Cơ quan phối hợp',
      'I Đến năm 2030',
      '1 Chỉ tiêu về giáo dục',
      '- Cơ sở giáo dục triển',
      'khai ký số',
      '% 100 Phòng Văn hóa – Các trường',
      'Xã hội',
      '- Các cơ sở giáo dục',
      'lồng ghép khởi nghiệp',
      '% 95 Phòng Văn hóa – Các trường',
      'Xã hội',
    ]);
    expect(indicators.map((r) => [r.code, r.name, r.targets])).toEqual([
      ['1', 'Chỉ tiêu về giáo dục', {}],
      ['-', 'Cơ sở giáo dục triển khai ký số', { 2030: '100' }],
      ['-', 'Các cơ sở giáo dục lồng ghép khởi nghiệp', { 2030: '95' }],
    ]);
  });
});

describe('rows cut by a page break in copied text', () => {
  it('reads the lines after a repeated header as the rest of each cell on the page before', async () => {
    // Page 1 shows the first line of every cell (one line: they run together), then the
    // header again, then what is left of each cell, again in column order. Only a cell left
    // open ("Trung tâm") or the name goes on: which lines are whose is otherwise a guess.
    const { tasks } = await importLines([
      'PHỤ LỤC 3: NHIỆM VỤ',
      'TT Nội dung công việc Cơ quan chủ trì Thời hạn Kinh phí',
      '1 Lắp đặt camera giám',
      'sát tại các tuyến đường',
      'Công an xã Quý II/2026 Ngân sách xã',
      '2 Số hóa hồ sơ Trung tâm Thường xuyên Ngân sách xã',
      'TT Nội dung công việc Cơ quan chủ trì Thời hạn Kinh phí',
      'một cửa tại bộ',
      'phận tiếp nhận',
      'PVHCC',
      '3 Tập huấn kỹ năng số Phòng Văn hóa Tháng 9/2026 Xã hội hóa',
    ]);
    expect(tasks.map((t) => [t.code, t.content, t.lead, t.deadline, t.note])).toEqual([
      [
        '1',
        'Lắp đặt camera giám sát tại các tuyến đường',
        'Công an xã',
        'Quý II/2026',
        'Kinh phí: Ngân sách xã',
      ],
      [
        '2',
        'Số hóa hồ sơ một cửa tại bộ phận tiếp nhận',
        'Trung tâm PVHCC',
        'Thường xuyên',
        'Kinh phí: Ngân sách xã',
      ],
      ['3', 'Tập huấn kỹ năng số', 'Phòng Văn hóa', 'Tháng 9/2026', 'Kinh phí: Xã hội hóa'],
    ]);
  });
});

describe('headers of copied text', () => {
  it('splits a year drawn right after the header cell above it ("đầu ra2025")', async () => {
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'STT Chỉ tiêu Chỉ tiêu theo năm Cơ quan',
      'chủ trì',
      'Sản phẩm',
      'đầu ra2025 2030',
      '1 Tỷ lệ phủ sóng 5G ≥60% 100% Phòng Kinh tế Bộ số liệu',
    ]);
    expect(indicators[0]).toMatchObject({
      targets: { 2025: '≥60%', 2030: '100%' },
      lead: 'Phòng Kinh tế',
      output: 'Bộ số liệu',
    });
  });
});

describe('narrow columns in copied text', () => {
  it('puts a word broken at a line end back together before cutting cells ("Phòn" / "g")', async () => {
    // A portrait page with many columns breaks words inside: only the whole word says that
    // "Phòng Văn hóa" is a unit's name.
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Năm 2025 Sản phẩm Cơ quan chủ trì Ghi chú',
      '1 Tỷ lệ phủ',
      'sóng 5G',
      '100% Bộ số',
      'liệu',
      'Phòn',
      'g Văn',
      'hóa',
      'Ngân',
      'sách xã',
    ]);
    expect(indicators[0]).toMatchObject({
      name: 'Tỷ lệ phủ sóng 5G',
      output: 'Bộ số liệu',
      lead: 'Phòng Văn hóa',
      note: 'Ghi chú: Ngân sách xã',
    });
  });

  it('splits header words a narrow column broke or ran together ("Nguồ" / "n vốnNăm")', async () => {
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Cơ quan',
      'chủ trì Nguồ',
      'n vốnNăm',
      '2025',
      'Năm',
      '2030',
      '1 Tỷ lệ phủ sóng 5G Phòng Kinh tế Ngân sách xã 90% 100%',
    ]);
    expect(indicators[0]).toMatchObject({
      targets: { 2025: '90%', 2030: '100%' },
      lead: 'Phòng Kinh tế',
      note: 'Nguồn vốn: Ngân sách xã',
    });
  });

  it('reads a line "TT" inside a row as a word, not as the header again', async () => {
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Năm 2025 Lãnh đạo phụ trách',
      '1 Tỷ lệ phủ sóng 5G 100% Đồng chí Nguyễn Văn A PCT',
      'TT',
      'UBND',
      '2 Tỷ lệ hộ có cáp quang 90% Đồng chí Trần Văn B CT UBND',
    ]);
    expect(indicators.map((r) => [r.name, r.director])).toEqual([
      ['Tỷ lệ phủ sóng 5G', 'Đồng chí Nguyễn Văn A PCT TT UBND'],
      ['Tỷ lệ hộ có cáp quang', 'Đồng chí Trần Văn B CT UBND'],
    ]);
  });
});

describe('rows cut by a page break in narrow columns', () => {
  it('reads each cell’s rest by the values the column holds in rows no page cut', async () => {
    // Page 1 shows the first line of each cell ("Bộ số Phòn Đồng"); the rest of every cell
    // follows the repeated header, each in lower case: which lines are whose is told by the
    // units and leaders the other rows of the table write in full.
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Sản phẩm Cơ quan chủ trì Cán bộ phụ trách',
      '1 Tỷ lệ phủ sóng 5G Bộ số',
      'liệu',
      'Phòng Văn',
      'hóa',
      'Đồng chí',
      'Trưởng phòng',
      '2 Tỷ lệ hộ có cáp quang Bộ số',
      'liệu',
      'Phòng Văn',
      'hóa',
      'Đồng chí',
      'Trưởng phòng',
      '3 Tỷ lệ dân số Bộ số Phòn Đồng',
      'TT Chỉ tiêu Sản phẩm Cơ quan chủ trì Cán bộ phụ trách',
      'trưởng thành có',
      'tài khoản số',
      'liệu',
      'g Văn',
      'hóa',
      'chí',
      'Trưởng phòng',
    ]);
    expect(indicators[2]).toMatchObject({
      name: 'Tỷ lệ dân số trưởng thành có tài khoản số',
      output: 'Bộ số liệu',
      lead: 'Phòng Văn hóa',
      responsible: 'Đồng chí Trưởng phòng',
    });
  });
});

describe('neighbouring cells of copied text', () => {
  it('reads "- ≥ 10% 20%" as no target, then "≥ 10%", not "- ≥" and "10%"', async () => {
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu 2025 2030 2035 Cơ quan chủ trì',
      '1 Tỷ lệ người dân có chữ ký số',
      '- ≥ 10% 20% Công an xã',
    ]);
    expect(indicators[0]!.targets).toEqual({ 2025: '-', 2030: '≥ 10%', 2035: '20%' });
  });

  it('leaves a lead merged over rows empty rather than give it the leader beside it', async () => {
    // The unit column's cell is printed once, in the first row it spans; the rows below show
    // only the people's columns, each "Đồng chí …".
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Năm 2025 Lãnh đạo chỉ đạo Cán bộ phụ trách Bộ phận theo dõi Sản phẩm',
      '1 Tỷ lệ phủ',
      'sóng 5G',
      '100% Đồng chí',
      'Trần Thị Phương',
      'PCT UBND',
      'Đồng chí',
      'Trưởng phòng',
      'Văn hóa',
      'Phòng Văn',
      'hóa',
      'Bộ số',
      'liệu',
      '2 Tỷ lệ hộ có',
      'cáp quang',
      '90% Đồng chí',
      'Trần Thị Phương',
      'PCT UBND',
      'Đồng chí',
      'Trưởng phòng',
      'Văn hóa',
      'Bộ số',
      'liệu',
    ]);
    expect(indicators.map((r) => [r.director, r.responsible, r.lead])).toEqual([
      ['Đồng chí Trần Thị Phương PCT UBND', 'Đồng chí Trưởng phòng Văn hóa', 'Phòng Văn hóa'],
      ['Đồng chí Trần Thị Phương PCT UBND', 'Đồng chí Trưởng phòng Văn hóa', 'Phòng Văn hóa'],
    ]);
  });

  it('gives "Các phòng, ban…" to the coordinating column when the lead is merged above', async () => {
    const { tasks } = await importLines([
      'PHỤ LỤC 3: NHIỆM VỤ',
      'STT Nội dung nhiệm',
      'vụ',
      'Thời hạn Chủ trì Đơn vị phối hợp Sản phẩm đầu ra Ghi chú',
      'I Tăng cường đầu tư cho KHCN, ĐMST và CDS',
      '1 Cân đối ngân sách',
      'dành cho hoạt',
      'động KHCN.',
      'Hằng năm Phòng Kinh tế Các phòng, ban,',
      'cơ quan, đơn vị,',
      'các thôn',
      'Báo cáo',
      '2 Xây dựng các dự',
      'án đầu tư công về',
      'phát triển KHCN,',
      'ĐMST và CDS',
      '2026-2030 Các phòng, ban,',
      'cơ quan, đơn vị',
      'Báo cáo/Dự án',
      'đầu tư',
    ]);
    expect(tasks.map((t) => [t.lead, t.coordinate])).toEqual([
      ['Phòng Kinh tế', 'Các phòng, ban, cơ quan, đơn vị, các thôn'],
      ['Phòng Kinh tế', 'Các phòng, ban, cơ quan, đơn vị'],
    ]);
  });
});

describe('two-row headers of copied text', () => {
  it('puts "Chủ trì | Phối hợp" in the place of "Cơ quan thực hiện" above them', async () => {
    // The header's first row is drawn first, its parent cell among them; the second row's
    // cells come last.
    const { tasks } = await importLines([
      'PHỤ LỤC 3: NHIỆM VỤ',
      'TT Nhiệm vụ Đồng chí được phân công chỉ đạo Cơ quan thực hiện Thời hạn',
      'Chủ trì Phối hợp',
      '1 Tuyên truyền về chuyển đổi số Chủ tịch UBND xã Phòng Văn hóa Công an xã Năm 2026',
    ]);
    expect(tasks[0]).toMatchObject({
      director: 'Chủ tịch UBND xã',
      lead: 'Phòng Văn hóa',
      coordinate: 'Công an xã',
      deadline: 'Năm 2026',
    });
  });
});

describe('one-line cells of copied text', () => {
  it('ends a name at its own last line, not in a target, where one-line cells share lines', async () => {
    // Every cell begins at the top of the row: the targets share one printed line with the
    // next cell's first line, so "2 trở lên." alone on a line ends the name above it.
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu 2025 2030 2035 Cơ quan chủ trì',
      '1 Tỷ lệ cơ sở giáo',
      'dục đạt mức',
      '2 trở lên.',
      '> 75% > 95% - Phòng Văn',
      'hóa',
      '2 Tỷ lệ hộ có cáp',
      'quang',
      '80% 90% 100% Phòng Kinh',
      'tế',
      '3 Tỷ lệ hồ sơ số hóa 70% 90% 100% Trung tâm',
      'PVHCC',
    ]);
    expect(indicators.slice(0, 2).map((r) => [r.name, r.targets])).toEqual([
      ['Tỷ lệ cơ sở giáo dục đạt mức 2 trở lên.', { 2025: '> 75%', 2030: '> 95%', 2035: '-' }],
      ['Tỷ lệ hộ có cáp quang', { 2025: '80%', 2030: '90%', 2035: '100%' }],
    ]);
  });

  it('keeps a leader’s council with the title ("PCT TT" / "UBND phường")', async () => {
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Năm 2025 Lãnh đạo chỉ đạo Cơ quan chủ trì',
      '1 Tỷ lệ phủ sóng 5G 100% Đồng chí Nguyễn Tùng Lâm, PCT TT',
      'UBND phường',
      'Phòng Kinh tế',
    ]);
    expect(indicators[0]).toMatchObject({
      director: 'Đồng chí Nguyễn Tùng Lâm, PCT TT UBND phường',
      lead: 'Phòng Kinh tế',
    });
  });
});

describe('names broken before their dash in copied text', () => {
  it('keeps "– Xã hội" with "Phòng Văn hoá" when the document writes them as one name', async () => {
    // A narrow lead column ends a line before the dash; the note column after it would
    // take "– Xã hội" as the start of a list.
    const { indicators } = await importLines([
      'Giao Phòng Văn hoá – Xã hội chủ trì theo dõi.',
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Năm 2025 Sản phẩm Cơ quan chủ trì Ghi chú',
      '1 Tỷ lệ phủ',
      'sóng 5G',
      '100% Bộ số',
      'liệu',
      'Phòng',
      'Văn hoá',
      '– Xã',
      'hội',
      '2 Tỷ lệ hộ có cáp quang 90% Bộ số liệu Công an xã Xã hội hóa',
    ]);
    expect(indicators.map((r) => [r.lead, r.note ?? null])).toEqual([
      ['Phòng Văn hoá – Xã hội', null],
      ['Công an xã', 'Ghi chú: Xã hội hóa'],
    ]);
  });
});

describe('numbers alone on a line in copied text', () => {
  it('keeps "01" a narrow column put on a line of its own; drops a page number', async () => {
    const { indicators } = await importLines([
      'PHỤ LỤC 1: CHỈ TIÊU',
      'TT Chỉ tiêu Năm 2025 Cơ quan chủ trì',
      '1 Tỷ lệ truy cập tốc độ trên',
      '01',
      'Gbps/s',
      '60% Phòng Kinh tế',
      '2 Tỷ lệ hộ có cáp',
      '7',
      'quang',
      '80% Phòng Kinh tế',
    ]);
    expect(indicators.map((r) => r.name)).toEqual([
      'Tỷ lệ truy cập tốc độ trên 01 Gbps/s',
      'Tỷ lệ hộ có cáp quang',
    ]);
  });
});
