import { useState } from 'react';
import { Alert, Button, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useCreateUser } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { CommuneAdmin } from './types.ts';

const ROLES = ['unit_reporter', 'commune_leader', 'focal_officer'] as const;

export function NewUserForm({
  data,
  onCreated,
}: {
  data: CommuneAdmin;
  onCreated(username: string, password: string): void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    email: '',
    unitId: '',
    role: 'unit_reporter',
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const create = useCreateUser(data.commune.id, (r) => {
    onCreated(form.username.trim().toLowerCase(), r.temporaryPassword);
    setForm({ username: '', displayName: '', email: '', unitId: '', role: 'unit_reporter' });
  });
  const newUser = () => {
    const unitId = form.unitId ? Number(form.unitId) : null;
    const scope = form.role === 'unit_reporter' ? unitId : data.commune.id;
    return {
      username: form.username.trim(),
      displayName: form.displayName.trim(),
      email: form.email.trim() || null,
      unitId,
      roles: scope ? [{ role: form.role, scopeUnitId: scope }] : [],
    };
  };
  return (
    <Stack gap="xs" mt="md">
      <Title order={5}>{t('admin.newUser')}</Title>
      {create.error && (
        <Alert color="red" role="alert">
          {create.error.message}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput
          size="xs"
          label={t('login.username')}
          value={form.username}
          onChange={(e) => set({ username: e.currentTarget.value })}
        />
        <TextInput
          size="xs"
          label={t('admin.displayName')}
          value={form.displayName}
          onChange={(e) => set({ displayName: e.currentTarget.value })}
        />
        <TextInput
          size="xs"
          label={t('admin.email')}
          value={form.email}
          onChange={(e) => set({ email: e.currentTarget.value })}
        />
        <Select
          size="xs"
          label={t('admin.unit')}
          data={data.units.map((u) => ({ value: String(u.id), label: u.name }))}
          value={form.unitId || null}
          onChange={(v) => set({ unitId: v ?? '' })}
          clearable
        />
        <Select
          size="xs"
          label={t('admin.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={form.role}
          onChange={(v) => set({ role: v ?? 'unit_reporter' })}
          allowDeselect={false}
        />
      </SimpleGrid>
      <Button
        size="xs"
        w="fit-content"
        loading={create.isPending}
        disabled={
          form.username.length < 3 ||
          form.displayName.length < 2 ||
          (form.role === 'unit_reporter' && !form.unitId)
        }
        onClick={() => create.mutate(newUser())}
      >
        {t('admin.addUser')}
      </Button>
    </Stack>
  );
}
