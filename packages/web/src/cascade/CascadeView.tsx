import { Alert, Badge, Group, Loader, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCascade } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { STATUS_COLORS } from '../dashboards/statusColors.ts';

/** A higher-level plan's tasks (or indicators), the commune items carrying each one out with
 *  their status, and the communes that have not taken it up (phân cấp thực hiện). */
export function CascadeView({ planId }: { planId: number }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<'tasks' | 'indicators'>('tasks');
  const query = useCascade(planId);
  if (query.isLoading) return <Loader />;
  if (query.error || !query.data) return <Alert color="red">{query.error?.message}</Alert>;
  const { communes } = query.data;
  const items = query.data[kind];
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('cascade.help')}
      </Text>
      <Table fz="sm" striped withTableBorder data-testid="cascade-communes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('province.commune')}</Table.Th>
            <Table.Th>{t('cascade.communePlan')}</Table.Th>
            <Table.Th ta="right">{t('cascade.tasksTakenUp')}</Table.Th>
            <Table.Th ta="right">{t('cascade.indicatorsTakenUp')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {communes.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>
                {c.planId ? (
                  <Link to={`/plans/${c.planId}`}>{t('cascade.openPlan')}</Link>
                ) : (
                  <Text size="sm" c="red">
                    {t('cascade.noPlan')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{`${c.tasksTakenUp}/${query.data.tasks.length}`}</Table.Td>
              <Table.Td ta="right">
                {`${c.indicatorsTakenUp}/${query.data.indicators.length}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SegmentedControl
        w="fit-content"
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        data={[
          { value: 'tasks', label: `${t('plan.tasksTab')} (${query.data.tasks.length})` },
          {
            value: 'indicators',
            label: `${t('plan.indicatorsTab')} (${query.data.indicators.length})`,
          },
        ]}
      />
      <Table.ScrollContainer minWidth={760}>
        <Table fz="xs" striped withTableBorder data-testid="cascade-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>{t('cascade.code')}</Table.Th>
              <Table.Th>{t('cascade.parentItem')}</Table.Th>
              <Table.Th>{t('cascade.implementedBy')}</Table.Th>
              <Table.Th>{t('cascade.notTakenUp')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.code}</Table.Td>
                <Table.Td>{item.text}</Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {item.implementations.map((i) => (
                      <Group key={i.id} gap={4} wrap="nowrap" align="start">
                        <Text size="xs" fw={600}>
                          {`${i.communeName} (${i.code})`}
                        </Text>
                        {i.status && (
                          <Badge size="xs" color={STATUS_COLORS[i.status]} variant="filled">
                            {t(`taskStatus.${i.status}` as MessageKey)}
                          </Badge>
                        )}
                      </Group>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {item.notTakenUp.length ? (
                    <Text size="xs" c="red">
                      {item.notTakenUp
                        .map((c) =>
                          c.hasPlan ? c.communeName : `${c.communeName} (${t('cascade.noPlan')})`,
                        )
                        .join(', ')}
                    </Text>
                  ) : (
                    <Badge size="xs" color="teal" variant="light">
                      {t('cascade.allTakenUp')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
