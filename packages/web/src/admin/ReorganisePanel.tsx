import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ManagedCommune } from '../imports/api.ts';
import { useReorganise, useSaveCommuneCode } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DateField } from '../i18n/DateField.tsx';

type Kind = 'merge' | 'split';
interface NewUnit {
  name: string;
  code: string;
}

/** Sáp nhập, chia tách: communes merged into one or one split into several, from a date and
 *  by a decision; the old communes' plans and reports stay and roll up to the new one. */
export function ReorganisePanel(props: {
  communes: ManagedCommune[];
  /** The departments of the commune chosen above, which can merge or split too. */
  units: Array<{ id: number; name: string }>;
}) {
  const { t } = useI18n();
  const [level, setLevel] = useState<'commune' | 'unit'>('commune');
  const choices = level === 'commune' ? props.communes : props.units;
  const [kind, setKind] = useState<Kind>('merge');
  const [olds, setOlds] = useState<string[]>([]);
  const [news, setNews] = useState<NewUnit[]>([{ name: '', code: '' }]);
  const [effectiveOn, setEffectiveOn] = useState('');
  const [decision, setDecision] = useState('');
  const run = useReorganise(() => {
    setOlds([]);
    setNews([{ name: '', code: '' }]);
  });
  const setNew = (i: number, patch: Partial<NewUnit>) =>
    setNews((list) => list.map((n, j) => (i === j ? { ...n, ...patch } : n)));
  const changeKind = (next: Kind) => {
    setKind(next);
    setNews(next === 'merge' ? news.slice(0, 1) : [...news, { name: '', code: '' }].slice(0, 2));
  };
  return (
    <Card withBorder data-testid="reorganise">
      <Stack gap="xs">
        <Title order={4}>{t('reorg.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('reorg.help')}
        </Text>
        <SegmentedControl
          size="xs"
          value={level}
          onChange={(v) => {
            setLevel(v as 'commune' | 'unit');
            setOlds([]);
          }}
          data={[
            { value: 'commune', label: t('reorg.communes') },
            { value: 'unit', label: t('reorg.units') },
          ]}
        />
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => changeKind(v as Kind)}
          data={[
            { value: 'merge', label: t('reorg.merge') },
            { value: 'split', label: t('reorg.split') },
          ]}
        />
        <MultiSelect
          size="xs"
          label={t('reorg.predecessors')}
          searchable
          maxValues={kind === 'split' ? 1 : undefined}
          data={choices.map((c) => ({ value: String(c.id), label: c.name }))}
          value={olds}
          onChange={setOlds}
        />
        {news.map((n, i) => (
          <Group key={i} grow gap="xs" align="flex-end">
            <TextInput
              size="xs"
              label={`${t('reorg.newName')} ${news.length > 1 ? i + 1 : ''}`.trim()}
              value={n.name}
              onChange={(e) => setNew(i, { name: e.currentTarget.value })}
            />
            {level === 'commune' && (
              <TextInput
                size="xs"
                label={`${t('reorg.code')} ${news.length > 1 ? i + 1 : ''}`.trim()}
                value={n.code}
                onChange={(e) => setNew(i, { code: e.currentTarget.value })}
              />
            )}
          </Group>
        ))}
        {kind === 'split' && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setNews([...news, { name: '', code: '' }])}
          >
            {t('reorg.addUnit')}
          </Button>
        )}
        <Group grow gap="xs">
          <DateField
            size="xs"
            label={t('reorg.effectiveOn')}
            value={effectiveOn}
            onChange={setEffectiveOn}
          />
          <TextInput
            size="xs"
            label={t('reorg.decision')}
            value={decision}
            onChange={(e) => setDecision(e.currentTarget.value)}
          />
        </Group>
        {run.error && (
          <Alert color="red" role="alert">
            {run.error.message}
          </Alert>
        )}
        {run.data && <Alert color="teal">{t('reorg.done')}</Alert>}
        <Group justify="flex-end">
          <Button
            size="xs"
            onClick={() =>
              run.mutate({
                kind,
                predecessors: olds.map(Number),
                successors: news.map((n) => ({ name: n.name, code: n.code.trim() || null })),
                effectiveOn,
                decision: decision.trim() || null,
              })
            }
            loading={run.isPending}
          >
            {t(kind === 'merge' ? 'reorg.doMerge' : 'reorg.doSplit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The commune's administrative code (Decision 19/2025/QĐ-TTg), carried in upward exports. */
export function CommuneCode({ commune }: { commune: { id: number; code: string | null } }) {
  const { t } = useI18n();
  const [code, setCode] = useState(commune.code ?? '');
  const save = useSaveCommuneCode(commune.id);
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        size="xs"
        w={200}
        label={t('admin.communeCode')}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value)}
        error={save.error?.message}
      />
      <Button
        size="xs"
        variant="light"
        onClick={() => save.mutate(code.trim() || null)}
        loading={save.isPending}
      >
        {t('admin.saveCode')}
      </Button>
    </Group>
  );
}
