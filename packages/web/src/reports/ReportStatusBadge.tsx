import { Badge } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

const COLORS: Record<string, string> = {
  not_started: 'gray',
  draft: 'blue',
  submitted: 'violet',
  returned: 'orange',
  approved: 'teal',
};

export function ReportStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" data-status={status}>
      {t(`report.status.${status}` as Parameters<typeof t>[0]) ?? status}
    </Badge>
  );
}
