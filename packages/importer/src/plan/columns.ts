import { searchKey, type ColumnRole } from '@tiendo/core';
import { CELL_TESTS, type CellKind } from './vocabulary.ts';

// What each column of an appendix table holds. Decided first from its header path (the
// header rows above it, top to bottom: "Lộ trình thực hiện / Năm 2025") through a lexicon
// of the words Vietnamese plans use, then checked against what its cells contain, so an
// unfamiliar header still maps ("Lãnh đạo UBND xã phụ trách", "Thời hạn", a bare "2030").
// A column with no role becomes the row's note; it never leaks into another field.

export type { ColumnRole } from '@tiendo/core';

export interface Column {
  role: ColumnRole;
  year?: number;
  header: string;
}

export type TableKind = 'indicators' | 'tasks';

const YEAR =
  /^(?:(?:nam|den|den het|giai doan|ke hoach|chi tieu|muc tieu|du kien|ket qua|dat|uoc|uoc thuc hien|thuc hien|lo trinh|muc|gia tri)\s+)*(?:nam\s+)?((?:19|20)\d{2})(?:\s*-\s*((?:19|20)\d{2}))?$/;

/** "Năm 2025", "2025", "Đến năm 2030", "Giai đoạn 2026-2030" (its last year). */
export function headerYear(header: string): number | null {
  const m = YEAR.exec(searchKey(header).replace(/[()]/g, '').trim());
  return m ? Number(m[2] ?? m[1]) : null;
}

/** Ordered: the first rule that matches wins. */
const RULES: Array<[RegExp, ColumnRole]> = [
  [/^(tt|stt|so tt|so thu tu|thu tu|so)\.?$/, 'code'],
  [/^(don vi tinh|dvt|don vi do|don vi)$/, 'unit'],
  [/kinh phi|nguon von|nguon luc|ghi chu|du toan|tong muc|ngan sach|chi phi|^nguon\b/, 'note'],
  [/phoi hop/, 'coordinate'],
  [/thoi gian|thoi han|tien do|han hoan thanh|moc thoi gian|thoi diem|^lo trinh/, 'deadline'],
  [
    /^dong chi.*chu tri|^(can bo|cong chuc|nguoi) (phu trach|thuc hien|theo doi)|dau moi/,
    'responsible',
  ],
  [
    /(don vi|co quan|bo phan|phong ban).*(chu tri|thuc hien|chiu trach nhiem|theo doi|phu trach)/,
    'lead',
  ],
  [/chi dao|nguoi dung dau|lanh dao|chiu trach nhiem|phu trach/, 'director'],
  [/chu tri|(co quan|don vi|bo phan) (thuc hien|theo doi)|^thuc hien$/, 'lead'],
  [/san pham|ket qua dau ra|ket qua can dat|dau ra|hinh thuc/, 'output'],
  [/^(ket qua|muc tieu can dat|chi tieu can dat|gia tri|chi tieu phan dau|muc phan dau)/, 'result'],
  [/chi tieu|nhiem vu|noi dung|^ten\b|cong viec|giai phap|hoat dong|muc tieu|de an/, 'name'],
];

