import { useEffect, useRef } from 'react';
import { Paper, ScrollArea, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

// The uploaded document as text, beside the review table: the line the focused row came from
// is scrolled into view and marked, so the officer compares without opening the file.

export function SourcePanel({ lines, highlight }: { lines: string[]; highlight: number }) {
  const { t } = useI18n();
  const viewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (highlight < 0) return;
    const line = viewport.current?.querySelector(`[data-line="${highlight}"]`);
    line?.scrollIntoView({ block: 'center' });
  }, [highlight]);
  return (
    <Paper withBorder p="xs" pos="sticky" top={64}>
      <Title order={6} mb={4}>
        {t('review.source')}
      </Title>
      <ScrollArea h="calc(100vh - 140px)" viewportRef={viewport} data-testid="source-panel">
        {lines.map((line, i) => (
          <Text
            key={i}
            data-line={i}
            data-current={i === highlight ? 'true' : undefined}
            size="xs"
            bg={i === highlight ? 'yellow.2' : undefined}
            style={{ whiteSpace: 'pre-wrap', tabSize: 4 }}
          >
            {line === '' ? '\u00a0' : line}
          </Text>
        ))}
      </ScrollArea>
    </Paper>
  );
}
