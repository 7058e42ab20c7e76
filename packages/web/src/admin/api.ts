import type { AddedUser, Reorganised, TemporaryPassword } from '@tiendo/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { importKeys } from '../imports/api.ts';
import type { AdminUser, CommuneAdmin } from './types.ts';

// A commune's units and people as the administration screens reach them: fetchers, query
// keys and hooks in one place; response types from the shared contract (contract/org.ts).

export const adminKeys = {
  all: ['admin'] as const,
  commune: (communeId: string | number | null) =>
    ['admin', communeId === null ? null : String(communeId)] as const,
};

/** The commune's units and users; fetched only while `enabled`. */
export const useCommuneAdmin = (communeId: string | number | null, enabled = true) =>
  useQuery({
    queryKey: adminKeys.commune(communeId),
    queryFn: () => api<CommuneAdmin>(`/api/admin/communes/${communeId}`),
    enabled: enabled && communeId !== null,
  });

const useRefreshAdmin = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
};

/** Renames a unit (with the version seen) or adds one to the commune. */
export function useSaveUnit(communeId: number, onSuccess: () => void) {
  const refresh = useRefreshAdmin();
  return useMutation({
    mutationFn: (unit: { id?: number; version?: number; name: string }) =>
      unit.id
        ? api(`/api/admin/units/${unit.id}`, {
            method: 'PATCH',
            body: { version: unit.version, name: unit.name },
          })
        : api(`/api/admin/communes/${communeId}/units`, {
            method: 'POST',
            body: { name: unit.name },
          }),
    onSuccess,
    onSettled: refresh,
  });
}

export function useToggleUser() {
  const refresh = useRefreshAdmin();
  return useMutation({
    mutationFn: (u: AdminUser) =>
      api(`/api/admin/users/${u.id}`, {
        method: 'PATCH',
        body: { version: u.version, active: !u.active },
      }),
    onSettled: refresh,
  });
}

export function useResetPassword(
  onSuccess: (secret: { username: string; password: string }) => void,
) {
  return useMutation({
    mutationFn: (u: AdminUser) =>
      api<TemporaryPassword>(`/api/admin/users/${u.id}/reset-password`, {
        method: 'POST',
      }).then((r) => ({ username: u.username, password: r.temporaryPassword })),
    onSuccess,
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  unitId: number | null;
  roles: Array<{ role: string; scopeUnitId: number }>;
}

/** Creates a user in the commune; the temporary password to hand over. */
export const useCreateUser = (
  communeId: number,
  onSuccess: (created: { temporaryPassword: string }) => void,
) =>
  useMutation({
    mutationFn: (user: NewUser) =>
      api<AddedUser>(`/api/admin/communes/${communeId}/users`, {
        method: 'POST',
        body: user,
      }),
    onSuccess,
  });

export interface Reorganisation {
  kind: 'merge' | 'split';
  predecessors: number[];
  successors: Array<{ name: string; code: string | null }>;
  effectiveOn: string;
  decision: string | null;
}

/** Sáp nhập, chia tách: every commune list and administration view changes. */
export function useReorganise(onSuccess: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Reorganisation) =>
      api<Reorganised>('/api/admin/reorganisations', { method: 'POST', body }),
    onSuccess: () => {
      onSuccess();
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
      void queryClient.invalidateQueries({ queryKey: adminKeys.all });
    },
  });
}

export function useSaveCommuneCode(communeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string | null) =>
      api(`/api/admin/org-units/${communeId}/code`, { method: 'PUT', body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.commune(communeId) }),
  });
}
