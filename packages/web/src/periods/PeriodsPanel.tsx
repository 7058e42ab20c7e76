import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NumberInput,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { Link } from 'react-router-dom';
import { useChangePeriod, useGeneratePeriods, usePeriods, useRefreshPeriods } from './api.ts';
import type { Period } from '../api/types.ts';
import { AdhocPeriodForm } from './AdhocPeriodForm.tsx';
import { CompliancePanel } from './CompliancePanel.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { vnDate } from '../i18n/dates.ts';
import { DateField } from '../i18n/DateField.tsx';

const NEXT: Record<Period['status'], Array<Period['status']>> = {
  planned: ['open'],
  open: ['closed'],
  closed: ['open', 'locked'],
  locked: ['open'],
};
const COLORS: Record<Period['status'], string> = {
  planned: 'gray',
  open: 'green',
  closed: 'orange',
  locked: 'dark',
};

/** A plan's reporting periods; the focal officer generates them, sets due dates, opens,
 *  closes and locks them. */
export function PeriodsPanel({ planId, canManage }: { planId: number; canManage: boolean }) {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const periods = usePeriods(planId);
  const refresh = useRefreshPeriods(planId);
  const generate = useGeneratePeriods(planId);
  const change = useChangePeriod(planId);
  if (periods.isLoading) return <Loader />;
  const rows = periods.data ?? [];
  const error = generate.error ?? change.error;
  return (
    <Stack>
      {canManage && (
        <Group>
          <Button
            size="xs"
            onClick={() => generate.mutate({ from: `${year}-01-01`, to: `${year}-12-31` })}
            loading={generate.isPending}
          >
            {`${t('periods.generate')} ${year}`}
          </Button>
          <Text size="xs" c="dimmed">
            {t('periods.generateHelp')}
          </Text>
        </Group>
      )}
      {canManage && <AdhocPeriodForm planId={planId} onAdded={() => void refresh()} />}
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      {rows.length === 0 ? (
        <Alert>{t('periods.none')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder data-testid="periods-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('periods.label')}</Table.Th>
                <Table.Th>{t('periods.window')}</Table.Th>
                <Table.Th>{t('periods.due')}</Table.Th>
                <Table.Th>{t('periods.lockAfter')}</Table.Th>
                <Table.Th>{t('periods.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((period) => (
                <Table.Tr key={period.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/periods/${period.id}`}>
                      {period.label}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {`${vnDate(period.windowStart)} – ${vnDate(period.windowEnd)}`}
                  </Table.Td>
                  <Table.Td>
                    {canManage && period.status !== 'locked' ? (
                      <DueDate
                        period={period}
                        onSave={(dueDate) => change.mutate({ period, patch: { dueDate } })}
                      />
                    ) : (
                      vnDate(period.dueDate)
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canManage && period.status !== 'locked' ? (
                      <LockAfter
                        period={period}
                        onSave={(lockAfterDays) =>
                          change.mutate({ period, patch: { lockAfterDays } })
                        }
                      />
                    ) : (
                      (period.lockAfterDays ?? '—')
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={COLORS[period.status]} variant="light">
                      {t(`periods.status.${period.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {canManage && (
                      <Group gap={4} wrap="nowrap">
                        {NEXT[period.status].map((status) => (
                          <Button
                            key={status}
                            size="compact-xs"
                            variant="light"
                            aria-label={`${t(`periods.to.${status}`)} ${period.label}`}
                            onClick={() => change.mutate({ period, patch: { status } })}
                          >
                            {t(`periods.to.${status}`)}
                          </Button>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CompliancePanel planId={planId} />
    </Stack>
  );
}

/** Days after the due date when the period locks itself (empty: never by itself). */
function LockAfter({ period, onSave }: { period: Period; onSave(days: number | null): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState<string | number>(period.lockAfterDays ?? '');
  const days = value === '' ? null : Number(value);
  return (
    <NumberInput
      size="xs"
      w={90}
      min={0}
      max={365}
      allowDecimal={false}
      aria-label={`${t('periods.lockAfter')} ${period.label}`}
      value={value}
      onChange={setValue}
      onBlur={() => days !== period.lockAfterDays && onSave(days)}
    />
  );
}

function DueDate({ period, onSave }: { period: Period; onSave(date: string): void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(period.dueDate);
  return (
    <DateField
      size="xs"
      w={150}
      aria-label={`${t('periods.due')} ${period.label}`}
      value={value}
      onChange={setValue}
      onBlur={() => value && value !== period.dueDate && onSave(value)}
    />
  );
}
