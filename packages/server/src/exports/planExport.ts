import type { ReportStatus } from '@tiendo/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { COUNTED_STATUSES, countedTaskUpdates } from '../reports/countedUpdates.ts';
import { withoutText, type ReportTextReader } from '../reports/access.ts';

// A plan and its units' submitted and approved reports as open data: JSON (nested) and CSV
// (one row per period, unit and item). Drafts never leave the system. What units wrote in words
// goes only to those who may read it (`readsText`, reports/access.ts); the others get the
// figures and statuses, with the text fields blank.

const TASK_TEXT = ['results', 'evidence_text', 'difficulties', 'proposals'] as const;
const INDICATOR_TEXT = ['data_source', 'note'] as const;

export async function planExport(
  db: Kysely<Database>,
  planId: number,
  readsText: ReportTextReader = () => true,
) {
  const plan = await db
    .selectFrom('plans')
    .innerJoin('org_units as commune', 'commune.id', 'plans.commune_id')
    .select([
      'plans.id',
      'plans.title',
      'plans.number',
      'plans.issued_on',
      'plans.issuer',
      'commune.name as commune',
      'commune.code as communeCode',
    ])
    .where('plans.id', '=', planId)
    .executeTakeFirst();
  if (!plan) throw notFound('Không tìm thấy kế hoạch');
  const [tasks, indicators, periods, reports, updates, values] = await Promise.all([
    db
      .selectFrom('tasks')
      .select(['id', 'code', 'content', 'lead_text', 'coordinate_text', 'deadline_text', 'output'])
      // Every version: past reports name the version they were written on.
      .select(VERSION_COLUMNS)
      .where('plan_id', '=', planId)
      .orderBy('ordinal')
      .execute(),
    db
      .selectFrom('indicators')
      .select(['id', 'code', 'name', 'measure_unit', 'lead_text'])
      .select(VERSION_COLUMNS)
      .where('plan_id', '=', planId)
      .orderBy('ordinal')
      .execute(),
    db
      .selectFrom('reporting_periods')
      .select(['id', 'label', 'kind', 'window_start', 'window_end', 'due_date'])
      .where('plan_id', '=', planId)
      .orderBy('due_date')
      .execute(),
    db
      .selectFrom('reports')
      .innerJoin('reporting_periods as p', 'p.id', 'reports.period_id')
      .innerJoin('org_units as unit', 'unit.id', 'reports.unit_id')
      .select([
        'reports.id',
        'reports.period_id',
        'reports.status',
        'reports.submitted_at',
        'reports.unit_id',
        'unit.name as unit',
        'unit.code as unitCode',
      ])
      .where('p.plan_id', '=', planId)
      .where('reports.status', 'in', COUNTED_STATUSES)
      .execute(),
    countedTaskUpdates(db, [planId])
      .select([
        'u.report_id',
        'u.task_id',
        'u.status',
        'u.progress',
        'u.results',
        'u.evidence_text',
        'u.resources_vnd',
        'u.completed_on',
        'u.difficulties',
        'u.proposals',
      ])
      .execute(),
    db
      .selectFrom('indicator_values as v')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .innerJoin('reporting_periods as p', 'p.id', 'r.period_id')
      .select([
        'v.report_id',
        'v.indicator_id',
        'v.value_number',
        'v.value_text',
        'v.data_source',
        'v.note',
      ])
      .where('p.plan_id', '=', planId)
      .where('r.status', 'in', COUNTED_STATUSES)
      .execute(),
  ]);
  /** An item's update as this reader may see it: its text blanked unless readsText allows. */
  const shown = <T extends object>(
    report: { unit_id: number; status: ReportStatus },
    row: T,
    item: { kind: 'task' | 'indicator'; id: number },
    text: readonly (keyof T)[],
  ) =>
    readsText({ unitId: report.unit_id, status: report.status }, item)
      ? row
      : withoutText(row, text);
  const taskCode = new Map(tasks.map((t) => [t.id, t.code]));
  const indicatorCode = new Map(indicators.map((i) => [i.id, i.code]));
  return {
    plan,
    tasks,
    indicators,
    periods: periods.map((p) => ({
      ...p,
      reports: reports
        .filter((r) => r.period_id === p.id)
        .map((r) => ({
          unit: r.unit,
          unitCode: r.unitCode,
          status: r.status,
          submittedAt: r.submitted_at,
          tasks: updates
            .filter((u) => u.report_id === r.id)
            .map(({ report_id: _r, resources_vnd, ...u }) => ({
              ...shown(r, u, { kind: 'task', id: u.task_id }, TASK_TEXT),
              code: taskCode.get(u.task_id),
              resources_vnd: resources_vnd === null ? null : Number(resources_vnd),
            })),
          indicators: values
            .filter((v) => v.report_id === r.id)
            .map(({ report_id: _r, ...v }) => ({
              ...shown(r, v, { kind: 'indicator', id: v.indicator_id }, INDICATOR_TEXT),
              code: indicatorCode.get(v.indicator_id),
            })),
        })),
    })),
  };
}

/** A cell as CSV: quoted when needed, and a leading = + - @ neutralised so a spreadsheet
 *  never runs a formula that came from a report (CSV injection). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER = [
  'ky_bao_cao',
  'han_nop',
  'don_vi',
  'ma_don_vi',
  'trang_thai_bao_cao',
  'loai',
  'ma_muc',
  'noi_dung',
  'tinh_trang',
  'tien_do_phan_tram',
  'gia_tri',
  'ket_qua',
  'minh_chung',
  'kinh_phi_vnd',
  'nguon_so_lieu',
];

export async function planExportCsv(
  db: Kysely<Database>,
  planId: number,
  readsText?: ReportTextReader,
): Promise<string> {
  const data = await planExport(db, planId, readsText);
  const name = {
    task: new Map(data.tasks.map((t) => [t.id, t.content])),
    indicator: new Map(data.indicators.map((i) => [i.id, i.name])),
  };
  const rows: unknown[][] = [HEADER];
  for (const period of data.periods)
    for (const report of period.reports) {
      const base = [period.label, period.due_date, report.unit, report.unitCode, report.status];
      for (const t of report.tasks)
        rows.push([
          ...base,
          'nhiem_vu',
          t.code,
          name.task.get(t.task_id),
          t.status,
          t.progress,
          null,
          t.results,
          t.evidence_text,
          t.resources_vnd,
          null,
        ]);
      for (const v of report.indicators)
        rows.push([
          ...base,
          'chi_tieu',
          v.code,
          name.indicator.get(v.indicator_id),
          null,
          null,
          v.value_number ?? v.value_text,
          null,
          null,
          null,
          v.data_source,
        ]);
    }
  // BOM: Excel opens UTF-8 CSV with Vietnamese letters intact.
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Where each exported item version stands in the plan's history (plans/versions.ts). */
const VERSION_COLUMNS = [
  'lineage_id',
  'valid_from',
  'valid_to',
  'amendment_id',
  'retired_reason',
] as const;
