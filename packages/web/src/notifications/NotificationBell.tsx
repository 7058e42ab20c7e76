import { ActionIcon, Indicator, Menu, Text } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { useMarkRead, useNotifications } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Reminders, reports sent, returned or approved: unread count, latest first, one click to the item. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const read = useMarkRead();
  const data = notifications.data;
  return (
    <Menu width={320} position="bottom-end" shadow="md">
      <Menu.Target>
        <Indicator label={data?.unread} size={16} disabled={!data?.unread} offset={4}>
          <ActionIcon
            variant="subtle"
            aria-label={`${t('notifications.title')} (${data?.unread ?? 0})`}
          >
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('notifications.title')}</Menu.Label>
        {(data?.items ?? []).length === 0 && (
          <Text size="xs" c="dimmed" px="sm" py="xs">
            {t('notifications.none')}
          </Text>
        )}
        {(data?.items ?? []).slice(0, 10).map((n) => (
          <Menu.Item
            key={n.id}
            fw={n.readAt ? 400 : 600}
            onClick={() => {
              read.mutate([n.id]);
              if (n.link) navigate(n.link);
            }}
          >
            <Text size="xs">{n.title}</Text>
            {n.body && (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {`“${n.body}”`}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {new Date(n.createdAt).toLocaleString('vi-VN')}
            </Text>
          </Menu.Item>
        ))}
        {(data?.unread ?? 0) > 0 && (
          <Menu.Item onClick={() => read.mutate(undefined)}>
            <Text size="xs" c="blue">
              {t('notifications.readAll')}
            </Text>
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/** A bell drawn in SVG: an emoji needs an emoji font, which many office PCs lack. */
function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Z M10 20a2 2 0 0 0 4 0"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
