import { searchKey } from './vietnamese.ts';

// Matching a plan's indicator to the shared catalogue (danh mục chỉ tiêu dùng chung), so the
// same indicator can be compared across communes. Names differ in small ways from plan to
// plan ("trên địa bàn xã/phường", a trailing full stop, "01 Gbps" / "1 Gbps"): compare the
// words that carry meaning. A match is only a proposal; a person confirms it.

const FILLER = new Set([
  'cua',
  'tren',
  'dia',
  'ban',
  'xa',
  'phuong',
  'va',
  'cac',
  'the',
  'la',
  'o',
]);

export function indicatorWords(name: string): string[] {
  return searchKey(name)
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^0+(?=\d)/, ''))
    .filter((w) => w && !FILLER.has(w));
}

function similarity(a: string[], b: string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  const common = [...sa].filter((w) => sb.has(w)).length;
  return common / (sa.size + sb.size - common || 1);
}

export interface CatalogueEntry {
  id: number;
  name: string;
}

export interface CatalogueMatch {
  catalogueId: number;
  score: number;
}

/** The best catalogue entry for `name`, when similar enough (Jaccard over meaningful words). */
export function matchIndicator(
  name: string,
  catalogue: CatalogueEntry[],
  threshold = 0.8,
): CatalogueMatch | null {
  const words = indicatorWords(name);
  let best: CatalogueMatch | null = null;
  for (const entry of catalogue) {
    const score = similarity(words, indicatorWords(entry.name));
    if (score >= threshold && (!best || score > best.score))
      best = { catalogueId: entry.id, score: Math.round(score * 100) / 100 };
  }
  return best;
}
