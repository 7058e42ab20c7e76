import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { Button, Chip, Drawer, Group, Paper, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { useScreen } from '../shell/useScreen.ts';
import { ReportItemRow } from './ReportItemRow.tsx';
import classes from './ReportItemList.module.css';
import {
  countBy,
  groupItems,
  ITEM_FILTERS,
  matches,
  type ItemFilter,
  type ReportItem,
} from './reportItems.ts';

/** Side by side from here: the list on the left, the open item beside it. */
export const SPLIT_QUERY = '(min-width: 62em)';

/** The unit's items under the plan's sections, filtered, one open at a time — beside the list
 *  on a wide screen (a side panel that stays in view), over it on a phone (a sheet from the
 *  bottom) — so writing one never means scrolling past the others, with the previous and next
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
  const split = useScreen(SPLIT_QUERY);
  const [filter, setFilter] = useState<ItemFilter>('all');
  const counts = countBy(items);
  // For bench/phone-load.ts: the reporter's list is on screen (the mark's time, not a test's).
  useEffect(() => void performance.mark('tiendo:report-items'), []);
  const shown = items.filter((i) => matches(filter, i) || i.key === open);
  const at = shown.findIndex((i) => i.key === open);
  const current = at >= 0 ? shown[at]! : null;
  const go = (key: string) => {
    onOpen(key);
    // Its row stays in sight in the list beside the panel.
    requestAnimationFrame(() =>
      document.querySelector(`[data-item="${key}"]`)?.scrollIntoView({ block: 'nearest' }),
    );
  };
  const list = (
    <div>
      <Chip.Group multiple={false} value={filter} onChange={(v) => setFilter(v as ItemFilter)}>
        <Group gap={6} mb="xs" data-testid="report-filters">
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
              </div>
            ))}
          </Fragment>
        ))}
      </Paper>
    </div>
  );
  const steps = (
    <Group justify="space-between" className={split ? classes.stepsTop : classes.steps}>
      <Button
        size="compact-sm"
        variant="subtle"
        disabled={at <= 0}
        onClick={() => go(shown[at - 1]!.key)}
      >
        {`‹ ${t('report.previousItem')}`}
      </Button>
      {!split && (
        <Button size="compact-sm" variant="default" onClick={() => onOpen(null)}>
          {t('report.backToList')}
        </Button>
      )}
      <Button
        size="compact-sm"
        variant="light"
        disabled={at < 0 || at >= shown.length - 1}
        onClick={() => go(shown[at + 1]!.key)}
      >
        {`${t('report.nextItem')} ›`}
      </Button>
    </Group>
  );
  if (split)
    return (
      <div className={classes.split}>
        {list}
        <aside className={classes.panel} aria-label={t('report.itemPanel')}>
          {current ? (
            <>
              {steps}
              {renderItem(current)}
            </>
          ) : (
            <Text size="sm" c="dimmed" p="md">
              {t('report.pickItem')}
            </Text>
          )}
        </aside>
      </div>
    );
  return (
    <>
      {list}
      <Drawer
        opened={current !== null}
        onClose={() => onOpen(null)}
        position="bottom"
        size="94%"
        padding="xs"
        title={
          current && (
            <Text size="sm" fw={600}>
              {`${t(current.kind === 'task' ? 'plan.task' : 'plan.indicator')} ${current.code} · ${at + 1}/${shown.length}`}
            </Text>
          )
        }
        classNames={{ content: classes.sheet }}
      >
        {current && (
          <div key={current.key}>
            {renderItem(current)}
            {steps}
          </div>
        )}
      </Drawer>
    </>
  );
}
