import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { Concern } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ConcernHeader } from './ConcernStatusBadge.tsx';
import { useAnswerConcern, usePlanConcerns, useProvinceConcerns } from './api.ts';
import { DateField } from '../i18n/DateField.tsx';

type Filter = 'open' | 'answered' | 'closed' | 'all';

/** A plan's difficulties and proposals as tracked items: the focal officer says who must
 *  answer and by when, records the answer, and closes them; units see their own. */
export function ConcernsPanel({ planId }: { planId: number }) {
  const concerns = usePlanConcerns(planId);
  if (concerns.isLoading) return <Loader />;
  if (concerns.error) return <Alert color="red">{concerns.error.message}</Alert>;
  return <ConcernList {...concerns.data!} />;
}

/** Every commune's concerns in a province, to read (each commune's focal officer answers). */
export function ProvinceConcerns({ provinceId }: { provinceId: string }) {
  const { t } = useI18n();
  const concerns = useProvinceConcerns(provinceId);
  if (concerns.isLoading) return <Loader />;
  if (concerns.error) return <Alert color="red">{concerns.error.message}</Alert>;
  return (
    <Stack gap="xs" data-testid="province-concerns">
      <Title order={5}>{t('concerns.provinceTitle')}</Title>
      <ConcernList canAnswer={false} items={concerns.data!} />
    </Stack>
  );
}

function ConcernList({ canAnswer, items }: { canAnswer: boolean; items: Concern[] }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('open');
  const shown = items.filter((c) => filter === 'all' || c.status === filter);
  return (
    <Stack gap="sm">
      <SegmentedControl
        size="xs"
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={(['open', 'answered', 'closed'] as Filter[])
          .map((s) => ({
            value: s,
            label: `${t(`concerns.status.${s as Concern['status']}`)} (${items.filter((c) => c.status === s).length})`,
          }))
          .concat({ value: 'all', label: `${t('report.filter.all')} (${items.length})` })}
      />
      {shown.length === 0 && <Alert>{t('concerns.none')}</Alert>}
      {shown.map((c) => (
        <ConcernCard key={`${c.id}-${c.version}`} concern={c} canAnswer={canAnswer} />
      ))}
    </Stack>
  );
}

function ConcernCard(props: { concern: Concern & { communeName?: string }; canAnswer: boolean }) {
  const { concern: c, canAnswer } = props;
  const { t } = useI18n();
  const [edit, setEdit] = useState({
    addressee: c.addressee ?? '',
    answerDue: c.answerDue ?? '',
    answer: c.answer ?? '',
  });
  const save = useAnswerConcern(c);
  const send = (status?: Concern['status']) =>
    save.mutate({
      addressee: edit.addressee.trim() || null,
      answerDue: edit.answerDue || null,
      answer: edit.answer.trim() || null,
      ...(status ? { status } : {}),
    });
  const field = (key: keyof typeof edit) => ({
    value: edit[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = e.currentTarget.value;
      setEdit((x) => ({ ...x, [key]: value }));
    },
  });
  return (
    <Card withBorder padding="sm" data-testid="concern">
      <Stack gap={6}>
        <ConcernHeader
          concern={c}
          where={[
            c.communeName,
            c.unitName,
            c.periodLabel,
            `${c.taskCode}. ${c.taskContent.slice(0, 80)}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        />
        {canAnswer && c.status !== 'closed' ? (
          <>
            <Group grow gap="xs" align="flex-start">
              <TextInput size="xs" label={t('concerns.addressee')} {...field('addressee')} />
              <DateField
                size="xs"
                label={t('concerns.answerDue')}
                value={edit.answerDue}
                onChange={(answerDue) => setEdit((x) => ({ ...x, answerDue }))}
              />
            </Group>
            <Textarea size="xs" autosize label={t('concerns.answer')} {...field('answer')} />
            {save.error && (
              <Text size="xs" c="red" role="alert">
                {save.error.message}
              </Text>
            )}
            <Group justify="flex-end" gap="xs">
              <Button size="xs" variant="light" onClick={() => send('closed')}>
                {t('concerns.close')}
              </Button>
              <Button size="xs" onClick={() => send()} loading={save.isPending}>
                {t('concerns.save')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            {c.addressee && (
              <Text size="xs" c="dimmed">{`${t('concerns.addressee')}: ${c.addressee}`}</Text>
            )}
            {c.answer && <Text size="sm" c="teal.8">{`${t('concerns.answer')}: ${c.answer}`}</Text>}
          </>
        )}
      </Stack>
    </Card>
  );
}
