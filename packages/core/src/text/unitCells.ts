import { collapseWhitespace, searchKey } from './vietnamese.ts';
import { unitKey } from './units.ts';

// A "chủ trì" / "phối hợp" cell names one or several units, the way plans write them:
// "Công an xã; các cơ quan, đơn vị", "Phòng VH-XH; Kinh tế" (the second shares "Phòng"),
// "- Công an phường; - Các phòng, ban, ngành, đơn vị.", "Đồng chí Trưởng phòng Văn hóa – Xã
// hội phường" (a person by office: the unit is the office's), or a collective such as
// "Các phòng, ban, cơ quan, đơn vị, các thôn" meaning every unit of the commune.

export interface NamedUnit {
  /** The unit as written (office holder words removed). */
  name: string;
  /** "các phòng, ban, …": every unit of the commune rather than one. */
  collective: boolean;
}

const OFFICE =
  /^(đồng chí|đ\/c|thủ trưởng|lãnh đạo)\s+(trưởng|phó|giám đốc|chỉ huy trưởng|chủ tịch)?\s*/iu;
const COLLECTIVE =
  /^(các|tất cả các|toàn bộ)\s+(phòng|ban|cơ quan|đơn vị|ngành|thôn|tổ dân phố|bộ phận)/iu;
const UNIT_HEAD =
  /^(Phòng|Văn phòng|Trung tâm|Công an|Ban|Trạm|Hội|Đoàn|Mặt trận|Trường|Ủy ban|UBND|Bộ phận)\b/u;

export function splitUnitCell(cell: string | null | undefined): NamedUnit[] {
  if (!cell) return [];
  const parts = collapseWhitespace(cell)
    .split(/\s*;\s*|\s*\n\s*|\s+-\s+(?=\p{Lu})/u)
    .map((p) =>
      p
        .replace(/^[-–•+]\s*/, '')
        .replace(/[.;,]+$/, '')
        .trim(),
    )
    .filter((p) => p !== '' && p !== '-');
  const out: NamedUnit[] = [];
  let lastHead: string | null = null;
  for (const part of parts) {
    let name = part;
    while (OFFICE.test(name) && name.replace(OFFICE, '') !== name)
      name = name.replace(OFFICE, '').trim(); // "Đồng chí Thủ trưởng …"
    // "Trưởng phòng Văn hóa" → "Phòng Văn hóa": the office names its unit.
    name = name.replace(/^(trưởng|phó)\s+(phòng|ban|trạm)\b/iu, (_m, _t, unit: string) => unit);
    name = name.charAt(0).toUpperCase() + name.slice(1);
    if (COLLECTIVE.test(name)) {
      out.push({ name, collective: true });
      continue;
    }
    const head = UNIT_HEAD.exec(name)?.[1];
    if (head) lastHead = head;
    else if (lastHead && out.length > 0) name = `${lastHead} ${name}`; // "Phòng VH-XH; Kinh tế"
    out.push({ name, collective: false });
  }
  return out;
}

export interface UnitRef {
  id: number;
  name: string;
}

export interface UnitMatch {
  /** Units the cell names that exist in the commune. */
  matched: Array<{ text: string; unitId: number }>;
  /** Names with no unit yet: proposed for creation, on a person's confirmation. */
  unmatched: string[];
  /** The cell names every unit ("các phòng, ban, …"). */
  collective: boolean;
}

export function matchUnitCell(cell: string | null | undefined, units: UnitRef[]): UnitMatch {
  const keyed = units.map((u) => ({ ...u, key: unitKey(u.name) }));
  const result: UnitMatch = { matched: [], unmatched: [], collective: false };
  for (const named of splitUnitCell(cell)) {
    if (named.collective) {
      result.collective = true;
      continue;
    }
    const key = unitKey(named.name);
    const unit =
      keyed.find((u) => u.key === key) ??
      keyed.find(
        (u) => u.key.length > 4 && (key.startsWith(`${u.key} `) || u.key.startsWith(`${key} `)),
      );
    if (unit) {
      if (!result.matched.some((m) => m.unitId === unit.id))
        result.matched.push({ text: named.name, unitId: unit.id });
    } else if (!result.unmatched.some((u) => searchKey(u) === searchKey(named.name)))
      result.unmatched.push(named.name);
  }
  return result;
}
