import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Switch, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { fillMessage, useI18n } from '../i18n/i18n.tsx';
import type { CommuneAdmin } from './types.ts';
import { NewUserForm } from './NewUserForm.tsx';
import { adminKeys, useResetPassword, useToggleUser } from './api.ts';

export function UsersPanel({ data }: { data: CommuneAdmin }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
  const toggle = useToggleUser();
  const reset = useResetPassword(setSecret);
  const unitName = (id: number | null) =>
    data.units.find((u) => u.id === id)?.name ?? (id === data.commune.id ? data.commune.name : '');
  const error = toggle.error ?? reset.error;
  return (
    <Paper withBorder p="sm">
      <Title order={4} mb="xs">
        {`${t('admin.users')} (${data.users.length})`}
      </Title>
      {error && (
        <Alert color="red" role="alert" mb="xs">
          {error.message}
        </Alert>
      )}
      {secret && (
        <Alert
          color="green"
          withCloseButton
          onClose={() => setSecret(null)}
          mb="xs"
          data-testid="temporary-password"
        >
          {`${t('admin.temporaryPassword')} ${secret.username}: `}
          <Text span ff="monospace" fw={700}>
            {secret.password}
          </Text>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped data-testid="admin-users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('login.username')}</Table.Th>
              <Table.Th>{t('admin.displayName')}</Table.Th>
              <Table.Th>{t('admin.roles')}</Table.Th>
              <Table.Th>{t('admin.active')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>
                  <Text size="sm">{u.displayName}</Text>
                  <Text size="xs" c="dimmed">
                    {u.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {u.roles.map((r) => (
                      <Badge key={`${r.role}${r.scopeUnitId}`} variant="light" size="sm">
                        {`${t(`role.${r.role}` as Parameters<typeof t>[0])} · ${unitName(r.scopeUnitId)}`}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={`${t('admin.active')} ${u.username}`}
                    checked={u.active}
                    onChange={() => toggle.mutate(u)}
                  />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={`${t('admin.resetPassword')} ${u.username}`}
                    onClick={() => {
                      // A reset locks the person out of their current password: ask first.
                      if (
                        window.confirm(fillMessage(t('admin.resetConfirm'), { name: u.username }))
                      )
                        reset.mutate(u);
                    }}
                  >
                    {t('admin.resetPassword')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <NewUserForm
        data={data}
        onCreated={(username, password) => {
          setSecret({ username, password });
          void refresh();
        }}
      />
    </Paper>
  );
}
