import type { Kysely } from 'kysely';
import { addDays } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { nowIso, todayInVietnam } from '../http/time.ts';
import { changePeriod, generatePeriods, listPeriods } from '../reports/periods.ts';
import { loadReport, openReport } from '../reports/reportView.ts';
import { loadReportContext } from '../reports/access.ts';
import { saveIndicatorValue, saveTaskUpdate } from '../reports/itemUpdates.ts';
import { approveReport, returnReport, submitReport } from '../reports/reviewFlow.ts';
import { unitsWithItems } from '../reports/overview.ts';
import { refreshPlanTallies } from '../reports/periodTallies.ts';
import { changeConcern } from '../concerns/concerns.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { Role } from '../auth/roles.ts';

// The demo's story, for a first start (`npm start`, `tiendo serve` on an empty database): each
// commune's reporting periods generated from its plan; the last one due before today reported,
// approved and closed; the current one open, with units' reports drafted, sent, returned with
// a comment and approved; the culture unit's proposal answered by the focal officer. All of it
// through the domain functions the API uses (audit, tallies, notifications as in real use);
// only the earlier period's timestamps are moved back to before its due date, as if it had been
// reported then, and the period-opened notices of reporters who have since written are read.

export type Story = 'draft' | 'submitted' | 'returned' | 'approved';

/** What each unit (by its demo short code) has done in the current period; a unit not named
 *  has not started. The first commune tells the whole story; the others a part of it. */
const CURRENT: Array<Partial<Record<string, Story>>> = [
  { kt: 'returned', vhxh: 'submitted', pvhcc: 'approved', vp: 'draft' },
  { kt: 'submitted', vhxh: 'approved' },
];

export interface DemoCommune {
  planId: number;
  /** "kienhung": the prefix of its demo usernames. */
  slug: string;
  /** Unit id → short code ("kt", "vhxh", …). */
  units: Map<number, string>;
}

export async function seedActivity(db: Kysely<Database>, communes: DemoCommune[]): Promise<void> {
  const today = todayInVietnam();
  const users = new Map(
    (await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [
      u.username,
      u.id,
    ]),
  );
  for (const [index, commune] of communes.entries()) {
    const focal = users.get(`${commune.slug}.daumoi`)!;
    // From the start of the year half a year ago to the periods whose data ends within the next
    // ~6 months: the last period due and the current one are among them.
    const from = `${addDays(today, -183).slice(0, 4)}-01-01`;
    const to = addDays(today, 200);
    await generatePeriods(db, commune.planId, from, to, focal);
    const periods = await listPeriods(db, commune.planId);
    const current = periods.find((p) => p.due_date >= today);
    const earlier = periods.filter((p) => p.due_date < today).at(-1);
    const owing = [...(await unitsWithItems(db, commune.planId)).keys()];
    const story = teller(db, commune, users, focal);
    if (earlier && index < CURRENT.length) {
      const told = await lastNotification(db);
      const version = await changePeriod(db, earlier.id, { version: 1, status: 'open' }, focal);
      // Its reporters were told of the opening long ago, and read it.
      await readOpenings(db, told, `${addDays(earlier.due_date, -10)}T02:00:00.000Z`, {
        backdate: true,
      });
      for (const unitId of owing) await story.tell(earlier.id, unitId, 'approved');
      await changePeriod(db, earlier.id, { version, status: 'closed' }, focal);
      await backdate(db, earlier.id, addDays(earlier.due_date, -3));
    }
    if (current) {
      const told = await lastNotification(db);
      await changePeriod(db, current.id, { version: 1, status: 'open' }, focal);
      const plan = CURRENT[index] ?? {};
      const started: number[] = [];
      for (const unitId of owing) {
        const step = plan[commune.units.get(unitId) ?? ''];
        if (step) await story.tell(current.id, unitId, step);
        if (step) started.push(users.get(`${commune.slug}.${commune.units.get(unitId)}`)!);
      }
      // Those who started their report have read that the period opened; the others have not.
      await readOpenings(db, told, nowIso(), { users: started });
    }
    if (index === 0) await answerConcern(db, commune, focal);
    await refreshPlanTallies(db, commune.planId);
  }
}

