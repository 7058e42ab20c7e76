import { Anchor, Group, Text } from '@mantine/core';
import type { ItemVersion } from '../../api/types.ts';
import { fillMessage, useI18n } from '../../i18n/i18n.tsx';
import { vnDate } from '../../i18n/dates.ts';

/** Under an item's text in the plan's tables: since when an amendment changed it, or that it
 *  is retired and why, and the way to its history. Nothing for an item as signed. */
export function ItemVersionNote(props: { item: ItemVersion; onHistory(): void }) {
  const { t } = useI18n();
  const { item } = props;
  if (!item.validFrom && !item.retiredReason) return null;
  return (
    <Group gap="xs" mt={2} wrap="wrap">
      {item.retiredReason && item.validTo ? (
        <Text size="xs" c="red.8">
          {fillMessage(t('amend.retiredFrom'), { from: vnDate(item.validTo) })}:{' '}
          {item.retiredReason}
        </Text>
      ) : (
        item.validFrom && (
          <Text size="xs" c="blue.8">
            {fillMessage(t('amend.changedFrom'), { from: vnDate(item.validFrom) })}
          </Text>
        )
      )}
      <Anchor component="button" type="button" size="xs" onClick={props.onHistory}>
        {t('amend.history')}
      </Anchor>
    </Group>
  );
}

/** A retired item's row: still listed, greyed. */
export const retiredRowStyle = (item: ItemVersion) =>
  item.retiredReason ? { opacity: 0.6 } : undefined;
