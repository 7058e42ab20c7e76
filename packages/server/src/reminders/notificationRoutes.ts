import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/plugin.ts';
import { nowIso } from '../http/time.ts';
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
      const items = await app.db
        .selectFrom('notifications')
        .select([
          'id',
          'kind',
          'title',
          'body',
          'link',
          'created_at as createdAt',
          'read_at as readAt',
        ])
        .where('user_id', '=', user.id)
        .orderBy('id', 'desc')
        .limit(50)
        .execute();
      return { unread: items.filter((n) => n.readAt === null).length, items };
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
      let query = app.db
        .updateTable('notifications')
        .set({ read_at: nowIso() })
        .where('user_id', '=', user.id)
        .where('read_at', 'is', null);
      if (request.body.ids)
        query = query.where('id', 'in', request.body.ids.length ? request.body.ids : [-1]);
      await query.execute();
      return { ok: true as const };
    },
  );
}
