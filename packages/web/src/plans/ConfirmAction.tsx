import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n.tsx';

/** A button that asks first: a dialog with what will happen, then runs `action`; a refusal
 *  from the server shows inside the dialog. */
export function ConfirmAction({
  label,
  title,
  message,
  confirmLabel,
  action,
  onDone,
  color,
  ...button
}: {
  label: string;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  action(): Promise<unknown>;
  onDone?(): void | Promise<void>;
  color?: string;
} & Omit<ButtonProps, 'children' | 'color'>) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const run = useMutation({
    mutationFn: action,
    onSuccess: async () => {
      setOpen(false);
      await onDone?.();
    },
  });
  return (
    <>
      <Button size="xs" variant="default" color={color} {...button} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} centered>
        <Stack>
          {typeof message === 'string' ? <Text size="sm">{message}</Text> : message}
          {run.error && (
            <Alert color="red" role="alert">
              {run.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('plan.manage.cancel')}
            </Button>
            <Button color={color} loading={run.isPending} onClick={() => run.mutate()}>
              {confirmLabel ?? t('plan.manage.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
