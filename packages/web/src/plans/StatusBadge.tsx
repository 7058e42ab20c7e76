import { Badge } from '@mantine/core';
import type { PlanStatus } from '@tiendo/core';
import { useI18n } from '../i18n/i18n.tsx';

const COLORS: Record<PlanStatus, string> = {
  published: 'green',
  draft: 'yellow',
  archived: 'gray',
};

export function StatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return <Badge color={COLORS[status]}>{t(`status.${status}`)}</Badge>;
}
