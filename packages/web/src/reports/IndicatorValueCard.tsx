import { useState } from 'react';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { indicatorNeedsExplanation, parseVietnameseNumber, todayInVietnam } from '@tiendo/core';
import type { ReportDetail } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAutosave } from './useAutosave.ts';
import { reportItemUrl } from './api.ts';
import { SaveIndicator } from './SaveIndicator.tsx';
import { ExplanationField } from './ExplanationField.tsx';

type Indicator = ReportDetail['indicators'][number];
interface Form {
  valueNumber: number | null;
  valueText: string | null;
  dataSource: string | null;
  note: string | null;
  explanation: string | null;
}

interface Props {
  reportId: number;
  indicator: Indicator;
  periodEnd: string;
  editable: boolean;
  onReload(): void;
  reviewSlot?: React.ReactNode;
}

/** One indicator's value this period: a number ("85,5") or words ("Đạt"), with its source. */
export function IndicatorValueCard(props: Props) {
  const { reportId, indicator, periodEnd, editable, onReload, reviewSlot } = props;
  const { t } = useI18n();
  const v = indicator.value;
  const [raw, setRaw] = useState(() =>
    v?.valueNumber !== null && v?.valueNumber !== undefined
      ? String(v.valueNumber).replace('.', ',')
      : (v?.valueText ?? ''),
  );
  const [form, setForm] = useState<Form>({
    valueNumber: v?.valueNumber ?? null,
    valueText: v?.valueText ?? null,
    dataSource: v?.dataSource ?? null,
    note: v?.note ?? null,
    explanation: v?.explanation ?? null,
  });
  const today = todayInVietnam();
  const offTrack = indicatorNeedsExplanation(
    indicator.targets,
    indicator.unit,
    form.valueNumber,
    today < periodEnd ? today : periodEnd,
  );
  const autosave = useAutosave<Form>(
    reportItemUrl(reportId, 'indicators', indicator.indicatorId),
    v?.version ?? 0,
  );
  const change = (patch: Partial<Form>) => {
    const next = { ...form, ...patch };
    setForm(next);
    autosave.schedule(next);
  };
  const setValue = (text: string) => {
    setRaw(text);
    const number = parseVietnameseNumber(text.replace('%', ''));
    change(
      number === null
        ? { valueNumber: null, valueText: text.trim() || null }
        : { valueNumber: number, valueText: null },
    );
  };
  const targets = indicator.targets
    .map((x) => `${x.year ?? t('plan.allYears')}: ${x.text}`)
    .join(' · ');
  const label = (key: Parameters<typeof t>[0]) => `${t(key)} — ${indicator.code}`;
  return (
    <Card withBorder padding="sm" data-testid={`indicator-${indicator.code}`}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>{`${indicator.code}. ${indicator.name}`}</Text>
        <Text size="xs" c="dimmed">
          {[
            indicator.unit && `${t('plan.unit')}: ${indicator.unit}`,
            targets && `${t('plan.targets')}: ${targets}`,
            indicator.assigned.length > 0 &&
              `${t('report.assigned')}: ${indicator.assigned
                .map((a) => `${a.year}: ${a.value.toLocaleString('vi-VN')}`)
                .join(' · ')}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {v?.reviewComment && (
          <Alert color="orange" p="xs" title={t('report.reviewerSays')}>
            {v.reviewComment}
          </Alert>
        )}
        {autosave.state === 'conflict' && (
          <Alert color="red" p="xs" title={t('report.conflict')}>
            <Button size="compact-xs" color="red" variant="white" onClick={onReload}>
              {t('report.reloadItem')}
            </Button>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <TextInput
            size="xs"
            label={t('report.value')}
            aria-label={label('report.value')}
            description={form.valueNumber !== null ? t('report.valueIsNumber') : undefined}
            disabled={!editable}
            value={raw}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
          <TextInput
            size="xs"
            label={t('report.dataSource')}
            aria-label={label('report.dataSource')}
            disabled={!editable}
            value={form.dataSource ?? ''}
            onChange={(e) => change({ dataSource: e.currentTarget.value || null })}
          />
          <TextInput
            size="xs"
            label={t('report.note')}
            aria-label={label('report.note')}
            disabled={!editable}
            value={form.note ?? ''}
            onChange={(e) => change({ note: e.currentTarget.value || null })}
          />
        </SimpleGrid>
        <ExplanationField
          needed={offTrack ? t('report.explanationOffTrack') : null}
          label={t('report.explanation')}
          aria-label={label('report.explanation')}
          editable={editable}
          value={form.explanation}
          onChange={(explanation) => change({ explanation })}
        />
        <Group justify="space-between">
          <SaveIndicator state={autosave.state} />
          {reviewSlot}
        </Group>
      </Stack>
    </Card>
  );
}
