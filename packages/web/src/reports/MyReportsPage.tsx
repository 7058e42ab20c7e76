import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { MyReportRow } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';

/** A reporter's periods: what their unit owes, by due date, one click into each report. */
export function MyReportsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const rows = useQuery({
    queryKey: ['my-reports'],
    queryFn: () => api<MyReportRow[]>('/api/my/reports'),
  });
  const open = useMutation({
    mutationFn: (row: MyReportRow) =>
      row.reportId
        ? Promise.resolve({ reportId: row.reportId })
        : api<{ reportId: number }>(`/api/periods/${row.periodId}/units/${row.unitId}/report`, {
            method: 'POST',
          }),
    onSuccess: ({ reportId }) => navigate(`/reports/${reportId}`),
  });
  if (rows.isLoading) return <Loader />;
  if (rows.error) return <Alert color="red">{rows.error.message}</Alert>;
  return (
    <Stack maw={760}>
      <Title order={2}>{t('nav.myReports')}</Title>
      {open.error && (
        <Alert color="red" role="alert">
          {open.error.message}
        </Alert>
      )}
      {(rows.data ?? []).length === 0 && <Alert>{t('report.nothingDue')}</Alert>}
      {(rows.data ?? []).map((row) => (
        <Card key={`${row.periodId}-${row.unitId}`} withBorder padding="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div>
              <Group gap="xs">
                <Text fw={600}>{row.periodLabel}</Text>
                <ReportStatusBadge status={row.reportStatus} />
              </Group>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {`${row.unitName} · ${t('report.due')}: ${row.dueDate.split('-').reverse().join('/')}`}
              </Text>
            </div>
            <Button
              size="xs"
              onClick={() => open.mutate(row)}
              loading={open.isPending && open.variables === row}
              aria-label={`${t('report.open')} ${row.periodLabel}`}
            >
              {t(row.periodStatus === 'open' ? 'report.open' : 'report.view')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
