import type { NewVersion, OpenedReport, TemplateApplied } from '@tiendo/core';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { AuditEntry, MyReportRow, ReportDetail } from '../api/types.ts';

// The reporter's data: what each screen asks the server for, under one query key each, so a
// screen can be fetched ahead of the click that opens it.

export const reportKeys = {
  mine: ['my-reports'] as const,
  report: (id: string | number | undefined) => ['report', String(id)] as const,
  /** Every report's audit list: a step of the report's flow refreshes them. */
  audits: ['report-audit'] as const,
  audit: (reportId: number) => ['report-audit', reportId] as const,
};

// Fetched ahead, they stay fresh for a few seconds: the screen that opens next shows them
// without asking again (every change invalidates them explicitly).
const AHEAD_MS = 10_000;

export const myReportsQuery = {
  queryKey: reportKeys.mine,
  queryFn: () => api<MyReportRow[]>('/api/my/reports'),
  staleTime: AHEAD_MS,
};

export const reportQuery = (id: string | number) => ({
  queryKey: reportKeys.report(id),
  queryFn: () => api<ReportDetail>(`/api/reports/${id}`),
  // Short: a report reopened later must carry its items' current versions.
  staleTime: 2_000,
});

/** Opens (or starts) a unit's report for a period; the report's id. */
export const openReport = (periodId: number | string, unitId: number | string) =>
  api<OpenedReport>(`/api/periods/${periodId}/units/${unitId}/report`, {
    method: 'POST',
  });

/** A step of the report's flow (submit, approve, return…) with its body. */
export const reportStep = (id: string | number, action: string, body: object) =>
  api(`/api/reports/${id}/${action}`, { method: 'POST', body });

export const useReportAudit = (reportId: number) =>
  useQuery({
    queryKey: reportKeys.audit(reportId),
    queryFn: () => api<AuditEntry[]>(`/api/reports/${reportId}/audit`),
  });

/** Where one item of a report is saved (autosave: PUT with the version it was based on). */
export const reportItemUrl = (reportId: number, kind: 'tasks' | 'indicators', itemId: number) =>
  `/api/reports/${reportId}/${kind}/${itemId}`;

/** Saves a report item's draft; its new version. */
export const saveReportItem = (url: string, body: object) =>
  api<NewVersion>(url, { method: 'PUT', body });

/** The unit's Excel template of the report, and its upload (applied only when it is right). */
export const reportTemplateUrl = (reportId: number) => `/api/reports/${reportId}/template.xlsx`;
export const uploadReportTemplate = (reportId: number, file: File) =>
  api<TemplateApplied>(`/api/reports/${reportId}/template`, {
    method: 'POST',
    body: file,
  });

/** Evidence files (minh chứng) of a task. */
export const attachmentUrl = (id: number) => `/api/attachments/${id}`;
export const uploadAttachment = (reportId: number, taskId: number, file: File) =>
  api(
    `/api/reports/${reportId}/tasks/${taskId}/attachments?filename=${encodeURIComponent(file.name)}`,
    { method: 'POST', body: file },
  );
export const deleteAttachment = (id: number) => api(attachmentUrl(id), { method: 'DELETE' });

/** The screens a reporter will open next, fetched while they read the current one. */
export const loadInbox = () => import('./MyReportsPage.tsx');
export const loadReport = () => import('./ReportPage.tsx');

/** On signing in as a unit's reporter: the inbox's data and the inbox and report screens,
 *  all at once instead of one after the other. */
export function prefetchReporterStart(queryClient: QueryClient): void {
  void loadInbox();
  void loadReport();
  void queryClient.prefetchQuery(myReportsQuery);
}
