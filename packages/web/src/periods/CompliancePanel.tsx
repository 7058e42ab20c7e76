import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { usePlanCompliance, useProvinceCompliance } from './api.ts';
import type { Compliance } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

const pct = (value: number | null) =>
  value === null ? '—' : `${String(value).replace('.', ',')}%`;

interface Row {
  key: string;
  name: string;
  figures: Compliance;
}

/** Completeness (received of expected) and timeliness (on time of expected) over periods
 *  already due, one row per unit (a plan) or per commune (a province). */
export function ComplianceTable(props: { rows: Row[]; firstColumn: string; testId: string }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs">
      <Title order={5}>{t('compliance.title')}</Title>
      <Text size="xs" c="dimmed">
        {t('compliance.help')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped data-testid={props.testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{props.firstColumn}</Table.Th>
              <Table.Th ta="right">{t('compliance.received')}</Table.Th>
              <Table.Th ta="right">{t('compliance.completeness')}</Table.Th>
              <Table.Th ta="right">{t('compliance.onTime')}</Table.Th>
              <Table.Th ta="right">{t('compliance.late')}</Table.Th>
              <Table.Th ta="right">{t('compliance.timeliness')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map(({ key, name, figures: c }) => (
              <Table.Tr key={key}>
                <Table.Td>{name}</Table.Td>
                <Table.Td ta="right">{`${c.received}/${c.expected}`}</Table.Td>
                <Table.Td ta="right">{pct(c.completeness)}</Table.Td>
                <Table.Td ta="right">{c.onTime}</Table.Td>
                <Table.Td ta="right">{c.late}</Table.Td>
                <Table.Td ta="right">{pct(c.timeliness)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

type Figures<T> = { isLoading: boolean; error: Error | null; data: T | undefined };

function loaded<T>(query: Figures<T>, render: (data: T) => React.ReactNode) {
  if (query.isLoading) return <Loader size="sm" />;
  if (query.error) return <Alert color="red">{query.error.message}</Alert>;
  return query.data ? render(query.data) : null;
}

/** Per unit of a plan, and the commune's total. */
export function CompliancePanel({ planId }: { planId: number }) {
  const { t } = useI18n();
  const figures = usePlanCompliance(planId);
  return loaded(figures, ({ units, total }) =>
    total.expected === 0 ? null : (
      <ComplianceTable
        testId="compliance"
        firstColumn={t('periods.unit')}
        rows={[
          ...units.map((u) => ({ key: String(u.unitId), name: u.unitName, figures: u })),
          { key: 'total', name: t('compliance.total'), figures: total },
        ]}
      />
    ),
  );
}

/** Per commune of a province. */
export function ProvinceCompliance({ provinceId }: { provinceId: string }) {
  const { t } = useI18n();
  const figures = useProvinceCompliance(provinceId);
  return loaded(figures, (communes) => (
    <ComplianceTable
      testId="province-compliance"
      firstColumn={t('province.commune')}
      rows={communes.map((c) => ({ key: String(c.communeId), name: c.name, figures: c }))}
    />
  ));
}
