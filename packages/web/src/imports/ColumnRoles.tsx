import { Accordion, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { ColumnRole, type DraftTableLayout } from '@tiendo/core';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/vi.ts';

// What each column of a table was read as. When a column was read wrong (a "Mốc" column
// kept as a note instead of a deadline), the officer sets it once for the whole table and
// the document is read again; cells fixed by hand stay as they are.

const OPEN_KEY = 'tiendo.review.columnsOpen';

/** Every role a reviewer can choose ('unknown' is what the importer says, not a choice). */
const ROLES = ColumnRole.options.filter((role) => role !== 'unknown');

export function ColumnRoles({
  layouts,
  busy,
  onChange,
}: {
  /** The tables shown in this tab, with their index in draft.tables. */
  layouts: Array<{ index: number; layout: DraftTableLayout }>;
  busy: boolean;
  onChange(table: number, roles: Array<ColumnRole | null>): void;
}) {
  const { t } = useI18n();
  if (layouts.length === 0) return null;
  const set = (index: number, layout: DraftTableLayout, column: number, role: ColumnRole) =>
    onChange(
      index,
      layout.columns.map((c, i) => (i === column ? role : c.role)),
    );
  return (
    <Accordion
      variant="contained"
      mb="sm"
      data-testid="column-roles"
      // Stays open across the re-read, so a second column can be fixed straight away.
      defaultValue={sessionStorage.getItem(OPEN_KEY)}
      onChange={(value) =>
        value ? sessionStorage.setItem(OPEN_KEY, value) : sessionStorage.removeItem(OPEN_KEY)
      }
    >
      <Accordion.Item value="columns">
        <Accordion.Control>
          <Text size="sm">{t('review.columns.title')}</Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Text size="xs" c="dimmed" mb="xs">
            {t('review.columns.help')}
          </Text>
          <Stack gap={6}>
            {layouts.flatMap(({ index, layout }) =>
              layout.columns.map((column, c) => (
                <Group key={`${index}:${c}`} gap="xs" wrap="nowrap" justify="space-between">
                  <Text
                    size="sm"
                    style={{ flex: 1, minWidth: 0 }}
                    truncate="end"
                    title={column.header}
                  >
                    {column.header || `(${c + 1})`}
                  </Text>
                  <NativeSelect
                    size="xs"
                    aria-label={`${t('review.columns.role')}: ${column.header}`}
                    value={column.role === 'unknown' ? 'note' : column.role}
                    disabled={busy}
                    data={ROLES.map((role) => ({
                      value: role,
                      label:
                        role === 'year' && column.year
                          ? `${t('column.year')} ${column.year}`
                          : t(`column.${role}` as MessageKey),
                    }))}
                    onChange={(e) => set(index, layout, c, e.currentTarget.value as ColumnRole)}
                    style={{ width: 170, flexShrink: 0 }}
                  />
                </Group>
              )),
            )}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
