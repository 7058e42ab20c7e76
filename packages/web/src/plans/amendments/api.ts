import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AmendmentComparison,
  ItemHistory,
  AmendmentList,
  AmendmentView,
  AppliedAmendment,
  ItemKind,
  ItemVersionView,
} from '@tiendo/core';
import { api } from '../../api/client.ts';
import { planKeys } from '../api.ts';

// The plan's amendments as the web app reaches them: fetchers, query keys and hooks in one
// place; response types come from the shared contract (@tiendo/core contract/amendments.ts).

export type { AmendmentComparison, AmendmentView, ItemKind, ItemVersionView };

export const amendmentKeys = {
  list: (planId: number) => [...planKeys.detail(planId), 'amendments'] as const,
  history: (planId: number, kind: ItemKind, itemId: number) =>
    [...planKeys.detail(planId), 'history', kind, itemId] as const,
};

/** One change of an amendment, as the server takes it (plans/amendmentInput.ts). */
export type ItemChange =
  | { change: 'edit'; kind: ItemKind; itemId: number; fields: Record<string, unknown> }
  | { change: 'add'; kind: ItemKind; fields: Record<string, unknown> }
  | { change: 'retire'; kind: ItemKind; itemId: number; reason: string };

export interface AmendmentDraft {
  version: number;
  basis: { number: string; date: string | null; signer: string | null };
  effectiveOn: string;
  note: string | null;
  documentId: number | null;
  source: 'manual' | 'import';
  changes: ItemChange[];
}

export function useAmendments(planId: number) {
  return useQuery({
    queryKey: amendmentKeys.list(planId),
    queryFn: () => api<AmendmentList>(`/api/plans/${planId}/amendments`),
  });
}

export function useItemHistory(planId: number, kind: ItemKind, itemId: number | null) {
  return useQuery({
    queryKey: amendmentKeys.history(planId, kind, itemId ?? 0),
    queryFn: () =>
      api<ItemHistory>(`/api/plans/${planId}/items/${kind}/${itemId}/history`).then(
        (r) => r.versions,
      ),
    enabled: itemId !== null,
  });
}

export function useApplyAmendment(planId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: AmendmentDraft) =>
      api<AppliedAmendment>(`/api/plans/${planId}/amendments`, { method: 'POST', body: draft }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.detail(planId) }),
  });
}

export function useCompareDocument(planId: number) {
  return useMutation({
    mutationFn: (file: File) =>
      api<AmendmentComparison>(
        `/api/plans/${planId}/amendments/compare?filename=${encodeURIComponent(file.name)}`,
        { method: 'POST', body: file },
      ),
  });
}
