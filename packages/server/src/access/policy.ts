import { COUNTED_STATUSES, type PlanStatus, type ReportStatus, type Role } from '@tiendo/core';
import { forbidden } from '../http/errors.ts';

// Every access rule of the app, in one place: `can(scope, action, resource)`. A route loads
// the resource's few facts (its commune, its status…) and asks; the web app receives the
// answers as `permissions` beside the data, so it never re-derives a rule from roles.
//
// Roles (auth/roles.ts), each held on an org unit:
//   admin            global, whatever unit it is filed under
//   national_viewer  global and read-only (cấp trung ương): every province's roll-ups and
//                    what a province viewer reads there; filed under any unit
//   province_viewer  a province: reads its communes' published plans and counted reports
//   commune_leader   a commune (lãnh đạo UBND): reads everything of the commune
//   focal_officer    a commune (cán bộ đầu mối): manages its plans, periods, units, users
//   unit_reporter    a unit (người báo cáo): writes its unit's reports

/** What a signed-in user reaches, resolved once per request (access/scope.ts). */
export interface Scope {
  userId: number;
  admin: boolean;
  /** Reads every province as its province viewer would (national_viewer). */
  national: boolean;
  focalOf: ReadonlySet<number>;
  leaderOf: ReadonlySet<number>;
  provinceOf: ReadonlySet<number>;
  reporterOf: ReadonlySet<number>;
  /** Communes whose records the user reads: their own, their province's, and the communes
   *  merged into those. 'all' for an admin and the national level. */
  communes: ReadonlySet<number> | 'all';
  /** Owners of the plans the user reads: those communes and the provinces above them. */
  planOwners: ReadonlySet<number> | 'all';
}

export interface PlanRef {
  /** The commune (or province, for a higher-level plan) that owns the plan. */
  ownerId: number;
  status: PlanStatus;
}

export interface ReportRef {
  unitId: number;
  communeId: number;
  provinceId: number | null;
  status: ReportStatus;
}

export interface PeriodRef {
  communeId: number;
  provinceId: number | null;
}

export interface UserRef {
  /** The communes the user belongs to, by unit and role scopes. */
  communeIds: ReadonlySet<number>;
  roles: readonly Role[];
}

/** A plan item's units: who leads it (chủ trì) and who coordinates it (phối hợp). */
export interface ItemUnits {
  lead: readonly number[];
  coordinate: readonly number[];
}

/** One unit leads the item and the other coordinates it (a unit listed both ways leads). */
function shareItem(item: ItemUnits, a: number, b: number): boolean {
  const leads = (u: number) => item.lead.includes(u);
  const coordinates = (u: number) => item.coordinate.includes(u) && !leads(u);
  return (coordinates(a) && leads(b)) || (leads(a) && coordinates(b));
}

const within = (set: ReadonlySet<number> | 'all', id: number | null) =>
  id !== null && (set === 'all' || set.has(id));

/** Roles that live inside one commune, which its focal officer may grant and manage. */
export const COMMUNE_ROLES: readonly Role[] = ['unit_reporter', 'commune_leader', 'focal_officer'];

/** Each action and the facts of the resource it is asked about. */
interface Resources {
  'commune.read': { id: number };
  'commune.manage': { id: number };
  'province.view': { id: number };
  'nation.view': Record<string, never>;
  'plan.read': PlanRef;
  'plan.manage': PlanRef;
  'plan.amend': PlanRef;
  'plan.review': PlanRef & { provinceId: number | null };
  'report.write': ReportRef;
  'report.review': ReportRef;
  'report.read': ReportRef;
  'report.readText': ReportRef & { item?: ItemUnits };
  'period.readOutputs': PeriodRef;
  'period.writeOutputs': PeriodRef;
  'period.readUpward': PeriodRef;
  'user.administer': UserRef;
  'role.grant': { role: Role };
}
export type Action = keyof Resources;
export type ResourceOf<A extends Action> = Resources[A];
type Rules = { [A in Action]: (scope: Scope, resource: Resources[A]) => boolean };

const manageCommune = (s: Scope, communeId: number) => s.admin || s.focalOf.has(communeId);
const viewProvince = (s: Scope, provinceId: number | null) =>
  s.admin || s.national || (provinceId !== null && s.provinceOf.has(provinceId));
const leadCommune = (s: Scope, communeId: number) => s.leaderOf.has(communeId);

/** The commune's own readers of everything: managers and leaders. */
const communeOversight = (s: Scope, communeId: number) =>
  manageCommune(s, communeId) || leadCommune(s, communeId);

