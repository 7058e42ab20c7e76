import { useQuery } from '@tanstack/react-query';
import type {
  CatalogueComparison,
  CommuneDashboard,
  IndicatorAcrossProvinces,
  NationalRollup,
  ProvinceRollup,
  TaskHistory,
} from '@tiendo/core';
import { api } from '../api/client.ts';

// The dashboards' data: a commune plan's control panel, a task's history, the province's and
// the central level's roll-ups for a round (`label`: the round; null, the latest).

export interface DashboardFilters {
  periodId?: string;
  appendix?: string;
  unitId?: string;
}

export const dashboardKeys = {
  commune: (planId: string | undefined, filters: DashboardFilters) =>
    ['dashboard', planId, filters] as const,
  taskHistory: (taskId: number | null) => ['task-history', taskId] as const,
  province: (provinceId: string | undefined, label: string | null) =>
    ['rollup', provinceId, label] as const,
  national: (label: string | null) => ['national', label] as const,
  provinceCatalogue: (provinceId: string, catalogueId: string | null) =>
    ['compare', provinceId, catalogueId] as const,
  nationalCatalogue: (catalogueId: string | null, label: string | null) =>
    ['national-indicator', catalogueId, label] as const,
};

const roundQuery = (label: string | null) => (label ? `?label=${encodeURIComponent(label)}` : '');

export function useCommuneDashboard(planId: string | undefined, filters: DashboardFilters) {
  const query = new URLSearchParams(
    Object.entries(filters).filter(([, v]) => v) as Array<[string, string]>,
  );
  return useQuery({
    queryKey: dashboardKeys.commune(planId, filters),
    queryFn: () => api<CommuneDashboard>(`/api/plans/${planId}/dashboard?${query}`),
  });
}

export const useTaskHistory = (taskId: number | null) =>
  useQuery({
    queryKey: dashboardKeys.taskHistory(taskId),
    queryFn: () => api<TaskHistory>(`/api/tasks/${taskId}/history`),
    enabled: taskId !== null,
  });

export const useProvinceRollup = (provinceId: string | undefined, label: string | null) =>
  useQuery({
    queryKey: dashboardKeys.province(provinceId, label),
    queryFn: () => api<ProvinceRollup>(`/api/provinces/${provinceId}/rollup${roundQuery(label)}`),
  });

export const useNationalRollup = (label: string | null) =>
  useQuery({
    queryKey: dashboardKeys.national(label),
    queryFn: () => api<NationalRollup>(`/api/national/rollup${roundQuery(label)}`),
  });

/** One catalogue indicator across the province's communes. */
export const useProvinceCatalogue = (provinceId: string, catalogueId: string | null) =>
  useQuery({
    queryKey: dashboardKeys.provinceCatalogue(provinceId, catalogueId),
    queryFn: () =>
      api<CatalogueComparison>(`/api/provinces/${provinceId}/catalogue/${catalogueId}`),
    enabled: catalogueId !== null,
  });

/** One catalogue indicator across provinces, for the round. */
export const useNationalCatalogue = (catalogueId: string | null, label: string | null) =>
  useQuery({
    queryKey: dashboardKeys.nationalCatalogue(catalogueId, label),
    queryFn: () =>
      api<IndicatorAcrossProvinces>(`/api/national/catalogue/${catalogueId}${roundQuery(label)}`),
    enabled: catalogueId !== null,
  });
