import { useState } from 'react';
import { Alert, Button, Group, Paper, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { AdminUnit, CommuneAdmin } from './types.ts';

export function UnitsPanel({ data }: { data: CommuneAdmin }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });
  const save = useMutation({
    mutationFn: (unit: { id?: number; version?: number; name: string }) =>
      unit.id
        ? api(`/api/admin/units/${unit.id}`, {
            method: 'PATCH',
            body: { version: unit.version, name: unit.name },
          })
        : api(`/api/admin/communes/${data.commune.id}/units`, {
            method: 'POST',
            body: { name: unit.name },
          }),
    onSuccess: () => setName(''),
    onSettled: refresh,
  });
  return (
    <Paper withBorder p="sm">
      <Title order={4} mb="xs">
        {`${t('admin.units')} (${data.units.length})`}
      </Title>
      {save.error && (
        <Alert color="red" role="alert" mb="xs">
          {save.error.message}
        </Alert>
      )}
      <Table data-testid="admin-units">
        <Table.Tbody>
          {data.units.map((unit) => (
            <UnitRow
              key={`${unit.id}-${unit.version}`}
              unit={unit}
              onSave={(n) => save.mutate({ ...unit, name: n })}
            />
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="xs" align="flex-end">
        <TextInput
          size="xs"
          label={t('admin.newUnit')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={320}
        />
        <Button
          size="xs"
          disabled={name.trim().length < 2}
          onClick={() => save.mutate({ name: name.trim() })}
        >
          {t('admin.addUnit')}
        </Button>
      </Group>
    </Paper>
  );
}

function UnitRow({ unit, onSave }: { unit: AdminUnit; onSave(name: string): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(unit.name);
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={`${t('admin.unitName')} ${unit.name}`}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => name.trim() !== unit.name && name.trim().length >= 2 && onSave(name.trim())}
        />
      </Table.Td>
    </Table.Tr>
  );
}
