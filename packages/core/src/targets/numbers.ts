// Numbers as Vietnamese documents write them: decimal comma ("3,5"), dot as thousands
// separator ("1.000"), but also a decimal dot where the writer used one ("3.5").

export const NUMBER_PATTERN = String.raw`\d+(?:[.,]\d+)*`;

export function parseVietnameseNumber(text: string): number | null {
  const s = text.trim();
  if (!new RegExp(`^${NUMBER_PATTERN}$`).test(s)) return null;
  if (s.includes(',')) {
    // "1.000,5": dots group thousands, the comma is the decimal mark.
    const [whole, ...rest] = s.split(',');
    if (rest.length !== 1) return null;
    return Number(`${whole!.replace(/\./g, '')}.${rest[0]}`);
  }
  const groups = s.split('.');
  if (groups.length > 1 && groups.slice(1).every((g) => g.length === 3))
    return Number(groups.join(''));
  if (groups.length > 2) return null;
  return Number(s);
}

/** 3.5 → "3,5"; integers unchanged. */
export function formatVietnameseNumber(value: number, maxFractionDigits = 2): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits }).format(value);
}