async function lastNotification(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((e) => e.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Marks the period-opened notices written since `after` read at `at` — only `users`' if
 *  given, and as written then too if `backdate`. */
async function readOpenings(
  db: Kysely<Database>,
  after: number,
  at: string,
  { users, backdate = false }: { users?: number[]; backdate?: boolean } = {},
): Promise<void> {
  if (users?.length === 0) return;
  let query = db
    .updateTable('notifications')
    .set({ read_at: at, ...(backdate ? { created_at: at } : {}) })
    .where('kind', '=', 'period_opened')
    .where('id', '>', after);
  if (users) query = query.where('user_id', 'in', users);
  await query.execute();
}

/** The culture unit's proposal (from its earliest sent report) answered by the focal officer,
 *  through the domain function the API uses: its reporter is told (unread) and sees the answer. */
async function answerConcern(
  db: Kysely<Database>,
  commune: DemoCommune,
  focal: number,
): Promise<void> {
  const unitId = [...commune.units].find(([, code]) => code === 'vhxh')?.[0];
  const concerns = await db
    .selectFrom('concerns')
    .select(['id', 'version', 'unit_id', 'kind'])
    .where('plan_id', '=', commune.planId)
    .where('status', '=', 'open')
    .orderBy('id')
    .execute();
  const concern =
    concerns.find((c) => c.unit_id === unitId && c.kind === 'proposal') ??
    concerns.find((c) => c.kind === 'proposal') ??
    concerns[0];
  if (!concern) return;
  await changeConcern(db, await sessionUserOf(db, focal), concern.id, {
    version: concern.version,
    addressee: 'Sở Khoa học và Công nghệ thành phố',
    answer:
      'Đã tổng hợp và gửi Sở Khoa học và Công nghệ; kinh phí chuyển đổi số dự kiến được bố trí ' +
      'trong dự toán năm tới. Đơn vị tiếp tục triển khai bằng nguồn hiện có.',
  });
}

/** The focal officer as the API would see them once signed in. */
async function sessionUserOf(db: Kysely<Database>, userId: number): Promise<SessionUser> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'unit_id'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const roles = await db
    .selectFrom('role_assignments')
    .select(['role', 'scope_unit_id'])
    .where('user_id', '=', userId)
    .execute();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    unitId: user.unit_id,
    roles: roles.map((r) => ({ role: r.role as Role, scopeUnitId: r.scope_unit_id })),
    csrfToken: '',
    sessionId: '',
    mustChangePassword: false,
  };
}

function teller(
  db: Kysely<Database>,
  commune: DemoCommune,
  users: Map<string, number>,
  focal: number,
) {
  /** One unit's report for the period, taken to `step` as its reporter and the focal officer. */
  const tell = async (periodId: number, unitId: number, step: Story): Promise<void> => {
    const reporter = users.get(`${commune.slug}.${commune.units.get(unitId)}`)!;
    const reportId = await openReport(db, periodId, unitId);
    await write(db, reportId, reporter, step === 'draft' ? 1 : 3);
    if (step === 'draft') return;
    let context = await loadReportContext(db, reportId);
    await submitReport(db, context, context.version, reporter);
    if (step === 'submitted') return;
    context = await loadReportContext(db, reportId);
    if (step === 'approved') {
      await approveReport(db, context, context.version, 'Báo cáo đầy đủ, đồng ý.', focal);
      return;
    }
    const report = await loadReport(db, reportId);
    const first = report.tasks.find((t) => t.update && t.role === 'lead');
    await returnReport(
      db,
      context,
      {
        version: context.version,
        comment: 'Đề nghị bổ sung số liệu cụ thể và văn bản minh chứng trước khi gửi lại.',
        items: first
          ? [{ kind: 'task', id: first.taskId, comment: 'Ghi rõ số hồ sơ, số người tham gia.' }]
          : [],
      },
      focal,
    );
  };
  return { tell };
}

