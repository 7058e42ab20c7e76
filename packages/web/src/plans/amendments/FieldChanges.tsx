import { Stack, Text } from '@mantine/core';

/** Field by field, what an amendment changes: "Thời gian hoàn thành: ~~Tháng 6/2026~~ → Quý II/2027". */
export function FieldChanges(props: {
  changes: Array<{ field: string; label: string; before: string | null; after: string | null }>;
  gap?: number;
  pl?: string;
}) {
  if (props.changes.length === 0) return null;
  return (
    <Stack gap={props.gap ?? 2} mt={4} pl={props.pl}>
      {props.changes.map((c) => (
        <Text key={c.field} size="sm">
          <Text span fw={600}>
            {c.label}:
          </Text>{' '}
          <Text span td="line-through" c="dimmed">
            {c.before ?? '—'}
          </Text>{' '}
          → {c.after ?? '—'}
        </Text>
      ))}
    </Stack>
  );
}
