import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { SIGNED_IN_EVENT, signedInPage } from './signInForm.ts';
import { authKeys, fetchSignedInUser, logout } from './api.ts';

// Who is signed in. Signing in happens in index.html's own form (signInForm.ts), which hands
// the user over through `window.tiendoSignedIn` (signed in before this script ran) or an event.

interface Session {
  me: Me | null;
  loading: boolean;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function fetchMe(): Promise<Me | null> {
  // Taken once: asked again later (after a password change, say), the server answers.
  const handedOver = window.tiendoSignedIn;
  if (handedOver) {
    delete window.tiendoSignedIn;
    setCsrfToken(handedOver.csrfToken);
    return handedOver;
  }
  // No session cookie came with the page (the server would have marked it): nobody to ask for.
  if (!signedInPage()) return null;
  try {
    const me = await fetchSignedInUser();
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({
    queryKey: authKeys.me,
    queryFn: fetchMe,
    staleTime: Infinity,
    retry: false,
  });
  useEffect(() => {
    const signedIn = (event: Event) => {
      const me = (event as CustomEvent<Me>).detail;
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(authKeys.me, me);
    };
    window.addEventListener(SIGNED_IN_EVENT, signedIn);
    return () => window.removeEventListener(SIGNED_IN_EVENT, signedIn);
  }, [queryClient]);
  const session: Session = {
    me: meQuery.data ?? null,
    loading: meQuery.isLoading,
    logout: async () => {
      await logout().catch(() => undefined);
      // A fresh page: nothing of this person's stays in memory (a shared office computer).
      window.location.assign('/');
    },
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
