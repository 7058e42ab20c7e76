// Shapes of the server's JSON responses (see /api/docs for the full OpenAPI description).
// Enum-like values come from @tiendo/core (contract/enums.ts), as the server's are.
import type {
  AuditEntryView,
  ComplianceFigures,
  ConcernView,
  ContributionView,
  IndicatorValueView,
  PeriodView,
  TaskUpdateView,
} from '@tiendo/core';

// A report and the periods: the shared contract (core contract/reports.ts), no copies.
export type { DraftReview, MyReportRow, PeriodOverview, ReportDetail } from '@tiendo/core';
export type TaskUpdate = TaskUpdateView;
export type IndicatorValue = IndicatorValueView;
export type Contribution = ContributionView;
export type Period = PeriodView;

// The signed-in user, the plan list and a plan: the shared contract (core contract/plans.ts).
export type { ItemVersion, Me, PlanDetail, PlanSummary } from '@tiendo/core';

export type Concern = ConcernView;

/** A unit's (or the whole plan's) reporting completeness and timeliness. */
export type Compliance = ComplianceFigures;

export type AuditEntry = AuditEntryView;
