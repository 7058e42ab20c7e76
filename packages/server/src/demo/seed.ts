import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { PlanDraft } from '@tiendo/core';
import type { Database } from '../db/schema.ts';
import { createOrgUnit } from '../org/queries.ts';
import { createPlanFromDraft } from '../plans/store.ts';
import { createUser } from '../org/users.ts';
import { seedCascade } from './provincePlan.ts';
import type { Role } from '../auth/roles.ts';
import { DEMO_PASSWORD } from '../auth/demoAccount.ts';
import { seedActivity, type DemoCommune } from './activity.ts';

// Demo data: Hải Phòng with the four communes of the seed plans, each with its usual units
// (after the 1/7/2025 reorganisation), one user per role, and each commune's plan published,
// implementing the city's plan (see provincePlan.ts). With `activity` (a first start of the
// server, not the tests), the communes' reporting is under way too (see activity.ts).

export { DEMO_PASSWORD };
const DRAFTS_DIR = resolve(import.meta.dirname, '../../../../fixtures/gold');

/** [unit name, short code used in the demo usernames] */
function unitsFor(locality: string): Array<[string, string]> {
  const level = locality.startsWith('phường') ? 'phường' : 'xã';
  return [
    ['Văn phòng HĐND và UBND', 'vp'],
    [level === 'phường' ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế', 'kt'],
    ['Phòng Văn hóa - Xã hội', 'vhxh'],
    ['Trung tâm Phục vụ hành chính công', 'pvhcc'],
    [`Công an ${level}`, 'ca'],
    [`Ban Chỉ huy Quân sự ${level}`, 'qs'],
  ];
}

/** "xã Kiến Hưng" → "kienhung": the prefix of the commune's demo usernames. */
function slug(locality: string): string {
  return locality
    .replace(/^(xã|phường|đặc khu)\s+/i, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^a-zA-Z0-9]/g, '')
    .toLowerCase();
}

export function loadDemoDrafts(dir = DRAFTS_DIR): PlanDraft[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => PlanDraft.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export interface DemoSummary {
  communes: number;
  plans: number;
  users: string[];
}

export interface DemoOptions {
  /** Periods generated, the last one reported and closed, the current one under way. */
  activity?: boolean;
}

export async function seedDemo(
  db: Kysely<Database>,
  drafts = loadDemoDrafts(),
  options: DemoOptions = {},
): Promise<DemoSummary> {
  const users: string[] = [];
  const addUser = async (
    username: string,
    displayName: string,
    unitId: number | null,
    role: Role,
    scope: number,
  ) => {
    const id = await createUser(db, {
      username,
      displayName,
      password: DEMO_PASSWORD,
      unitId,
      roles: [{ role, scopeUnitId: scope }],
    });
    users.push(username);
    return id;
  };
  const province = await createOrgUnit(db, {
    parentId: null,
    kind: 'province',
    name: 'Thành phố Hải Phòng',
    code: '31',
  });
  const admin = await addUser('admin', 'Quản trị hệ thống', null, 'admin', province);
  const communePlans: number[] = [];
  const communes: DemoCommune[] = [];
  await addUser('haiphong', 'Chuyên viên Sở KH&CN Hải Phòng', null, 'province_viewer', province);
  // The central level reads every province; its role is global, filed under the province.
  await addUser('trunguong', 'Chuyên viên Bộ KH&CN', null, 'national_viewer', province);
  for (const draft of drafts) {
    const locality = draft.plan.locality ?? draft.plan.issuer;
    const name = locality.charAt(0).toUpperCase() + locality.slice(1);
    const commune = await createOrgUnit(db, { parentId: province, kind: 'commune', name });
    const s = slug(locality);
    let focalUnit: number | null = null;
    const units = new Map<number, string>();
    for (const [unitName, short] of unitsFor(locality)) {
      const unitId = await createOrgUnit(db, { parentId: commune, kind: 'unit', name: unitName });
      units.set(unitId, short);
      if (short === 'vhxh') focalUnit = unitId;
      await addUser(`${s}.${short}`, `Báo cáo viên ${unitName}`, unitId, 'unit_reporter', unitId);
    }
    const planId = await createPlanFromDraft(db, {
      communeId: commune,
      draft,
      status: 'published',
    });
    communePlans.push(planId);
    communes.push({ planId, slug: s, units });
    await addUser(`${s}.lanhdao`, `Lãnh đạo UBND ${name}`, null, 'commune_leader', commune);
    await addUser(`${s}.daumoi`, `Cán bộ đầu mối ${name}`, focalUnit, 'focal_officer', commune);
  }
  const cityPlan = await seedCascade(db, province, drafts, communePlans, admin);
  if (options.activity) await seedActivity(db, communes);
  return { communes: drafts.length, plans: drafts.length + (cityPlan ? 1 : 0), users };
}
