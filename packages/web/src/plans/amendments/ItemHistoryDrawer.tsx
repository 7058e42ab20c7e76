import { Alert, Badge, Card, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useI18n, fillMessage } from '../../i18n/i18n.tsx';
import { vnDate } from '../../i18n/dates.ts';
import { useScreen } from '../../shell/useScreen.ts';
import { todayInVietnam } from '@tiendo/core';
import { useItemHistory, type ItemKind, type ItemVersionView } from './api.ts';
import { FieldChanges } from './FieldChanges.tsx';

/** "Lịch sử điều chỉnh" of one task or indicator: each version, newest first, with what it
 *  changed, from when, and by which document. */
export function ItemHistoryDrawer(props: {
  planId: number;
  kind: ItemKind;
  itemId: number | null;
  title: string;
  onClose(): void;
}) {
  const { t } = useI18n();
  const phone = useScreen('(max-width: 48em)');
  const history = useItemHistory(props.planId, props.kind, props.itemId);
  return (
    <Drawer
      opened={props.itemId !== null}
      onClose={props.onClose}
      position={phone ? 'bottom' : 'right'}
      size={phone ? '90%' : 'lg'}
      title={`${t('amend.historyTitle')} · ${props.title}`}
    >
      {history.isLoading && <Loader />}
      {history.error && <Alert color="red">{history.error.message}</Alert>}
      <Stack gap="sm" data-testid="item-history">
        {[...(history.data ?? [])].reverse().map((v, i, all) => (
          <VersionCard key={v.id} version={v} number={all.length - i} />
        ))}
      </Stack>
    </Drawer>
  );
}

function VersionCard({ version: v, number }: { version: ItemVersionView; number: number }) {
  const { t } = useI18n();
  const today = todayInVietnam();
  const future = v.validFrom !== null && v.validFrom > today;
  const over = v.validTo !== null && v.validTo <= today;
  return (
    <Card withBorder padding="sm">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text fw={600} size="sm">
          {fillMessage(t('amend.versionN'), { n: number })}
        </Text>
        {future ? (
          <Badge color="blue" variant="light">
            {fillMessage(t('amend.fromFuture'), { from: vnDate(v.validFrom!) })}
          </Badge>
        ) : over && v.retiredReason ? (
          <Badge color="gray">{t('amend.retired')}</Badge>
        ) : over ? (
          <Badge color="gray" variant="light">
            {t('amend.replaced')}
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            {v.validTo
              ? fillMessage(t('amend.inForceUntil'), { until: vnDate(v.validTo) })
              : t('amend.inForce')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {v.amendment
          ? fillMessage(t('amend.byAmendment'), {
              n: v.amendment.ordinal,
              number: v.amendment.basisNumber,
              from: vnDate(v.amendment.effectiveOn),
            })
          : t('amend.original')}
      </Text>
      <FieldChanges changes={v.changes} gap={4} />
      {v.retiredReason && v.validTo && (
        <Text size="sm" mt="xs">
          {fillMessage(t(over ? 'amend.retiredFrom' : 'amend.retiresFrom'), {
            from: vnDate(v.validTo),
          })}
          : {v.retiredReason}
          {v.retiredBy ? ` (${v.retiredBy.basisNumber})` : ''}
        </Text>
      )}
    </Card>
  );
}
