import { Alert, Table, Text } from '@mantine/core';
import type { PlanDetail } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { groupBySection } from './sections.ts';
import { ItemVersionNote, retiredRowStyle } from './amendments/ItemVersionNote.tsx';

export function TaskTable({
  plan,
  onHistory,
}: {
  plan: PlanDetail;
  /** Opens an item's amendment history. */
  onHistory(item: { id: number; code: string }): void;
}) {
  const { t } = useI18n();
  if (plan.tasks.length === 0) return <Alert>{t('plan.noTasks')}</Alert>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table withTableBorder verticalSpacing="xs" data-testid="task-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>{t('plan.code')}</Table.Th>
            <Table.Th>{t('plan.task')}</Table.Th>
            <Table.Th>{t('plan.lead')}</Table.Th>
            <Table.Th>{t('plan.coordinate')}</Table.Th>
            <Table.Th>{t('plan.output')}</Table.Th>
            <Table.Th>{t('plan.deadline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groupBySection(plan.sections, plan.tasks).map(({ section, rows }) => [
            <Table.Tr key={`s${section.id}`} bg="gray.1">
              <Table.Td colSpan={6}>
                <Text fw={600} size="sm">
                  {section.appendix}
                  {section.heading ? ` — ${section.heading}` : ''}
                </Text>
              </Table.Td>
            </Table.Tr>,
            ...rows.map((task) => (
              <Table.Tr key={task.id} style={retiredRowStyle(task)}>
                <Table.Td>{task.code}</Table.Td>
                <Table.Td>
                  {task.content}
                  <ItemVersionNote item={task} onHistory={() => onHistory(task)} />
                </Table.Td>
                <Table.Td>{task.lead}</Table.Td>
                <Table.Td>{task.coordinate}</Table.Td>
                <Table.Td>{task.output}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{task.deadline}</Table.Td>
              </Table.Tr>
            )),
          ])}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
