import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { useCommuneDashboard, type DashboardFilters } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ChartCard } from './ChartCard.tsx';
import { IndicatorHistory } from './IndicatorHistory.tsx';
import { TaskHistoryDrawer } from './TaskHistoryDrawer.tsx';
import { STATUS_COLORS } from './statusColors.ts';
import type { DashboardTask, TaskStatus, TrajectoryStatus } from '@tiendo/core';
import { vnDate } from '../i18n/dates.ts';

const TRAJECTORY_COLORS: Partial<Record<TrajectoryStatus, string>> = {
  on_track: 'teal',
  at_risk: 'yellow',
  off_track: 'red',
};
const STATUS_ORDER = Object.keys(STATUS_COLORS) as TaskStatus[];
const vnDateOrEmpty = (iso: string | null) => (iso ? vnDate(iso) : '');

/** The commune's control panel for one plan: what is late, who answers for it, which
 *  indicators are off their trajectory, and how the units rank. */
export default function CommuneDashboardPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const [filters, setFilters] = useState<DashboardFilters>({});
  const dashboard = useCommuneDashboard(id, filters);
  const d = dashboard.data;
  const statusChart = useMemo(() => {
    const counts = d?.statusCounts;
    const rows = STATUS_ORDER.filter((s) => counts && counts[s]).map(
      (s) => [t(`taskStatus.${s}` as Parameters<typeof t>[0]), counts![s]!] as [string, number],
    );
    return {
      option: {
        tooltip: { trigger: 'item' },
        // Counts in the legend, not as labels around the ring: those overlapped, and were cut
        // off on a phone.
        legend: {
          bottom: 0,
          type: 'scroll',
          formatter: (name: string) => `${name}: ${rows.find(([n]) => n === name)?.[1] ?? ''}`,
        },
        series: [
          {
            type: 'pie',
            radius: ['38%', '62%'],
            center: ['50%', '44%'],
            data: rows.map(([name, value], i) => ({
              name,
              value,
              itemStyle: {
                color: STATUS_COLORS[STATUS_ORDER.filter((s) => counts && counts[s])[i]!],
              },
            })),
            label: { show: false },
          },
        ],
      },
      table: { columns: [t('dashboard.status'), t('dashboard.count')], rows },
    };
  }, [d, t]);
  const unitChart = useMemo(() => {
    const units = [...(d?.units ?? [])].reverse();
    return {
      option: {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', max: 100 },
        yAxis: {
          type: 'category',
          data: units.map((u) => u.name),
          axisLabel: { width: 160, overflow: 'truncate' },
        },
        series: [
          {
            type: 'bar',
            data: units.map((u) => u.score),
            itemStyle: { color: '#1c7ed6' },
            label: { show: true, position: 'right' },
          },
        ],
      },
      table: {
        columns: [
          t('periods.unit'),
          t('dashboard.score'),
          t('dashboard.report'),
          t('dashboard.doneOnTime'),
        ],
        rows: (d?.units ?? []).map((u) => [
          u.name,
          u.score,
          t(`report.status.${u.reportStatus}` as Parameters<typeof t>[0]) +
            (u.onTime ? ` (${t('periods.onTime')})` : ''),
          `${u.doneOnTime}/${u.tasksDue}`,
        ]),
      },
    };
  }, [d, t]);
  const indicatorChart = useMemo(() => {
    const measured = (d?.indicators ?? []).filter((i) => i.value !== null && i.expected !== null);
    return {
      option: {
        tooltip: { trigger: 'axis' },
        legend: {},
        grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: measured.map((i) => i.code) },
        yAxis: { type: 'value' },
        series: [
          {
            name: t('dashboard.actual'),
            type: 'bar',
            data: measured.map((i) => Number(String(i.value).replace(/\./g, '').replace(',', '.'))),
          },
          {
            name: t('dashboard.expected'),
            type: 'line',
            data: measured.map((i) => i.expected),
            lineStyle: { type: 'dashed' },
          },
        ],
      },
      table: {
        columns: [
          t('plan.code'),
          t('plan.indicator'),
          t('dashboard.actual'),
          t('dashboard.expected'),
          t('dashboard.trajectory'),
        ],
        rows: (d?.indicators ?? [])
          .filter((i) => i.value !== null)
          .map((i) => [i.code, i.name, i.value, i.expected, i.trajectoryLabel]),
      },
    };
  }, [d, t]);

  if (dashboard.isLoading) return <Loader />;
  if (dashboard.error || !d)
    return <Alert color="red">{dashboard.error?.message ?? t('error.loading')}</Alert>;
  if (!d.period) return <Alert>{t('dashboard.noPeriod')}</Alert>;
  const c = d.statusCounts!;
  return (
    <Stack>
      <Anchor component={Link} to={`/plans/${id}`} size="sm">
        {t('periods.backToPlan')}
      </Anchor>
      <Title order={3}>{`${t('dashboard.title')} — ${d.period.communeName}`}</Title>
      <Group gap="xs" wrap="wrap">
        <Select
          size="xs"
          label={t('periods.label')}
          data={d.periods
            .filter((p) => p.status !== 'planned')
            .map((p) => ({ value: String(p.id), label: p.label }))}
          value={String(d.period.id)}
          onChange={(v) => setFilters({ ...filters, periodId: v ?? undefined })}
          allowDeselect={false}
        />
        <Select
          size="xs"
          label={t('dashboard.section')}
          clearable
          data={d.appendices}
          value={filters.appendix ?? null}
          onChange={(v) => setFilters({ ...filters, appendix: v ?? undefined })}
          placeholder={t('dashboard.all')}
        />
        <Select
          size="xs"
          label={t('periods.unit')}
          clearable
          searchable
          data={d.units.map((u) => ({ value: String(u.unitId), label: u.name }))}
          value={filters.unitId ?? null}
          onChange={(v) => setFilters({ ...filters, unitId: v ?? undefined })}
          placeholder={t('dashboard.all')}
        />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Stat label={t('dashboard.total')} value={c.total} />
        <Stat
          label={t('dashboard.donePercent')}
          value={`${c.donePercent.toLocaleString('vi-VN')}%`}
          color="teal"
        />
        <Stat label={t('taskStatus.overdue')} value={c.overdue ?? 0} color="red" />
        <Stat label={t('dashboard.dueSoon')} value={d.dueSoon.length} color="orange" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <ChartCard
          title={t('dashboard.byStatus')}
          filename="trang-thai-nhiem-vu"
          {...statusChart}
        />
        <ChartCard
          title={t('dashboard.unitRanking')}
          note={t('dashboard.scoreNote')}
          filename="xep-hang-don-vi"
          {...unitChart}
          height={Math.max(220, (d.units.length || 1) * 28)}
        />
      </SimpleGrid>
      <TaskList title={t('dashboard.overdueList')} tasks={d.overdue} testId="overdue-list" />
      <TaskList title={t('dashboard.dueSoonList')} tasks={d.dueSoon} testId="due-soon-list" />
      <ChartCard
        title={t('dashboard.indicators')}
        filename="chi-tieu-lo-trinh"
        {...indicatorChart}
      />
      <IndicatorHistory indicators={d.indicators} />
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('dashboard.indicatorTable')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table fz="xs" striped data-testid="indicator-trajectory">
            <Table.Tbody>
              {d.indicators.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.code}</Table.Td>
                  <Table.Td>{i.name}</Table.Td>
                  <Table.Td>{i.value ?? '—'}</Table.Td>
                  <Table.Td>
                    {i.targets.map((x) => `${x.year ?? ''} ${x.text}`).join('; ')}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      size="xs"
                      variant="light"
                      color={TRAJECTORY_COLORS[i.trajectory] ?? 'gray'}
                    >
                      {i.trajectoryLabel}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: string | number; color?: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

function TaskList({
  title,
  tasks,
  testId,
}: {
  title: string;
  tasks: DashboardTask[];
  testId: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">{`${title} (${tasks.length})`}</Title>
      {tasks.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('dashboard.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="xs" striped data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.code')}</Table.Th>
                <Table.Th>{t('plan.task')}</Table.Th>
                <Table.Th>{t('plan.lead')}</Table.Th>
                <Table.Th>{t('dashboard.director')}</Table.Th>
                <Table.Th>{t('plan.deadline')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>{task.code}</Table.Td>
                  <Table.Td>
                    <Anchor component="button" size="xs" ta="left" onClick={() => setOpen(task.id)}>
                      {task.content}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{task.lead}</Table.Td>
                  <Table.Td>{task.director}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {vnDateOrEmpty(task.dueDate) || task.deadline}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TaskHistoryDrawer taskId={open} onClose={() => setOpen(null)} />
    </Paper>
  );
}
