import { useState } from 'react';
import { Select } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import { ChartCard } from './ChartCard.tsx';
import type { CommuneDashboard } from '@tiendo/core';

/** One indicator over the periods: what was reported against where the trajectory between its
 *  milestones expected it to be. */
export function IndicatorHistory({ indicators }: { indicators: CommuneDashboard['indicators'] }) {
  const { t } = useI18n();
  const withHistory = indicators.filter((i) => i.history.length > 0);
  const [chosen, setChosen] = useState<string | null>(null);
  const indicator = withHistory.find((i) => String(i.id) === chosen) ?? withHistory[0];
  const h = indicator?.history ?? [];
  const chart = {
    option: {
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: h.map((p) => p.period) },
      yAxis: { type: 'value' },
      series: [
        { name: t('dashboard.actual'), type: 'line', data: h.map((p) => p.value), symbolSize: 8 },
        {
          name: t('dashboard.expected'),
          type: 'line',
          data: h.map((p) => p.expected),
          lineStyle: { type: 'dashed' },
        },
      ],
    },
    table: {
      columns: [t('periods.label'), t('dashboard.actual'), t('dashboard.expected')],
      rows: h.map((p) => [p.period, p.value, p.expected]),
    },
  };
  if (!indicator) return null;
  return (
    <>
      <Select
        size="xs"
        label={t('dashboard.historyOf')}
        data={withHistory.map((i) => ({ value: String(i.id), label: `${i.code}. ${i.name}` }))}
        value={String(indicator.id)}
        onChange={setChosen}
        allowDeselect={false}
        searchable
      />
      <ChartCard
        title={`${t('dashboard.history')} — ${indicator.code}`}
        filename="lich-su-chi-tieu"
        {...chart}
      />
    </>
  );
}
