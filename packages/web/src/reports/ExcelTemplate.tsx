import { useState } from 'react';
import { Alert, Anchor, Button, FileButton, Group, Table, Text } from '@mantine/core';
import { ApiError } from '../api/client.ts';
import { reportTemplateUrl, uploadReportTemplate } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface CellError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** Fill the report offline in Excel: download the unit's template, upload it back. Errors come
 *  back cell by cell and nothing is applied until the file is right. */
export function ExcelTemplate({
  reportId,
  beforeUpload,
  onApplied,
}: {
  reportId: number;
  beforeUpload(): Promise<boolean>;
  onApplied(): void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; cells: CellError[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await beforeUpload();
      const r = await uploadReportTemplate(reportId, file);
      setDone(
        `${t('template.applied')}: ${r.tasks} ${t('plans.tasks').toLowerCase()}, ${r.indicators} ${t('plans.indicators').toLowerCase()}.`,
      );
      onApplied();
    } catch (e) {
      const cells =
        e instanceof ApiError && Array.isArray(e.details) ? (e.details as CellError[]) : [];
      setError({ message: e instanceof Error ? e.message : String(e), cells });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Group gap="xs">
        <Anchor href={reportTemplateUrl(reportId)} size="sm">
          {t('template.download')}
        </Anchor>
        <FileButton onChange={(f) => void upload(f)} accept=".xlsx">
          {(props) => (
            <Button {...props} size="compact-sm" variant="light" loading={busy}>
              {t('template.upload')}
            </Button>
          )}
        </FileButton>
      </Group>
      {done && (
        <Alert color="teal" role="status">
          {done}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" title={error.message} data-testid="template-errors">
          {error.cells.length > 0 && (
            <Table fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('template.sheet')}</Table.Th>
                  <Table.Th>{t('template.row')}</Table.Th>
                  <Table.Th>{t('template.column')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {error.cells.map((c, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{c.sheet}</Table.Td>
                    <Table.Td>{c.row}</Table.Td>
                    <Table.Td>{c.column}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{c.message}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Alert>
      )}
    </>
  );
}
