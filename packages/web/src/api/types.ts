// Shapes of the server's JSON responses (see /api/docs for the full OpenAPI description).
// Enum-like values come from @tiendo/core (contract/enums.ts), as the server's are.
import type {
  AuditEntryView,
  ConcernView,
  ContributionView,
  IndicatorValueView,
  PeriodView,
  PlanStatus,
  Role,
  TaskUpdateView,
  UnitKind,
} from '@tiendo/core';

// A report and the periods: the shared contract (core contract/reports.ts), no copies.
export type { DraftReview, MyReportRow, PeriodOverview, ReportDetail } from '@tiendo/core';
export type TaskUpdate = TaskUpdateView;
export type IndicatorValue = IndicatorValueView;
export type Contribution = ContributionView;
export type Period = PeriodView;

export interface Me {
  id: number;
  username: string;
  displayName: string;
  unitId: number | null;
  roles: Array<{ role: Role; scopeUnitId: number }>;
  csrfToken: string;
  mustChangePassword: boolean;
}

export interface PlanSummary {
  id: number;
  title: string;
  number: string | null;
  issued_on: string | null;
  status: PlanStatus;
  commune_id: number;
  commune_name: string;
  owner_kind: UnitKind;
  indicator_count: number;
  task_count: number;
}

export interface PlanDetail {
  /** What the signed-in user may do here, as the server's policy says. */
  permissions: { manage: boolean; amend: boolean; review: boolean };
  id: number;
  /** Reports units have sent: while 0, a published plan may go back to draft. */
  sentReports: number;
  version: number;
  title: string;
  number: string | null;
  issuer: string;
  issuedOn: string | null;
  status: PlanStatus;
  communeId: number;
  communeName: string;
  /** 'province' for a higher-level plan that communes implement */
  ownerKind: string;
  parentPlanId: number | null;
  focalUnit: string | null;
  sections: Array<{ id: number; appendix: string; kind: string; heading: string | null }>;
  indicators: Array<
    {
      id: number;
      sectionId: number;
      parentId: number | null;
      code: string;
      name: string;
      unit: string | null;
      lead: string | null;
      output: string | null;
      targets: Array<{ year: number | null; text: string }>;
    } & ItemVersion
  >;
  tasks: Array<
    {
      id: number;
      sectionId: number;
      code: string;
      content: string;
      lead: string | null;
      coordinate: string | null;
      output: string | null;
      deadline: string | null;
    } & ItemVersion
  >;
}

/** Where a plan item stands in the plan's history (amendments). */
export interface ItemVersion {
  /** The item across its versions (the first version's id). */
  lineageId: number;
  validFrom: string | null;
  validTo: string | null;
  amendmentId: number | null;
  /** Set when an amendment retired the item (no longer tracked). */
  retiredReason: string | null;
  director: string | null;
  responsible: string | null;
}

export type Concern = ConcernView;

export interface Compliance {
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  completeness: number | null;
  timeliness: number | null;
}

export type AuditEntry = AuditEntryView;
