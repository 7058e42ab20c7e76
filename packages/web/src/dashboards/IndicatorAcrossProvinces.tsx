import { useState } from 'react';
import { Select, Stack } from '@mantine/core';
import { useCatalogue } from '../catalogue/api.ts';
import { useNationalCatalogue } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ChartCard } from './ChartCard.tsx';

/** One catalogue indicator across provinces for the round shown: mean, median and range of
 *  the communes' latest figures. */
export function IndicatorAcrossProvinces({ label }: { label: string | null }) {
  const { t } = useI18n();
  const catalogue = useCatalogue();
  const [chosen, setChosen] = useState<string | null>(null);
  const comparison = useNationalCatalogue(chosen, label);
  const rows = (comparison.data?.provinces ?? []).filter((p) => p.communes > 0);
  const chart = {
    option: {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => r.name).reverse() },
      series: [
        {
          type: 'bar',
          name: t('national.mean'),
          data: rows.map((r) => r.mean).reverse(),
          label: { show: true, position: 'right' },
        },
      ],
    },
    table: {
      columns: [
        t('national.province'),
        t('national.communesWithValue'),
        t('national.mean'),
        t('national.median'),
        t('national.min'),
        t('national.max'),
      ],
      rows: rows.map((r) => [r.name, r.communes, r.mean, r.median, r.min, r.max]),
    },
  };
  return (
    <Stack gap="xs">
      <Select
        size="xs"
        maw={560}
        searchable
        label={t('national.compare')}
        data={(catalogue.data ?? []).map((c) => ({
          value: String(c.id),
          label: `${c.code} — ${c.name}`,
        }))}
        value={chosen}
        onChange={setChosen}
      />
      {chosen && comparison.data && (
        <ChartCard
          title={`${t('national.compare')} — ${comparison.data.label ?? ''}`}
          filename="so-sanh-chi-tieu-cac-tinh"
          height={Math.max(200, rows.length * 28)}
          {...chart}
        />
      )}
    </Stack>
  );
}
