import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NarrativeView,
  NewVersion,
  PlanComplianceView,
  ProvinceComplianceView,
} from '@tiendo/core';
import { api } from '../api/client.ts';
import type { Period, PeriodOverview } from '../api/types.ts';

// Reporting periods as the web app reaches them: a plan's periods and their changes, who has
// reported for a period, the consolidated report (narrative and files), and compliance.

export const periodKeys = {
  list: (planId: number) => ['periods', planId] as const,
  /** Every period's overview: an unlock refreshes whichever is open. */
  overviews: ['period-overview'] as const,
  overview: (periodId: string | undefined) => ['period-overview', periodId] as const,
  narrative: (periodId: number) => ['narrative', periodId] as const,
  compliance: (planId: number) => ['compliance', planId] as const,
  provinceCompliance: (provinceId: string) => ['province-compliance', provinceId] as const,
};

export const usePeriods = (planId: number) =>
  useQuery({
    queryKey: periodKeys.list(planId),
    queryFn: () => api<Period[]>(`/api/plans/${planId}/periods`),
  });

export function useRefreshPeriods(planId: number) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: periodKeys.list(planId) });
}

/** The regular periods of a span of days (a year), from the plan's reporting calendar. */
export function useGeneratePeriods(planId: number) {
  const refresh = useRefreshPeriods(planId);
  return useMutation({
    mutationFn: (span: { from: string; to: string }) =>
      api(`/api/plans/${planId}/periods/generate`, { method: 'POST', body: span }),
    onSuccess: refresh,
  });
}

/** A change of one period (due date, lock delay, status), with the version seen. */
export function useChangePeriod(planId: number) {
  const refresh = useRefreshPeriods(planId);
  return useMutation({
    mutationFn: ({ period, patch }: { period: Period; patch: object }) =>
      api(`/api/periods/${period.id}`, {
        method: 'PATCH',
        body: { version: period.version, ...patch },
      }),
    onSettled: refresh,
  });
}

export interface AdhocPeriod {
  label: string;
  windowStart: string;
  windowEnd: string;
  dueDate: string;
}

/** Báo cáo đột xuất: a period outside the regular ones. */
export function useAddAdhocPeriod(planId: number, onSuccess: () => void) {
  return useMutation({
    mutationFn: (period: AdhocPeriod) =>
      api(`/api/plans/${planId}/periods`, { method: 'POST', body: period }),
    onSuccess,
  });
}

export const usePeriodOverview = (periodId: string | undefined) =>
  useQuery({
    queryKey: periodKeys.overview(periodId),
    queryFn: () => api<PeriodOverview>(`/api/periods/${periodId}/reports`),
  });

/** Reopens a closed or locked period for one unit, with the reason the audit log keeps. */
export function useUnlockUnit(periodId: number, unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      api(`/api/periods/${periodId}/units/${unitId}/unlock`, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: periodKeys.overviews }),
  });
}

export type SavedNarrative = NarrativeView;

export const useNarrative = (periodId: number) =>
  useQuery({
    queryKey: periodKeys.narrative(periodId),
    queryFn: () => api<SavedNarrative>(`/api/periods/${periodId}/narrative`),
  });

export const useSaveNarrative = (periodId: number, onSuccess: (r: { version: number }) => void) =>
  useMutation({
    mutationFn: (body: SavedNarrative) =>
      api<NewVersion>(`/api/periods/${periodId}/narrative`, { method: 'PUT', body }),
    onSuccess,
  });

/** The consolidated report's files: the .docx, the .xlsx appendices, the upward exports. */
export const periodFileUrl = (
  periodId: number,
  file: 'report.docx' | 'appendices.xlsx' | 'upward.csv' | 'upward.json',
) => `/api/periods/${periodId}/${file}`;

export type UnitCompliance = PlanComplianceView['units'][number];
export type CommuneCompliance = ProvinceComplianceView[number];

export const usePlanCompliance = (planId: number) =>
  useQuery({
    queryKey: periodKeys.compliance(planId),
    queryFn: () => api<PlanComplianceView>(`/api/plans/${planId}/compliance`),
  });

export const useProvinceCompliance = (provinceId: string) =>
  useQuery({
    queryKey: periodKeys.provinceCompliance(provinceId),
    queryFn: () => api<ProvinceComplianceView>(`/api/provinces/${provinceId}/compliance`),
  });
