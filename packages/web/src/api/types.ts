// Shapes of the server's JSON responses (see /api/docs for the full OpenAPI description).
// Enum-like values come from @tiendo/core (contract/enums.ts), as the server's are.
import type {
  PeriodKind,
  PeriodStatus,
  PlanStatus,
  ReportStatus,
  Role,
  UnitKind,
} from '@tiendo/core';

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

export interface DraftReview {
  planId: number;
  communeId: number;
  version: number;
  draft: import('@tiendo/core').PlanDraft;
  warnings: Array<{ where: string; message: string }>;
  sourceLines: string[];
  unitProposals: string[];
  /** Proposals to look at before creating (left unticked), with why. */
  unitDoubts: Record<string, string>;
  /** The commune (or province) the plan is imported into. */
  ownerName: string;
  /** The place the document names when it is not the owner. */
  localityMismatch: string | null;
  /** Published or archived plans of the owner with the same number and date. */
  duplicates: Array<{
    id: number;
    title: string;
    number: string | null;
    issuedOn: string | null;
    status: string;
  }>;
}

export interface TaskUpdate {
  version: number;
  status: 'not_started' | 'in_progress' | 'done' | null;
  progress: number | null;
  results: string | null;
  resourcesVnd: number | null;
  difficulties: string | null;
  proposals: string | null;
  evidenceText: string | null;
  completedOn: string | null;
  reviewComment: string | null;
  explanation: string | null;
  /** Carried over from the last period, not touched since. */
  prefilled?: boolean;
}

export interface IndicatorValue {
  version: number;
  valueNumber: number | null;
  valueText: string | null;
  dataSource: string | null;
  note: string | null;
  reviewComment: string | null;
  explanation: string | null;
  prefilled?: boolean;
}

export interface Contribution {
  unitId: number;
  unitName: string;
  results: string | null;
  difficulties: string | null;
  proposals: string | null;
  evidenceText: string | null;
  resourcesVnd: number | null;
  submittedAt: string | null;
}

export interface ReportDetail {
  id: number;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  version: number;
  unitId: number;
  unitName: string;
  submittedAt: string | null;
  reviewComment: string | null;
  periodId: number;
  periodLabel: string;
  dueDate: string;
  periodStatus: string;
  planId: number;
  planTitle: string;
  permissions: { write: boolean; review: boolean };
  /** The unit may write now: the period is open (or reopened for it) and the report a draft. */
  editable: boolean;
  /** The day the period locks itself (khóa sổ), or null. */
  lockOn: string | null;
  windowStart: string;
  windowEnd: string;
  unlockedAt: string | null;
  unlockReason: string | null;
  tasks: Array<{
    taskId: number;
    code: string;
    /** The plan's group heading (or appendix) the task sits under. */
    section: string | null;
    content: string;
    output: string | null;
    deadline: string | null;
    role: 'lead' | 'coordinate';
    update: TaskUpdate | null;
    needsExplanation: 'overdue' | null;
    contributions: {
      given: Contribution[];
      missing: Array<{ unitId: number; unitName: string }>;
    } | null;
    attachments: Array<{ id: number; filename: string; size: number; sha256: string }>;
  }>;
  indicators: Array<{
    indicatorId: number;
    code: string;
    section: string | null;
    name: string;
    unit: string | null;
    targets: Array<{ year: number | null; text: string }>;
    value: IndicatorValue | null;
    /** What the province assigned to the commune, by year (giao chỉ tiêu). */
    assigned: Array<{ year: number; value: number }>;
    needsExplanation: 'off_track' | null;
  }>;
}

export interface MyReportRow {
  unitId: number;
  unitName: string;
  planId: number;
  planTitle: string;
  periodId: number;
  periodLabel: string;
  dueDate: string;
  periodStatus: string;
  reportId: number | null;
  reportStatus: string;
  reviewComment: string | null;
  windowStart: string;
  windowEnd: string;
  bucket: 'returned' | 'overdue' | 'due' | 'done' | 'missed';
}

export interface Concern {
  id: number;
  kind: 'difficulty' | 'proposal';
  content: string;
  addressee: string | null;
  answerDue: string | null;
  answer: string | null;
  answeredAt: string | null;
  status: 'open' | 'answered' | 'closed';
  version: number;
  raisedAt: string;
  planId: number;
  planTitle: string;
  taskCode: string;
  taskContent: string;
  unitId: number;
  unitName: string;
  periodLabel: string;
}

export interface Compliance {
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  completeness: number | null;
  timeliness: number | null;
}

export interface Period {
  id: number;
  plan_id: number;
  kind: PeriodKind;
  label: string;
  window_start: string;
  window_end: string;
  due_date: string;
  status: PeriodStatus;
  /** Locks itself this many days after the due date; null: only by hand. */
  lock_after_days: number | null;
  version: number;
}

export interface PeriodOverview {
  /** What the signed-in user may do here, as the server's policy says. */
  permissions: { manage: boolean };
  period: Period & { commune_id: number };
  units: Array<{
    unitId: number;
    unitName: string;
    tasks: number;
    indicators: number;
    reportId: number | null;
    status: ReportStatus | 'not_started';
    submittedAt: string | null;
    onTime: boolean | null;
    unlocked: { at: string; reason: string | null } | null;
    contributions: { expected: number; given: number };
  }>;
}

export interface AuditEntry {
  id: number;
  at: string;
  entity: string;
  action: string;
  reason: string | null;
  userName: string | null;
  taskId?: number;
  indicatorId?: number;
}
