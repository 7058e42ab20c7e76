import type { Narrative } from '@tiendo/core';
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { periodFileUrl, periodKeys, useNarrative, useSaveNarrative } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DateField } from '../i18n/DateField.tsx';

/** The consolidated report: the officer writes the narrative parts, the figures come from the
 *  units' reports; download the .docx and the .xlsx appendices. */
export function NarrativeEditor({ periodId, canEdit }: { periodId: number; canEdit: boolean }) {
  const query = useNarrative(periodId);
  if (query.isLoading || !query.data) return null;
  return (
    <Editor key={query.data.version} periodId={periodId} canEdit={canEdit} initial={query.data} />
  );
}

function Editor({
  periodId,
  canEdit,
  initial,
}: {
  periodId: number;
  canEdit: boolean;
  initial: { version: number; narrative: Narrative };
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(initial.narrative);
  const [version, setVersion] = useState(initial.version);
  const [saved, setSaved] = useState(false);
  const [dirty, setDirty] = useState(false);
  const set = (patch: Partial<Narrative>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
    setDirty(true);
  };
  // The .docx is made from the saved words: before they are saved (or with edits not yet
  // saved) it would carry the placeholders, or the old text.
  const docxReady = version > 0 && !dirty;
  const save = useSaveNarrative(periodId, (r) => {
    setVersion(r.version);
    setSaved(true);
    setDirty(false);
  });
  const text = (key: keyof Narrative, label: string) => (
    <TextInput
      size="xs"
      label={label}
      value={form[key] as string}
      disabled={!canEdit}
      onChange={(e) => set({ [key]: e.currentTarget.value })}
    />
  );
  return (
    <Paper withBorder p="sm" data-testid="narrative-editor">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('consolidated.title')}</Title>
          <Group gap="xs">
            {docxReady ? (
              <Anchor
                href={periodFileUrl(periodId, 'report.docx')}
                size="sm"
                data-testid="download-docx"
              >
                {t('consolidated.docx')}
              </Anchor>
            ) : (
              <Text
                size="sm"
                c="dimmed"
                data-testid="docx-not-ready"
                title={t('consolidated.saveFirst')}
              >
                {`${t('consolidated.docx')} (${t('consolidated.saveFirst')})`}
              </Text>
            )}
            <Anchor
              href={periodFileUrl(periodId, 'appendices.xlsx')}
              size="sm"
              data-testid="download-xlsx"
            >
              {t('consolidated.xlsx')}
            </Anchor>
            <Anchor
              href={periodFileUrl(periodId, 'upward.csv')}
              size="sm"
              data-testid="download-upward-csv"
              title={t('consolidated.upwardHelp')}
            >
              {t('consolidated.upwardCsv')}
            </Anchor>
            <Anchor
              href={periodFileUrl(periodId, 'upward.json')}
              size="sm"
              data-testid="download-upward-json"
              title={t('consolidated.upwardHelp')}
            >
              {t('consolidated.upwardJson')}
            </Anchor>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t('consolidated.help')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {text('number', t('consolidated.number'))}
          {text('place', t('consolidated.place'))}
          <DateField
            size="xs"
            label={t('consolidated.date')}
            value={form.date}
            disabled={!canEdit}
            onChange={(date) => set({ date })}
          />
        </SimpleGrid>
        {text('title', t('consolidated.subject'))}
        <Textarea
          size="xs"
          autosize
          minRows={3}
          label={t('consolidated.assessment')}
          value={form.assessment}
          disabled={!canEdit}
          onChange={(e) => set({ assessment: e.currentTarget.value })}
        />
        <Textarea
          size="xs"
          autosize
          minRows={3}
          label={t('consolidated.direction')}
          value={form.direction}
          disabled={!canEdit}
          onChange={(e) => set({ direction: e.currentTarget.value })}
        />
        <Textarea
          size="xs"
          autosize
          minRows={3}
          label={t('consolidated.recipients')}
          value={form.recipients.join('\n')}
          disabled={!canEdit}
          onChange={(e) => set({ recipients: e.currentTarget.value.split('\n').slice(0, 30) })}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {text('signerAuthority', t('consolidated.signerAuthority'))}
          {text('signerPosition', t('consolidated.signerPosition'))}
          {text('signerName', t('consolidated.signerName'))}
        </SimpleGrid>
        {save.error && (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        )}
        {canEdit && (
          <Group>
            <Button
              size="xs"
              loading={save.isPending}
              onClick={() => save.mutate({ version, narrative: form })}
            >
              {t('consolidated.save')}
            </Button>
            {saved && (
              <Text size="xs" c="teal" role="status">
                {t('save.saved')}
              </Text>
            )}
            {save.error && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() =>
                  void queryClient.invalidateQueries({ queryKey: periodKeys.narrative(periodId) })
                }
              >
                {t('review.loadLatest')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
