import { Textarea } from '@mantine/core';
import type { FieldDoubt } from '@tiendo/core';

// One editable cell of the review table. A cell the importer doubts (core fieldDoubts) is
// shaded and says why; the shading goes as soon as the text makes sense.

interface Props {
  label: string;
  value: string | null;
  doubt: FieldDoubt | undefined;
  onChange(value: string | null): void;
  onFocus?(): void;
  onCursor?(position: number): void;
  nullable?: boolean;
  /** "kind:index:field": where the publish confirmation's list of flagged cells jumps to. */
  cell?: string;
}

export function DraftCell({
  label,
  value,
  doubt,
  onChange,
  onFocus,
  onCursor,
  nullable,
  cell,
}: Props) {
  return (
    <Textarea
      aria-label={label}
      value={value ?? ''}
      autosize
      minRows={1}
      maxRows={8}
      size="xs"
      data-doubt={doubt ? 'true' : undefined}
      data-cell={cell}
      title={doubt?.reason}
      error={doubt?.reason}
      styles={
        doubt
          ? { input: { background: 'var(--mantine-color-yellow-0)' }, error: { color: '#8a5a00' } }
          : undefined
      }
      onFocus={onFocus}
      onSelect={(e) => onCursor?.(e.currentTarget.selectionStart)}
      onChange={(e) => {
        const text = e.currentTarget.value;
        onChange(nullable && text.trim() === '' ? null : text);
      }}
    />
  );
}
