import { useState } from 'react';
import { Alert, Button, Group, Paper, Table, TextInput, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import type { AdminUnit, CommuneAdmin } from './types.ts';
import { useSaveUnit } from './api.ts';

export function UnitsPanel({ data }: { data: CommuneAdmin }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const save = useSaveUnit(data.commune.id, () => setName(''));
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
