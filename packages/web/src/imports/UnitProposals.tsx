import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/** Unit names read from the chủ trì / phối hợp cells that the commune has no unit for: the
 *  officer confirms which to create when publishing (the rest stay text only). Names that look
 *  like a broken line or close to a unit the commune has are marked, with why, and start
 *  unticked. */
export function UnitProposals({
  names,
  doubts,
  chosen,
  onChange,
}: {
  names: string[];
  doubts: Record<string, string>;
  chosen: Set<string>;
  onChange(chosen: Set<string>): void;
}) {
  const { t } = useI18n();
  if (names.length === 0) return null;
  const toggle = (name: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  };
  return (
    <Paper withBorder p="sm" data-testid="unit-proposals">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('review.units.title')}</Title>
        <Group gap="xs">
          <Button size="compact-xs" variant="subtle" onClick={() => onChange(new Set(names))}>
            {t('review.units.all')}
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => onChange(new Set())}>
            {t('review.units.none')}
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {t('review.units.help')}
      </Text>
      <Stack gap={4}>
        {names.map((name) => (
          <Checkbox
            key={name}
            size="xs"
            label={
              doubts[name] ? (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <span>{name}</span>
                  <Badge size="xs" color="orange" variant="light">
                    {t('review.units.doubtful')}
                  </Badge>
                </Group>
              ) : (
                name
              )
            }
            description={doubts[name]}
            data-doubt={doubts[name] ? 'true' : undefined}
            checked={chosen.has(name)}
            onChange={(e) => toggle(name, e.currentTarget.checked)}
          />
        ))}
      </Stack>
    </Paper>
  );
}
