import { searchKey } from '@tiendo/core';

/** The source line a row was most likely read from: the first line holding the opening words
 *  of its text (accents and spacing ignored), trying shorter openings if the layout broke the
 *  text across lines. -1 when none matches. */
export function sourceLineOf(lines: string[], text: string): number {
  const words = searchKey(text).split(' ').filter(Boolean);
  if (words.length === 0) return -1;
  const keys = lines.map((line) => searchKey(line));
  for (const take of [8, 5, 3]) {
    if (words.length < take && take !== 3) continue;
    const probe = words.slice(0, take).join(' ');
    const found = keys.findIndex((k) => k.includes(probe));
    if (found >= 0) return found;
  }
  return -1;
}
