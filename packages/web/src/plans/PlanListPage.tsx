import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from 'react-router-dom';
import { compareVietnamese, matchesSearch } from '@tiendo/core';
import type { PlanSummary } from '../api/types.ts';
import { usePlans } from './api.ts';
import { fillMessage, useI18n } from '../i18n/i18n.tsx';
import { useScreen } from '../shell/useScreen.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { useManagedCommunes } from '../imports/api.ts';

export function PlanListPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  // Archived plans are out of the active list and read from their own.
  const [archived, setArchived] = useState(false);
  const plans = usePlans(archived);
  const managed = useManagedCommunes();
  if (plans.isLoading) return <Loader />;
  if (plans.error)
    return <Alert color="red">{`${t('error.loading')}: ${plans.error.message}`}</Alert>;
  const rows = (plans.data ?? [])
    .filter((p) => matchesSearch(`${p.communeName} ${p.title} ${p.number ?? ''}`, query))
    // The communes' own plans first, then the higher-level (province) plans they implement.
    .sort(
      (a, b) =>
        Number(a.ownerKind === 'province') - Number(b.ownerKind === 'province') ||
        compareVietnamese(a.communeName, b.communeName),
    );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('plans.title')}</Title>
        {(managed.data?.length ?? 0) > 0 && (
          <Button component={Link} to="/plans/import" size="sm">
            {t('nav.import')}
          </Button>
        )}
      </Group>
      <Group gap="sm">
        <TextInput
          placeholder={t('plans.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          maw={420}
          aria-label={t('plans.search')}
        />
        <SegmentedControl
          size="xs"
          value={archived ? 'archived' : 'active'}
          onChange={(v) => setArchived(v === 'archived')}
          data={[
            { value: 'active', label: t('plans.active') },
            { value: 'archived', label: t('plans.archived') },
          ]}
        />
      </Group>
      {rows.length === 0 ? (
        <Alert>
          {query.trim() && (plans.data ?? []).length > 0
            ? fillMessage(t('plans.noMatch'), { query: query.trim() })
            : archived
              ? t('plans.emptyArchived')
              : t('plans.empty')}
        </Alert>
      ) : (
        <PlanRows plans={rows} />
      )}
    </Stack>
  );
}

const planLink = (p: PlanSummary) =>
  p.status === 'draft' ? `/plans/${p.id}/review` : `/plans/${p.id}`;
const PHONE_QUERY = '(max-width: 47.99em)';

/** A table on a wide screen; on a phone one card per plan, nothing to scroll sideways. */
function PlanRows({ plans }: { plans: PlanSummary[] }) {
  const { t } = useI18n();
  const phone = useScreen(PHONE_QUERY);
  if (phone)
    return (
      <Stack gap="xs" data-testid="plan-cards">
        {plans.map((p) => (
          <Paper key={p.id} withBorder p="sm">
            <Anchor component={Link} to={planLink(p)} fw={600} lineClamp={3}>
              {p.title}
            </Anchor>
            <Group gap={6} mt={4} justify="space-between" wrap="nowrap">
              <Text size="xs" c="dimmed">
                {`${p.communeName} · ${p.indicatorCount} ${t('plans.indicators').toLowerCase()} · ${p.taskCount} ${t('plans.tasks').toLowerCase()}`}
              </Text>
              <StatusBadge status={p.status} />
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('plans.commune')}</Table.Th>
            <Table.Th>{t('plans.name')}</Table.Th>
            <Table.Th ta="right">{t('plans.indicators')}</Table.Th>
            <Table.Th ta="right">{t('plans.tasks')}</Table.Th>
            <Table.Th>{t('plans.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.communeName}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={planLink(p)} lineClamp={2}>
                  {p.title}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{p.indicatorCount}</Table.Td>
              <Table.Td ta="right">{p.taskCount}</Table.Td>
              <Table.Td>
                <StatusBadge status={p.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
