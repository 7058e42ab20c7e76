import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { daysBetween, todayInVietnam } from '@tiendo/core';
import { myReportsQuery, openReport, reportQuery } from './api.ts';
import type { MyReportRow } from '../api/types.ts';
import { fillMessage, useI18n } from '../i18n/i18n.tsx';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';
import { MyConcerns } from './MyConcerns.tsx';
import { vnDate } from '../i18n/dates.ts';

const BUCKETS = ['overdue', 'returned', 'due', 'done', 'missed'] as const;
const COLORS: Record<MyReportRow['bucket'], string> = {
  overdue: 'red',
  returned: 'orange',
  due: 'blue',
  done: 'teal',
  missed: 'gray',
};
/** Sent reports shown: this round's, not the whole history. */
const DONE_SHOWN = 4;

/** "Việc của tôi": what the reporter's units owe, overdue first, then what came back for
 *  revision, what is due, and what was sent; one click opens (or starts) each report. */
export function MyReportsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const rows = useQuery(myReportsQuery);
  const open = useMutation({
    mutationFn: (row: MyReportRow) =>
      row.reportId
        ? Promise.resolve({ reportId: row.reportId })
        : openReport(row.periodId, row.unitId),
    onSuccess: ({ reportId }) => {
      // The report's data on its way while the screen changes.
      void queryClient.prefetchQuery(reportQuery(reportId));
      navigate(`/reports/${reportId}`);
    },
  });
  if (rows.isLoading) return <Loader />;
  if (rows.error) return <Alert color="red">{rows.error.message}</Alert>;
  const all = rows.data ?? [];
  const today = todayInVietnam();
  const days = (row: MyReportRow) => {
    const n = daysBetween(today, row.dueDate);
    return n >= 0
      ? fillMessage(t('inbox.dueIn'), { n })
      : fillMessage(t('inbox.lateBy'), { n: -n });
  };
  const card = (row: MyReportRow) => (
    <Card key={`${row.periodId}-${row.unitId}`} withBorder padding="sm" data-testid="inbox-item">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Group gap="xs">
            <Text fw={600}>{row.periodLabel}</Text>
            <ReportStatusBadge status={row.reportStatus} />
          </Group>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {`${row.unitName} · ${t('report.due')}: ${vnDate(row.dueDate)}`}
            {['overdue', 'due', 'returned'].includes(row.bucket) && ` · ${days(row)}`}
          </Text>
          {row.bucket === 'returned' && row.reviewComment && (
            <Text size="xs" c="orange.8" lineClamp={2}>
              {row.reviewComment}
            </Text>
          )}
        </div>
        <Button
          size="xs"
          variant={['overdue', 'returned', 'due'].includes(row.bucket) ? 'filled' : 'light'}
          onClick={() => open.mutate(row)}
          loading={open.isPending && open.variables === row}
          aria-label={`${t('report.open')} ${row.periodLabel} — ${row.unitName}`}
        >
          {t(['overdue', 'returned', 'due'].includes(row.bucket) ? 'report.open' : 'report.view')}
        </Button>
      </Group>
    </Card>
  );
  const groups = BUCKETS.map((bucket) => {
    const list = all.filter((r) => r.bucket === bucket);
    return { bucket, list: bucket === 'done' ? list.slice(0, DONE_SHOWN) : list };
  }).filter((g) => g.list.length > 0);
  return (
    <Stack maw={760}>
      <Title order={2}>{t('nav.myReports')}</Title>
      {open.error && (
        <Alert color="red" role="alert">
          {open.error.message}
        </Alert>
      )}
      {all.length === 0 && <Alert>{t('report.nothingDue')}</Alert>}
      {groups.map(({ bucket, list }) => (
        <Stack key={bucket} gap="xs" data-testid={`inbox-${bucket}`}>
          <Group gap="xs">
            <Title order={4}>{t(`inbox.${bucket}`)}</Title>
            <Badge color={COLORS[bucket]} variant="light">
              {list.length}
            </Badge>
          </Group>
          {list.map(card)}
        </Stack>
      ))}
      <MyConcerns />
    </Stack>
  );
}
