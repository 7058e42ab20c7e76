import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { PlanDetail } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import {
  cascadeKeys,
  useSaveTargetShares,
  useTargetShares,
  type ShareMethod as Method,
  type SharesView,
} from './api.ts';

const fmt = (n: number | null) =>
  n === null ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** Giao chỉ tiêu: a province indicator's target for a year split down to the communes, and
 *  the communes' reported results rolled up beside the province's own target. */
export function TargetShares({ plan, canManage }: { plan: PlanDetail; canManage: boolean }) {
  const { t } = useI18n();
  const [indicatorId, setIndicatorId] = useState<string | null>(
    plan.indicators[0] ? String(plan.indicators[0].id) : null,
  );
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const key = cascadeKeys.shares(indicatorId, year);
  const shares = useTargetShares(indicatorId, year);
  if (plan.indicators.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="target-shares">
      <Title order={5}>{t('shares.title')}</Title>
      <Group align="flex-end" gap="xs">
        <Select
          size="xs"
          w={420}
          label={t('plan.indicator')}
          searchable
          value={indicatorId}
          onChange={setIndicatorId}
          data={plan.indicators.map((i) => ({
            value: String(i.id),
            label: `${i.code}. ${i.name}`,
          }))}
        />
        <NumberInput
          size="xs"
          w={90}
          label={t('shares.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => typeof v === 'number' && setYear(v)}
        />
      </Group>
      {shares.error && <Alert color="red">{shares.error.message}</Alert>}
      {shares.data && (
        <SharesEditor
          key={`${indicatorId}-${year}-${JSON.stringify(shares.data.communes)}`}
          view={shares.data}
          indicatorId={Number(indicatorId)}
          canManage={canManage}
          queryKey={key}
        />
      )}
    </Stack>
  );
}

function SharesEditor(props: {
  view: SharesView;
  indicatorId: number;
  canManage: boolean;
  queryKey: ReturnType<typeof cascadeKeys.shares>;
}) {
  const { view, canManage } = props;
  const { t } = useI18n();
  const [method, setMethod] = useState<Method>(
    view.communes.find((c) => c.method)?.method ?? 'equal',
  );
  const [total, setTotal] = useState<number | string>(view.provinceTarget ?? '');
  const [inputs, setInputs] = useState(
    () =>
      Object.fromEntries(
        view.communes.map((c) => [c.communeId, method === 'weight' ? c.weight : c.value]),
      ) as Record<number, number | null>,
  );
  const save = useSaveTargetShares(props.indicatorId, props.queryKey);
  const split = () => ({
    year: view.year,
    revision: view.revision,
    method,
    total: typeof total === 'number' ? total : null,
    shares: view.communes.map((c) => ({
      communeId: c.communeId,
      ...(method === 'weight' ? { weight: inputs[c.communeId] ?? 0 } : {}),
      ...(method === 'manual' ? { value: inputs[c.communeId] ?? null } : {}),
    })),
  });
  const rollup = t(view.aggregation === 'sum' ? 'shares.sum' : 'shares.average');
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {`${t('shares.provinceTarget')} ${view.year}: ${fmt(view.provinceTarget)} · ${rollup}`}
      </Text>
      {canManage && (
        <Group align="flex-end" gap="xs">
          <SegmentedControl
            size="xs"
            value={method}
            onChange={(v) => setMethod(v as Method)}
            data={(['equal', 'weight', 'manual'] as const).map((m) => ({
              value: m,
              label: t(`shares.method.${m}`),
            }))}
          />
          {method !== 'manual' && (
            <NumberInput
              size="xs"
              w={140}
              label={t('shares.total')}
              value={total}
              onChange={setTotal}
              decimalSeparator=","
              thousandSeparator="."
            />
          )}
        </Group>
      )}
      <Table.ScrollContainer minWidth={520}>
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shares.commune')}</Table.Th>
              {canManage && method !== 'equal' && (
                <Table.Th>{t(method === 'weight' ? 'shares.weight' : 'shares.value')}</Table.Th>
              )}
              <Table.Th ta="right">{t('shares.assigned')}</Table.Th>
              <Table.Th ta="right">{t('shares.actual')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.communes.map((c) => (
              <Table.Tr key={c.communeId}>
                <Table.Td>{c.name}</Table.Td>
                {canManage && method !== 'equal' && (
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      w={120}
                      aria-label={`${t(method === 'weight' ? 'shares.weight' : 'shares.value')} ${c.name}`}
                      decimalSeparator=","
                      value={inputs[c.communeId] ?? ''}
                      onChange={(v) =>
                        setInputs((x) => ({ ...x, [c.communeId]: v === '' ? null : Number(v) }))
                      }
                    />
                  </Table.Td>
                )}
                <Table.Td ta="right">{fmt(c.value)}</Table.Td>
                <Table.Td ta="right">{c.linked ? fmt(c.actual) : t('shares.notLinked')}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={600}>
              <Table.Td>{rollup}</Table.Td>
              {canManage && method !== 'equal' && <Table.Td />}
              <Table.Td ta="right">{fmt(view.assigned)}</Table.Td>
              <Table.Td ta="right" data-testid="shares-actual">
                {fmt(view.actual)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {save.error && (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      )}
      {canManage && (
        <Group justify="flex-end">
          <Button size="xs" onClick={() => save.mutate(split())} loading={save.isPending}>
            {t('shares.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
