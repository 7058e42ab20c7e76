import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatalogueEntryView, CatalogueLinksView } from '@tiendo/core';
import { api } from '../api/client.ts';

// The shared indicator catalogue as the web app reaches it: the catalogue itself (which the
// province and national dashboards compare by) and a plan's links to it.

export type CatalogueEntry = CatalogueEntryView;
export type CatalogueLinks = CatalogueLinksView;

export const catalogueKeys = {
  catalogue: ['catalogue'] as const,
  links: (planId: number) => ['catalogue-links', planId] as const,
};

export const useCatalogue = () =>
  useQuery({
    queryKey: catalogueKeys.catalogue,
    queryFn: () => api<CatalogueEntry[]>('/api/catalogue'),
  });

export const useCatalogueLinks = (planId: number) =>
  useQuery({
    queryKey: catalogueKeys.links(planId),
    queryFn: () => api<CatalogueLinks>(`/api/plans/${planId}/catalogue`),
  });

/** Confirms (or removes: null) the links of the plan's indicators to the catalogue. */
export function useSaveCatalogueLinks(planId: number, onSuccess: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (links: Array<{ indicatorId: number; catalogueId: number | null }>) =>
      api(`/api/plans/${planId}/catalogue`, { method: 'PUT', body: { links } }),
    onSuccess: () => {
      onSuccess();
      void queryClient.invalidateQueries({ queryKey: catalogueKeys.links(planId) });
    },
  });
}
