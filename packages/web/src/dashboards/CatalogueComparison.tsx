import { useState } from 'react';
import { Select, Stack } from '@mantine/core';
import { useCatalogue } from '../catalogue/api.ts';
import { useProvinceCatalogue } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ChartCard } from './ChartCard.tsx';

/** The same catalogue indicator across the province's communes. */
export function CatalogueComparison({ provinceId }: { provinceId: string }) {
  const { t } = useI18n();
  const catalogue = useCatalogue();
  const [chosen, setChosen] = useState<string | null>(null);
  const comparison = useProvinceCatalogue(provinceId, chosen);
  const rows = comparison.data?.communes ?? [];
  const chart = {
    option: {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.commune),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', data: rows.map((r) => r.value), label: { show: true, position: 'top' } },
      ],
    },
    table: {
      columns: [t('province.commune'), t('dashboard.actual')],
      rows: rows.map((r) => [r.commune, r.value ?? r.text]),
    },
  };
  return (
    <Stack gap="xs">
      <Select
        size="xs"
        maw={560}
        searchable
        label={t('catalogue.compare')}
        data={(catalogue.data ?? []).map((c) => ({
          value: String(c.id),
          label: `${c.code} — ${c.name}`,
        }))}
        value={chosen}
        onChange={setChosen}
      />
      {chosen && comparison.data && (
        <ChartCard
          title={`${t('catalogue.compare')} — ${comparison.data.label ?? ''}`}
          filename="so-sanh-chi-tieu"
          {...chart}
        />
      )}
    </Stack>
  );
}
