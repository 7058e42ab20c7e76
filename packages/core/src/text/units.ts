import { searchKey } from './vietnamese.ts';

// Unit names are written many ways in one plan: "Phòng Văn hoá-Xã hội", "Phòng VH-XH",
// "Phòng Văn hóa – Xã hội phường". unitKey() maps them to one comparable key so the
// importer can match a "chủ trì"/"phối hợp" cell to the commune's org units.

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bvh\s*-\s*xh\b/g, 'van hoa xa hoi'],
  [/\bvhxh\b/g, 'van hoa xa hoi'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bpvhcc\b/g, 'phuc vu hanh chinh cong'],
  [/\bphuc vu hcc\b/g, 'phuc vu hanh chinh cong'],
  [/\bhcc\b/g, 'hanh chinh cong'],
  [/\bbchqs\b/g, 'ban chi huy quan su'],
  [/\bchqs\b/g, 'chi huy quan su'],
  [/\bkt\b/g, 'kinh te'],
];

/** Trailing words that only repeat which level the unit belongs to. */
const LEVEL_SUFFIX = /\s+(xa|phuong|dac khu)$/;

export function unitKey(name: string): string {
  let key = searchKey(name)
    .replace(/[–—-]/g, ' - ')
    .replace(/[.,;:]+$/g, '');
  for (const [pattern, replacement] of ABBREVIATIONS) key = key.replace(pattern, replacement);
  key = key
    .replace(/\s*-\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  while (LEVEL_SUFFIX.test(key)) key = key.replace(LEVEL_SUFFIX, '');
  return key;
}

/** True when two written unit names denote the same unit. */
export function sameUnit(a: string, b: string): boolean {
  return unitKey(a) === unitKey(b);
}

/** Administrative unit codes of Decision 19/2025/QĐ-TTg: two digits for a province or
 *  centrally-run city, five for a commune, ward or special zone; other units have none. */
export function isAdministrativeCode(kind: string, code: string): boolean {
  if (kind === 'province') return /^\d{2}$/.test(code);
  if (kind === 'commune') return /^\d{5}$/.test(code);
  return false;
}

/** A locality's name as it reads after "UBND": the kind in lower case, as the official style
 *  writes it ("UBND xã Kiến Hưng", "UBND thành phố Hải Phòng"), the name itself untouched. */
export function afterCommittee(name: string): string {
  return name.replace(/^(Xã|Phường|Đặc khu|Thị trấn|Thành phố|Tỉnh)(?=\s)/u, (kind) =>
    kind.toLowerCase(),
  );
}
