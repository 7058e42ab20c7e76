import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles.ts';
import { assertCan, can, type PlanRef, type ReportRef, type Scope } from './policy.ts';

// The rules on their own, role by role, without a database. The authorisation matrix
// (auth/authorizationMatrix.test.ts) checks that every route asks them.

const PROVINCE = 1;
const COMMUNE = 10;
const OTHER_COMMUNE = 20;
const UNIT = 100;
const OTHER_UNIT = 101; // same commune
const FOREIGN_UNIT = 200; // other commune

function scope(roles: Partial<Record<Role, number[]>>, communes?: number[]): Scope {
  const set = (role: Role) => new Set(roles[role] ?? []);
  const admin = (roles.admin ?? []).length > 0;
  const everywhere = admin || (roles.national_viewer ?? []).length > 0;
  const readable = new Set(communes ?? [COMMUNE]);
  return {
    userId: 1,
    admin,
    national: (roles.national_viewer ?? []).length > 0,
    focalOf: set('focal_officer'),
    leaderOf: set('commune_leader'),
    provinceOf: set('province_viewer'),
    reporterOf: set('unit_reporter'),
    communes: everywhere ? 'all' : readable,
    planOwners: everywhere ? 'all' : new Set([...readable, PROVINCE]),
  };
}

const ADMIN = scope({ admin: [COMMUNE] }); // filed under a commune, still global
const PROVINCE_VIEWER = scope({ province_viewer: [PROVINCE] }, [COMMUNE, OTHER_COMMUNE]);
const LEADER = scope({ commune_leader: [COMMUNE] });
const FOCAL = scope({ focal_officer: [COMMUNE] });
const REPORTER = scope({ unit_reporter: [UNIT] });
const NATIONAL = scope({ national_viewer: [PROVINCE] });
const OTHER_FOCAL = scope({ focal_officer: [OTHER_COMMUNE] }, [OTHER_COMMUNE]);

describe('plans', () => {
  const published: PlanRef = { ownerId: COMMUNE, status: 'published' };
  const draft: PlanRef = { ownerId: COMMUNE, status: 'draft' as const };
  const cityPlan: PlanRef = { ownerId: PROVINCE, status: 'published' };

  it('every reader of the commune reads its published plan and the city plan above it', () => {
    for (const s of [ADMIN, PROVINCE_VIEWER, LEADER, FOCAL, REPORTER]) {
      expect(can(s, 'plan.read', published)).toBe(true);
      expect(can(s, 'plan.read', cityPlan)).toBe(true);
    }
    expect(can(OTHER_FOCAL, 'plan.read', published)).toBe(false);
  });

  it('a draft is read and managed only by its commune’s focal officer and admins', () => {
    expect(
      [ADMIN, PROVINCE_VIEWER, LEADER, FOCAL, REPORTER].map((s) => can(s, 'plan.read', draft)),
    ).toEqual([true, false, false, true, false]);
    expect(can(FOCAL, 'plan.manage', published)).toBe(true);
    expect(can(LEADER, 'plan.manage', published)).toBe(false);
    expect(can(OTHER_FOCAL, 'plan.manage', published)).toBe(false);
  });
});

describe('reports', () => {
  const own: ReportRef = {
    unitId: UNIT,
    communeId: COMMUNE,
    provinceId: PROVINCE,
    status: 'draft' as const,
  };
  const peer: ReportRef = { ...own, unitId: OTHER_UNIT };
  const submittedPeer: ReportRef = { ...peer, status: 'submitted' as const };

  it('a reporter writes and reads its own unit’s report, and no other unit’s text', () => {
    expect(can(REPORTER, 'report.write', own)).toBe(true);
    expect(can(REPORTER, 'report.read', own)).toBe(true);
    expect(can(REPORTER, 'report.readText', own)).toBe(true);
    expect(can(REPORTER, 'report.write', peer)).toBe(false);
    expect(can(REPORTER, 'report.read', submittedPeer)).toBe(false);
    expect(can(REPORTER, 'report.readText', submittedPeer)).toBe(false);
  });

  it('another unit’s reporter reads the text of one sent item they share: lead and coordinator', () => {
    const task = { lead: [OTHER_UNIT], coordinate: [UNIT] };
    expect(can(REPORTER, 'report.readText', { ...submittedPeer, item: task })).toBe(true);
    expect(can(REPORTER, 'report.readText', { ...peer, item: task })).toBe(false); // not sent
    const unrelated = { lead: [OTHER_UNIT], coordinate: [FOREIGN_UNIT] };
    expect(can(REPORTER, 'report.readText', { ...submittedPeer, item: unrelated })).toBe(false);
    const coLeads = { lead: [OTHER_UNIT, UNIT], coordinate: [] };
    expect(can(REPORTER, 'report.readText', { ...submittedPeer, item: coLeads })).toBe(false);
  });

  it('the commune’s oversight reads all; only the focal officer reviews; the province sees counted reports', () => {
    expect(can(FOCAL, 'report.review', peer)).toBe(true);
    expect(can(LEADER, 'report.review', peer)).toBe(false);
    expect(can(LEADER, 'report.readText', peer)).toBe(true);
    expect(can(PROVINCE_VIEWER, 'report.read', peer)).toBe(false);
    expect(can(PROVINCE_VIEWER, 'report.read', submittedPeer)).toBe(true);
    expect(can(OTHER_FOCAL, 'report.read', submittedPeer)).toBe(false);
  });
});

