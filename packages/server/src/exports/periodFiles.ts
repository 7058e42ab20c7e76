import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { loadReport } from '../reports/reportView.ts';
import { periodSummary } from './periodSummary.ts';
import { loadNarrative } from './narrative.ts';
import { consolidatedReportDocx } from './docxReport.ts';
import { appendicesXlsx } from './xlsxAppendices.ts';
import { buildReportTemplate } from './reportTemplate.ts';
import { DOCX, XLSX, type Download } from './download.ts';

// A period's official outputs and a unit's Excel template, as files to hand out (the routes
// decide who may have them).

/** The consolidated report (Decree 30 frame) with the focal officer's narrative. */
export async function periodReportFile(db: Kysely<Database>, periodId: number): Promise<Download> {
  const summary = await periodSummary(db, periodId);
  const { narrative } = await loadNarrative(db, summary);
  return {
    type: DOCX,
    filename: `Báo cáo ${summary.period.label} - ${summary.period.communeName}.docx`,
    content: await consolidatedReportDocx(summary, narrative),
  };
}

/** The appendices of indicators and tasks. */
export async function periodAppendicesFile(
  db: Kysely<Database>,
  periodId: number,
): Promise<Download> {
  const summary = await periodSummary(db, periodId);
  return {
    type: XLSX,
    filename: `Phụ lục ${summary.period.label} - ${summary.period.communeName}.xlsx`,
    content: await appendicesXlsx(summary),
  };
}

/** A unit's report as an Excel template to fill in offline. */
export async function reportTemplateFile(
  db: Kysely<Database>,
  reportId: number,
): Promise<Download> {
  const report = await loadReport(db, reportId);
  return {
    type: XLSX,
    filename: `Mẫu báo cáo ${report.periodLabel} - ${report.unitName}.xlsx`,
    content: await buildReportTemplate(report),
  };
}
