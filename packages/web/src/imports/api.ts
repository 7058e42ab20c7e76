import type { ImportedPlan, NewVersion, PlanOwners } from '@tiendo/core';
import { useQuery } from '@tanstack/react-query';
import type { DraftReview } from '../api/types.ts';
import { api } from '../api/client.ts';

// Importing a signed plan as the web app reaches it: the communes one may import for, the
// upload, and the draft's review (save, re-read, column roles, publish, delete).

export type { DraftReview };

export type ManagedCommune = PlanOwners[number];

export const importKeys = {
  /** Under ['communes']: a reorganisation invalidates every commune list. */
  all: ['communes'] as const,
  managedCommunes: ['communes', 'managed'] as const,
  draft: (planId: string | undefined) => ['draft', planId] as const,
};

export const useManagedCommunes = () =>
  useQuery({
    queryKey: importKeys.managedCommunes,
    queryFn: () => api<ManagedCommune[]>('/api/communes/managed'),
  });

/** Uploads a signed plan for a commune; the draft plan's id. */
export const importPlan = (communeId: string, file: File) => {
  const query = new URLSearchParams({ communeId, filename: file.name });
  return api<ImportedPlan>(`/api/plans/import?${query}`, { method: 'POST', body: file });
};

export const useDraftReview = (planId: string | undefined) =>
  useQuery({
    queryKey: importKeys.draft(planId),
    queryFn: () => api<DraftReview>(`/api/plans/${planId}/draft`),
  });

export const saveDraft = (planId: number, body: { version: number; draft: unknown }) =>
  api<NewVersion>(`/api/plans/${planId}/draft`, { method: 'PUT', body });

export const reimportDraft = (planId: number, file: File, version: number) => {
  const query = new URLSearchParams({ filename: file.name, version: String(version) });
  return api(`/api/plans/${planId}/reimport?${query}`, { method: 'POST', body: file });
};

export const setDraftColumns = (
  planId: number,
  body: { version: number; table: number; roles: unknown },
) => api(`/api/plans/${planId}/draft/columns`, { method: 'PUT', body });

export const publishDraft = (planId: number, body: Record<string, unknown>) =>
  api(`/api/plans/${planId}/publish`, { method: 'POST', body });

export const deleteDraft = (planId: number, version: number) =>
  api(`/api/plans/${planId}?version=${version}`, { method: 'DELETE' });
