import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useCommuneAdmin } from '../admin/api.ts';
import { useAddLocalItem } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Kind = 'indicator' | 'task';
const EMPTY = {
  text: '',
  unit: '',
  year: new Date().getFullYear() as number | string,
  target: '',
  deadline: '',
  lead: [] as string[],
  coordinate: [] as string[],
};

/** The commune's own indicator or task, added beside those of its signed plan (local
 *  customisation); it reaches the chosen units' reports from the next save. */
export function LocalItemForm(props: { planId: number; communeId: number; kind: Kind }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(EMPTY);
  const units = useCommuneAdmin(props.communeId, open);
  const itemBody = () => {
    const leadUnitIds = form.lead.map(Number);
    const body =
      props.kind === 'indicator'
        ? {
            kind: 'indicator',
            name: form.text,
            unit: form.unit.trim() || null,
            targets: form.target.trim()
              ? [{ year: typeof form.year === 'number' ? form.year : null, text: form.target }]
              : [],
            leadUnitIds,
          }
        : {
            kind: 'task',
            content: form.text,
            deadline: form.deadline.trim() || null,
            leadUnitIds,
            coordinateUnitIds: form.coordinate.map(Number),
          };
    return body;
  };
  const add = useAddLocalItem(props.planId, () => setForm(EMPTY));
  const label = props.kind === 'indicator' ? t('local.addIndicator') : t('local.addTask');
  if (!open)
    return (
      <Button size="xs" variant="light" w="fit-content" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  const choices = (units.data?.units ?? []).map((u) => ({ value: String(u.id), label: u.name }));
  const set = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <Card withBorder data-testid={`local-${props.kind}`}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {t('local.help')}
        </Text>
        <TextInput
          size="xs"
          label={t(props.kind === 'indicator' ? 'local.name' : 'local.content')}
          value={form.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
        />
        {props.kind === 'indicator' ? (
          <Group grow gap="xs">
            <TextInput
              size="xs"
              label={t('plan.unit')}
              value={form.unit}
              onChange={(e) => set({ unit: e.currentTarget.value })}
            />
            <NumberInput
              size="xs"
              label={t('shares.year')}
              value={form.year}
              onChange={(year) => set({ year })}
            />
            <TextInput
              size="xs"
              label={t('local.target')}
              value={form.target}
              onChange={(e) => set({ target: e.currentTarget.value })}
            />
          </Group>
        ) : (
          <TextInput
            size="xs"
            label={t('plan.deadline')}
            value={form.deadline}
            onChange={(e) => set({ deadline: e.currentTarget.value })}
          />
        )}
        <MultiSelect
          size="xs"
          searchable
          label={t('report.lead')}
          data={choices}
          value={form.lead}
          onChange={(lead) => set({ lead })}
        />
        {props.kind === 'task' && (
          <MultiSelect
            size="xs"
            searchable
            label={t('report.coordinate')}
            data={choices}
            value={form.coordinate}
            onChange={(coordinate) => set({ coordinate })}
          />
        )}
        {add.error && (
          <Alert color="red" role="alert">
            {add.error.message}
          </Alert>
        )}
        {add.data && <Alert color="teal">{`${t('local.added')} ${add.data.code}`}</Alert>}
        <Group justify="flex-end" gap="xs">
          <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
            {t('local.close')}
          </Button>
          <Button size="xs" onClick={() => add.mutate(itemBody())} loading={add.isPending}>
            {t('local.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
