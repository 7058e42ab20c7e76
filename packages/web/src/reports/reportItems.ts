import type { ItemKind, ItemRole } from '@tiendo/core';
import type { ReportDetail } from '../api/types.ts';

// The report screen's list: each task and indicator of the unit as one compact row, grouped
// under the plan's sections, with what the reporter or reviewer needs to see at a glance —
// and the filters and counts over them. Pure: tested without a browser.

export type { ItemKind };
export type ItemFilter = 'all' | 'todo' | 'overdue' | 'explain' | 'commented';
export const ITEM_FILTERS: ItemFilter[] = ['all', 'todo', 'overdue', 'explain', 'commented'];

export interface ReportItem {
  key: string;
  kind: ItemKind;
  id: number;
  code: string;
  text: string;
  section: string | null;
  role: ItemRole;
  /** Written this period (a row carried over from the last period does not count). */
  updated: boolean;
  /** The task's state as reported, or the indicator's value. */
  summary: string | null;
  /** Overdue (task) or off its trajectory (indicator): it must be explained. */
  flagged: boolean;
  explained: boolean;
  commented: boolean;
}

type Task = ReportDetail['tasks'][number];
type Indicator = ReportDetail['indicators'][number];

function taskItem(t: Task): ReportItem {
  const u = t.update;
  return {
    key: `task:${t.taskId}`,
    kind: 'task',
    id: t.taskId,
    code: t.code,
    text: t.content,
    section: t.section,
    role: t.role,
    updated: u !== null && !u.prefilled,
    summary: u?.status ?? null,
    flagged: t.needsExplanation !== null,
    explained: Boolean(u?.explanation),
    commented: Boolean(u?.reviewComment),
  };
}

function indicatorItem(i: Indicator): ReportItem {
  const v = i.value;
  const value =
    v?.valueNumber !== null && v?.valueNumber !== undefined
      ? `${v.valueNumber.toLocaleString('vi-VN')}${i.unit ? ` ${i.unit}` : ''}`
      : (v?.valueText ?? null);
  return {
    key: `indicator:${i.indicatorId}`,
    kind: 'indicator',
    id: i.indicatorId,
    code: i.code,
    text: i.name,
    section: i.section,
    role: 'lead',
    updated: v !== null && !v.prefilled,
    summary: value,
    flagged: i.needsExplanation !== null,
    explained: Boolean(v?.explanation),
    commented: Boolean(v?.reviewComment),
  };
}

export function reportItems(report: Pick<ReportDetail, 'tasks' | 'indicators'>): ReportItem[] {
  return [...report.tasks.map(taskItem), ...report.indicators.map(indicatorItem)];
}

const MATCHES: Record<ItemFilter, (item: ReportItem) => boolean> = {
  all: () => true,
  todo: (i) => !i.updated,
  overdue: (i) => i.flagged,
  explain: (i) => i.flagged && !i.explained,
  commented: (i) => i.commented,
};

export const matches = (filter: ItemFilter, item: ReportItem) => MATCHES[filter](item);

export function countBy(items: ReportItem[]): Record<ItemFilter, number> {
  return Object.fromEntries(
    ITEM_FILTERS.map((f) => [f, items.filter((i) => MATCHES[f](i)).length]),
  ) as Record<ItemFilter, number>;
}

/** "12/29 nhiệm vụ, 3/38 chỉ tiêu" — how much of the report is written. */
export function progressOf(items: ReportItem[]) {
  const of = (kind: ItemKind) => {
    const mine = items.filter((i) => i.kind === kind);
    return { updated: mine.filter((i) => i.updated).length, total: mine.length };
  };
  return { tasks: of('task'), indicators: of('indicator') };
}

/** Consecutive items of one kind and section, in plan order, each under its heading once. */
export function groupItems(items: ReportItem[]) {
  const groups: Array<{ kind: ItemKind; section: string | null; items: ReportItem[] }> = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.kind === item.kind && last.section === item.section) last.items.push(item);
    else groups.push({ kind: item.kind, section: item.section, items: [item] });
  }
  return groups;
}

/** The item open when the screen opens: the first a reviewer commented on, else the first. */
export function firstToOpen(items: ReportItem[]): string | null {
  return (items.find((i) => i.commented) ?? items[0])?.key ?? null;
}
