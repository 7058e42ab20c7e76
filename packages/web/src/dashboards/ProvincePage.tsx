import { useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useParams } from 'react-router-dom';
import { useProvinceRollup } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ChartCard } from './ChartCard.tsx';
import { CatalogueComparison } from './CatalogueComparison.tsx';
import { ProvinceCompliance } from '../periods/CompliancePanel.tsx';
import { ProvinceConcerns } from '../concerns/ConcernsPanel.tsx';

/** The province's round-up: which communes have not reported, their rates, the ranking. */
export default function ProvincePage() {
  const { t } = useI18n();
  const { id } = useParams();
  const [label, setLabel] = useState<string | null>(null);
  const rollup = useProvinceRollup(id, label);
  const r = rollup.data;
  const ranking = useMemo(() => {
    const rows = [...(r?.ranking ?? [])].reverse();
    return {
      option: {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: 100 },
        yAxis: { type: 'category', data: rows.map((x) => x.name) },
        series: [
          { type: 'bar', data: rows.map((x) => x.score), label: { show: true, position: 'right' } },
        ],
      },
      table: {
        columns: [t('province.commune'), t('dashboard.score')],
        rows: (r?.ranking ?? []).map((x) => [x.name, x.score]),
      },
    };
  }, [r, t]);
  if (rollup.isLoading) return <Loader />;
  if (rollup.error || !r)
    return <Alert color="red">{rollup.error?.message ?? t('error.loading')}</Alert>;
  const missing = r.communes.filter((c) => !c.reported);
  return (
    <Stack>
      <Title order={3}>{t('province.title')}</Title>
      <Select
        size="xs"
        maw={320}
        label={t('periods.label')}
        data={r.labels}
        value={r.label}
        onChange={setLabel}
        allowDeselect={false}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Paper withBorder p="sm">
          <Title
            order={5}
            mb="xs"
          >{`${t('province.notReported')} (${missing.length}/${r.communes.length})`}</Title>
          {missing.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('dashboard.none')}
            </Text>
          ) : (
            missing.map((c) => (
              <Badge key={c.communeId} color="red" variant="light" mr={4} mb={4}>
                {c.name}
              </Badge>
            ))
          )}
        </Paper>
        <ChartCard
          title={t('province.ranking')}
          filename="xep-hang-xa"
          {...ranking}
          height={Math.max(200, r.ranking.length * 28)}
        />
      </SimpleGrid>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder data-testid="province-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('province.commune')}</Table.Th>
              <Table.Th ta="right">{t('periods.received')}</Table.Th>
              <Table.Th ta="right">{t('periods.onTime')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.donePercent')}</Table.Th>
              <Table.Th ta="right">{t('taskStatus.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.communes.map((c) => (
              <Table.Tr key={c.communeId}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td ta="right">{c.periodId ? `${c.received}/${c.units}` : '—'}</Table.Td>
                <Table.Td ta="right">{c.periodId ? c.onTime : '—'}</Table.Td>
                <Table.Td ta="right">
                  {c.donePercent === null ? '—' : `${c.donePercent.toLocaleString('vi-VN')}%`}
                </Table.Td>
                <Table.Td ta="right">{c.overdue}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ProvinceCompliance provinceId={id!} />
      <ProvinceConcerns provinceId={id!} />
      <CatalogueComparison provinceId={id!} />
    </Stack>
  );
}
