import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';
import type { ReportItem } from './reportItems.ts';

/** The report's foot, always in view: how much is written, "Gửi báo cáo", and — right by the
 *  button — why sending was refused, each item to explain a tap away; then that it was sent. */
export function SendBar({
  progress,
  editable,
  busy,
  onSend,
  error,
  toExplain,
  onOpenItem,
  sent,
}: {
  progress: string;
  editable: boolean;
  busy: boolean;
  onSend(): void;
  error: string | null;
  toExplain: ReportItem[];
  onOpenItem(key: string): void;
  sent: boolean;
}) {
  const { t } = useI18n();
  return (
    <Paper
      withBorder
      shadow="sm"
      p="xs"
      data-testid="send-bar"
      style={{ position: 'sticky', bottom: 0, zIndex: 5 }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={500} data-testid="report-progress">
            {progress}
          </Text>
          {editable && (
            <Button onClick={onSend} loading={busy} style={{ flexShrink: 0 }}>
              {t('report.submit')}
            </Button>
          )}
        </Group>
        {error && (
          <Alert color="red" role="alert" data-testid="flow-error" p="xs">
            <Text size="sm">{error}</Text>
            {toExplain.length > 0 && (
              <Group gap={4} mt={4}>
                {toExplain.map((item) => (
                  <Button
                    key={item.key}
                    size="compact-xs"
                    variant="white"
                    color="red"
                    onClick={() => onOpenItem(item.key)}
                  >
                    {`${t(item.kind === 'task' ? 'plan.task' : 'plan.indicator')} ${item.code}`}
                  </Button>
                ))}
              </Group>
            )}
          </Alert>
        )}
        {sent && (
          <Alert color="teal" role="status" p="xs">
            {t('report.sent')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
