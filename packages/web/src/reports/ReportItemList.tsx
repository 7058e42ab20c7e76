import { Fragment, useState, type ReactNode } from 'react';
import { Box, Chip, Group, Paper, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { ReportItemRow } from './ReportItemRow.tsx';
import {
  countBy,
  firstToOpen,
  groupItems,
  ITEM_FILTERS,
  matches,
  type ItemFilter,
  type ReportItem,
} from './reportItems.ts';

/** The unit's items under the plan's sections, filtered, one open at a time (opening another
 *  closes it: its last edit is saved as it closes). */
export function ReportItemList({
  items,
  renderItem,
  onClose,
}: {
  items: ReportItem[];
  renderItem(item: ReportItem): ReactNode;
  /** An item closed: the rows' summaries are read again. */
  onClose(): void;
}) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<ItemFilter>('all');
  const [open, setOpen] = useState<string | null>(() => firstToOpen(items));
  const counts = countBy(items);
  const shown = items.filter((i) => matches(filter, i) || i.key === open);
  const toggle = (key: string) => {
    if (open !== null) onClose();
    setOpen(open === key ? null : key);
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
              <Fragment key={item.key}>
                <ReportItemRow
                  item={item}
                  open={open === item.key}
                  onToggle={() => toggle(item.key)}
                />
                {open === item.key && <Box p={{ base: 4, xs: 'xs' }}>{renderItem(item)}</Box>}
              </Fragment>
            ))}
          </Fragment>
        ))}
      </Paper>
    </>
  );
}
