// Vietnamese text helpers: search that ignores diacritics, sorting in Vietnamese
// alphabetical order, and whitespace normalisation shared by the importer and the UI.

/** Lower-case, diacritic-free, single-spaced key: "Chuyển đổi số" → "chuyen doi so". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query appears in the text, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = searchKey(text);
  return searchKey(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compare two strings in Vietnamese order (a ă â b c d đ e ê …), numbers by value. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Collapse whitespace runs to one space and trim; NFC so equal words compare equal. */
export function collapseWhitespace(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
