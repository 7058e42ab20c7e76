import { Badge, Group, Text } from '@mantine/core';
import { todayInVietnam } from '@tiendo/core';
import type { Concern } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

const COLORS = { open: 'orange', answered: 'teal', closed: 'gray' } as const;

/** A concern's state; an open one past its answer date says so. */
export function ConcernStatusBadge({ concern }: { concern: Concern }) {
  const { t } = useI18n();
  const late =
    concern.status === 'open' && concern.answerDue && concern.answerDue < todayInVietnam();
  return (
    <Badge size="xs" color={late ? 'red' : COLORS[concern.status]} variant="light">
      {t(late ? 'concerns.overdue' : `concerns.status.${concern.status}`)}
    </Badge>
  );
}

/** A concern's kind, state and where it was raised, above its wording. */
export function ConcernHeader({ concern, where }: { concern: Concern; where: string }) {
  const { t } = useI18n();
  return (
    <>
      <Group gap="xs">
        <Badge size="xs" variant="outline">
          {t(`concerns.kind.${concern.kind}`)}
        </Badge>
        <ConcernStatusBadge concern={concern} />
        <Text size="xs" c="dimmed">
          {where}
        </Text>
      </Group>
      <Text size="sm">{concern.content}</Text>
    </>
  );
}
