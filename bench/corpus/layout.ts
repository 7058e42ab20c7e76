// A layout: how one commune might draft the same plan in Word. Every choice is one that
// real plans make — column order and names, two-row headers over the years, a row of
// column numbers, section rows merged across or beside their numeral, lettered sections,
// sub-rows numbered "a)" or "-", extra columns (Kinh phí, Ghi chú), a signature laid out as
// a borderless table, portrait or landscape. A layout is drawn from a seeded random source,
// so a corpus is reproducible and a fresh seed gives layouts nobody has looked at.

export interface Layout {
  seed: number;
  landscape: boolean;
  /** Header wording per role, chosen from what plans write. */
  names: Record<string, string>;
  /** Order of the columns after TT and the name. */
  shuffle: boolean;
  years: 'nam' | 'bare' | 'parent-lo-trinh' | 'parent-chi-tieu';
  columnNumbers: boolean;
  sections: 'split' | 'merged' | 'letters';
  subRows: 'keep' | 'letters' | 'dash';
  extras: string[];
  signatureTable: boolean;
  mergeLeads: boolean;
  /** Tasks: "Cơ quan thực hiện" over "Chủ trì | Phối hợp". */
  unitParent: boolean;
}

export const SYNONYMS: Record<string, string[]> = {
  code: ['TT', 'STT', 'Số TT'],
  indicatorName: ['Chỉ tiêu', 'Tên chỉ tiêu', 'Nội dung chỉ tiêu', 'Chỉ tiêu chủ yếu'],
  taskName: [
    'Nội dung công việc',
    'Nhiệm vụ',
    'Tên nhiệm vụ',
    'Nhiệm vụ, giải pháp',
    'Nội dung nhiệm vụ',
  ],
  unit: ['Đơn vị', 'Đơn vị tính', 'ĐVT'],
  indicatorLead: [
    'Cơ quan chủ trì theo dõi, đánh giá',
    'Đơn vị chủ trì',
    'Cơ quan chủ trì',
    'Bộ phận theo dõi, đánh giá',
  ],
  taskLead: ['Cơ quan chủ trì', 'Đơn vị chủ trì', 'Chủ trì', 'Đơn vị thực hiện'],
  coordinate: ['Cơ quan phối hợp', 'Đơn vị phối hợp', 'Phối hợp'],
  output: ['Sản phẩm đầu ra', 'Sản phẩm', 'Kết quả đầu ra', 'Hình thức sản phẩm'],
  deadline: [
    'Thời gian hoàn thành',
    'Thời hạn',
    'Tiến độ',
    'Thời gian thực hiện',
    'Tiến độ hoàn thành',
  ],
  director: [
    'Đồng chí được phân công chỉ đạo',
    'Lãnh đạo UBND xã phụ trách',
    'Người đứng đầu chịu trách nhiệm',
    'Lãnh đạo chỉ đạo',
  ],
  responsible: ['Đồng chí được phân công chủ trì', 'Cán bộ phụ trách'],
};

export const EXTRAS = ['Kinh phí', 'Nguồn vốn', 'Ghi chú'];
export const EXTRA_VALUES = [
  'Ngân sách xã',
  'Lồng ghép các chương trình',
  '',
  'Xã hội hóa',
  'Theo dự toán được giao',
  '',
];

/** Mulberry32: a small seeded generator, enough for picking layouts. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function drawLayout(seed: number): Layout {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const names = Object.fromEntries(Object.entries(SYNONYMS).map(([k, v]) => [k, pick(v)]));
  return {
    seed,
    landscape: next() < 0.6,
    names,
    shuffle: next() < 0.5,
    years: pick(['nam', 'bare', 'parent-lo-trinh', 'parent-chi-tieu'] as const),
    columnNumbers: next() < 0.4,
    sections: pick(['split', 'merged', 'letters'] as const),
    subRows: pick(['keep', 'keep', 'letters', 'dash'] as const),
    extras: EXTRAS.filter(() => next() < 0.3),
    signatureTable: next() < 0.5,
    mergeLeads: next() < 0.5,
    unitParent: next() < 0.3,
  };
}

/** The layout the seed plans were rendered with in fixtures/rendered. */
export const SEED_LAYOUT: Layout = {
  seed: 0,
  landscape: true,
  names: {},
  shuffle: false,
  years: 'nam',
  columnNumbers: false,
  sections: 'split',
  subRows: 'keep',
  extras: [],
  signatureTable: false,
  mergeLeads: true,
  unitParent: false,
};
