import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { listNotifications, markNotificationsRead } from './notifications.ts';
import { Done, NotificationList } from '@tiendo/core';

/** In-app notifications: the user's latest, and marking them read. */
export function notificationRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Thông báo của tôi (mới nhất trước)',
        response: { 200: NotificationList },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return listNotifications(app.db, user.id);
    },
  );
  r.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu đã đọc (các id, hoặc tất cả khi không gửi id)',
        body: z.object({ ids: z.array(z.number().int().positive()).max(200).optional() }),
        response: { 200: Done },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await markNotificationsRead(app.db, user.id, request.body.ids);
      return { ok: true as const };
    },
  );
}
