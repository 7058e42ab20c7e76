import { useState } from 'react';
import { Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  status: string;
  busy: boolean;
  onReturn(comment: string): void;
  onApprove(comment: string | null): void;
  onReopen(reason: string): void;
}

/** The focal officer's decision on a submitted report, or reopening an approved one. */
export function ReviewBar({ status, busy, onReturn, onApprove, onReopen }: Props) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  if (status !== 'submitted' && status !== 'approved') return null;
  const reopening = status === 'approved';
  return (
    <Paper withBorder p="sm" data-testid="review-bar">
      <Stack gap="xs">
        <Title order={5}>{t(reopening ? 'report.reopenTitle' : 'report.reviewTitle')}</Title>
        <Textarea
          size="xs"
          autosize
          minRows={2}
          label={t(reopening ? 'report.reopenReason' : 'report.reviewComment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Group gap="xs">
          {reopening ? (
            <Button
              size="xs"
              color="orange"
              disabled={!comment.trim()}
              loading={busy}
              onClick={() => onReopen(comment.trim())}
            >
              {t('report.reopen')}
            </Button>
          ) : (
            <>
              <Button
                size="xs"
                color="orange"
                disabled={!comment.trim()}
                loading={busy}
                onClick={() => onReturn(comment.trim())}
              >
                {t('report.return')}
              </Button>
              <Button
                size="xs"
                color="teal"
                loading={busy}
                onClick={() => onApprove(comment.trim() || null)}
              >
                {t('report.approve')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
