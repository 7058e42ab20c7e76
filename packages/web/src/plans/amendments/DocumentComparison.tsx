import {
  Alert,
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { fillMessage, useI18n } from '../../i18n/i18n.tsx';
import type { AmendmentComparison, ItemChange } from './api.ts';
import { FieldChanges } from './FieldChanges.tsx';

// An amending document compared with the plan in force: each difference a box to tick.
// Changed and added rows start ticked; rows the document no longer lists start unticked
// (an amending document often lists only what it changes) and ask for a reason when ticked.

export interface ComparisonChoice {
  changed: Set<number>;
  added: Set<number>;
  /** itemId → reason for retiring it. */
  retired: Map<number, string>;
}

export function initialChoice(c: AmendmentComparison): ComparisonChoice {
  return {
    // A change to what an earlier amendment set starts unticked: the document may be the
    // signed plan again, undoing the amendment.
    changed: new Set(c.changed.filter((x) => !x.amendedBy).map((x) => x.itemId)),
    added: new Set(c.added.map((_, i) => i)),
    retired: new Map(),
  };
}

/** The amendment's changes the reviewer ticked. */
export function chosenChanges(c: AmendmentComparison, choice: ComparisonChoice): ItemChange[] {
  return [
    ...c.changed
      .filter((x) => choice.changed.has(x.itemId))
      .map((x) => ({ change: 'edit' as const, kind: x.kind, itemId: x.itemId, fields: x.fields })),
    ...c.added
      .filter((_, i) => choice.added.has(i))
      .map((x) => ({ change: 'add' as const, kind: x.kind, fields: x.fields })),
    ...c.missing
      .filter((x) => choice.retired.has(x.itemId))
      .map((x) => ({
        change: 'retire' as const,
        kind: x.kind,
        itemId: x.itemId,
        reason: choice.retired.get(x.itemId) ?? '',
      })),
  ];
}

export function DocumentUpload(props: { busy: boolean; onFile(file: File): void }) {
  const { t } = useI18n();
  return (
    <FileButton onChange={(f) => f && props.onFile(f)} accept=".docx,.pdf,.txt">
      {(button) => (
        <Button {...button} variant="light" loading={props.busy}>
          {t('amend.upload')}
        </Button>
      )}
    </FileButton>
  );
}

export function DocumentComparison(props: {
  comparison: AmendmentComparison;
  choice: ComparisonChoice;
  onChoice(choice: ComparisonChoice): void;
}) {
  const { t } = useI18n();
  const { comparison: c, choice } = props;
  const kind = (k: string) => t(k === 'task' ? 'amend.task' : 'amend.indicator');
  const toggle = <T,>(set: Set<T>, value: T) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  return (
    <Stack gap="sm" data-testid="comparison">
      <Alert color="blue">
        {fillMessage(t('amend.compared'), {
          file: c.filename,
          changed: c.changed.length,
          added: c.added.length,
          missing: c.missing.length,
          same: c.unchanged,
        })}
      </Alert>
      {c.changed.length > 0 && <Text fw={600}>{t('amend.docChanged')}</Text>}
      {c.changed.map((x) => (
        <Card key={`c${x.itemId}`} withBorder padding="xs">
          <Checkbox
            checked={choice.changed.has(x.itemId)}
            onChange={() =>
              props.onChoice({ ...choice, changed: toggle(choice.changed, x.itemId) })
            }
            label={`${kind(x.kind)} ${x.code}: ${x.text}`}
          />
          {x.amendedBy && (
            <Text size="sm" c="orange.8" pl="xl" mt={4}>
              {fillMessage(t('amend.undoWarning'), {
                n: x.amendedBy.ordinal,
                number: x.amendedBy.basisNumber,
              })}
            </Text>
          )}
          <FieldChanges changes={x.changes} pl="xl" />
        </Card>
      ))}
      {c.added.length > 0 && <Text fw={600}>{t('amend.docAdded')}</Text>}
      {c.added.map((x, i) => (
        <Card key={`a${i}`} withBorder padding="xs">
          <Checkbox
            checked={choice.added.has(i)}
            onChange={() => props.onChoice({ ...choice, added: toggle(choice.added, i) })}
            label={`${kind(x.kind)} ${x.code}: ${x.text}`}
          />
        </Card>
      ))}
      {c.stillRetired.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('amend.stillRetired')}{' '}
          {c.stillRetired.map((x) => `${kind(x.kind)} ${x.code}`).join(', ')}
        </Text>
      )}
      {c.missing.length > 0 && <Text fw={600}>{t('amend.docMissing')}</Text>}
      {c.missing.map((x) => {
        const ticked = choice.retired.has(x.itemId);
        const setReason = (reason: string | null) => {
          const retired = new Map(choice.retired);
          if (reason === null) retired.delete(x.itemId);
          else retired.set(x.itemId, reason);
          props.onChoice({ ...choice, retired });
        };
        return (
          <Card key={`m${x.itemId}`} withBorder padding="xs">
            <Checkbox
              checked={ticked}
              onChange={() => setReason(ticked ? null : t('amend.defaultRetireReason'))}
              label={`${t('amend.retireQuestion')} ${kind(x.kind)} ${x.code}: ${x.text}`}
            />
            {ticked && (
              <Group pl="xl" mt={4}>
                <TextInput
                  flex={1}
                  label={t('amend.retireReason')}
                  value={choice.retired.get(x.itemId) ?? ''}
                  onChange={(e) => setReason(e.currentTarget.value)}
                />
              </Group>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
