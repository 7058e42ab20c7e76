import { Alert, Table, Text } from '@mantine/core';
import type { PlanDetail } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { groupBySection } from './sections.ts';
import { ItemVersionNote, retiredRowStyle } from './amendments/ItemVersionNote.tsx';

export function IndicatorTable({
  plan,
  onHistory,
}: {
  plan: PlanDetail;
  /** Opens an item's amendment history. */
  onHistory(item: { id: number; code: string }): void;
}) {
  const { t } = useI18n();
  if (plan.indicators.length === 0) return <Alert>{t('plan.noIndicators')}</Alert>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder verticalSpacing="xs" data-testid="indicator-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>{t('plan.code')}</Table.Th>
            <Table.Th>{t('plan.indicator')}</Table.Th>
            <Table.Th>{t('plan.unit')}</Table.Th>
            <Table.Th>{t('plan.targets')}</Table.Th>
            <Table.Th>{t('plan.lead')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groupBySection(plan.sections, plan.indicators).map(({ section, rows }) => [
            <Table.Tr key={`s${section.id}`} bg="gray.1">
              <Table.Td colSpan={5}>
                <Text fw={600} size="sm">
                  {section.appendix}
                  {section.heading ? ` — ${section.heading}` : ''}
                </Text>
              </Table.Td>
            </Table.Tr>,
            ...rows.map((i) => (
              <Table.Tr key={i.id} style={retiredRowStyle(i)}>
                <Table.Td>{i.code}</Table.Td>
                <Table.Td style={{ paddingLeft: i.parentId ? 24 : undefined }}>
                  {i.name}
                  <ItemVersionNote item={i} onHistory={() => onHistory(i)} />
                </Table.Td>
                <Table.Td>{i.unit}</Table.Td>
                <Table.Td>
                  {i.targets.map((target) => (
                    <Text size="sm" key={`${target.year}`}>
                      <b>{target.year ?? t('plan.allYears')}:</b> {target.text}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>{i.lead}</Table.Td>
              </Table.Tr>
            )),
          ])}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
