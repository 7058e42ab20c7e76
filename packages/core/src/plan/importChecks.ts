import { searchKey } from '../text/vietnamese.ts';
import { unitKey } from '../text/units.ts';

// Checks on what an import brings before it is published, shared by the server (which refuses
// or asks for confirmation) and the review screen (which shows them as the officer edits):
// the plan's title, the place the document is written for, and the unit names it proposes.

/** Why a plan's title cannot be published as it is (Vietnamese), or null when it can. */
export function titleProblem(title: string | null | undefined, source?: string): string | null {
  const text = (title ?? '').trim();
  if (text === '') return 'Chưa có tên kế hoạch: nhập tên trước khi ban hành.';
  if (/\.(pdf|docx?|txt)$/i.test(text) || (source !== undefined && text === source.trim()))
    return 'Tên kế hoạch đang là tên tệp tải lên: nhập tên thật của kế hoạch.';
  return null;
}

const PLACE =
  /\b(?:xa|phuong|thi tran|dac khu|tinh|thanh pho)\s+([a-z0-9][a-z0-9 ]*?)\s*(?:[,;(–-]|$)/;

/** The name of the place a written "xã Kiến Hưng", "UBND PHƯỜNG KIẾN AN" or "Thành phố Hải
 *  Phòng" names, as a search key without its type word ("kien hung"); null when none. */
export function placeKey(text: string | null | undefined): string | null {
  if (!text) return null;
  const key = searchKey(text)
    .replace(/\b(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const match = PLACE.exec(key);
  const name = match?.[1]?.trim();
  return name ? name : null;
}

/** The place the document says it is for when it is not the commune (or province) it is
 *  imported into — "phường Kiến An" into "Xã Kiến Hưng" — as the document writes it; null when
 *  they agree or the document names no place. */
export function localityMismatch(
  plan: { locality?: string | null; issuer?: string | null },
  ownerName: string,
): string | null {
  const owner = placeKey(ownerName) ?? searchKey(ownerName);
  for (const written of [plan.locality, plan.issuer]) {
    const place = placeKey(written);
    if (place === null) continue;
    return place === owner ? null : written!.trim();
  }
  return null;
}

/** Second syllables of common compounds ("Văn hóa", "Kinh tế", "Giáo dục"…): a unit name
 *  that starts with one is the end of a name broken across lines. */
const CONTINUATION = new Set([
  'hoa',
  'te',
  'duc',
  'thong',
  'nghiep',
  'tao',
  'chinh',
  'vu',
  'thuat',
  'hoc',
  'tich',
]);

/** Why a unit name the importer proposes to create should not be created without a look
 *  (Vietnamese), or null: a piece of a name broken across lines ("Hóa-Xã hội"), or close to
 *  a unit the commune has ("Phòng Xã hội" beside "Phòng Văn hóa - Xã hội") or to another,
 *  longer proposal. */
export function unitProposalDoubt(
  name: string,
  existing: readonly string[],
  proposals: readonly string[] = [],
): string | null {
  const trimmed = name.trim();
  const first = searchKey(trimmed).split(/[\s-–]/)[0] ?? '';
  if (
    /^[-–,.;:)]/.test(trimmed) ||
    /[-–,(]$/.test(trimmed) ||
    /^\p{Ll}/u.test(trimmed) ||
    /^\p{L}+[-–]\p{L}/u.test(trimmed) ||
    CONTINUATION.has(first) ||
    (trimmed.match(/\(/g) ?? []).length !== (trimmed.match(/\)/g) ?? []).length
  )
    return 'Tên có vẻ là một mảnh của dòng bị ngắt: kiểm tra trước khi tạo đơn vị.';
  const words = unitKey(trimmed).split(' ').filter(Boolean);
  const close = (other: string, either: boolean) => {
    const others = unitKey(other).split(' ').filter(Boolean);
    if (words.length < 2 || others[0] !== words[0] || others.join(' ') === words.join(' '))
      return false;
    const inOther = words.every((w) => others.includes(w));
    return inOther || (either && others.length >= 2 && others.every((w) => words.includes(w)));
  };
  const unit = existing.find((u) => close(u, true));
  if (unit) return `Gần trùng với đơn vị đã có "${unit}": kiểm tra trước khi tạo.`;
  const longer = proposals.find((p) => p !== name && close(p, false));
  if (longer) return `Gần trùng với đơn vị "${longer}" cũng được đề xuất: kiểm tra trước khi tạo.`;
  return null;
}
