import { useState } from 'react';
import {
  Alert,
  Anchor,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'react-router-dom';
import { useNationalRollup } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { ProvinceFigures } from '@tiendo/core';
import { IndicatorAcrossProvinces } from './IndicatorAcrossProvinces.tsx';

const percent = (value: number | null) =>
  value === null ? '—' : `${value.toLocaleString('vi-VN')}%`;

type Order = 'name' | 'received' | 'done';
const ORDERS: Record<Order, (a: ProvinceFigures, b: ProvinceFigures) => number> = {
  name: (a, b) => a.name.localeCompare(b.name, 'vi'),
  // Weakest first: the provinces that need a call.
  received: (a, b) => (a.receivedPercent ?? -1) - (b.receivedPercent ?? -1),
  done: (a, b) => (a.donePercent ?? -1) - (b.donePercent ?? -1),
};

/** The central level's view: every province's reporting and completion for one round; a
 *  province opens its own roll-up. */
export default function NationalPage() {
  const { t } = useI18n();
  const [label, setLabel] = useState<string | null>(null);
  const [order, setOrder] = useState<Order>('name');
  const rollup = useNationalRollup(label);
  const r = rollup.data;
  if (rollup.isLoading) return <Loader />;
  if (rollup.error || !r)
    return <Alert color="red">{rollup.error?.message ?? t('error.loading')}</Alert>;
  const n = r.nation;
  if (!r.label)
    return (
      <Stack>
        <Title order={3}>{t('national.title')}</Title>
        <Alert color="gray">{t('national.noRound')}</Alert>
      </Stack>
    );
  return (
    <Stack>
      <Title order={3}>{t('national.title')}</Title>
      <Select
        size="xs"
        maw={320}
        label={t('periods.label')}
        data={r.labels}
        value={r.label}
        onChange={setLabel}
        allowDeselect={false}
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="national-figures">
        <Figure
          label={t('national.communesReported')}
          value={`${n.communesReported.toLocaleString('vi-VN')}/${n.communesInRound.toLocaleString('vi-VN')}`}
        />
        <Figure label={t('national.receivedPercent')} value={percent(n.receivedPercent)} />
        <Figure label={t('national.onTimePercent')} value={percent(n.onTimePercent)} />
        <Figure label={t('dashboard.donePercent')} value={percent(n.donePercent)} />
      </SimpleGrid>
      <Group justify="space-between" align="end">
        <Text size="sm" c="dimmed">
          {t('national.help')}
        </Text>
        <SegmentedControl
          size="xs"
          value={order}
          onChange={(v) => setOrder(v as Order)}
          data={[
            { value: 'name', label: t('national.byName') },
            { value: 'received', label: t('national.byReceived') },
            { value: 'done', label: t('national.byDone') },
          ]}
        />
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder data-testid="national-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('national.province')}</Table.Th>
              <Table.Th ta="right">{t('national.communesReported')}</Table.Th>
              <Table.Th ta="right">{t('national.receivedPercent')}</Table.Th>
              <Table.Th ta="right">{t('national.onTimePercent')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.donePercent')}</Table.Th>
              <Table.Th ta="right">{t('taskStatus.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...r.provinces].sort(ORDERS[order]).map((p) => (
              <Table.Tr key={p.provinceId}>
                <Table.Td>
                  <Anchor component={Link} to={`/provinces/${p.provinceId}`} size="sm">
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{`${p.communesReported}/${p.communesInRound}`}</Table.Td>
                <Table.Td ta="right">{percent(p.receivedPercent)}</Table.Td>
                <Table.Td ta="right">{percent(p.onTimePercent)}</Table.Td>
                <Table.Td ta="right">{percent(p.donePercent)}</Table.Td>
                <Table.Td ta="right">{p.overdue.toLocaleString('vi-VN')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <IndicatorAcrossProvinces label={r.label} />
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}
