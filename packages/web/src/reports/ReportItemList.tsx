import { Fragment, useState, type ReactNode } from 'react';
import { Box, Button, Chip, Group, Paper, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { ReportItemRow } from './ReportItemRow.tsx';
import {
  countBy,
  groupItems,
  ITEM_FILTERS,
  matches,
  type ItemFilter,
  type ReportItem,
} from './reportItems.ts';

/** The unit's items under the plan's sections, filtered, one open at a time right under its
 *  row (so writing one never means scrolling past the others), with the previous and next
 *  item a tap away. Opening another closes it: its last edit is saved as it closes. */
export function ReportItemList({
  items,
  open,
  onOpen,
  renderItem,
}: {
  items: ReportItem[];
  /** The key of the item open, or null. */
  open: string | null;
  onOpen(key: string | null): void;
  renderItem(item: ReportItem): ReactNode;
}) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ItemFilter>('all');
  const counts = countBy(items);
  const shown = items.filter((i) => matches(filter, i) || i.key === open);
  const at = shown.findIndex((i) => i.key === open);
  const go = (key: string) => {
    onOpen(key);
    // The next item's row where the eye is: at the top of the screen.
    requestAnimationFrame(() =>
      document
        .querySelector(`[data-item="${key}"]`)
        ?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
    );
  };
  return (
    <>
      <Chip.Group multiple={false} value={filter} onChange={(v) => setFilter(v as ItemFilter)}>
        <Group gap={6} data-testid="report-filters">
          {ITEM_FILTERS.filter((f) => f === 'all' || counts[f] > 0).map((f) => (
            <Chip key={f} value={f} size="xs">
              {`${t(`report.filter.${f}`)} (${counts[f]})`}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Paper withBorder>
        {shown.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            {t('report.filter.none')}
          </Text>
        )}
        {groupItems(shown).map((group, index, groups) => (
          <Fragment key={`${group.kind}-${index}`}>
            {(index === 0 || groups[index - 1]!.kind !== group.kind) && (
              <Title order={5} px="xs" pt="sm">
                {t(group.kind === 'task' ? 'plan.tasksTab' : 'plan.indicatorsTab')}
              </Title>
            )}
            {group.section && (
              <Text
                size="xs"
                fw={700}
                c="dimmed"
                px="xs"
                pt="xs"
                pb={2}
                lineClamp={2}
                title={group.section}
              >
                {group.section}
              </Text>
            )}
            {group.items.map((item) => (
              <div key={item.key} data-item={item.key} style={{ scrollMarginTop: 64 }}>
                <ReportItemRow
                  item={item}
                  open={open === item.key}
                  onToggle={() => onOpen(open === item.key ? null : item.key)}
                />
                {open === item.key && (
                  <Box p={{ base: 4, xs: 'xs' }}>
                    {renderItem(item)}
                    <Group justify="space-between" mt={6}>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        disabled={at <= 0}
                        onClick={() => go(shown[at - 1]!.key)}
                      >
                        {`‹ ${t('report.previousItem')}`}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="light"
                        disabled={at < 0 || at >= shown.length - 1}
                        onClick={() => go(shown[at + 1]!.key)}
                      >
                        {`${t('report.nextItem')} ›`}
                      </Button>
                    </Group>
                  </Box>
                )}
              </div>
            ))}
          </Fragment>
        ))}
      </Paper>
    </>
  );
}
