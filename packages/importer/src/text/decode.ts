import { ImportError } from '../errors.ts';

/** Bytes → text lines: UTF-8 (BOM dropped), NFC, Unix line ends, markdown emphasis removed. */
export function decodeText(bytes: Uint8Array): string[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      'Tệp văn bản không phải mã UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 rồi tải lên.',
    );
  }
  if (text.includes('\u0000'))
    throw new ImportError('Tệp không phải văn bản thuần (có ký tự nhị phân).');
  return normalizeText(text.replace(/^\uFEFF/, ''))
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\*\*/g, ''));
}

/** Text as every reader hands it on: NFC, no-break spaces as plain spaces. */
export const normalizeText = (text: string) => text.normalize('NFC').replace(/\u00a0/g, ' ');

/** Cell text as the schema wants it: LaTeX/markdown artefacts dropped, whitespace collapsed. */
export function cleanCell(text: string): string {
  return text
    .replace(/\$\\geq\s*/g, '≥ ')
    .replace(/\$\\leq\s*/g, '≤ ')
    .replace(/\\%/g, '%')
    .replace(/\$/g, '')
    .replace(/(^|\s)\*+|\*+(\s|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Joins two pieces of one cell broken by the layout: "2021-" + "2025" → "2021-2025". */
export function joinBroken(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return a + joinSeparator(a, b) + b;
}

/** What goes between the end of one printed line and the next line of the same cell: ''
 *  when a word was broken, else a space. Reads only the last characters of `before`. */
export function joinSeparator(before: string, b: string): '' | ' ' {
  const end = before.slice(-2);
  // "2021-" / "2025", "12-" / "KH/TU", "VH-" / "XH": a word split right after its hyphen.
  if (/\S-$/.test(end) && /^[\p{L}\d]/u.test(b)) return '';
  // Punctuation never starts a line of its own ("phòng" / ", ban", "(R&D" / ")"), nor does
  // a percent sign after a number ("100" / "%": a narrow column); one capital consonant
  // ends the acronym above ("UBN" / "D", "KHC" / "N").
  if (
    /^[,.;:)\]]/.test(b) ||
    (/\d$/.test(end) && /^%/.test(b)) ||
    (/\p{Lu}$/u.test(end) && /^[B-DF-HJ-NP-TV-XZĐ](?![\p{L}\d])/u.test(b))
  )
    return '';
  // A narrow column breaks a word inside: a line that starts with letters no Vietnamese
  // syllable could be ("ng", "g", "nh" — no vowel) ends the word above ("phườ" + "ng").
  const head = /^\p{Ll}+/u.exec(b)?.[0];
  if (head && /\p{L}$/u.test(end) && !/[aeiouy]/.test(head.normalize('NFD').replace(/\p{M}/gu, '')))
    return '';
  return ' ';
}
