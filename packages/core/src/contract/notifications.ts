import { z } from 'zod';
import { NOTIFICATION_KINDS } from './enums.ts';

// In-app notifications (GET /api/notifications): the user's latest, the unread count.

export const NotificationView = z.object({
  id: z.number(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;
export const NotificationList = z.object({
  unread: z.number(),
  items: z.array(NotificationView),
});
export type NotificationList = z.infer<typeof NotificationList>;
