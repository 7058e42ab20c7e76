import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  type ComboboxItem,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { PlanDetail } from '../../api/types.ts';
import { fillMessage, useI18n } from '../../i18n/i18n.tsx';
import { DateField } from '../../i18n/DateField.tsx';
import { matchesSearch, todayInVietnam } from '@tiendo/core';
import { vnDate } from '../../i18n/dates.ts';
import {
  useAmendments,
  useApplyAmendment,
  useCompareDocument,
  type AmendmentComparison,
  type ItemChange,
} from './api.ts';
import { usePlan } from '../api.ts';
import { ItemEditor, type EditableItem } from './ItemEditor.tsx';
import { FieldChanges } from './FieldChanges.tsx';
import { fieldKey } from './AmendmentList.tsx';
import {
  chosenChanges,
  DocumentComparison,
  DocumentUpload,
  initialChoice,
  type ComparisonChoice,
} from './DocumentComparison.tsx';

// Amending a running plan (điều chỉnh, bổ sung kế hoạch): the document it rests on and the
// day it takes effect, then the changes — read from the amending document and ticked, or
// made by hand item by item — applied together as one amendment.

interface Pending {
  key: string;
  label: string;
  change: ItemChange;
  /** For an edit: each field before and after, to check before applying. */
  diff: Array<{ field: string; label: string; before: string | null; after: string | null }>;
}

/** Targets as one line: "2026: 60%; 2030: 90%". */
const targetsText = (targets: unknown) =>
  Object.entries((targets ?? {}) as Record<string, string>)
    .map(([year, text]) => `${year === 'all' ? '' : `${year}: `}${text}`)
    .join('; ') || null;

