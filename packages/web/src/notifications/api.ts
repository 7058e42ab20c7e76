import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationList } from '@tiendo/core';
import { api } from '../api/client.ts';

// The signed-in person's notifications (contract/notifications.ts), read again every minute.

export const notificationKeys = {
  all: ['notifications'] as const,
};

export const useNotifications = () =>
  useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => api<NotificationList>('/api/notifications'),
    refetchInterval: 60_000,
  });

/** Marks notifications read (no ids: all of them). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) =>
      api('/api/notifications/read', { method: 'POST', body: { ids } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
