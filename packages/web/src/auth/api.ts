import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Me } from '../api/types.ts';

// The session as the application reaches it: who is signed in, signing out, changing one's
// password. Signing in is the sign-in form's own (signInForm.ts, addresses in urls.ts).

export const authKeys = {
  me: ['me'] as const,
};

/** The signed-in user (401 when nobody is). */
export const fetchSignedInUser = () => api<Me>('/api/auth/me');

export const logout = () => api('/api/auth/logout', { method: 'POST', body: {} });

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (passwords: { currentPassword: string; newPassword: string }) =>
      api('/api/auth/password', { method: 'POST', body: passwords }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
