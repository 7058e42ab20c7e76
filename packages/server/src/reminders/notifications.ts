import type { Kysely } from 'kysely';
import type { NotificationList } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../http/time.ts';

// A person's in-app notifications (written by reportNotices.ts and the reminder sweep).

/** Their latest 50, newest first, and how many are unread. */
export async function listNotifications(
  db: Kysely<Database>,
  userId: number,
): Promise<NotificationList> {
  const items = await db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at as createdAt', 'read_at as readAt'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return { unread: items.filter((n) => n.readAt === null).length, items };
}

/** Marks these of theirs read, or all of them when no ids are given. */
export async function markNotificationsRead(
  db: Kysely<Database>,
  userId: number,
  ids?: number[],
): Promise<void> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids) query = query.where('id', 'in', ids.length ? ids : [-1]);
  await query.execute();
}
