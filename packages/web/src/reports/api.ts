import type { QueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { MyReportRow, ReportDetail } from '../api/types.ts';

// The reporter's data: what each screen asks the server for, under one query key each, so a
// screen can be fetched ahead of the click that opens it.

// Fetched ahead, they stay fresh for a few seconds: the screen that opens next shows them
// without asking again (every change invalidates them explicitly).
const AHEAD_MS = 10_000;

export const myReportsQuery = {
  queryKey: ['my-reports'],
  queryFn: () => api<MyReportRow[]>('/api/my/reports'),
  staleTime: AHEAD_MS,
};

export const reportQuery = (id: string | number) => ({
  queryKey: ['report', String(id)],
  queryFn: () => api<ReportDetail>(`/api/reports/${id}`),
  // Short: a report reopened later must carry its items' current versions.
  staleTime: 2_000,
});

/** Opens (or starts) a unit's report for a period; the report's id. */
export const openReport = (periodId: number | string, unitId: number | string) =>
  api<{ reportId: number }>(`/api/periods/${periodId}/units/${unitId}/report`, {
    method: 'POST',
  });

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
