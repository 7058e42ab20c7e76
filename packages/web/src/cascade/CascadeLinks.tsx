import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CascadeLinks as CascadeLinksView, ItemKind } from '@tiendo/core';
import { useI18n } from '../i18n/i18n.tsx';
import {
  useCascadeLinks,
  useChangeCascadeLinks,
  useSetParentPlan,
  type LinkChange as Change,
} from './api.ts';

type Side = CascadeLinksView['tasks'];
type Item = Side['parents'][number];

/** A commune plan's side of the cascade: which higher-level plan it implements, and which
 *  higher-level task or indicator each of its own implements (proposed, then confirmed). */
export function CascadeLinks({ planId, canEdit }: { planId: number; canEdit: boolean }) {
  const { t } = useI18n();
  const query = useCascadeLinks(planId);
  const setParent = useSetParentPlan(planId);
  const change = useChangeCascadeLinks(planId);
  if (query.isLoading || !query.data) return <Loader />;
  const data = query.data;
  const error = setParent.error ?? change.error;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('cascade.linksHelp')}
      </Text>
      {error && <Alert color="red">{error.message}</Alert>}
      <Select
        label={t('cascade.parentPlan')}
        data-testid="parent-plan"
        placeholder={t('cascade.noParent')}
        clearable
        disabled={!canEdit || setParent.isPending}
        data={data.parentPlans.map((p) => ({
          value: String(p.id),
          label: `${p.number ?? ''} ${p.title}`.trim(),
        }))}
        value={data.parentPlanId === null ? null : String(data.parentPlanId)}
        onChange={(v) => setParent.mutate(v === null ? null : Number(v))}
        maw={720}
      />
      {data.parentPlanId !== null &&
        (['task', 'indicator'] as const).map((kind) => (
          <LinkTable
            key={kind}
            kind={kind}
            side={kind === 'task' ? data.tasks : data.indicators}
            canEdit={canEdit}
            busy={change.isPending}
            onChange={(changes) => change.mutate(changes)}
          />
        ))}
    </Stack>
  );
}

function LinkTable(props: {
  kind: ItemKind;
  side: Side;
  canEdit: boolean;
  busy: boolean;
  onChange: (changes: Change[]) => void;
}) {
  const { t } = useI18n();
  const { kind, side } = props;
  const parentById = new Map(side.parents.map((p) => [p.id, p]));
  const proposals = side.suggestions.filter(
    (s, i, all) => all.findIndex((o) => o.childId === s.childId) === i, // the best per item
  );
  const rows = side.children.filter(
    (c) => side.links.some((l) => l.childId === c.id) || proposals.some((s) => s.childId === c.id),
  );
  const link = (childId: number, parentId: number, linked: boolean): Change => ({
    kind,
    childId,
    parentId,
    linked,
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fw={600}>
          {kind === 'task' ? t('plan.tasksTab') : t('plan.indicatorsTab')}
          {` — ${t('cascade.linkedCount')}: ${new Set(side.links.map((l) => l.childId)).size}/${side.children.length}`}
        </Text>
        {props.canEdit && proposals.length > 0 && (
          <Button
            size="xs"
            variant="light"
            loading={props.busy}
            onClick={() => props.onChange(proposals.map((s) => link(s.childId, s.parentId, true)))}
          >
            {`${t('cascade.confirmAll')} (${proposals.length})`}
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table fz="xs" striped withTableBorder data-testid={`cascade-links-${kind}`}>
          <Table.Tbody>
            {rows.map((c) => {
              const confirmed = side.links.filter((l) => l.childId === c.id);
              const proposal = proposals.find((s) => s.childId === c.id);
              return (
                <Table.Tr key={c.id}>
                  <Table.Td w={110} style={{ whiteSpace: 'nowrap' }}>
                    {`${c.appendix} · ${c.code}`}
                  </Table.Td>
                  <Table.Td w="40%">{c.text}</Table.Td>
                  <Table.Td>
                    {confirmed.map((l) => (
                      <LinkLine
                        key={l.parentId}
                        badge={
                          <Badge size="xs" color="teal">
                            {t('cascade.linked')}
                          </Badge>
                        }
                        parent={parentById.get(l.parentId)}
                        action={props.canEdit ? t('cascade.unlink') : null}
                        danger
                        onAction={() => props.onChange([link(c.id, l.parentId, false)])}
                      />
                    ))}
                    {proposal && (
                      <LinkLine
                        badge={
                          <Badge size="xs" color="yellow" variant="light">
                            {`${t('catalogue.proposed')} ${Math.round(proposal.score * 100)}%`}
                          </Badge>
                        }
                        parent={parentById.get(proposal.parentId)}
                        action={props.canEdit ? t('cascade.confirm') : null}
                        onAction={() => props.onChange([link(c.id, proposal.parentId, true)])}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length < side.children.length && (
        <Text size="xs" c="dimmed">
          {`${side.children.length - rows.length} ${t('cascade.ownItems')}`}
        </Text>
      )}
    </Stack>
  );
}

/** One higher-level item beside a commune item: linked or proposed, with its button. */
function LinkLine(props: {
  badge: ReactNode;
  parent: Item | undefined;
  action: string | null;
  danger?: boolean;
  onAction: () => void;
}) {
  return (
    <Group gap={4} wrap="nowrap" align="start">
      {props.badge}
      <Text size="xs">{`${props.parent?.code}. ${props.parent?.text}`}</Text>
      {props.action && (
        <Button
          size="compact-xs"
          variant="subtle"
          color={props.danger ? 'red' : undefined}
          onClick={props.onAction}
        >
          {props.action}
        </Button>
      )}
    </Group>
  );
}
