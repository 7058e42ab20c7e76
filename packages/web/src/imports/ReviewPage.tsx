import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Grid,
  Group,
  Loader,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import {
  deleteDraft,
  publishDraft,
  reimportDraft,
  saveDraft,
  setDraftColumns,
  useDraftReview,
  type DraftReview,
} from './api.ts';
import { planKeys } from '../plans/api.ts';
import { fillMessage, useI18n } from '../i18n/i18n.tsx';
import {
  localityMismatch,
  titleProblem,
  type ColumnRole,
  type FieldDoubt,
  type PlanDraft,
} from '@tiendo/core';
import { ConfirmAction } from '../plans/ConfirmAction.tsx';
import { ColumnRoles } from './ColumnRoles.tsx';
import { DraftTable, fieldLabel } from './DraftTable.tsx';
import { MetadataForm } from './MetadataForm.tsx';
import { SourcePanel } from './SourcePanel.tsx';
import { UnitProposals } from './UnitProposals.tsx';
import { appendices, mainField, type RowKind } from './draftEdits.ts';
import { sourceLineOf } from './sourceMatch.ts';
import { useDraftEditor } from './useDraftEditor.ts';

/** Import review: check and fix what the importer read, then publish the plan. */
export function ReviewPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const [generation, setGeneration] = useState(0);
  const review = useDraftReview(id);
  if (review.isLoading) return <Loader />;
  if (review.error || !review.data)
    return <Alert color="red">{`${t('error.loading')}: ${review.error?.message ?? ''}`}</Alert>;
  const reload = async () => {
    await review.refetch();
    setGeneration((g) => g + 1);
  };
  return (
    <ReviewEditor
      key={generation}
      review={review.data}
      refresh={() => void review.refetch()}
      reload={reload}
    />
  );
}

interface EditorProps {
  review: DraftReview;
  /** Refetch server-side facts (unit proposals) without discarding local edits. */
  refresh(): void;
  /** Discard local edits and load the server's draft. */
  reload(): Promise<void>;
}

