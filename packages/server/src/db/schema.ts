import type { Generated } from 'kysely';
import type {
  AmendmentSource,
  NotificationKind,
  ConcernKind,
  ConcernStatus,
  ItemKindName,
  ItemRole,
  PeriodKind,
  PeriodStatus,
  PlanStatus,
  ReminderKind,
  ReportStatus,
  Role,
  SectionKind,
  ShareMethod,
  SuccessionKind,
  UnitKind,
  UpdateState,
} from '@tiendo/core';

// Table types for Kysely. Timestamps and dates are ISO-8601 text in both dialects so that
// queries, sorting and JSON output are identical on SQLite and PostgreSQL.

type Id = Generated<number>;
type Version = Generated<number>;

export interface OrgUnitTable {
  id: Id;
  parent_id: number | null;
  kind: UnitKind;
  /** Administrative code (Decision 19/2025/QĐ-TTg) for provinces and communes. */
  code: string | null;
  name: string;
  short_name: string | null;
  /** Diacritic-free, lower-case name for search and unit matching. */
  search_key: string;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: number | null;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Id;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  unit_id: number | null;
  active: Generated<number>;
  must_change_password: Generated<number>;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: Id;
  user_id: number;
  role: Role;
  /** The org unit (province, commune or unit) the role applies to. */
  scope_unit_id: number;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked database does not leak live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface TrustedDeviceTable {
  id: string;
  user_id: number;
  created_at: string;
  last_used_at: string;
}

/** A period's tasks by status and its reports received, for the roll-ups (migration 0008). */
export interface PeriodTallyTable {
  period_id: number;
  evaluated_on: string;
  /** JSON: TaskStatus → count. */
  task_counts: string;
  tasks: number;
  done_percent: number;
  overdue: number;
  received: number;
  on_time: number;
  updated_at: string;
}

export interface LoginAttemptTable {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

export interface DocumentTable {
  id: Id;
  commune_id: number;
  filename: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  created_at: string;
}

export interface PlanTable {
  id: Id;
  commune_id: number;
  document_id: number | null;
  number: string | null;
  title: string;
  issuer: string;
  issued_on: string | null;
  status: PlanStatus;
  focal_unit_id: number | null;
  focal_unit_text: string | null;
  parent_plan_id: number | null;
  /** The review's DraftEnvelope: edited while draft, kept after publishing (lines, roles). */
  draft_json: string | null;
  /** basis, signer, reporting obligations, replaces — as imported. */
  metadata_json: string;
  version: Version;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface PlanSectionTable {
  id: Id;
  plan_id: number;
  /** Appendix label as printed, e.g. "PHỤ LỤC 01". */
  appendix: string;
  kind: SectionKind;
  /** Group heading as "<numeral>. <text>", null when the table has no groups. */
  heading: string | null;
  ordinal: number;
}

/** An item's place in the plan's history (migration 0009): see plans/versions.ts. */
interface ItemVersionColumns {
  /** The first version's id; null on a first version (its own id). */
  lineage_id: number | null;
  /** First day in force; null: since the plan began. */
  valid_from: string | null;
  /** First day no longer in force (replaced or retired); null: still in force. */
  valid_to: string | null;
  /** The version that replaced this one; null on the latest. */
  superseded_by: number | null;
  /** The amendment that opened this version; null: the signed plan (or a local addition). */
  amendment_id: number | null;
  /** Why the item was retired (no longer tracked), when it was. */
  retired_reason: string | null;
}

export interface PlanAmendmentTable {
  id: Id;
  plan_id: number;
  ordinal: number;
  basis_number: string;
  basis_date: string | null;
  signer: string | null;
  document_id: number | null;
  effective_on: string;
  note: string | null;
  source: AmendmentSource;
  /** JSON: counts of added, changed and retired items. */
  summary_json: string;
  created_by: number | null;
  created_at: string;
}

export interface IndicatorTable extends ItemVersionColumns {
  id: Id;
  plan_id: number;
  section_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  measure_unit: string | null;
  lead_text: string | null;
  output: string | null;
  director: string | null;
  responsible: string | null;
  catalogue_id: number | null;
  ordinal: number;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface IndicatorTargetTable {
  id: Id;
  indicator_id: number;
  /** Milestone year; null when one value spans every year. */
  year: number | null;
  raw_text: string;
}

export interface IndicatorCatalogueTable {
  id: Id;
  code: string;
  name: string;
  search_key: string;
  measure_unit: string | null;
}

export interface TaskTable extends ItemVersionColumns {
  id: Id;
  plan_id: number;
  section_id: number;
  code: string;
  content: string;
  lead_text: string | null; // chủ trì
  coordinate_text: string | null; // phối hợp
  output: string | null; // sản phẩm đầu ra
  deadline_text: string | null; // thời gian hoàn thành
  director: string | null;
  responsible: string | null;
  ordinal: number;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface ItemUnitTable {
  item_id: number;
  unit_id: number;
  role: ItemRole;
}

export interface CascadeLinkTable {
  id: Id;
  child_kind: ItemKindName;
  child_id: number;
  parent_kind: ItemKindName;
  parent_id: number;
  created_at: string;
}

export interface ReportingPeriodTable {
  id: Id;
  plan_id: number;
  kind: PeriodKind;
  label: string;
  window_start: string;
  window_end: string;
  due_date: string;
  lock_after_days: number | null;
  status: PeriodStatus;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface ReportTable {
  id: Id;
  period_id: number;
  unit_id: number;
  status: ReportStatus;
  submitted_at: string | null;
  submitted_by: number | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  review_comment: string | null;
  /** Set while a locked period is reopened for this unit alone. */
  unlocked_at: string | null;
  unlocked_by: number | null;
  unlock_reason: string | null;
  /** The first time the report was sent; submitted_at is the latest. */
  first_submitted_at: string | null;
  version: Version;
  created_at: string;
  updated_at: string;
}

export interface TaskUpdateTable {
  id: Id;
  report_id: number;
  task_id: number;
  status: UpdateState | null;
  progress: number | null;
  results: string | null;
  resources_vnd: number | null;
  difficulties: string | null;
  proposals: string | null;
  evidence_text: string | null;
  review_comment: string | null;
  /** The day the unit says the work was completed (state done). */
  completed_on: string | null;
  /** Giải trình: required when the update leaves the task overdue. */
  explanation: string | null;
  version: Version;
  updated_at: string;
  updated_by: number | null;
}

export interface IndicatorValueTable {
  id: Id;
  report_id: number;
  indicator_id: number;
  value_number: number | null;
  value_text: string | null;
  data_source: string | null;
  note: string | null;
  review_comment: string | null;
  /** Giải trình: required when the value leaves the indicator off track. */
  explanation: string | null;
  version: Version;
  updated_at: string;
  updated_by: number | null;
}

export interface AttachmentTable {
  id: Id;
  report_id: number;
  task_update_id: number | null;
  filename: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  created_at: string;
}

export interface ReminderLogTable {
  id: Id;
  period_id: number;
  unit_id: number;
  kind: ReminderKind;
  claimed_at: string;
  sent_at: string | null;
  attempts: Generated<number>;
  recipients: Generated<number>;
  error: string | null;
}
export interface PeriodNarrativeTable {
  period_id: number;
  content_json: string;
  version: Generated<number>;
  updated_at: string;
  updated_by: number | null;
}
export interface AuditLogTable {
  id: Id;
  at: string;
  user_id: number | null;
  entity: string;
  entity_id: number;
  action: string;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

export interface NotificationTable {
  id: Id;
  user_id: number;
  kind: NotificationKind;
  title: string;
  body: string | null;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface IdempotencyKeyTable {
  key: string;
  user_id: number;
  response_json: string;
  created_at: string;
}

/** A difficulty or proposal (khó khăn, vướng mắc / kiến nghị) raised in a submitted report. */
export interface ConcernTable {
  id: Id;
  plan_id: number;
  report_id: number;
  task_id: number;
  /** The unit that raised it. */
  unit_id: number;
  kind: ConcernKind;
  content: string;
  /** Who must answer (a unit or level, as the focal officer writes it). */
  addressee: string | null;
  answer_due: string | null;
  answer: string | null;
  answered_by: number | null;
  answered_at: string | null;
  status: ConcernStatus;
  version: Version;
  created_at: string;
  updated_at: string;
}

/** A province indicator's target for one commune and year. */
export interface TargetShareTable {
  id: Id;
  indicator_id: number;
  commune_id: number;
  year: number;
  method: ShareMethod;
  weight: number | null;
  value: number;
  updated_at: string;
  updated_by: number | null;
}

export interface UnitSuccessionTable {
  id: Id;
  predecessor_id: number;
  successor_id: number;
  kind: SuccessionKind;
  effective_on: string;
  /** The decision that made the change, e.g. "Nghị quyết 1669/NQ-UBTVQH15". */
  decision: string | null;
  created_at: string;
}

export interface Database {
  org_units: OrgUnitTable;
  users: UserTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  trusted_devices: TrustedDeviceTable;
  period_tallies: PeriodTallyTable;
  documents: DocumentTable;
  plans: PlanTable;
  plan_amendments: PlanAmendmentTable;
  plan_sections: PlanSectionTable;
  indicators: IndicatorTable;
  indicator_targets: IndicatorTargetTable;
  indicator_catalogue: IndicatorCatalogueTable;
  indicator_units: ItemUnitTable;
  tasks: TaskTable;
  task_units: ItemUnitTable;
  cascade_links: CascadeLinkTable;
  reporting_periods: ReportingPeriodTable;
  reports: ReportTable;
  task_updates: TaskUpdateTable;
  indicator_values: IndicatorValueTable;
  attachments: AttachmentTable;
  audit_log: AuditLogTable;
  reminder_log: ReminderLogTable;
  period_narratives: PeriodNarrativeTable;
  notifications: NotificationTable;
  idempotency_keys: IdempotencyKeyTable;
  concerns: ConcernTable;
  target_shares: TargetShareTable;
  unit_successions: UnitSuccessionTable;
}
