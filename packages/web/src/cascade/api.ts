import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CascadeLinks, CascadeView, TargetSharesView } from '@tiendo/core';
import { api } from '../api/client.ts';

// The cascade between a higher-level plan and the communes' plans as the web app reaches it:
// the province's view of who carries out what, a commune plan's links to the plan above it
// (contract/cascade.ts), and a province indicator's target split down to the communes.

export type { CascadeLinks };

export const cascadeKeys = {
  /** Every province's cascade view: a change of links refreshes them. */
  all: ['cascade'] as const,
  view: (planId: number) => ['cascade', planId] as const,
  links: (planId: number) => ['cascade-links', planId] as const,
  shares: (indicatorId: string | null, year: number) =>
    ['target-shares', indicatorId, year] as const,
};

export type Cascade = CascadeView;

export const useCascade = (planId: number) =>
  useQuery({
    queryKey: cascadeKeys.view(planId),
    queryFn: () => api<Cascade>(`/api/plans/${planId}/cascade`),
  });

export const useCascadeLinks = (planId: number) =>
  useQuery({
    queryKey: cascadeKeys.links(planId),
    queryFn: () => api<CascadeLinks>(`/api/plans/${planId}/cascade-links`),
  });

export interface LinkChange {
  kind: 'task' | 'indicator';
  childId: number;
  parentId: number;
  linked: boolean;
}

/** The plan's links as the server answers a change: kept as read, the cascade views
 *  refreshed. */
function useLinksChanged(planId: number) {
  const queryClient = useQueryClient();
  return (data: CascadeLinks) => {
    queryClient.setQueryData(cascadeKeys.links(planId), data);
    void queryClient.invalidateQueries({ queryKey: cascadeKeys.all });
  };
}

/** Which higher-level plan the commune plan carries out (none: null). */
export function useSetParentPlan(planId: number) {
  const onSuccess = useLinksChanged(planId);
  return useMutation({
    mutationFn: (parentPlanId: number | null) =>
      api<CascadeLinks>(`/api/plans/${planId}/parent`, { method: 'PUT', body: { parentPlanId } }),
    onSuccess,
  });
}

export function useChangeCascadeLinks(planId: number) {
  const onSuccess = useLinksChanged(planId);
  return useMutation({
    mutationFn: (changes: LinkChange[]) =>
      api<CascadeLinks>(`/api/plans/${planId}/cascade-links`, {
        method: 'PUT',
        body: { changes },
      }),
    onSuccess,
  });
}

export type ShareMethod = TargetSharesView['communes'][number]['method'] & string;
export type SharesView = TargetSharesView;

export const useTargetShares = (indicatorId: string | null, year: number) =>
  useQuery({
    queryKey: cascadeKeys.shares(indicatorId, year),
    enabled: indicatorId !== null,
    queryFn: () => api<SharesView>(`/api/indicators/${indicatorId}/target-shares?year=${year}`),
  });

export interface SharesSplit {
  year: number;
  revision: string;
  method: ShareMethod;
  total: number | null;
  shares: Array<{ communeId: number; weight?: number; value?: number | null }>;
}

/** Saves the split of the indicator's target for the year, then reads it again (`sharesKey`:
 *  the key it was read under). */
export function useSaveTargetShares(
  indicatorId: number,
  sharesKey: ReturnType<typeof cascadeKeys.shares>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (split: SharesSplit) =>
      api(`/api/indicators/${indicatorId}/target-shares`, { method: 'PUT', body: split }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sharesKey }),
  });
}
