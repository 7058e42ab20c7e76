import { useState } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';
import { useI18n } from './i18n.tsx';
import { parseVnDate, vnDate } from './dates.ts';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'error'> & {
  /** ISO yyyy-mm-dd (or yyyy-mm / yyyy when `partial`), '' or null for none. */
  value: string | null;
  /** Called with ISO text, or '' when emptied; never with text that is not a date. */
  onChange(iso: string): void;
  /** A month or a year alone is a value too (a plan dated only so). */
  partial?: boolean;
  /** An error from elsewhere (e.g. the server), shown when the text itself is fine. */
  error?: string | null;
};

/**
 * One date field for the whole app: typed and shown as dd/mm/yyyy whatever the browser's
 * language (a native date input shows mm/dd/yyyy in an English browser); d/m/yyyy and a pasted
 * yyyy-mm-dd are read too; text that is not a date says which form is expected.
 */
export function DateField({ value, onChange, partial = false, error, onBlur, ...props }: Props) {
  const { t } = useI18n();
  const shown = value ? vnDate(value) : '';
  const [text, setText] = useState(shown);
  const [touched, setTouched] = useState(false);
  const [last, setLast] = useState(value);
  // The value changed from outside (a reset, a save): show it.
  if (value !== last) {
    setLast(value);
    const parsed = parseVnDate(text, partial);
    if (!('iso' in parsed) || (parsed.iso ?? '') !== (value ?? '')) setText(shown);
  }
  const parsed = parseVnDate(text, partial);
  const invalid = 'error' in parsed;
  return (
    <TextInput
      {...props}
      inputMode="numeric"
      autoComplete="off"
      placeholder={
        props.placeholder ?? (partial ? t('date.placeholderPartial') : t('date.placeholder'))
      }
      value={text}
      error={
        invalid && touched
          ? t(partial ? 'date.invalidPartial' : 'date.invalid')
          : error || undefined
      }
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const result = parseVnDate(next, partial);
        if ('iso' in result) {
          setLast(result.iso ?? '');
          onChange(result.iso ?? '');
        }
      }}
      onBlur={(e) => {
        setTouched(true);
        onBlur?.(e);
      }}
    />
  );
}