export function roleOfHeader(header: string): ColumnRole {
  const key = searchKey(header)
    .replace(/[()*:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (key === '') return 'unknown';
  return RULES.find(([re]) => re.test(key))?.[1] ?? 'unknown';
}

/** A column from its header path: the leaf decides, the parents help ("Chỉ tiêu theo năm /
 *  2025", "Cơ quan thực hiện / Chủ trì"). */
export function classifyColumn(path: string[] | string): Column {
  const parts = (Array.isArray(path) ? path : [path]).filter((p) => p.trim() !== '');
  const header = parts.join(' / ');
  const leaf = parts.at(-1) ?? '';
  const year = headerYear(leaf);
  if (year !== null) return { role: 'year', year, header };
  for (let i = parts.length - 1; i >= 0; i--) {
    const role = roleOfHeader(parts.slice(i).join(' '));
    if (role !== 'unknown') return { role, header };
  }
  return { role: 'unknown', header };
}

/** Share of a column's non-empty cells that read as each kind. */
export type ColumnProfile = Record<CellKind, number> & { filled: number; meanLength: number };

export function profileColumn(cells: string[]): ColumnProfile {
  const filled = cells.filter((c) => c !== '');
  const share = (kind: CellKind) =>
    filled.length ? filled.filter(CELL_TESTS[kind]).length / filled.length : 0;
  return {
    unit: share('unit'),
    person: share('person'),
    document: share('document'),
    measure: share('measure'),
    deadline: share('deadline'),
    target: share('target'),
    filled: filled.length,
    meanLength: filled.length ? filled.reduce((s, c) => s + c.length, 0) / filled.length : 0,
  };
}

const STRONG = 0.6;

/** Roles from headers, then from contents: an unmapped column takes the role its cells fit
 *  best among those still missing; a name column is found by length if none is named. */
export function resolveColumns(
  paths: Array<string[] | string>,
  bodyCells: string[][] = [],
  hint: TableKind | null = null,
  override: Array<ColumnRole | null> = [],
): { kind: TableKind; columns: Column[] } {
  const columns = paths.map(classifyColumn);
  if (override.some(Boolean)) return overridden(columns, override, hint);
  const profiles = columns.map((_, i) => profileColumn(bodyCells.map((r) => r[i] ?? '')));
  const has = (role: ColumnRole) => columns.some((c) => c.role === role);
  if (!has('code') && columns[0] && columns[0].role === 'unknown') columns[0].role = 'code';
  if (!has('name')) {
    const longest = profiles
      .map((p, i) => ({ i, len: p.meanLength }))
      .filter(({ i }) => ['unknown', 'result', 'output'].includes(columns[i]!.role))
      .sort((a, b) => b.len - a.len)[0];
    if (longest) columns[longest.i]!.role = 'name';
  }
  columns.forEach((column, i) => {
    if (column.role !== 'unknown') return;
    column.role = roleFromContent(profiles[i]!, has) ?? 'note';
  });
  const kind = tableKind(columns, hint);
  if (kind === 'tasks') columns.forEach((c) => c.role === 'result' && (c.role = 'output'));
  return { kind, columns };
}

/** The reviewer's roles for some columns: kept as given, the rest as read from headers. */
function overridden(
  columns: Column[],
  override: Array<ColumnRole | null>,
  hint: TableKind | null,
): { kind: TableKind; columns: Column[] } {
  columns.forEach((column, i) => {
    const role = override[i];
    if (!role) return;
    column.role = role;
    if (role !== 'year') return;
    // A year column needs its year from the header; without one it is a single target.
    const year = headerYear(column.header.split(' / ').at(-1) ?? '');
    if (year === null) column.role = 'result';
    else column.year = year;
  });
  columns.forEach((c) => c.role === 'unknown' && (c.role = 'note'));
  return { kind: tableKind(columns, hint), columns };
}

function roleFromContent(p: ColumnProfile, has: (r: ColumnRole) => boolean): ColumnRole | null {
  if (p.filled === 0) return null;
  const candidates: Array<[number, ColumnRole]> = [
    [p.deadline, 'deadline'],
    [p.person, 'director'],
    [p.unit, has('lead') ? 'coordinate' : 'lead'],
    [p.document, 'output'],
    [p.measure, 'unit'],
  ];
  const best = candidates
    .filter(([share, role]) => share >= STRONG && !has(role))
    .sort((a, b) => b[0] - a[0])[0];
  return best?.[1] ?? null;
}

/** Targets by year make an indicator table; a deadline or a coordinating unit, a task table. */
export function tableKind(columns: Column[], hint: TableKind | null = null): TableKind {
  const roles = new Set(columns.map((c) => c.role));
  const name = searchKey(columns.find((c) => c.role === 'name')?.header ?? '');
  if (roles.has('year') || roles.has('unit')) return 'indicators';
  if (roles.has('deadline') || roles.has('coordinate')) return 'tasks';
  if (/chi tieu/.test(name)) return 'indicators';
  if (/nhiem vu|cong viec|giai phap/.test(name)) return 'tasks';
  return hint ?? (roles.has('result') ? 'indicators' : 'tasks');
}