function ReviewEditor({ review, refresh, reload }: EditorProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const editor = useDraftEditor(review.draft);
  const [version, setVersion] = useState(review.version);
  // Proposals that look like a broken line or a near duplicate start unticked.
  const [chosenUnits, setChosenUnits] = useState(
    () => new Set(review.unitProposals.filter((name) => !review.unitDoubts[name])),
  );
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const sections = appendices(editor.draft);
  const [tab, setTab] = useState<string | null>(sections[0] ? tabKey(sections[0]) : null);
  /** Cells to check in one table (tab). */
  const doubtsIn = (s: (typeof sections)[number]) =>
    s.indexes.reduce((n, i) => n + (editor.doubts[s.kind][i]?.length ?? 0), 0);
  const [jump, setJump] = useState<{ cell: string; n: number } | null>(null);
  /** To one cell: its table, then the cell itself, in view and focused. */
  const goToCell = (tabOf: string, cell: string) => {
    setTab(tabOf);
    setJump((j) => ({ cell, n: (j?.n ?? 0) + 1 }));
  };
  const flagged = flaggedCells(editor.draft, sections, editor.doubts);
  // "N ô cần kiểm tra" takes the reviewer to the first of them.
  const goToDoubts = () => flagged[0] && goToCell(flagged[0].tab, flagged[0].cell);
  useEffect(() => {
    if (!jump) return;
    const cell = document.querySelector<HTMLElement>(`[data-cell="${jump.cell}"]`);
    cell?.scrollIntoView({ block: 'center' });
    cell?.focus();
  }, [jump, tab]);

  useEffect(() => {
    if (!editor.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [editor.dirty]);

  const saveNow = async (): Promise<number> => {
    if (!editor.dirty) return version;
    const saved = await saveDraft(review.planId, { version, draft: editor.draft });
    setVersion(saved.version);
    editor.markSaved();
    refresh();
    return saved.version;
  };
  const save = useMutation({
    mutationFn: saveNow,
    onSuccess: () => setMessage(t('review.saved')),
  });
  const reimport = useMutation({
    mutationFn: async (file: File) => {
      const current = await saveNow();
      await reimportDraft(review.planId, file, current);
    },
    onSuccess: () => void reload(),
  });
  const columns = useMutation({
    mutationFn: async ({ table, roles }: { table: number; roles: Array<ColumnRole | null> }) => {
      const current = await saveNow();
      await setDraftColumns(review.planId, { version: current, table, roles });
    },
    onSuccess: () => void reload(),
  });
  const publish = useMutation({
    mutationFn: async (accept: { acceptDoubts: boolean; acceptLocality: boolean }) => {
      const current = await saveNow();
      await publishDraft(review.planId, {
        version: current,
        createUnits: [...chosenUnits],
        ...accept,
      });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: planKeys.lists });
      navigate(`/plans/${review.planId}`);
    },
  });
  // A save refused for an empty title stops showing once the title is filled in.
  const settled = (e: Error | null) =>
    e instanceof ApiError &&
    e.status === 400 &&
    e.message.includes('Tên kế hoạch không được để trống') &&
    editor.draft.plan.title.trim() !== '';
  const error =
    [save.error, reimport.error, columns.error, publish.error].find((e) => e && !settled(e)) ??
    null;
  const conflict = error instanceof ApiError && error.status === 409;

  const focusedLine = (() => {
    const f = editor.focused;
    if (!f) return -1;
    const row = editor.draft[f.kind][f.index] as unknown as Record<string, string> | undefined;
    return row ? sourceLineOf(review.sourceLines, row[mainField(f.kind)] ?? '') : -1;
  })();

  // Checked live as the officer edits: the title, the place the document names.
  const titleIssue = titleProblem(editor.draft.plan.title, review.draft.source);
  const place = localityMismatch(editor.draft.plan, review.ownerName);
  const startPublish = () => {
    if (titleIssue) return;
    if (editor.doubtCount > 0 || place) setConfirming(true);
    else publish.mutate({ acceptDoubts: false, acceptLocality: false });
  };
  const fill = (key: Parameters<typeof t>[0], vars: Record<string, string | number>) =>
    fillMessage(t(key), vars);

  const busy = save.isPending || reimport.isPending || columns.isPending || publish.isPending;
  return (
    <Stack>
      <Anchor component={Link} to="/" size="sm">
        {t('plan.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{t('review.title')}</Title>
          <Text size="sm" c="dimmed">
            {`${review.draft.source} · ${editor.draft.indicators.length} ${t('plans.indicators').toLowerCase()} · ${editor.draft.tasks.length} ${t('plans.tasks').toLowerCase()}`}
          </Text>
        </div>
        <Group gap="xs">
          <Badge
            component="button"
            type="button"
            onClick={goToDoubts}
            style={{ cursor: editor.doubtCount ? 'pointer' : 'default' }}
            color={editor.doubtCount ? 'yellow' : 'green'}
            data-testid="doubt-count"
            title={editor.doubtCount ? t('review.doubtsJump') : undefined}
          >
            {`${editor.doubtCount} ${t('review.doubts')}`}
          </Badge>
          <Button variant="default" size="xs" onClick={editor.undo} disabled={!editor.canUndo}>
            {t('review.undo')}
          </Button>
          <FileButton onChange={(f) => f && reimport.mutate(f)} accept=".docx,.pdf,.txt">
            {(props) => (
              <Button {...props} variant="default" size="xs" loading={reimport.isPending}>
                {t('review.reimport')}
              </Button>
            )}
          </FileButton>
          <Button size="xs" variant="light" onClick={() => save.mutate()} loading={save.isPending}>
            {editor.dirty ? t('review.save') : t('review.savedShort')}
          </Button>
          <Button
            size="xs"
            onClick={startPublish}
            loading={publish.isPending}
            disabled={busy || titleIssue !== null}
            title={titleIssue ?? undefined}
            data-testid="publish"
          >
            {editor.doubtCount > 0
              ? fill('review.publishFlagged', { n: editor.doubtCount })
              : t('review.publish')}
          </Button>
          <ConfirmAction
            label={t('review.deleteDraft')}
            title={t('review.deleteDraft')}
            message={t('review.deleteConfirm')}
            confirmLabel={t('review.deleteDraft')}
            color="red"
            variant="subtle"
            disabled={busy}
            action={() => deleteDraft(review.planId, version)}
            onDone={async () => {
              editor.markSaved();
              await queryClient.invalidateQueries({ queryKey: planKeys.lists });
              navigate('/');
            }}
          />
        </Group>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('review.confirm.title')}
        centered
      >
        <Stack>
          {editor.doubtCount > 0 && (
            <>
              <Text size="sm">{fill('review.confirm.doubts', { n: editor.doubtCount })}</Text>
              <ScrollArea.Autosize mah={260} type="auto">
                <Stack gap={4} component="ul" m={0} p={0} data-testid="flagged-cells">
                  {flagged.map((f) => (
                    <li key={f.cell} style={{ listStyle: 'none' }}>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        ta="left"
                        onClick={() => {
                          setConfirming(false);
                          goToCell(f.tab, f.cell);
                        }}
                      >
                        {`${f.table} · ${f.code} · ${fieldLabel(f.field, f.kind, t)}`}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {f.reason}
                      </Text>
                    </li>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            </>
          )}
          {place && (
            <Text size="sm">
              {fill('review.confirm.locality', { place, owner: review.ownerName })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('review.confirm.back')}
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
                publish.mutate({ acceptDoubts: true, acceptLocality: place !== null });
              }}
            >
              {t('review.confirm.go')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {error && (
        <Alert color="red" role="alert" title={conflict ? t('review.conflict') : undefined}>
          <Text size="sm">{error.message}</Text>
          {conflict && (
            <Button mt="xs" size="xs" variant="white" color="red" onClick={() => void reload()}>
              {t('review.loadLatest')}
            </Button>
          )}
        </Alert>
      )}
      {message && !error && !editor.dirty && (
        <Alert color="green" role="status" withCloseButton onClose={() => setMessage(null)}>
          {message}
        </Alert>
      )}
      {review.warnings.length > 0 && (
        <Alert color="yellow" title={t('review.warnings')}>
          {review.warnings.map((w, i) => (
            <Text key={i} size="sm">{`${w.where}: ${w.message}`}</Text>
          ))}
        </Alert>
      )}
      {place && (
        <Alert color="orange" title={t('review.locality.title')} data-testid="locality-warning">
          <Text size="sm">{fill('review.locality.body', { place, owner: review.ownerName })}</Text>
        </Alert>
      )}
      {review.duplicates.length > 0 && (
        <Alert color="orange" title={t('review.duplicate.title')} data-testid="duplicate-warning">
          <Text size="sm">{t('review.duplicate.body')}</Text>
          {review.duplicates.map((d) => (
            <Group key={d.id} gap="xs" data-testid={`duplicate-${d.id}`}>
              <Text size="sm">{`${d.number ?? ''} · ${d.title}`}</Text>
              <Anchor component={Link} to={`/plans/${d.id}`} size="sm">
                {t('review.duplicate.open')}
              </Anchor>
            </Group>
          ))}
        </Alert>
      )}
      {editor.hint && <Alert color="blue">{editor.hint}</Alert>}
      <Paper withBorder p="sm">
        <MetadataForm
          plan={editor.draft.plan}
          onChange={editor.setPlan}
          errors={{ title: titleIssue }}
        />
      </Paper>
      <UnitProposals
        names={review.unitProposals}
        doubts={review.unitDoubts}
        chosen={chosenUnits}
        onChange={setChosenUnits}
      />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              {sections.map((s) => (
                <Tabs.Tab
                  key={tabKey(s)}
                  value={tabKey(s)}
                  rightSection={
                    doubtsIn(s) > 0 ? (
                      <Badge size="xs" color="yellow" title={t('review.doubts')}>
                        {doubtsIn(s)}
                      </Badge>
                    ) : undefined
                  }
                >
                  {`${s.table} (${s.indexes.length})`}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {sections.map((s) => (
              <Tabs.Panel key={tabKey(s)} value={tabKey(s)} pt="sm">
                <ColumnRoles
                  layouts={layoutsOf(editor.draft, s)}
                  busy={busy}
                  onChange={(table, roles) => columns.mutate({ table, roles })}
                />
                <DraftTable
                  draft={editor.draft}
                  kind={s.kind}
                  indexes={s.indexes}
                  doubts={editor.doubts[s.kind]}
                  actions={editor.actionsFor(s.kind, t('review.splitHelp'))}
                />
              </Tabs.Panel>
            ))}
          </Tabs>
          {sections.length === 0 && <Alert color="yellow">{t('review.noTables')}</Alert>}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SourcePanel lines={review.sourceLines} highlight={focusedLine} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

const tabKey = (s: { kind: string; table: string }) => `${s.kind}:${s.table}`;

/** The tables read for this tab (same appendix label and kind), with their index. */
const layoutsOf = (draft: PlanDraft, s: { kind: string; table: string }) =>
  (draft.tables ?? []).flatMap((layout, index) =>
    layout.label === s.table && (layout.kind ?? s.kind) === s.kind ? [{ index, layout }] : [],
  );

/** Every cell the importer still doubts, table by table in the order of the tabs. */
function flaggedCells(
  draft: PlanDraft,
  sections: ReturnType<typeof appendices>,
  doubts: Record<RowKind, FieldDoubt[][]>,
) {
  return sections.flatMap((s) =>
    s.indexes.flatMap((index) =>
      (doubts[s.kind][index] ?? []).map((d) => ({
        tab: tabKey(s),
        table: s.table,
        kind: s.kind,
        code: String(draft[s.kind][index]!.code),
        field: d.field,
        reason: d.reason,
        cell: `${s.kind}:${index}:${d.field}`,
      })),
    ),
  );
}
