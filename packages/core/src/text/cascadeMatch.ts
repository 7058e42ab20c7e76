import { indicatorWords } from './indicatorMatch.ts';

// Which item of a higher-level plan (kế hoạch cấp trên) a commune's task or indicator
// implements. Communes copy the province's wording, then trim or extend it ("trên địa bàn
// xã", a different opening verb), so two measures are combined: shared meaningful words
// (Jaccard) catches reordered short names, shared word pairs (Dice over bigrams) catches long
// task texts copied with additions. A suggestion is only a proposal; a person confirms it.

export interface CascadeCandidate {
  id: number;
  text: string;
}

export interface CascadeSuggestion {
  childId: number;
  parentId: number;
  score: number;
}

function bigrams(words: string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common;
}

/** Similarity of two item texts in [0, 1]. */
export function cascadeSimilarity(a: string, b: string): number {
  const wa = indicatorWords(a);
  const wb = indicatorWords(b);
  const sa = new Set(wa);
  const sb = new Set(wb);
  const common = overlap(sa, sb);
  const jaccard = common / (sa.size + sb.size - common || 1);
  const ba = bigrams(wa);
  const bb = bigrams(wb);
  const dice = (2 * overlap(ba, bb)) / (ba.size + bb.size || 1);
  return Math.max(jaccard, dice);
}

/**
 * For each child item, the parent items it most likely implements: at most `perChild`
 * parents scoring at least `threshold`, best first.
 */
export function suggestCascadeLinks(
  parents: CascadeCandidate[],
  children: CascadeCandidate[],
  { threshold = 0.3, perChild = 3 } = {},
): CascadeSuggestion[] {
  const suggestions: CascadeSuggestion[] = [];
  for (const child of children) {
    const scored = parents
      .map((p) => ({ parentId: p.id, score: cascadeSimilarity(child.text, p.text) }))
      .filter((s) => s.score >= threshold)
      .sort((x, y) => y.score - x.score || x.parentId - y.parentId)
      .slice(0, perChild);
    for (const s of scored)
      suggestions.push({ childId: child.id, parentId: s.parentId, score: round2(s.score) });
  }
  return suggestions;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
