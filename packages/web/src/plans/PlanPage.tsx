import { Alert, Anchor, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { planExportUrl, usePlan } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { TaskTable } from './TaskTable.tsx';
import { PeriodsPanel } from '../periods/PeriodsPanel.tsx';
import { CatalogueLinks } from '../catalogue/CatalogueLinks.tsx';
import { CascadeView } from '../cascade/CascadeView.tsx';
import { CascadeLinks } from '../cascade/CascadeLinks.tsx';
import { ConcernsPanel } from '../concerns/ConcernsPanel.tsx';
import { TargetShares } from '../cascade/TargetShares.tsx';
import { LocalItemForm } from './LocalItemForm.tsx';
import { PlanHousekeeping } from './PlanHousekeeping.tsx';
import { AmendmentList } from './amendments/AmendmentList.tsx';
import { ItemHistoryDrawer } from './amendments/ItemHistoryDrawer.tsx';

export function PlanPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const [search] = useSearchParams();
  const [history, setHistory] = useState<{
    kind: 'task' | 'indicator';
    id: number;
    code: string;
  } | null>(null);
  const plan = usePlan(id);
  if (plan.isLoading) return <Loader />;
  if (plan.error || !plan.data)
    return <Alert color="red">{`${t('error.loading')}: ${plan.error?.message ?? ''}`}</Alert>;
  const p = plan.data;
  const canManage = p.permissions.manage;
  // A commune adds its own items to its running plan (not to a province's).
  const local = canManage && p.status === 'published' && p.ownerKind !== 'province';
  const cascadeTab = p.ownerKind === 'province' ? 'cascade' : 'parent';
  return (
    <Stack>
      <Anchor component={Link} to="/" size="sm">
        {t('plan.back')}
      </Anchor>
      <div>
        <Group gap="xs">
          <Text fw={600}>{p.communeName}</Text>
          <StatusBadge status={p.status} />
        </Group>
        <Title order={3} mt={4}>
          {p.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('plan.number')}: {p.number ?? t('plan.noNumber')}
          {p.focalUnit ? ` · ${t('plan.focalUnit')}: ${p.focalUnit}` : ''}
        </Text>
      </div>
      {canManage && <PlanHousekeeping plan={p} />}
      {p.status === 'archived' && <Alert color="gray">{t('plan.archivedNote')}</Alert>}
      {p.status === 'published' && (
        <Group gap="md">
          <Anchor component={Link} to={`/plans/${p.id}/dashboard`} size="sm" fw={600}>
            {t('dashboard.open')}
          </Anchor>
          {p.permissions.review && (
            <Anchor component={Link} to={`/plans/${p.id}/reviews`} size="sm" fw={600}>
              {t('planReview.open')}
            </Anchor>
          )}
          <Anchor href={planExportUrl(p.id, 'json')} size="xs">
            {t('export.json')}
          </Anchor>
          <Anchor href={planExportUrl(p.id, 'csv')} size="xs">
            {t('export.csv')}
          </Anchor>
        </Group>
      )}
      <Tabs
        defaultValue={search.get('tab') ?? (p.indicators.length ? 'indicators' : 'tasks')}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="indicators">{`${t('plan.indicatorsTab')} (${p.indicators.length})`}</Tabs.Tab>
          <Tabs.Tab value="tasks">{`${t('plan.tasksTab')} (${p.tasks.length})`}</Tabs.Tab>
          <Tabs.Tab value="periods">{t('plan.periodsTab')}</Tabs.Tab>
          {p.status !== 'draft' && <Tabs.Tab value="amendments">{t('amend.tab')}</Tabs.Tab>}
          {p.status === 'published' && <Tabs.Tab value="catalogue">{t('catalogue.tab')}</Tabs.Tab>}
          {p.status === 'published' && p.ownerKind !== 'province' && (
            <Tabs.Tab value="concerns">{t('concerns.tab')}</Tabs.Tab>
          )}
          {p.status === 'published' && (
            <Tabs.Tab value={cascadeTab}>
              {t(cascadeTab === 'cascade' ? 'cascade.tab' : 'cascade.parentTab')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="indicators" pt="md">
          <Stack gap="sm">
            {local && <LocalItemForm planId={p.id} communeId={p.communeId} kind="indicator" />}
            <IndicatorTable plan={p} onHistory={(i) => setHistory({ kind: 'indicator', ...i })} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <Stack gap="sm">
            {local && <LocalItemForm planId={p.id} communeId={p.communeId} kind="task" />}
            <TaskTable plan={p} onHistory={(task) => setHistory({ kind: 'task', ...task })} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="amendments" pt="md">
          <AmendmentList planId={p.id} canAmend={p.permissions.amend && p.status === 'published'} />
        </Tabs.Panel>
        <Tabs.Panel value="catalogue" pt="md">
          <CatalogueLinks planId={p.id} canEdit={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="concerns" pt="md">
          <ConcernsPanel planId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="periods" pt="md">
          <PeriodsPanel planId={p.id} canManage={canManage && p.status === 'published'} />
        </Tabs.Panel>
        <Tabs.Panel value="cascade" pt="md">
          <Stack gap="lg">
            <CascadeView planId={p.id} />
            <TargetShares plan={p} canManage={canManage} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="parent" pt="md">
          <CascadeLinks planId={p.id} canEdit={canManage} />
        </Tabs.Panel>
      </Tabs>
      <ItemHistoryDrawer
        planId={p.id}
        kind={history?.kind ?? 'task'}
        itemId={history?.id ?? null}
        title={`${t(history?.kind === 'indicator' ? 'amend.indicator' : 'amend.task')} ${history?.code ?? ''}`}
        onClose={() => setHistory(null)}
      />
    </Stack>
  );
}
