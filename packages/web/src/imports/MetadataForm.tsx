import { SimpleGrid, TextInput } from '@mantine/core';
import type { PlanDraft } from '@tiendo/core';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';
import { DateField } from '../i18n/DateField.tsx';

type Field = 'title' | 'number' | 'date' | 'issuer' | 'locality' | 'focal_unit';
const FIELDS: Array<[Field, MessageKey, boolean]> = [
  ['title', 'review.meta.title', false],
  ['number', 'review.meta.number', true],
  ['date', 'review.meta.date', true],
  ['issuer', 'review.meta.issuer', false],
  ['locality', 'review.meta.locality', true],
  ['focal_unit', 'review.meta.focalUnit', true],
];

/** The plan's own facts (số, ngày, cơ quan ban hành, đơn vị đầu mối), editable. */
export function MetadataForm({
  plan,
  onChange,
  errors = {},
}: {
  plan: PlanDraft['plan'];
  onChange(plan: PlanDraft['plan']): void;
  /** A field's problem, shown under it (the title's: core titleProblem). */
  errors?: Partial<Record<Field, string | null>>;
}) {
  const { t } = useI18n();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs">
      {FIELDS.map(([field, label, nullable]) =>
        field === 'date' ? (
          <DateField
            key={field}
            label={t(label)}
            size="xs"
            partial
            value={plan.date}
            description={t('review.meta.dateHelp')}
            onChange={(iso) => onChange({ ...plan, date: iso || null })}
          />
        ) : (
          <TextInput
            key={field}
            label={t(label)}
            size="xs"
            value={plan[field] ?? ''}
            error={errors[field] ?? undefined}
            onChange={(e) => {
              const text = e.currentTarget.value;
              onChange({ ...plan, [field]: nullable && text.trim() === '' ? null : text });
            }}
          />
        ),
      )}
    </SimpleGrid>
  );
}
