import { useMemo, useState } from 'react';
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { reportKeys, reportQuery, reportStep } from './api.ts';
import { ReportItemList, SPLIT_QUERY } from './ReportItemList.tsx';
import { firstToOpen, progressOf, reportItems, type ReportItem } from './reportItems.ts';
import { SendBar } from './SendBar.tsx';

function writtenOf(items: ReportItem[]) {
  const { tasks, indicators } = progressOf(items);
  return {
    tasks: tasks.updated,
    taskTotal: tasks.total,
    indicators: indicators.updated,
    indicatorTotal: indicators.total,
  };
}

import { fillMessage, useI18n } from '../i18n/i18n.tsx';
import { FlushContext, FlushRegistry } from './useAutosave.ts';
import { TaskUpdateCard } from './TaskUpdateCard.tsx';
import { IndicatorValueCard } from './IndicatorValueCard.tsx';
import { ReviewBar } from './ReviewBar.tsx';
import { AuditList } from './AuditList.tsx';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';
import { ExcelTemplate } from './ExcelTemplate.tsx';
import { vnDate } from '../i18n/dates.ts';

type ItemComment = { kind: 'task' | 'indicator'; id: number; comment: string };

/** A unit's report for one period: filled in by the unit, reviewed by the focal officer. */
export function ReportPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const registry = useMemo(() => new FlushRegistry(), []);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [flowError, setFlowError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [checking, setChecking] = useState(false);
  /** The item open for writing: on a wide screen the first a reviewer commented on (or the
   *  first) opens by itself; on a phone the list shows first. */
  const [openItem, setOpenItem] = useState<string | null | undefined>(undefined);
  const report = useQuery(reportQuery(id!));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: reportKeys.report(id) });
    void queryClient.invalidateQueries({ queryKey: reportKeys.audits });
  };
  const flow = useMutation({
    mutationFn: async (step: { action: string; body: object }) => {
      setFlowError(null);
      if (step.action === 'submit' && !(await registry.flushAll()))
        throw new Error(t('report.unsaved'));
      return reportStep(id!, step.action, step.body);
    },
    onSuccess: (_, step) => {
      setSent(step.action === 'submit');
      setComments({});
      refresh();
      void queryClient.invalidateQueries({ queryKey: reportKeys.mine });
    },
    onError: (e) => setFlowError(e.message),
  });
  if (report.isLoading) return <Loader />;
  if (report.error || !report.data)
    return <Alert color="red">{`${t('error.loading')}: ${report.error?.message ?? ''}`}</Alert>;
  const r = report.data;
  const editable = r.permissions.write && r.editable;
  const period = { start: r.windowStart, end: r.windowEnd };
  const prefilled =
    editable &&
    [...r.tasks.map((x) => x.update), ...r.indicators.map((x) => x.value)].some(
      (u) => u?.prefilled,
    );
  const reviewing = r.permissions.review && r.status === 'submitted';
  const commentSlot = (kind: 'task' | 'indicator', itemId: number, code: string) =>
    reviewing ? (
      <TextInput
        size="xs"
        w={{ base: '100%', xs: 320 }}
        placeholder={t('report.itemComment')}
        aria-label={`${t('report.itemComment')} — ${code}`}
        value={comments[`${kind}:${itemId}`] ?? ''}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setComments((c) => ({ ...c, [`${kind}:${itemId}`]: value }));
        }}
      />
    ) : undefined;
  const itemComments: ItemComment[] = Object.entries(comments)
    .filter(([, c]) => c.trim())
    .map(([key, comment]) => {
      const [kind, itemId] = key.split(':');
      return { kind: kind as ItemComment['kind'], id: Number(itemId), comment: comment.trim() };
    });
  const codes = new Map([
    ...r.tasks.map((x) => [`t${x.taskId}`, `${t('plan.task')} ${x.code}`] as const),
    ...r.indicators.map((x) => [`i${x.indicatorId}`, `${t('plan.indicator')} ${x.code}`] as const),
  ]);
  const cardKey = (version: number | undefined) => `${r.version}-${version ?? 0}`;
  const items = reportItems(r);
  if (openItem === undefined) {
    // Beside the list the panel shows the first item to see; on a phone the list comes first.
    setOpenItem(window.matchMedia(SPLIT_QUERY).matches ? firstToOpen(items) : null);
  }
  const written = writtenOf(items);
  /** Sending a report with items not updated this period asks first: counted on what
   *  is saved, the last edits included. */
  const send = async () => {
    setChecking(true);
    try {
      if (!(await registry.flushAll())) return setFlowError(t('report.unsaved'));
      const fresh = await queryClient.fetchQuery({ ...reportQuery(id!), staleTime: 0 });
      const saved = writtenOf(reportItems(fresh));
      const missing = saved.tasks < saved.taskTotal || saved.indicators < saved.indicatorTotal;
      if (missing && !window.confirm(fillMessage(t('report.confirmThin'), saved))) return;
      flow.mutate({ action: 'submit', body: { version: fresh.version } });
    } finally {
      setChecking(false);
    }
  };
  const renderItem = (item: ReportItem) => {
    if (item.kind === 'task') {
      const task = r.tasks.find((x) => x.taskId === item.id)!;
      return (
        <TaskUpdateCard
          key={`${task.taskId}-${cardKey(task.update?.version)}-${task.attachments.length}`}
          reportId={r.id}
          task={task}
          period={period}
          editable={editable}
          onReload={refresh}
          reviewSlot={commentSlot('task', task.taskId, task.code)}
        />
      );
    }
    const indicator = r.indicators.find((x) => x.indicatorId === item.id)!;
    return (
      <IndicatorValueCard
        key={`${indicator.indicatorId}-${cardKey(indicator.value?.version)}`}
        reportId={r.id}
        indicator={indicator}
        periodEnd={r.windowEnd}
        editable={editable}
        onReload={refresh}
        reviewSlot={commentSlot('indicator', indicator.indicatorId, indicator.code)}
      />
    );
  };
  return (
    <FlushContext.Provider value={registry}>
      <Stack maw={{ base: 900, md: 1320 }} gap="sm">
        <Anchor
          component={Link}
          to={r.permissions.review ? `/periods/${r.periodId}` : '/reports'}
          size="sm"
        >
          {t('report.back')}
        </Anchor>
        <div>
          <Group gap="xs">
            <Title order={3}>{`${r.unitName} — ${r.periodLabel}`}</Title>
            <ReportStatusBadge status={r.status} />
          </Group>
          <Text size="sm" c="dimmed" lineClamp={2} title={r.planTitle}>
            {`${r.planTitle}`}
          </Text>
          <Text size="sm" fw={500}>
            {`${t('report.due')}: ${vnDate(r.dueDate)}`}
            {r.lockOn && ` · ${t('report.lockOn')}: ${vnDate(r.lockOn)}`}
          </Text>
        </div>
        {r.reviewComment && r.status !== 'approved' && (
          <Alert color="orange" title={t('report.reviewerSays')}>
            {r.reviewComment}
          </Alert>
        )}
        {r.permissions.write && !editable && r.periodStatus !== 'open' && (
          <Alert color="gray">{t('report.periodNotOpen')}</Alert>
        )}
        {r.unlockedAt && r.periodStatus !== 'open' && (
          <Alert color="blue" title={t('report.unlocked')}>
            {r.unlockReason}
          </Alert>
        )}
        {prefilled && <Alert color="blue">{t('report.prefilled')}</Alert>}
        {editable && (
          <ExcelTemplate
            reportId={r.id}
            beforeUpload={() => registry.flushAll()}
            onApplied={refresh}
          />
        )}
        <ReportItemList
          items={items}
          open={openItem ?? null}
          onOpen={(key) => {
            // The item closing saves its last edit; the rows then show where each stands.
            if (openItem !== null) refresh();
            setOpenItem(key);
          }}
          renderItem={renderItem}
        />
        <SendBar
          progress={fillMessage(t('report.progress.summary'), written)}
          editable={editable}
          busy={flow.isPending || checking}
          onSend={() => void send()}
          error={flowError}
          toExplain={items.filter((i) => i.flagged && !i.explained)}
          onOpenItem={setOpenItem}
          sent={sent && r.status === 'submitted'}
        />
        {r.permissions.review && (
          <ReviewBar
            status={r.status}
            busy={flow.isPending}
            onReturn={(comment) =>
              flow.mutate({
                action: 'return',
                body: { version: r.version, comment, items: itemComments },
              })
            }
            onApprove={(comment) =>
              flow.mutate({ action: 'approve', body: { version: r.version, comment } })
            }
            onReopen={(reason) =>
              flow.mutate({ action: 'reopen', body: { version: r.version, reason } })
            }
          />
        )}
        <Accordion variant="contained">
          <Accordion.Item value="audit">
            <Accordion.Control>
              <Group gap="xs">
                <Text size="sm">{t('report.history')}</Text>
                <Badge size="xs" variant="light">
                  {t('report.historyHint')}
                </Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <AuditList reportId={r.id} codes={codes} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </FlushContext.Provider>
  );
}
