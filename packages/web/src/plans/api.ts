import type { LocalItemAdded } from '@tiendo/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { PlanDetail, PlanSummary } from '../api/types.ts';

// Plans as the web app reaches them: the list, one plan, its housekeeping steps and local
// items, and the files it exports. The plan's key is the prefix of every key about one plan
// (amendments, history, review), so invalidating it refreshes them all.

export const planKeys = {
  /** Every list of plans, active and archived. */
  lists: ['plans'] as const,
  list: (archived: boolean) => (archived ? (['plans', 'archived'] as const) : (['plans'] as const)),
  detail: (planId: string | number | undefined) => ['plan', String(planId)] as const,
};

export const usePlans = (archived: boolean) =>
  useQuery({
    queryKey: planKeys.list(archived),
    queryFn: () => api<PlanSummary[]>(archived ? '/api/plans?archived=1' : '/api/plans'),
  });

export const usePlan = (planId: string | number | undefined) =>
  useQuery({
    queryKey: planKeys.detail(planId),
    queryFn: () => api<PlanDetail>(`/api/plans/${planId}`),
  });

/** A plan's own refresh after a change of its state: the plan and every list of plans. */
export function useRefreshPlan(planId: number) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: planKeys.detail(planId) });
    await queryClient.invalidateQueries({ queryKey: planKeys.lists });
  };
}

/** A housekeeping step on a plan (archive, restore, unpublish), with the version seen. */
export const planStep = (plan: { id: number; version: number }, step: string) =>
  api(`/api/plans/${plan.id}/${step}`, { method: 'POST', body: { version: plan.version } });

export const renamePlan = (
  plan: { id: number; version: number },
  title: string,
  number: string | null,
) =>
  api(`/api/plans/${plan.id}`, { method: 'PATCH', body: { version: plan.version, title, number } });

/** Adds the commune's own indicator or task to its running plan. */
export function useAddLocalItem(planId: number, onSuccess: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<LocalItemAdded>(`/api/plans/${planId}/local-items`, { method: 'POST', body }),
    onSuccess: () => {
      onSuccess();
      void queryClient.invalidateQueries({ queryKey: planKeys.detail(planId) });
    },
  });
}

export const planExportUrl = (planId: number, format: 'json' | 'csv') =>
  `/api/plans/${planId}/export.${format}`;
