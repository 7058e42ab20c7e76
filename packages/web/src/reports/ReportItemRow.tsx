import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import type { ReportItem } from './reportItems.ts';

const STATE_COLORS: Record<string, string> = {
  done: 'teal',
  in_progress: 'blue',
  not_started: 'gray',
};

/** One item of the report as a compact row: code, text, who leads, where it stands. A tap
 *  opens it for writing (or reviewing) right below. */
export function ReportItemRow({
  item,
  open,
  onToggle,
}: {
  item: ReportItem;
  open: boolean;
  onToggle(): void;
}) {
  const { t } = useI18n();
  const state =
    item.kind === 'task' && item.summary
      ? t(`report.state.${item.summary}` as Parameters<typeof t>[0])
      : item.summary;
  return (
    <UnstyledButton
      onClick={onToggle}
      aria-expanded={open}
      data-testid={`row-${item.kind}-${item.code}`}
      w="100%"
      px="xs"
      py={6}
      style={{
        borderBottom: '1px solid var(--mantine-color-gray-2)',
        background: open ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Text size="sm" lineClamp={open ? undefined : 2}>
        <Text span fw={700}>{`${item.code}. `}</Text>
        {item.text}
      </Text>
      <Group gap={4} mt={4}>
        {item.kind === 'task' && (
          <Badge size="xs" variant="outline" color={item.role === 'lead' ? 'blue' : 'gray'}>
            {t(item.role === 'lead' ? 'report.lead' : 'report.coordinate')}
          </Badge>
        )}
        {item.updated ? (
          <Badge size="xs" variant="light" color={STATE_COLORS[item.summary ?? ''] ?? 'teal'}>
            {state ?? t('report.row.updated')}
          </Badge>
        ) : (
          <Badge size="xs" variant="light" color="gray">
            {t('report.row.todo')}
          </Badge>
        )}
        {item.flagged && !item.explained && (
          <Badge size="xs" color="red">
            {t('report.row.explain')}
          </Badge>
        )}
        {item.commented && (
          <Badge size="xs" color="orange">
            {t('report.row.commented')}
          </Badge>
        )}
      </Group>
    </UnstyledButton>
  );
}
