import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ItemChange, ItemKind } from './api.ts';
import { fieldKey, type AmendField } from './AmendmentList.tsx';

// One item of an amendment, edited, added or retired. An edit sends only the fields that
// differ from the version in force; targets go whole once one year changed.

export interface EditableItem {
  kind: ItemKind;
  id: number | null;
  code: string;
  fields: Record<string, string | null>;
  targets: Record<string, string>;
}

const FIELDS: Record<ItemKind, AmendField[]> = {
  task: ['content', 'lead', 'coordinate', 'output', 'deadline', 'director', 'responsible'],
  indicator: ['name', 'unit', 'lead', 'output', 'director', 'responsible'],
};
const LONG: AmendField[] = ['content', 'name', 'output'];

export function ItemEditor(props: {
  item: EditableItem;
  onDone(change: ItemChange, label: string): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const { item } = props;
  const [fields, setFields] = useState(item.fields);
  const [targets, setTargets] = useState(item.targets);
  const [newYear, setNewYear] = useState('');
  const [retiring, setRetiring] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const adding = item.id === null;
  const main = item.kind === 'task' ? 'content' : 'name';
  const label = `${t(item.kind === 'task' ? 'amend.task' : 'amend.indicator')} ${item.code || t('amend.newItem')}`;

  const save = () => {
    if (!fields[main]?.trim()) return setError(t('amend.textRequired'));
    const changed: Record<string, unknown> = {};
    for (const f of FIELDS[item.kind])
      if ((fields[f] ?? '').trim() !== (item.fields[f] ?? '').trim())
        changed[f] = fields[f]?.trim() || null;
    const targetsChanged = JSON.stringify(clean(targets)) !== JSON.stringify(clean(item.targets));
    if (item.kind === 'indicator' && (targetsChanged || adding)) changed.targets = clean(targets);
    if (adding) {
      const all = { ...changed, [main]: fields[main]!.trim() };
      return props.onDone({ change: 'add', kind: item.kind, fields: all }, label);
    }
    if (Object.keys(changed).length === 0) return setError(t('amend.nothingChanged'));
    props.onDone({ change: 'edit', kind: item.kind, itemId: item.id!, fields: changed }, label);
  };
  const retire = () => {
    if (!reason.trim()) return setError(t('amend.reasonRequired'));
    props.onDone(
      { change: 'retire', kind: item.kind, itemId: item.id!, reason: reason.trim() },
      label,
    );
  };

  return (
    <Card withBorder padding="sm" data-testid="item-editor">
      <Stack gap="xs">
        <Text fw={600}>{adding ? t(`amend.add.${item.kind}`) : label}</Text>
        {FIELDS[item.kind].map((f) =>
          LONG.includes(f) ? (
            <Textarea
              key={f}
              label={t(fieldKey(f))}
              autosize
              minRows={f === main ? 2 : 1}
              value={fields[f] ?? ''}
              onChange={(e) => setFields({ ...fields, [f]: e.currentTarget.value })}
            />
          ) : (
            <TextInput
              key={f}
              label={t(fieldKey(f))}
              description={f === 'lead' || f === 'coordinate' ? t('amend.unitsHint') : undefined}
              value={fields[f] ?? ''}
              onChange={(e) => setFields({ ...fields, [f]: e.currentTarget.value })}
            />
          ),
        )}
        {item.kind === 'indicator' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('amend.field.targets')}
            </Text>
            {Object.keys(targets)
              .sort()
              .map((year) => (
                <TextInput
                  key={year}
                  label={year === 'all' ? t('amend.allYears') : year}
                  value={targets[year] ?? ''}
                  onChange={(e) => setTargets({ ...targets, [year]: e.currentTarget.value })}
                />
              ))}
            <Group gap="xs" align="end">
              <TextInput
                label={t('amend.addYear')}
                placeholder="2027"
                w={120}
                value={newYear}
                onChange={(e) => setNewYear(e.currentTarget.value)}
              />
              <Button
                variant="default"
                disabled={!/^\d{4}$/.test(newYear) || newYear in targets}
                onClick={() => {
                  setTargets({ ...targets, [newYear]: '' });
                  setNewYear('');
                }}
              >
                {t('amend.addYearButton')}
              </Button>
            </Group>
          </Stack>
        )}
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        {retiring ? (
          <Stack gap="xs">
            <Textarea
              label={t('amend.retireReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              data-autofocus
            />
            <Group gap="xs">
              <Button color="red" onClick={retire}>
                {t('amend.retireConfirm')}
              </Button>
              <Button variant="default" onClick={() => setRetiring(false)}>
                {t('amend.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group gap="xs">
            <Button onClick={save}>{t('amend.keepChange')}</Button>
            {!adding && (
              <Button variant="light" color="red" onClick={() => setRetiring(true)}>
                {t('amend.retire')}
              </Button>
            )}
            <Button variant="default" onClick={props.onCancel}>
              {t('amend.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Targets with empty years dropped and text trimmed. */
function clean(targets: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(targets)
      .map(([y, v]) => [y, v.trim()] as const)
      .filter(([, v]) => v)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
