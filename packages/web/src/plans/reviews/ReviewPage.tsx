import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { PlanReview } from '@tiendo/core';
import { reviewFileUrl, usePlanReview } from './api.ts';
import { fillMessage, useI18n } from '../../i18n/i18n.tsx';
import { STATUS_COLORS } from '../../dashboards/statusColors.ts';
import { AmendmentCard } from '../amendments/AmendmentList.tsx';
import { useScreen } from '../../shell/useScreen.ts';

// The yearly review (sơ kết năm) or the five-year review (tổng kết) of a plan, on screen,
// with the .docx report and .xlsx appendices to download.

export default function ReviewPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  // The whole term first: it always has data once a period has opened, and names the years.
  const span = search.get('span') ?? 'term';
  const review = usePlanReview(id, span);
  const years = review.data?.years ?? [];
  const spans = [
    ...[...new Set([...years, ...(span === 'term' ? [] : [Number(span)])])].map((y) => ({
      value: String(y),
      label: fillMessage(t('planReview.year'), { year: y }),
    })),
    { value: 'term', label: t('planReview.term') },
  ];
  return (
    <Stack>
      <Anchor component={Link} to={`/plans/${id}`} size="sm">
        {t('amend.backToPlan')}
      </Anchor>
      <Title order={3}>{t('planReview.title')}</Title>
      <Group align="end" gap="sm" wrap="wrap">
        <Select
          label={t('planReview.span')}
          data={spans}
          value={span}
          allowDeselect={false}
          onChange={(value) => value && setSearch({ span: value })}
          w={200}
        />
        <Button component="a" variant="light" href={reviewFileUrl(id, span, 'docx')}>
          {t('planReview.docx')}
        </Button>
        <Button component="a" variant="default" href={reviewFileUrl(id, span, 'xlsx')}>
          {t('planReview.xlsx')}
        </Button>
      </Group>
      {review.isLoading && <Loader />}
      {review.error && <Alert color="yellow">{review.error.message}</Alert>}
      {review.data && <ReviewBody review={review.data} />}
    </Stack>
  );
}

