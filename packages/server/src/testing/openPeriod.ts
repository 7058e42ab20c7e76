import type { FastifyInstance } from 'fastify';
import type { TestDatabase } from './databases.ts';
import { asUser, useAppFixture, type LoggedIn } from './app.ts';
import type { DialectName } from '../db/dialect.ts';
import {
  buildCommune,
  buildPeriod,
  buildPlan,
  buildProvince,
  buildReport,
  buildUnit,
  buildUserWithRole,
  signIn,
  type UnitRow,
  type UserRow,
} from './factories.ts';

// A commune with a period in progress, built by the factories, shaped like the demo's first
// commune. Its plan's tasks: the first led by kt and vhxh together (both report on it), then two
// for each of kt, vhxh and pvhcc in turn, COORDINATED_TASK (led by vhxh, pvhcc and kt
// coordinating), one led by kt with pvhcc coordinating, one of kt's long overdue
// (OVERDUE_DEADLINE, not yet written), and one of a fourth unit (silent) that never opens its
// report; one indicator each for kt, vhxh and pvhcc. The first period ("6 tháng đầu năm 2026")
// is open: kt's report submitted (its first task in progress with a difficulty and a proposal,
// its indicator at 85.5), vhxh's approved (its first task done), pvhcc's still a draft.

export type UnitKey = 'kt' | 'vhxh' | 'pvhcc';
const UNIT_KEYS: UnitKey[] = ['kt', 'vhxh', 'pvhcc'];
export const COORDINATED_TASK = 'Nhiệm vụ thử có đơn vị phối hợp';
export const OVERDUE_DEADLINE = 'Tháng 10/2025';

export interface OpenPeriod {
  send: ReturnType<typeof asUser>;
  province: UnitRow;
  commune: UnitRow;
  units: Record<UnitKey | 'silent', UnitRow>;
  /** The people, to sign in again or to name in assertions. */
  people: Record<UnitKey | 'silent' | 'focal' | 'lanhdao', UserRow>;
  focal: LoggedIn;
  users: Record<UnitKey | 'lanhdao', LoggedIn>;
  planId: number;
  periodId: number;
  reports: Record<UnitKey, number>;
  taskIds: Record<UnitKey, number>;
}

export async function openPeriod(
  app: FastifyInstance,
  database: TestDatabase,
  results = 'Đã rà soát 120 hồ sơ doanh nghiệp',
): Promise<OpenPeriod> {
  const db = database.db;
  const province = await buildProvince(db);
  const commune = await buildCommune(db, { provinceId: province.id });
  const units = {} as OpenPeriod['units'];
  const people = {} as OpenPeriod['people'];
  for (const key of [...UNIT_KEYS, 'silent'] as const) {
    units[key] = await buildUnit(db, { communeId: commune.id });
    people[key] = await buildUserWithRole(db, 'unit_reporter', units[key]);
  }
  people.focal = await buildUserWithRole(db, 'focal_officer', commune, {
    unitId: units.vhxh.id,
  });
  people.lanhdao = await buildUserWithRole(db, 'commune_leader', commune);
  const leads = UNIT_KEYS.map((k) => units[k]);
  const plan = await buildPlan(db, {
    communeId: commune.id,
    leads,
    indicators: 3,
    tasks: [
      { lead: `${units.kt.name}; ${units.vhxh.name}` },
      ...Array.from({ length: 5 }, () => ({})),
      {
        content: COORDINATED_TASK,
        lead: units.vhxh.name,
        coordinate: `${units.pvhcc.name}; ${units.kt.name}`,
      },
      { lead: units.kt.name, coordinate: units.pvhcc.name },
      { lead: units.kt.name, deadline: OVERDUE_DEADLINE },
      { lead: units.silent.name },
    ],
  });
  const period = await buildPeriod(db, { planId: plan.id, userId: people.focal.id });
  const reports = {} as OpenPeriod['reports'];
  const taskIds = {} as OpenPeriod['taskIds'];
  for (const key of UNIT_KEYS) {
    const report = await buildReport(db, {
      periodId: period.id,
      unitId: units[key].id,
      userId: people[key].id,
      reviewerId: people.focal.id,
      status: ({ kt: 'submitted', vhxh: 'approved', pvhcc: 'draft' } as const)[key],
      task: {
        status: key === 'vhxh' ? 'done' : 'in_progress',
        results: key === 'kt' ? results : `Kết quả của ${units[key].name}`,
        difficulties: key === 'kt' ? 'Thiếu kinh phí cho phần mềm' : null,
        proposals: key === 'kt' ? 'Đề nghị thành phố hỗ trợ kinh phí' : null,
      },
    });
    reports[key] = report.id;
    taskIds[key] = report.taskId;
  }
  const users = {} as OpenPeriod['users'];
  for (const key of [...UNIT_KEYS, 'lanhdao'] as const) users[key] = await signIn(app, people[key]);
  const focal = await signIn(app, people.focal);
  return {
    send: asUser(app),
    province,
    commune,
    units,
    people,
    focal,
    users,
    planId: plan.id,
    periodId: period.id,
    reports,
    taskIds,
  };
}

/** A test file's fixture: a fresh database of `dialect`, the app, and the open period. */
export function useOpenPeriod(dialect: DialectName, results?: string) {
  return useAppFixture(dialect, (app, database) => openPeriod(app, database, results));
}
