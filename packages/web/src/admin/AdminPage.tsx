import { useState } from 'react';
import { Alert, Loader, Select, Stack, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { useManagedCommunes } from '../imports/api.ts';
import { useCommuneAdmin } from './api.ts';
import { UnitsPanel } from './UnitsPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import { CommuneCode, ReorganisePanel } from './ReorganisePanel.tsx';
import { useSession } from '../auth/session.tsx';

/** Units and people of a commune: for the system admin and the commune's focal officer. */
export function AdminPage() {
  const { t } = useI18n();
  const managed = useManagedCommunes();
  // Units and people are a commune's; a province plan's managers are not administered here.
  const communes = { ...managed, data: managed.data?.filter((c) => c.kind === 'commune') };
  const { me } = useSession();
  const isAdmin = me?.roles.some((r) => r.role === 'admin') ?? false;
  const [chosen, setChosen] = useState<string | null>(null);
  const communeId = chosen ?? (communes.data?.[0] ? String(communes.data[0].id) : null);
  const view = useCommuneAdmin(communeId);
  if (communes.isLoading) return <Loader />;
  if (!communeId) return <Alert color="yellow">{t('admin.notAllowed')}</Alert>;
  return (
    <Stack>
      <Title order={2}>{t('admin.title')}</Title>
      {(communes.data?.length ?? 0) > 1 && (
        <Select
          label={t('import.commune')}
          maw={360}
          searchable
          data={(communes.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          value={communeId}
          onChange={setChosen}
          allowDeselect={false}
        />
      )}
      {view.isLoading && <Loader />}
      {view.error && <Alert color="red">{view.error.message}</Alert>}
      {view.data && (
        <>
          {isAdmin && <CommuneCode key={view.data.commune.id} commune={view.data.commune} />}
          <UnitsPanel data={view.data} />
          <UsersPanel data={view.data} />
        </>
      )}
      {isAdmin && <ReorganisePanel communes={communes.data ?? []} units={view.data?.units ?? []} />}
    </Stack>
  );
}