/** Updates the unit's first `tasks` tasks and first indicator; explains what must be. */
async function write(
  db: Kysely<Database>,
  reportId: number,
  userId: number,
  tasks: number,
): Promise<void> {
  const context = await loadReportContext(db, reportId);
  let report = await loadReport(db, reportId);
  for (const [i, task] of report.tasks.slice(0, tasks).entries()) {
    const done = i === 1 && task.role === 'lead';
    await saveTaskUpdate(
      db,
      context,
      task.taskId,
      {
        ...TASK,
        version: task.update?.version ?? 0,
        status: done ? 'done' : 'in_progress',
        progress: done ? 100 : 40 + 10 * i,
        completedOn: done ? todayInVietnam() : null,
        ...(i === 0 ? DIFFICULTY : {}),
      },
      userId,
    );
  }
  const indicator = report.indicators[0];
  if (indicator)
    await saveIndicatorValue(
      db,
      context,
      indicator.indicatorId,
      { ...VALUE, version: indicator.value?.version ?? 0 },
      userId,
    );
  // Overdue tasks and off-track indicators need their explanation before the report goes.
  report = await loadReport(db, reportId);
  for (const task of report.tasks)
    if (task.needsExplanation && !task.update?.explanation)
      await saveTaskUpdate(
        db,
        context,
        task.taskId,
        {
          ...TASK,
          ...task.update,
          status: (task.update?.status ?? 'in_progress') as 'in_progress',
          version: task.update?.version ?? 0,
          explanation: EXPLANATION,
        },
        userId,
      );
  for (const item of report.indicators)
    if (item.needsExplanation && !item.value?.explanation)
      await saveIndicatorValue(
        db,
        context,
        item.indicatorId,
        { ...VALUE, ...item.value, version: item.value?.version ?? 0, explanation: EXPLANATION },
        userId,
      );
}

const TASK = {
  status: null,
  progress: null,
  results: 'Đã triển khai theo kế hoạch; tổ chức hội nghị quán triệt cho cán bộ, công chức.',
  resourcesVnd: null,
  difficulties: null,
  proposals: null,
  evidenceText: 'Báo cáo số 15/BC-UBND',
  completedOn: null,
  explanation: null,
};
const DIFFICULTY = {
  difficulties: 'Thiếu kinh phí mua sắm thiết bị và phần mềm.',
  proposals: 'Đề nghị thành phố hỗ trợ kinh phí chuyển đổi số năm tới.',
};
const VALUE = {
  valueNumber: 60,
  valueText: null,
  dataSource: 'Số liệu thống kê của xã',
  note: null,
  explanation: null,
};
const EXPLANATION =
  'Nguyên nhân: kinh phí được giao chậm. Giải pháp: hoàn thành trong quý tới, báo cáo kết quả kỳ sau.';

/** The earlier period as if reported before its due date: its reports, their reviews and the
 *  notifications they raised. */
async function backdate(db: Kysely<Database>, periodId: number, day: string): Promise<void> {
  const at = `${day}T03:00:00.000Z`;
  const reports = db.selectFrom('reports').select('id').where('period_id', '=', periodId);
  await db
    .updateTable('reports')
    .set({ submitted_at: at, first_submitted_at: at, reviewed_at: at, created_at: at })
    .where('period_id', '=', periodId)
    .execute();
  const links = (await reports.execute()).map((r) => `/reports/${r.id}`);
  if (links.length)
    await db
      .updateTable('notifications')
      .set({ created_at: at, read_at: at })
      .where('link', 'in', links)
      .execute();
}