const RULES: Rules = {
  /** See the commune's records (plans, dashboards, unit history). */
  'commune.read': (s: Scope, c: { id: number }) => within(s.communes, c.id),
  /** Manage its plans, periods, units and users. */
  'commune.manage': (s: Scope, c: { id: number }) => manageCommune(s, c.id),
  /** The province's roll-ups across its communes. */
  'province.view': (s: Scope, p: { id: number }) => viewProvince(s, p.id),
  /** The national view across provinces. */
  'nation.view': (s: Scope) => s.admin || s.national,

  /** Read a plan: published or archived ones of readable owners; drafts only to managers. */
  'plan.read': (s: Scope, p: PlanRef) =>
    within(s.planOwners, p.ownerId) && (p.status !== 'draft' || manageCommune(s, p.ownerId)),
  /** Edit the draft, publish, run periods, add local items, link to the plan above. */
  'plan.manage': (s: Scope, p: PlanRef) => manageCommune(s, p.ownerId),

  /** Amend the published plan (điều chỉnh, bổ sung): its focal officer and its leaders —
   *  the province's own for a province plan (they hold those roles on the province). */
  'plan.amend': (s: Scope, p: PlanRef) => communeOversight(s, p.ownerId),
  /** The yearly and five-year reviews (sơ kết, tổng kết): the owner's oversight and the
   *  province above it (they quote what units wrote). */
  'plan.review': (s: Scope, p: PlanRef & { provinceId: number | null }) =>
    communeOversight(s, p.ownerId) || viewProvince(s, p.provinceId) || viewProvince(s, p.ownerId),

  /** A unit's own report: its reporters write it while it is open. */
  'report.write': (s: Scope, r: ReportRef) => s.reporterOf.has(r.unitId),
  /** Return, approve, reopen. */
  'report.review': (s: Scope, r: ReportRef) => manageCommune(s, r.communeId),
  /** Open the report itself, text included. The province sees only counted reports. */
  'report.read': (s: Scope, r: ReportRef) =>
    s.reporterOf.has(r.unitId) ||
    communeOversight(s, r.communeId) ||
    (viewProvince(s, r.provinceId) && COUNTED_STATUSES.includes(r.status)),
  /** The free text of a unit's report (results, difficulties, proposals, explanations,
   *  evidence, notes) where plan-wide views show figures and statuses to every reader: whoever
   *  reads the whole report; besides, another unit's reporter about one item of a sent report
   *  — the lead unit's consolidated update on a task their unit coordinates (phối hợp), and a
   *  coordinating unit's contribution to a task their unit leads (chủ trì). */
  'report.readText': (s: Scope, r: ReportRef & { item?: ItemUnits }) =>
    RULES['report.read'](s, r) ||
    (r.item !== undefined &&
      COUNTED_STATUSES.includes(r.status) &&
      [...s.reporterOf].some((mine) => mine !== r.unitId && shareItem(r.item!, mine, r.unitId))),

  /** The period's official report (narrative, .docx/.xlsx): managers write, leaders read. */
  'period.readOutputs': (s: Scope, p: PeriodRef) => communeOversight(s, p.communeId),
  'period.writeOutputs': (s: Scope, p: PeriodRef) => manageCommune(s, p.communeId),
  /** The report sent up to the province: the commune's oversight and the province. */
  'period.readUpward': (s: Scope, p: PeriodRef) =>
    communeOversight(s, p.communeId) || viewProvince(s, p.provinceId),

  /** Reset a password, edit, lock a user: an admin anyone; a focal officer only someone of
   *  their one commune whose every role lives inside it (never an admin or province role). */
  'user.administer': (s: Scope, u: UserRef) => {
    if (s.admin) return true;
    if (u.communeIds.size !== 1 || u.roles.some((r) => !COMMUNE_ROLES.includes(r))) return false;
    return manageCommune(s, [...u.communeIds][0]!);
  },
  /** Grant a role: admin and province roles only by an admin. */
  'role.grant': (s: Scope, r: { role: Role }) => s.admin || COMMUNE_ROLES.includes(r.role),
};

export function can<A extends Action>(scope: Scope, action: A, resource: ResourceOf<A>): boolean {
  return RULES[action](scope, resource);
}

const REFUSALS: Partial<Record<Action, string>> = {
  'commune.read': 'Bạn không có quyền xem dữ liệu của xã này',
  'commune.manage': 'Chỉ quản trị hệ thống hoặc cán bộ đầu mối của xã mới quản lý được mục này',
  'province.view': 'Chỉ cấp tỉnh/thành phố mới xem được mục này',
  'nation.view': 'Chỉ cấp trung ương mới xem được tổng hợp toàn quốc',
  'plan.read': 'Bạn không có quyền xem kế hoạch này',
  'plan.manage': 'Chỉ cán bộ đầu mối của xã mới thay đổi được kế hoạch',
  'plan.amend': 'Chỉ cán bộ đầu mối hoặc lãnh đạo UBND mới điều chỉnh được kế hoạch',
  'plan.review':
    'Chỉ cán bộ đầu mối, lãnh đạo UBND và cấp tỉnh mới xem được báo cáo sơ kết, tổng kết',
  'report.read': 'Bạn không có quyền xem báo cáo này',
  'report.write': 'Chỉ đơn vị được giao mới cập nhật được báo cáo này',
  'report.review': 'Chỉ cán bộ đầu mối của xã mới duyệt được báo cáo',
  'period.readOutputs': 'Chỉ cán bộ đầu mối, lãnh đạo UBND xã mới xem được báo cáo tổng hợp',
  'period.writeOutputs': 'Chỉ cán bộ đầu mối của xã mới lập được báo cáo tổng hợp',
  'user.administer': 'Bạn không quản lý được người dùng này',
  'role.grant': 'Chỉ quản trị hệ thống mới cấp được vai trò này',
};

/** Refuses with 403 and a Vietnamese reason unless `can` allows. */
export function assertCan<A extends Action>(
  scope: Scope,
  action: A,
  resource: ResourceOf<A>,
  reason = REFUSALS[action],
): void {
  if (!can(scope, action, resource)) throw forbidden(reason);
}
