import { Badge } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

const COLORS: Record<string, string> = { published: 'green', draft: 'yellow', archived: 'gray' };

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const key = `status.${status}` as 'status.published';
  return <Badge color={COLORS[status] ?? 'gray'}>{t(key) ?? status}</Badge>;
}
