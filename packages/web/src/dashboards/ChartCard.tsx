import { useEffect, useRef, useState } from 'react';
import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { echarts, type EChartsOption } from './echarts.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface ChartTable {
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

interface Props {
  title: string;
  option: EChartsOption;
  table: ChartTable;
  filename: string;
  height?: number;
  /** What the figures mean, under the title (how a score is made, say). */
  note?: string;
}

function downloadBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const text = /^[=+\-@]/.test(String(v)) ? `'${v}` : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A chart a person would rather look at than read — and the same figures as a table, a PNG
 *  and a CSV for those who need them. */
export function ChartCard({ title, option, table, filename, height = 280, note }: Props) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const [asTable, setAsTable] = useState(false);

  useEffect(() => {
    if (asTable || !element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.setOption(option);
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, [option, asTable]);

  const png = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url)
      fetch(url)
        .then((r) => r.blob())
        .then((b) => downloadBlob(b, `${filename}.png`));
  };
  const csv = () => {
    const lines = [table.columns, ...table.rows].map((r) => r.map(csvCell).join(','));
    downloadBlob(
      new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }),
      `${filename}.csv`,
    );
  };
  return (
    <Paper withBorder p="sm" data-testid={`chart-${filename}`}>
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={5}>{title}</Title>
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" onClick={() => setAsTable(!asTable)}>
            {asTable ? t('chart.asChart') : t('chart.asTable')}
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={png} disabled={asTable}>
            PNG
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={csv}>
            CSV
          </Button>
        </Group>
      </Group>
      {note && (
        <Text size="xs" c="dimmed" mb="xs">
          {note}
        </Text>
      )}
      {asTable ? (
        <Table.ScrollContainer minWidth={320}>
          <Table fz="xs" striped data-testid={`table-${filename}`}>
            <Table.Thead>
              <Table.Tr>
                {table.columns.map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.rows.map((row, i) => (
                <Table.Tr key={i}>
                  {row.map((v, j) => (
                    <Table.Td key={j}>{v ?? ''}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <div ref={element} style={{ height, width: '100%' }} role="img" aria-label={title} />
      )}
      {table.rows.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('chart.noData')}
        </Text>
      )}
    </Paper>
  );
}
