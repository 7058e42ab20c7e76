import { Textarea } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  /** Why an explanation is required now (overdue, off track), or null when it is not. */
  needed: string | null;
  label: string;
  /** The label with the item's code, for screen readers and tests ("Giải trình — 3"). */
  'aria-label'?: string;
  editable: boolean;
  value: string | null;
  onChange(value: string | null): void;
}

/** Giải trình: shown once the item falls behind (or was explained before); sending the report
 *  is refused while it is required and empty. */
export function ExplanationField({ needed, label, editable, value, onChange, ...rest }: Props) {
  const { t } = useI18n();
  if (!needed && !value) return null;
  return (
    <Textarea
      size="xs"
      autosize
      minRows={2}
      required={needed !== null}
      label={label}
      aria-label={rest['aria-label']}
      description={needed ?? undefined}
      error={needed && editable && !value ? t('report.explanationNeeded') : undefined}
      disabled={!editable}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value.trim() ? e.currentTarget.value : null)}
    />
  );
}
