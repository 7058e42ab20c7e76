import { useState } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useChangePassword } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** After an administrator's reset: choose a new password before anything else. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const change = useChangePassword();
  const mismatch = again !== '' && again !== next;
  return (
    <Center mih="70vh">
      <Paper withBorder p="lg" w={380}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ currentPassword: current, newPassword: next });
          }}
        >
          <Stack>
            <Title order={3}>{t('password.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('password.help')}
            </Text>
            {change.error && (
              <Alert color="red" role="alert">
                {change.error.message}
              </Alert>
            )}
            <PasswordInput
              label={t('password.current')}
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              required
            />
            <PasswordInput
              label={t('password.new')}
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              required
              minLength={8}
            />
            <PasswordInput
              label={t('password.again')}
              value={again}
              onChange={(e) => setAgain(e.currentTarget.value)}
              error={mismatch ? t('password.mismatch') : undefined}
              required
            />
            <Button type="submit" loading={change.isPending} disabled={mismatch || next.length < 8}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
