import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Popover,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { usePeriodOverview, useUnlockUnit } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ReportStatusBadge } from '../reports/ReportStatusBadge.tsx';
import { NarrativeEditor } from './NarrativeEditor.tsx';
import { vnDate } from '../i18n/dates.ts';

/** Who has reported for a period: the focal officer's checklist, one click into each report. */
export function PeriodPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const overview = usePeriodOverview(id);
  if (overview.isLoading) return <Loader />;
  if (overview.error || !overview.data)
    return <Alert color="red">{overview.error?.message ?? t('error.loading')}</Alert>;
  const { period, units, permissions } = overview.data;
  const received = units.filter((u) => ['submitted', 'approved'].includes(u.status)).length;
  const canManage = permissions.manage;
  const reopenable = period.status === 'closed' || period.status === 'locked';
  return (
    <Stack>
      <Anchor component={Link} to={`/plans/${period.planId}`} size="sm">
        {t('periods.backToPlan')}
      </Anchor>
      <Title order={3}>{period.label}</Title>
      <Text size="sm" c="dimmed">
        {`${t('periods.due')}: ${vnDate(period.dueDate)} · ${t('periods.received')}: ${received}/${units.length}`}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder striped data-testid="period-units">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('periods.unit')}</Table.Th>
              <Table.Th ta="right">{t('plans.tasks')}</Table.Th>
              <Table.Th ta="right">{t('plans.indicators')}</Table.Th>
              <Table.Th>{t('periods.reportStatus')}</Table.Th>
              <Table.Th>{t('periods.submittedAt')}</Table.Th>
              <Table.Th>{t('periods.contributions')}</Table.Th>
              {canManage && reopenable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Td>
                  {u.reportId ? (
                    <Anchor component={Link} to={`/reports/${u.reportId}`}>
                      {u.unitName}
                    </Anchor>
                  ) : (
                    u.unitName
                  )}
                </Table.Td>
                <Table.Td ta="right">{u.tasks}</Table.Td>
                <Table.Td ta="right">{u.indicators}</Table.Td>
                <Table.Td>
                  <ReportStatusBadge status={u.status} />
                </Table.Td>
                <Table.Td>
                  {u.submittedAt && (
                    <>
                      {new Date(u.submittedAt).toLocaleString('vi-VN')}{' '}
                      <Badge size="xs" color={u.onTime ? 'teal' : 'red'} variant="light">
                        {t(u.onTime ? 'periods.onTime' : 'periods.late')}
                      </Badge>
                    </>
                  )}
                </Table.Td>
                <Table.Td>
                  {u.contributions.expected > 0 && (
                    <Badge
                      size="sm"
                      variant="light"
                      color={u.contributions.given < u.contributions.expected ? 'orange' : 'teal'}
                    >
                      {`${u.contributions.given}/${u.contributions.expected}`}
                    </Badge>
                  )}
                </Table.Td>
                {canManage && reopenable && (
                  <Table.Td>
                    {u.unlocked ? (
                      <Badge size="sm" variant="light" title={u.unlocked.reason ?? ''}>
                        {t('periods.unlocked')}
                      </Badge>
                    ) : (
                      <UnlockButton periodId={period.id} unitId={u.unitId} unitName={u.unitName} />
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <NarrativeEditor periodId={period.id} canEdit={canManage} />
    </Stack>
  );
}

/** Reopens a closed or locked period for one unit, with the reason the audit log keeps. */
function UnlockButton(props: { periodId: number; unitId: number; unitName: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const unlock = useUnlockUnit(props.periodId, props.unitId);
  return (
    <Popover width={320} position="bottom-end" withArrow>
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="light"
          aria-label={`${t('periods.unlock')} ${props.unitName}`}
        >
          {t('periods.unlock')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            size="xs"
            label={t('periods.unlockReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {unlock.error && (
            <Text size="xs" c="red" role="alert">
              {unlock.error.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button size="xs" onClick={() => unlock.mutate(reason)} loading={unlock.isPending}>
              {t('periods.unlockConfirm')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
