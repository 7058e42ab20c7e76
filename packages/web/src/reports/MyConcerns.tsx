import { Card, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { ConcernHeader } from '../concerns/ConcernStatusBadge.tsx';
import { useMyConcerns } from '../concerns/api.ts';
import { vnDate } from '../i18n/dates.ts';

/** The difficulties and proposals the reporter's units raised: who answers, by when, and
 *  the answer once it is given. */
export function MyConcerns() {
  const { t } = useI18n();
  const concerns = useMyConcerns();
  const list = concerns.data ?? [];
  if (list.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="my-concerns">
      <Title order={4}>{t('inbox.concerns')}</Title>
      {list.map((c) => (
        <Card key={c.id} withBorder padding="xs">
          <ConcernHeader concern={c} where={`${c.periodLabel} · ${c.taskCode}`} />
          {c.addressee && (
            <Text size="xs" c="dimmed">
              {`${t('concerns.addressee')}: ${c.addressee}`}
              {c.answerDue && ` · ${t('concerns.answerDue')}: ${vnDate(c.answerDue)}`}
            </Text>
          )}
          {c.answer && <Text size="sm" c="teal.8">{`${t('concerns.answer')}: ${c.answer}`}</Text>}
        </Card>
      ))}
    </Stack>
  );
}
