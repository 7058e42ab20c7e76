import { Alert, Badge, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { fillMessage, useI18n } from '../../i18n/i18n.tsx';
import { vnDate } from '../../i18n/dates.ts';
import { useAmendments, type AmendmentView } from './api.ts';

/** The plan's amendments in order ("Các lần điều chỉnh"), and the way to make one. */
export function AmendmentList(props: { planId: number; canAmend: boolean }) {
  const { t } = useI18n();
  const amendments = useAmendments(props.planId);
  return (
    <Stack gap="sm">
      {props.canAmend && (
        <Group>
          <Button component={Link} to={`/plans/${props.planId}/amend`}>
            {t('amend.start')}
          </Button>
        </Group>
      )}
      {amendments.isLoading && <Loader />}
      {amendments.error && <Alert color="red">{amendments.error.message}</Alert>}
      {amendments.data?.amendments.length === 0 && <Text c="dimmed">{t('amend.none')}</Text>}
      {amendments.data?.amendments.map((a) => (
        <AmendmentCard key={a.id} amendment={a} />
      ))}
    </Stack>
  );
}

export function AmendmentCard({ amendment: a }: { amendment: AmendmentView }) {
  const { t } = useI18n();
  const kindLabel = (kind: string) => t(kind === 'task' ? 'amend.task' : 'amend.indicator');
  return (
    <Card withBorder padding="sm" data-testid="amendment">
      <Group justify="space-between" gap="xs">
        <Text fw={600}>
          {fillMessage(t('amend.nth'), { n: a.ordinal })} · {a.basisNumber}
          {a.basisDate ? ` (${vnDate(a.basisDate)})` : ''}
        </Text>
        <Badge variant="light">
          {fillMessage(t('amend.effective'), { from: vnDate(a.effectiveOn) })}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {fillMessage(t('amend.counts'), { added: a.added, changed: a.changed, retired: a.retired })}
        {a.signer ? ` · ${t('amend.signer')}: ${a.signer}` : ''}
        {a.createdBy ? ` · ${t('amend.enteredBy')}: ${a.createdBy}` : ''}
      </Text>
      {a.note && <Text size="sm">{a.note}</Text>}
      {a.document && (
        <Text size="xs" c="dimmed">
          {t('amend.document')}: {a.document.filename}
        </Text>
      )}
      <Stack gap={2} mt="xs">
        {a.items.map((item) => (
          <Text key={`${item.change}${item.kind}${item.id}`} size="sm">
            {t(`amend.change.${item.change}`)} {kindLabel(item.kind)} {item.code}
            {item.fields.length ? ` — ${item.fields.map((f) => t(fieldKey(f))).join(', ')}` : ''}
            {item.reason ? ` — ${item.reason}` : ''}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

const FIELDS = [
  'content',
  'name',
  'unit',
  'lead',
  'coordinate',
  'output',
  'deadline',
  'director',
  'responsible',
  'targets',
] as const;
export type AmendField = (typeof FIELDS)[number];

/** The i18n key of an item field's label. */
export const fieldKey = (field: string) =>
  `amend.field.${(FIELDS as readonly string[]).includes(field) ? field : 'content'}` as `amend.field.${AmendField}`;
