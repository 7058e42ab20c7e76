import { useState } from 'react';
import { Alert, Button, FileInput, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { importPlan, useManagedCommunes } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';

// The matching limit is enforced by the server (MAX_INPUT_BYTES); checking here too spares a
// long upload on a slow commune connection only to be refused.
const MAX_BYTES = 20 * 1024 * 1024;

/** Upload the signed plan (.docx, .pdf or text) → a draft to review. */
export function ImportPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const communes = useManagedCommunes();
  const [communeId, setCommuneId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error(t('import.chooseFile'));
      if (file.size > MAX_BYTES) throw new Error(t('import.tooLarge'));
      const commune = communeId ?? String(communes.data?.[0]?.id ?? '');
      return importPlan(commune, file);
    },
    onSuccess: ({ planId }) => navigate(`/plans/${planId}/review`),
  });
  if (communes.isLoading) return <Loader />;
  const options = (communes.data ?? []).map((c) => ({ value: String(c.id), label: c.name }));
  if (options.length === 0) return <Alert color="yellow">{t('import.notAllowed')}</Alert>;
  return (
    <Stack maw={560}>
      <Title order={2}>{t('import.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('import.help')}
      </Text>
      {options.length > 1 && (
        <Select
          label={t('import.commune')}
          data={options}
          value={communeId ?? options[0]!.value}
          onChange={setCommuneId}
          allowDeselect={false}
        />
      )}
      <FileInput
        label={t('import.file')}
        placeholder={t('import.chooseFile')}
        accept=".docx,.pdf,.txt"
        value={file}
        onChange={setFile}
        clearable
      />
      {upload.error && (
        <Alert color="red" role="alert" title={t('import.failed')}>
          {upload.error.message}
        </Alert>
      )}
      <Button onClick={() => upload.mutate()} loading={upload.isPending} disabled={!file}>
        {t('import.submit')}
      </Button>
    </Stack>
  );
}