function ReviewBody({ review }: { review: PlanReview }) {
  const { t } = useI18n();
  const c = review.counts;
  return (
    <Stack gap="lg" data-testid="review">
      <Text c="dimmed" size="sm">
        {fillMessage(t('planReview.covers'), {
          span: review.span.label,
          periods: review.periods.length,
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure
          label={t('planReview.tasksDone')}
          value={`${(c.donePercent ?? 0).toLocaleString('vi-VN')}%`}
        />
        <Figure label={t('planReview.overdue')} value={String(c.overdue ?? 0)} />
        <Figure
          label={t('planReview.onTime')}
          value={`${(review.reporting.timeliness ?? 0).toLocaleString('vi-VN')}%`}
        />
        <Figure
          label={t('planReview.concernsOpen')}
          value={`${review.concerns.open}/${review.concerns.raised}`}
        />
      </SimpleGrid>
      <TaskMatrix review={review} />
      <IndicatorYears review={review} />
      <Stack gap="xs">
        <Title order={4}>{t('planReview.units')}</Title>
        <Table.ScrollContainer minWidth={420}>
          <Table withTableBorder data-testid="review-units">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('planReview.unit')}</Table.Th>
                <Table.Th>{t('planReview.expected')}</Table.Th>
                <Table.Th>{t('planReview.received')}</Table.Th>
                <Table.Th>{t('planReview.onTimeCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.unitName}</Table.Td>
                  <Table.Td>{u.expected}</Table.Td>
                  <Table.Td>{u.received}</Table.Td>
                  <Table.Td>{u.onTime}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('planReview.concerns')}</Title>
        {review.concerns.items.length === 0 && <Text c="dimmed">{t('planReview.noConcerns')}</Text>}
        {review.concerns.items.map((item) => (
          <Card key={item.id} withBorder padding="xs">
            <Group gap="xs" justify="space-between">
              <Text size="sm" fw={600}>
                {item.unit} · {t('amend.task')} {item.taskCode} · {item.period}
              </Text>
              <Badge color={item.status === 'open' ? 'orange' : 'green'} variant="light">
                {t(`planReview.concern.${item.status}`)}
              </Badge>
            </Group>
            <Text size="sm">{item.content}</Text>
            {item.answer && (
              <Text size="sm" c="dimmed">
                {t('planReview.answer')}: {item.answer}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('planReview.amendments')}</Title>
        {review.amendments.length === 0 && <Text c="dimmed">{t('amend.none')}</Text>}
        {review.amendments.map((a) => (
          <AmendmentCard key={a.id} amendment={a} />
        ))}
      </Stack>
    </Stack>
  );
}

function Figure(props: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xl" fw={700}>
        {props.value}
      </Text>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
    </Card>
  );
}

/** Each task's status at the end of every period: one coloured mark per period, then the
 *  status at the span's end in words. */
function TaskMatrix({ review }: { review: PlanReview }) {
  const { t } = useI18n();
  const phone = useScreen('(max-width: 48em)');
  if (phone)
    return (
      <Stack gap="xs" data-testid="review-tasks">
        <Title order={4}>{t('planReview.tasks')}</Title>
        {review.tasks.map((task) => (
          <Card key={task.lineageId} withBorder padding="xs" data-testid="review-task">
            <Text size="sm" lineClamp={2}>
              <b>{numberOf(task)}.</b> {task.content}
            </Text>
            <Group gap="xs" mt={4} justify="space-between" wrap="nowrap">
              <StatusMarks review={review} statuses={task.statuses} />
              <Text size="xs" fw={600} c={task.final ? undefined : 'dimmed'}>
                {task.finalLabel}
              </Text>
            </Group>
          </Card>
        ))}
      </Stack>
    );
  return (
    <Stack gap="xs">
      <Title order={4}>{t('planReview.tasks')}</Title>
      <Table.ScrollContainer minWidth={520}>
        <Table withTableBorder verticalSpacing={4} data-testid="review-tasks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>{t('plan.code')}</Table.Th>
              <Table.Th>{t('plan.task')}</Table.Th>
              <Table.Th>{t('planReview.byPeriod')}</Table.Th>
              <Table.Th>{t('planReview.final')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {review.tasks.map((task) => (
              <Table.Tr key={task.lineageId} data-testid="review-task">
                <Table.Td>{numberOf(task)}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={3}>
                    {task.content}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusMarks review={review} statuses={task.statuses} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={task.final ? undefined : 'dimmed'}>
                    {task.finalLabel}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A task's number with its group's numeral ("III.2"): numbers restart in each group. */
const numberOf = (task: { group: string | null; code: string }) =>
  task.group ? `${task.group.split('.')[0]}.${task.code}` : task.code;

/** One coloured mark per period, the task's status at its end. */
function StatusMarks(props: {
  review: PlanReview;
  statuses: PlanReview['tasks'][number]['statuses'];
}) {
  const { t } = useI18n();
  return (
    <Group gap={3} wrap="wrap">
      {props.statuses.map((s, i) => {
        const label = `${props.review.periods[i]!.label}: ${s ? t(`taskStatus.${s}`) : t('amend.retired')}`;
        return (
          <Tooltip key={props.review.periods[i]!.id} label={label}>
            <span
              role="img"
              aria-label={label}
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: 2,
                background: s ? STATUS_COLORS[s] : 'transparent',
                border: '1px solid #adb5bd',
              }}
            />
          </Tooltip>
        );
      })}
    </Group>
  );
}

function IndicatorYears({ review }: { review: PlanReview }) {
  const { t } = useI18n();
  if (!review.indicators.length) return null;
  return (
    <Stack gap="xs">
      <Title order={4}>{t('planReview.indicators')}</Title>
      {review.indicators.map((i) => (
        <Card key={i.lineageId} withBorder padding="xs">
          <Text size="sm" fw={600}>
            {i.code}. {i.name}
            {i.unit ? ` (${i.unit})` : ''}
          </Text>
          {i.years.map((y) => (
            <Text key={y.year} size="sm">
              {fillMessage(t('planReview.indicatorYear'), {
                year: y.year,
                target: y.target ?? '—',
                value: y.value ?? t('planReview.noValue'),
              })}
              {y.value ? ` · ${y.trajectoryLabel}` : ''}
            </Text>
          ))}
        </Card>
      ))}
    </Stack>
  );
}
