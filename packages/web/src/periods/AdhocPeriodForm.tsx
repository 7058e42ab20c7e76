import { useState } from 'react';
import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useAddAdhocPeriod } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DateField } from '../i18n/DateField.tsx';

/** An ad-hoc report (báo cáo đột xuất) the province asks for outside the regular periods. */
export function AdhocPeriodForm({ planId, onAdded }: { planId: number; onAdded(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ label: '', windowStart: '', windowEnd: '', dueDate: '' });
  const add = useAddAdhocPeriod(planId, () => {
    setForm({ label: '', windowStart: '', windowEnd: '', dueDate: '' });
    onAdded();
  });
  const field = (key: keyof typeof form, label: string, type = 'date') =>
    type === 'date' ? (
      <DateField
        size="xs"
        label={label}
        value={form[key]}
        onChange={(iso) => setForm({ ...form, [key]: iso })}
        w={150}
      />
    ) : (
      <TextInput
        size="xs"
        label={label}
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
        w={260}
      />
    );
  const complete = Object.values(form).every((v) => v.trim() !== '');
  return (
    <>
      <Group align="flex-end" gap="xs" wrap="wrap">
        {field('label', t('periods.adhocLabel'), 'text')}
        {field('windowStart', t('periods.windowStart'))}
        {field('windowEnd', t('periods.windowEnd'))}
        {field('dueDate', t('periods.due'))}
        <Button
          size="xs"
          variant="light"
          disabled={!complete}
          loading={add.isPending}
          onClick={() => add.mutate(form)}
        >
          {t('periods.addAdhoc')}
        </Button>
      </Group>
      {add.error && (
        <Alert color="red" role="alert">
          {add.error.message}
        </Alert>
      )}
    </>
  );
}
