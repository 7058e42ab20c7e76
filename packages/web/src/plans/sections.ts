import type { PlanDetail } from '../api/types.ts';

type Section = PlanDetail['sections'][number];

/** Groups a plan's rows under their section (appendix + group heading), in document order. */
export function groupBySection<T extends { sectionId: number }>(
  sections: Section[],
  rows: T[],
): Array<{ section: Section; rows: T[] }> {
  return sections
    .map((section) => ({ section, rows: rows.filter((r) => r.sectionId === section.id) }))
    .filter((g) => g.rows.length > 0);
}
