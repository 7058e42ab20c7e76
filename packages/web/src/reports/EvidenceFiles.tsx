import { useState } from 'react';
import { ActionIcon, Anchor, FileButton, Group, Stack, Text, Button } from '@mantine/core';
import { attachmentUrl, deleteAttachment, uploadAttachment } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  reportId: number;
  taskId: number;
  files: Array<{ id: number; filename: string; size: number }>;
  editable: boolean;
  hasUpdate: boolean;
  beforeUpload(): Promise<boolean>;
  onChange(): void;
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Evidence files of a task (minh chứng): list, download, upload (≤ 10 MB), remove. */
export function EvidenceFiles(props: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size > 10 * 1024 * 1024) return setError(t('report.fileTooLarge'));
    setBusy(true);
    try {
      await props.beforeUpload();
      await uploadAttachment(props.reportId, props.taskId, file);
      props.onChange();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: number) => {
    await deleteAttachment(id).catch((e: Error) => setError(e.message));
    props.onChange();
  };
  return (
    <Stack gap={2}>
      {props.files.map((f) => (
        <Group key={f.id} gap="xs" wrap="nowrap">
          <Anchor size="xs" href={attachmentUrl(f.id)} download={f.filename}>
            {f.filename}
          </Anchor>
          <Text size="xs" c="dimmed">
            {kb(f.size)}
          </Text>
          {props.editable && (
            <ActionIcon
              size="xs"
              variant="subtle"
              color="red"
              aria-label={`${t('report.removeFile')} ${f.filename}`}
              onClick={() => void remove(f.id)}
            >
              ✕
            </ActionIcon>
          )}
        </Group>
      ))}
      {props.editable && (
        <FileButton onChange={(f) => void upload(f)} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx">
          {(button) => (
            <Button
              {...button}
              size="compact-xs"
              variant="subtle"
              loading={busy}
              disabled={!props.hasUpdate}
              title={props.hasUpdate ? undefined : t('report.saveFirst')}
              w="fit-content"
            >
              {t('report.attach')}
            </Button>
          )}
        </FileButton>
      )}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
