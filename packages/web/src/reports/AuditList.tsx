import { Loader, Table, Text } from '@mantine/core';
import { useReportAudit } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Every step of a report and every edit of its items: who, when, what. */
export function AuditList({ reportId, codes }: { reportId: number; codes: Map<string, string> }) {
  const { t } = useI18n();
  const audit = useReportAudit(reportId);
  if (audit.isLoading) return <Loader size="sm" />;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table fz="xs" striped data-testid="audit-list">
        <Table.Tbody>
          {(audit.data ?? []).map((entry) => {
            const item =
              entry.taskId !== undefined
                ? codes.get(`t${entry.taskId}`)
                : entry.indicatorId !== undefined
                  ? codes.get(`i${entry.indicatorId}`)
                  : null;
            return (
              <Table.Tr key={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {new Date(entry.at).toLocaleString('vi-VN')}
                </Table.Td>
                <Table.Td>{entry.userName}</Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {`${t(`audit.${entry.action}` as Parameters<typeof t>[0]) ?? entry.action}${item ? ` — ${item}` : ''}`}
                    {entry.reason ? `: ${entry.reason}` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
