import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import type { ReportDetail, TaskUpdate } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAutosave } from './useAutosave.ts';
import { reportItemUrl } from './api.ts';
import { SaveIndicator } from './SaveIndicator.tsx';
import { EvidenceFiles } from './EvidenceFiles.tsx';
import { taskNeedsExplanation, todayInVietnam } from '@tiendo/core';
import { Contributions } from './Contributions.tsx';
import { ExplanationField } from './ExplanationField.tsx';
import { DateField } from '../i18n/DateField.tsx';

type Task = ReportDetail['tasks'][number];
type Form = Omit<TaskUpdate, 'version' | 'reviewComment' | 'prefilled'>;

const EMPTY: Form = {
  status: null,
  progress: null,
  results: null,
  resourcesVnd: null,
  difficulties: null,
  proposals: null,
  evidenceText: null,
  completedOn: null,
  explanation: null,
};

const EMPTY_UPDATE: TaskUpdate = { ...EMPTY, version: 0, reviewComment: null, prefilled: false };

interface Props {
  reportId: number;
  task: Task;
  /** The period's data window: whether the task is overdue is judged against it. */
  period: { start: string; end: string };
  editable: boolean;
  onReload(): void;
  reviewSlot?: React.ReactNode;
}

/** One task of the unit's report: what was done, how far, with what, and what is in the way. */
export function TaskUpdateCard({ reportId, task, period, editable, onReload, reviewSlot }: Props) {
  const { t } = useI18n();
  const [form, setForm] = useState<Form>(() => {
    const { version: _v, reviewComment: _r, prefilled: _p, ...saved } = task.update ?? EMPTY_UPDATE;
    return { ...EMPTY, ...saved };
  });
  const lead = task.role === 'lead';
  // Judged live, as the server will judge it on sending: an overdue task must be explained.
  const overdue =
    lead &&
    taskNeedsExplanation(task.deadline, form.status, form.completedOn, period, todayInVietnam());
  const autosave = useAutosave<Form>(
    reportItemUrl(reportId, 'tasks', task.taskId),
    task.update?.version ?? 0,
  );
  const change = (patch: Partial<Form>) => {
    const next = { ...form, ...patch };
    setForm(next);
    autosave.schedule(next);
  };
  const text = (value: string) => (value.trim() === '' ? null : value);
  const label = (key: Parameters<typeof t>[0]) => `${t(key)} — ${task.code}`;
  return (
    <Card withBorder padding="sm" data-testid={`task-${task.code}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600}>
            {`${task.code}. ${task.content}`}
          </Text>
          <Badge
            variant="light"
            color={task.role === 'lead' ? 'blue' : 'gray'}
            style={{ flexShrink: 0 }}
          >
            {t(task.role === 'lead' ? 'report.lead' : 'report.coordinate')}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {[task.deadline && `${t('plan.deadline')}: ${task.deadline}`, task.output]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {task.update?.prefilled && (
          <Badge size="xs" variant="outline" color="gray">
            {t('report.fromLastPeriod')}
          </Badge>
        )}
        {task.contributions && <Contributions contributions={task.contributions} />}
        {task.update?.reviewComment && (
          <Alert color="orange" p="xs" title={t('report.reviewerSays')}>
            {task.update.reviewComment}
          </Alert>
        )}
        {autosave.state === 'conflict' && (
          <Alert color="red" p="xs" title={t('report.conflict')}>
            <Text size="xs">{autosave.error}</Text>
            {autosave.latest && (
              <Text size="xs" mt={4} data-testid="conflict-latest">
                {`${t('report.onServer')}: ${[
                  autosave.latest.status
                    ? t(`report.state.${String(autosave.latest.status)}` as Parameters<typeof t>[0])
                    : null,
                  autosave.latest.progress !== null && autosave.latest.progress !== undefined
                    ? `${String(autosave.latest.progress)}%`
                    : null,
                  autosave.latest.results ? String(autosave.latest.results) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}`}
              </Text>
            )}
            <Button mt={4} size="compact-xs" color="red" variant="white" onClick={onReload}>
              {t('report.reloadItem')}
            </Button>
          </Alert>
        )}
        {lead && (
          <SegmentedControl
            size="xs"
            fullWidth
            disabled={!editable}
            aria-label={label('report.status')}
            value={form.status ?? ''}
            onChange={(value) => change({ status: (value || null) as Form['status'] })}
            data={[
              { value: 'not_started', label: t('report.state.not_started') },
              { value: 'in_progress', label: t('report.state.in_progress') },
              { value: 'done', label: t('report.state.done') },
            ]}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          {lead && (
            <NumberInput
              size="xs"
              label={t('report.progress')}
              aria-label={label('report.progress')}
              min={0}
              max={100}
              suffix=" %"
              disabled={!editable || form.status === 'done'}
              value={form.status === 'done' ? 100 : (form.progress ?? '')}
              onChange={(v) => change({ progress: v === '' ? null : Number(v) })}
            />
          )}
          <NumberInput
            size="xs"
            label={t('report.resources')}
            aria-label={label('report.resources')}
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            disabled={!editable}
            value={form.resourcesVnd ?? ''}
            onChange={(v) => change({ resourcesVnd: v === '' ? null : Number(v) })}
          />
        </SimpleGrid>
        {!lead && (
          <Text size="xs" c="dimmed">
            {t('report.contributionHelp')}
          </Text>
        )}
        {lead && form.status === 'done' && (
          <DateField
            size="xs"
            label={t('report.completedOn')}
            aria-label={label('report.completedOn')}
            disabled={!editable}
            value={form.completedOn}
            onChange={(iso) => change({ completedOn: text(iso) })}
          />
        )}
        {(
          [
            ['results', 'report.results'],
            ['difficulties', 'report.difficulties'],
            ['proposals', 'report.proposals'],
            ['evidenceText', 'report.evidenceText'],
          ] as const
        ).map(([field, key]) => (
          <Textarea
            key={field}
            size="xs"
            autosize
            minRows={field === 'results' ? 2 : 1}
            label={t(key)}
            aria-label={label(key)}
            disabled={!editable}
            value={form[field] ?? ''}
            onChange={(e) => change({ [field]: text(e.currentTarget.value) })}
          />
        ))}
        <ExplanationField
          needed={overdue ? t('report.explanationHelp') : null}
          label={t('report.explanation')}
          aria-label={label('report.explanation')}
          editable={editable}
          value={form.explanation}
          onChange={(explanation) => change({ explanation })}
        />
        <EvidenceFiles
          reportId={reportId}
          taskId={task.taskId}
          files={task.attachments}
          editable={editable}
          beforeUpload={autosave.flush}
          hasUpdate={task.update !== null || autosave.state === 'saved'}
          onChange={onReload}
        />
        <Group justify="space-between">
          <SaveIndicator state={autosave.state} />
          {reviewSlot}
        </Group>
      </Stack>
    </Card>
  );
}