export default function AmendPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const plan = usePlan(id);
  const planId = Number(id);
  const apply = useApplyAmendment(planId);
  const compare = useCompareDocument(planId);
  const [basis, setBasis] = useState({ number: '', date: '', signer: '' });
  const earliest = useAmendments(planId).data?.earliestEffectiveOn ?? null;
  const [chosenDay, setEffectiveOn] = useState<string | null>(null);
  // Today, unless a sent period makes the first possible day later.
  const effectiveOn = chosenDay ?? [todayInVietnam(), earliest ?? ''].sort().at(-1)!;
  const [note, setNote] = useState('');
  const [pending, setPending] = useState<Pending[]>([]);
  const [editing, setEditing] = useState<EditableItem | null>(null);
  const [comparison, setComparison] = useState<AmendmentComparison | null>(null);
  const [choice, setChoice] = useState<ComparisonChoice | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (plan.isLoading) return <Loader />;
  if (plan.error || !plan.data) return <Alert color="red">{plan.error?.message}</Alert>;
  const p = plan.data;
  if (!p.permissions.amend || p.status !== 'published')
    return (
      <Stack>
        <Alert color="yellow">{t('amend.notAllowed')}</Alert>
        <Anchor component={Link} to={`/plans/${planId}`} size="sm">
          {t('amend.backToPlan')}
        </Anchor>
      </Stack>
    );

  const items = itemsOf(p);
  const taken = new Set(pending.map((x) => ('itemId' in x.change ? x.key : '')));
  const options = items
    .filter((i) => !taken.has(`${i.kind}:${i.id}`))
    .map((i) => ({
      value: `${i.kind}:${i.id}`,
      // Numbers restart in each section: the section's numeral tells two "Nhiệm vụ 2" apart.
      label: `${t(i.kind === 'task' ? 'amend.task' : 'amend.indicator')} ${i.code}${
        i.section ? ` (${i.section})` : ''
      } · ${short(i.fields.content ?? i.fields.name ?? '')}`,
    }));
  const fromDocument = comparison && choice ? chosenChanges(comparison, choice) : [];
  const changes = [...pending.map((x) => x.change), ...fromDocument];

  const upload = (file: File) => {
    setError(null);
    compare.mutate(file, {
      onSuccess: (c) => {
        setComparison(c);
        setChoice(initialChoice(c));
        setBasis((b) => ({
          number: b.number || c.basis.number || '',
          date: b.date || c.basis.date || '',
          signer: b.signer || c.basis.signer || '',
        }));
      },
      onError: (e) => setError(e.message),
    });
  };
  const submit = () => {
    setError(null);
    if (!basis.number.trim()) return setError(t('amend.basisRequired'));
    if (!effectiveOn) return setError(t('amend.effectiveRequired'));
    if (changes.length === 0) return setError(t('amend.noChanges'));
    apply.mutate(
      {
        version: p.version,
        basis: {
          number: basis.number.trim(),
          date: basis.date || null,
          signer: basis.signer.trim() || null,
        },
        effectiveOn,
        note: note.trim() || null,
        documentId: comparison?.documentId ?? null,
        source: comparison ? 'import' : 'manual',
        changes,
      },
      {
        onSuccess: () => navigate(`/plans/${planId}?tab=amendments`),
        onError: (e) => setError(e.message),
      },
    );
  };

  return (
    <Stack>
      <Anchor component={Link} to={`/plans/${planId}`} size="sm">
        {t('amend.backToPlan')}
      </Anchor>
      <Title order={3}>{t('amend.title')}</Title>
      <Card withBorder padding="sm">
        <Stack gap="xs">
          <Text fw={600}>{t('amend.basis')}</Text>
          <TextInput
            label={t('amend.basisNumber')}
            placeholder="45/KH-UBND"
            required
            value={basis.number}
            onChange={(e) => setBasis({ ...basis, number: e.currentTarget.value })}
          />
          <Group grow wrap="wrap">
            <DateField
              label={t('amend.basisDate')}
              value={basis.date}
              onChange={(date) => setBasis({ ...basis, date })}
            />
            <DateField
              label={t('amend.effectiveOn')}
              required
              value={effectiveOn}
              onChange={setEffectiveOn}
              description={
                earliest ? fillMessage(t('amend.earliest'), { from: vnDate(earliest) }) : undefined
              }
            />
          </Group>
          <TextInput
            label={t('amend.signer')}
            value={basis.signer}
            onChange={(e) => setBasis({ ...basis, signer: e.currentTarget.value })}
          />
          <Textarea
            label={t('amend.note')}
            autosize
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Text size="xs" c="dimmed">
            {t('amend.effectiveHint')}
          </Text>
        </Stack>
      </Card>

      <Card withBorder padding="sm">
        <Stack gap="sm">
          <Text fw={600}>{t('amend.changes')}</Text>
          <Text size="sm" c="dimmed">
            {t('amend.changesHint')}
          </Text>
          <Group gap="xs" wrap="wrap">
            <DocumentUpload busy={compare.isPending} onFile={upload} />
            <Button variant="default" onClick={() => setEditing(blank('task'))}>
              {t('amend.add.task')}
            </Button>
            <Button variant="default" onClick={() => setEditing(blank('indicator'))}>
              {t('amend.add.indicator')}
            </Button>
          </Group>
          <Select
            label={t('amend.pick')}
            placeholder={t('amend.pickPlaceholder')}
            searchable
            // Typed with or without accents, as on the plan list.
            filter={({ options: all, search }) =>
              (all as ComboboxItem[]).filter((o) => matchesSearch(o.label, search))
            }
            data={options}
            value={null}
            onChange={(value) =>
              setEditing(items.find((i) => `${i.kind}:${i.id}` === value) ?? null)
            }
            nothingFoundMessage={t('amend.pickNone')}
          />
          {editing && (
            <ItemEditor
              key={`${editing.kind}:${editing.id ?? 'new'}:${pending.length}`}
              item={editing}
              onCancel={() => setEditing(null)}
              onDone={(change, label) => {
                const key =
                  'itemId' in change ? `${change.kind}:${change.itemId}` : `new:${pending.length}`;
                const diff =
                  change.change === 'edit'
                    ? Object.entries(change.fields).map(([field, after]) => ({
                        field,
                        label: t(fieldKey(field)),
                        before:
                          field === 'targets'
                            ? targetsText(editing.targets)
                            : (editing.fields[field] ?? null),
                        after:
                          field === 'targets' ? targetsText(after) : ((after as string) ?? null),
                      }))
                    : [];
                setPending([...pending, { key, label, change, diff }]);
                setEditing(null);
              }}
            />
          )}
          {pending.map((x) => (
            <Card key={x.key} withBorder padding="xs" data-testid="pending-change">
              <Group justify="space-between" wrap="wrap" align="start" gap="xs">
                <Text size="sm" style={{ flex: '1 1 200px' }}>
                  {t(`amend.change.${x.change.change}`)} {x.label}
                  {x.change.change === 'add'
                    ? `: ${short(String(x.change.fields.content ?? x.change.fields.name ?? ''))}`
                    : ''}
                  {x.change.change === 'retire' ? ` — ${x.change.reason}` : ''}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  onClick={() => setPending(pending.filter((y) => y !== x))}
                >
                  {t('amend.drop')}
                </Button>
              </Group>
              <FieldChanges changes={x.diff} />
            </Card>
          ))}
          {comparison && choice && (
            <DocumentComparison comparison={comparison} choice={choice} onChoice={setChoice} />
          )}
        </Stack>
      </Card>

      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button onClick={submit} loading={apply.isPending} disabled={changes.length === 0}>
          {fillMessage(t('amend.apply'), { n: changes.length })}
        </Button>
        <Button variant="default" component={Link} to={`/plans/${planId}`}>
          {t('amend.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

const short = (text: string) => (text.length > 70 ? `${text.slice(0, 68)}…` : text);

function blank(kind: 'task' | 'indicator'): EditableItem {
  return { kind, id: null, code: '', fields: {}, targets: {} };
}

/** The plan's items still tracked, as the editor takes them. */
function itemsOf(p: PlanDetail): Array<EditableItem & { section: string | null }> {
  const tracked = <T extends { retiredReason: string | null }>(xs: T[]) =>
    xs.filter((x) => !x.retiredReason);
  // "III. Khẩn trương…" → "III"; a table without groups: its appendix.
  const sectionOf = (id: number) => {
    const s = p.sections.find((x) => x.id === id);
    return s ? (s.heading?.split('.')[0]?.trim() ?? s.appendix) : null;
  };
  return [
    ...tracked(p.indicators).map((i) => ({
      kind: 'indicator' as const,
      id: i.id,
      code: i.code,
      section: sectionOf(i.sectionId),
      fields: {
        name: i.name,
        unit: i.unit,
        lead: i.lead,
        output: i.output,
        director: i.director,
        responsible: i.responsible,
      },
      targets: Object.fromEntries(
        i.targets.map((x) => [x.year === null ? 'all' : String(x.year), x.text]),
      ),
    })),
    ...tracked(p.tasks).map((task) => ({
      kind: 'task' as const,
      id: task.id,
      code: task.code,
      section: sectionOf(task.sectionId),
      fields: {
        content: task.content,
        lead: task.lead,
        coordinate: task.coordinate,
        output: task.output,
        deadline: task.deadline,
        director: task.director,
        responsible: task.responsible,
      },
      targets: {},
    })),
  ];
}
