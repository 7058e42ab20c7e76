import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { PlanDetail } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ConfirmAction } from './ConfirmAction.tsx';
import { planStep, renamePlan, useRefreshPlan } from './api.ts';
import { useNavigate } from 'react-router-dom';

/** What a plan's manager does with a published plan: rename it, archive or restore it, take it
 *  back to draft while no unit has sent a report. Each step sends the version seen (409 when
 *  someone changed the plan meanwhile). */
export function PlanHousekeeping({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const refresh = useRefreshPlan(plan.id);
  const post = (step: string) => () => planStep(plan, step);
  if (plan.status === 'archived')
    return (
      <Group gap="xs">
        <ConfirmAction
          label={t('plan.manage.restore')}
          title={t('plan.manage.restore')}
          message={t('plan.restoreConfirm')}
          action={post('restore')}
          onDone={refresh}
        />
      </Group>
    );
  if (plan.status !== 'published') return null;
  return (
    <Group gap="xs" data-testid="plan-housekeeping">
      <RenameButton plan={plan} onDone={refresh} />
      <ConfirmAction
        label={t('plan.manage.archive')}
        title={t('plan.manage.archive')}
        message={t('plan.archiveConfirm')}
        action={post('archive')}
        onDone={refresh}
      />
      <ConfirmAction
        label={t('plan.manage.unpublish')}
        title={t('plan.manage.unpublish')}
        message={plan.sentReports > 0 ? t('plan.unpublishBlocked') : t('plan.unpublishConfirm')}
        disabled={plan.sentReports > 0}
        action={post('unpublish')}
        onDone={async () => {
          await refresh();
          navigate(`/plans/${plan.id}/review`);
        }}
        color="orange"
      />
    </Group>
  );
}

function RenameButton({ plan, onDone }: { plan: PlanDetail; onDone(): Promise<void> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState(plan.title);
  const [number, setNumber] = useState(plan.number ?? '');
  const save = useMutation({
    mutationFn: () => renamePlan(plan, title, number.trim() || null),
    onSuccess: async () => {
      setOpen(false);
      await onDone();
    },
  });
  const empty = title.trim() === '';
  return (
    <>
      <Button
        size="xs"
        variant="default"
        onClick={() => {
          setTitle(plan.title);
          setNumber(plan.number ?? '');
          save.reset();
          setOpen(true);
        }}
      >
        {t('plan.manage.rename')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('plan.manage.rename')} centered>
        <Stack>
          <TextInput
            label={t('review.meta.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={empty ? t('review.titleNeeded') : undefined}
            data-autofocus
          />
          <TextInput
            label={t('review.meta.number')}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
          />
          {save.error && (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('plan.manage.cancel')}
            </Button>
            <Button disabled={empty} loading={save.isPending} onClick={() => save.mutate()}>
              {t('plan.manage.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
