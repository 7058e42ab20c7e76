import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import type { ReportDetail } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Props = { contributions: NonNullable<ReportDetail['tasks'][number]['contributions']> };

/** What the coordinating units (phối hợp) sent for a task this lead unit consolidates, and
 *  who has not sent anything yet. */
export function Contributions({ contributions }: Props) {
  const { t } = useI18n();
  const { given, missing } = contributions;
  if (given.length === 0 && missing.length === 0) return null;
  return (
    <Alert color="gray" p="xs" title={t('report.contributions')} data-testid="contributions">
      <Stack gap={4}>
        {given.map((c) => (
          <Text size="xs" key={c.unitId}>
            <b>{c.unitName}:</b>{' '}
            {[c.results, c.difficulties && `${t('report.difficulties')}: ${c.difficulties}`]
              .filter(Boolean)
              .join(' · ') || '—'}
          </Text>
        ))}
        {missing.length > 0 && (
          <Group gap={4}>
            <Text size="xs" c="dimmed">
              {t('report.notContributed')}
            </Text>
            {missing.map((u) => (
              <Badge key={u.unitId} size="xs" color="orange" variant="light">
                {u.unitName}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
