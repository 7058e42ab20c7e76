import { Badge, Drawer, Loader, Stack, Text, Timeline } from '@mantine/core';
import { useTaskHistory } from './api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Drill-down from a dashboard list: the task and what each unit reported on it, period by period. */
export function TaskHistoryDrawer({ taskId, onClose }: { taskId: number | null; onClose(): void }) {
  const { t } = useI18n();
  const history = useTaskHistory(taskId);
  const h = history.data;
  return (
    <Drawer
      opened={taskId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={h ? `${t('plan.task')} ${h.task.code}` : ''}
    >
      {history.isLoading && <Loader />}
      {h && (
        <Stack gap="sm" data-testid="task-history">
          <Text size="sm">{h.task.content}</Text>
          <Text size="xs" c="dimmed">
            {[
              h.task.lead && `${t('plan.lead')}: ${h.task.lead}`,
              h.task.director && `${t('dashboard.director')}: ${h.task.director}`,
              h.task.deadline && `${t('plan.deadline')}: ${h.task.deadline}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {h.updates.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.noUpdates')}
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2}>
              {h.updates.map((u, i) => (
                <Timeline.Item key={i} title={`${u.period} — ${u.unit}`}>
                  <Badge size="xs" variant="light" mr={4}>
                    {u.status ? t(`report.state.${u.status}` as Parameters<typeof t>[0]) : '—'}
                  </Badge>
                  {u.progress !== null && (
                    <Badge size="xs" variant="outline">{`${u.progress}%`}</Badge>
                  )}
                  {u.results && (
                    <Text size="xs" mt={4}>
                      {u.results}
                    </Text>
                  )}
                  {u.evidence && (
                    <Text size="xs" c="dimmed">
                      {u.evidence}
                    </Text>
                  )}
                  {u.difficulties && (
                    <Text size="xs" c="orange">
                      {u.difficulties}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
