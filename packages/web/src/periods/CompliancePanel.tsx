import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { Compliance } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Row = Compliance & { unitId: number; unitName: string };

const pct = (value: number | null) =>
  value === null ? '—' : `${String(value).replace('.', ',')}%`;

/** Completeness (received of expected) and timeliness (on time of expected), per unit, over
 *  the plan's periods already due. */
export function CompliancePanel({ planId }: { planId: number }) {
  const { t } = useI18n();
  const figures = useQuery({
    queryKey: ['compliance', planId],
    queryFn: () => api<{ units: Row[]; total: Compliance }>(`/api/plans/${planId}/compliance`),
  });
  if (figures.isLoading) return <Loader size="sm" />;
  if (figures.error) return <Alert color="red">{figures.error.message}</Alert>;
  const { units, total } = figures.data!;
  if (total.expected === 0) return null;
  const row = (key: string, name: string, c: Compliance) => (
    <Table.Tr key={key}>
      <Table.Td>{name}</Table.Td>
      <Table.Td ta="right">{`${c.received}/${c.expected}`}</Table.Td>
      <Table.Td ta="right">{pct(c.completeness)}</Table.Td>
      <Table.Td ta="right">{c.onTime}</Table.Td>
      <Table.Td ta="right">{c.late}</Table.Td>
      <Table.Td ta="right">{pct(c.timeliness)}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="xs">
      <Title order={5}>{t('compliance.title')}</Title>
      <Text size="xs" c="dimmed">
        {t('compliance.help')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped data-testid="compliance">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('periods.unit')}</Table.Th>
              <Table.Th ta="right">{t('compliance.received')}</Table.Th>
              <Table.Th ta="right">{t('compliance.completeness')}</Table.Th>
              <Table.Th ta="right">{t('compliance.onTime')}</Table.Th>
              <Table.Th ta="right">{t('compliance.late')}</Table.Th>
              <Table.Th ta="right">{t('compliance.timeliness')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => row(String(u.unitId), u.unitName, u))}
            {row('total', t('compliance.total'), total)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
