/** "2026-06-20" → "20/06/2026", as dates are written in Vietnamese documents. */
export const vnDate = (iso: string) => iso.split('-').reverse().join('/');
