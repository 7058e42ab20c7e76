import { Anchor, Group, Text } from '@mantine/core';
import type { ItemVersion } from '../../api/types.ts';
import { fillMessage, useI18n } from '../../i18n/i18n.tsx';
import { vnDate } from '../../i18n/dates.ts';
import { todayInVietnam } from '@tiendo/core';

/** Under an item's text in the plan's tables: since when an amendment changed it, or that it
 *  is retired and why, and the way to its history. Nothing for an item as signed. */
export function ItemVersionNote(props: { item: ItemVersion & { id: number }; onHistory(): void }) {
  const { t } = useI18n();
  const { item } = props;
  if (!item.validFrom && !item.retiredReason) return null;
  const today = todayInVietnam();
  // Said in the future tense until the amendment takes effect: reports until then still
  // follow the version before it.
  const retiredKey =
    item.validTo && item.validTo > today ? 'amend.retiresFrom' : 'amend.retiredFrom';
  const added = item.lineageId === item.id;
  const changedKey =
    item.validFrom && item.validFrom > today
      ? added
        ? 'amend.addedFromFuture'
        : 'amend.changedFromFuture'
      : added
        ? 'amend.addedFrom'
        : 'amend.changedFrom';
  return (
    <Group gap="xs" mt={2} wrap="wrap">
      {item.retiredReason && item.validTo ? (
        <Text size="xs" c="red.8">
          {fillMessage(t(retiredKey), { from: vnDate(item.validTo) })}: {item.retiredReason}
        </Text>
      ) : (
        item.validFrom && (
          <Text size="xs" c="blue.8">
            {fillMessage(t(changedKey), { from: vnDate(item.validFrom) })}
          </Text>
        )
      )}
      <Anchor component="button" type="button" size="sm" py={6} onClick={props.onHistory}>
        {t('amend.history')}
      </Anchor>
    </Group>
  );
}

/** A retired item's row, once retired: still listed, greyed. */
export const retiredRowStyle = (item: ItemVersion) =>
  item.retiredReason && item.validTo && item.validTo <= todayInVietnam()
    ? { opacity: 0.6 }
    : undefined;
