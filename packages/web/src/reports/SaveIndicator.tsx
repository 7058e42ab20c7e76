import { Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import type { SaveState } from './useAutosave.ts';

const COLORS: Record<SaveState, string> = {
  idle: 'dimmed',
  pending: 'dimmed',
  saving: 'dimmed',
  saved: 'teal',
  error: 'red',
  conflict: 'red',
};

export function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useI18n();
  if (state === 'idle') return null;
  return (
    <Text size="xs" c={COLORS[state]} data-save-state={state} role="status" aria-live="polite">
      {t(`save.${state}`)}
    </Text>
  );
}