describe('user administration, role on role', () => {
  const person = (roles: Role[], communeIds = [COMMUNE]) => ({
    communeIds: new Set(communeIds),
    roles,
  });

  it('a focal officer manages people whose every role lives in their commune', () => {
    expect(can(FOCAL, 'user.administer', person(['unit_reporter']))).toBe(true);
    expect(can(FOCAL, 'user.administer', person(['commune_leader', 'focal_officer']))).toBe(true);
    expect(can(FOCAL, 'user.administer', person([]))).toBe(true);
  });

  it('never someone holding admin or a province role, nor someone of another commune', () => {
    expect(can(FOCAL, 'user.administer', person(['admin']))).toBe(false);
    expect(can(FOCAL, 'user.administer', person(['unit_reporter', 'admin']))).toBe(false);
    expect(can(FOCAL, 'user.administer', person(['province_viewer']))).toBe(false);
    expect(can(FOCAL, 'user.administer', person(['unit_reporter'], [OTHER_COMMUNE]))).toBe(false);
    expect(can(FOCAL, 'user.administer', person(['unit_reporter'], [COMMUNE, OTHER_COMMUNE]))).toBe(
      false,
    );
    expect(can(LEADER, 'user.administer', person(['unit_reporter']))).toBe(false);
    expect(can(REPORTER, 'user.administer', person(['unit_reporter']))).toBe(false);
  });

  it('an admin manages anyone and alone grants admin and province roles', () => {
    expect(can(ADMIN, 'user.administer', person(['admin'], [OTHER_COMMUNE]))).toBe(true);
    expect(can(ADMIN, 'role.grant', { role: 'admin' })).toBe(true);
    expect(can(FOCAL, 'role.grant', { role: 'admin' })).toBe(false);
    expect(can(FOCAL, 'role.grant', { role: 'province_viewer' })).toBe(false);
    expect(can(FOCAL, 'role.grant', { role: 'unit_reporter' })).toBe(true);
  });
});

describe('periods, communes, provinces', () => {
  const period = { communeId: COMMUNE, provinceId: PROVINCE };

  it('the official report: the focal officer writes, the leader reads, the province reads what is sent up', () => {
    expect(can(FOCAL, 'period.readOutputs', period)).toBe(true);
    expect(can(FOCAL, 'period.writeOutputs', period)).toBe(true);
    expect(can(LEADER, 'period.writeOutputs', period)).toBe(false);
    expect(can(LEADER, 'period.readOutputs', period)).toBe(true);
    expect(can(PROVINCE_VIEWER, 'period.readOutputs', period)).toBe(false);
    expect(can(PROVINCE_VIEWER, 'period.readUpward', period)).toBe(true);
    expect(can(REPORTER, 'period.readUpward', period)).toBe(false);
  });

  it('communes and provinces', () => {
    expect(can(REPORTER, 'commune.read', { id: COMMUNE })).toBe(true);
    expect(can(REPORTER, 'commune.read', { id: OTHER_COMMUNE })).toBe(false);
    expect(can(PROVINCE_VIEWER, 'province.view', { id: PROVINCE })).toBe(true);
    expect(can(FOCAL, 'province.view', { id: PROVINCE })).toBe(false);
    expect(() => assertCan(REPORTER, 'commune.manage', { id: COMMUNE })).toThrow(/cán bộ đầu mối/);
  });
});

describe('the national level', () => {
  const report = (status: ReportRef['status']): ReportRef => ({
    unitId: UNIT,
    communeId: OTHER_COMMUNE,
    provinceId: 2,
    status,
  });

  it('views every province and the national roll-up, and reads what a province viewer reads', () => {
    expect(can(NATIONAL, 'nation.view', {})).toBe(true);
    expect(can(ADMIN, 'nation.view', {})).toBe(true);
    for (const s of [PROVINCE_VIEWER, LEADER, FOCAL, REPORTER])
      expect(can(s, 'nation.view', {})).toBe(false);
    expect(can(NATIONAL, 'province.view', { id: 2 })).toBe(true);
    expect(can(NATIONAL, 'plan.read', { ownerId: OTHER_COMMUNE, status: 'published' })).toBe(true);
    expect(can(NATIONAL, 'report.read', report('approved'))).toBe(true);
    expect(can(NATIONAL, 'period.readUpward', { communeId: COMMUNE, provinceId: 2 })).toBe(true);
  });

  it('changes nothing: no draft, no report of a unit still writing it, no management', () => {
    expect(can(NATIONAL, 'plan.read', { ownerId: COMMUNE, status: 'draft' as const })).toBe(false);
    expect(can(NATIONAL, 'report.read', report('draft'))).toBe(false);
    expect(can(NATIONAL, 'plan.manage', { ownerId: COMMUNE, status: 'published' })).toBe(false);
    expect(can(NATIONAL, 'report.review', report('submitted'))).toBe(false);
    expect(can(NATIONAL, 'report.write', report('draft'))).toBe(false);
    expect(can(NATIONAL, 'commune.manage', { id: COMMUNE })).toBe(false);
    expect(can(NATIONAL, 'period.readOutputs', { communeId: COMMUNE, provinceId: 2 })).toBe(false);
    expect(can(NATIONAL, 'user.administer', { communeIds: new Set([COMMUNE]), roles: [] })).toBe(
      false,
    );
    expect(can(FOCAL, 'role.grant', { role: 'national_viewer' })).toBe(false); // an admin's to grant
  });
});

describe('a role on a unit that no longer exists', () => {
  it('reaches nothing', () => {
    const orphan = scope({ unit_reporter: [FOREIGN_UNIT] }, []);
    expect(can(orphan, 'commune.read', { id: COMMUNE })).toBe(false);
    expect(can(orphan, 'plan.read', { ownerId: COMMUNE, status: 'published' })).toBe(false);
  });
});
