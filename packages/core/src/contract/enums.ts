// The enum-like values of the domain, typed once: the database's column types
// (server db/schema.ts), the API contract and the web app all read them from here.

/** Roles a person can hold, each scoped to an org unit (province, commune or unit). */
export const ROLES = [
  'admin', // quản trị hệ thống
  'national_viewer', // cấp trung ương: reads every province's roll-ups, read-only
  'province_viewer', // lãnh đạo, chuyên viên cấp tỉnh/thành phố
  'commune_leader', // Chủ tịch, Phó Chủ tịch UBND xã/phường
  'focal_officer', // cán bộ đầu mối (e.g. Phòng VH-XH): imports plans, runs periods
  'unit_reporter', // người báo cáo của đơn vị
] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['province', 'commune', 'unit'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const PLAN_STATUSES = ['draft', 'published', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const SECTION_KINDS = ['indicators', 'tasks'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** A plan item's kind (nhiệm vụ, chỉ tiêu). */
export const ITEM_KINDS = ['task', 'indicator'] as const;
export type ItemKindName = (typeof ITEM_KINDS)[number];

/** A unit's part in an item: chủ trì (lead) or phối hợp (coordinate). */
export const ITEM_ROLES = ['lead', 'coordinate'] as const;
export type ItemRole = (typeof ITEM_ROLES)[number];

export const PERIOD_KINDS = [
  'monthly',
  'quarterly',
  'semiannual',
  'ninemonth',
  'annual',
  'adhoc',
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_STATUSES = ['planned', 'open', 'closed', 'locked'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** The reports every figure counts: sent ones (drafts never leave the unit; a returned one is
 *  back with the unit until it is sent again). */
export const COUNTED_STATUSES: ReportStatus[] = ['submitted', 'approved'];

/** What a unit says of a task in its report (the domain's status is judged from it). */
export const UPDATE_STATES = ['not_started', 'in_progress', 'done'] as const;
export type UpdateState = (typeof UPDATE_STATES)[number];

export const CONCERN_KINDS = ['difficulty', 'proposal'] as const;
export type ConcernKind = (typeof CONCERN_KINDS)[number];

export const CONCERN_STATUSES = ['open', 'answered', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

export const SHARE_METHODS = ['equal', 'weight', 'manual'] as const;
export type ShareMethod = (typeof SHARE_METHODS)[number];

/** Where an amendment came from: entered by hand, or read from an amending document. */
export const AMENDMENT_SOURCES = ['manual', 'import'] as const;
export type AmendmentSource = (typeof AMENDMENT_SOURCES)[number];

/** A report's steps someone is told of. */
export const REPORT_STEPS = ['submitted', 'returned', 'approved', 'reopened'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

export const SUCCESSION_KINDS = ['merge', 'split', 'rename'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

export const REMINDER_KINDS = ['due_soon', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** In-app notifications: a report's step, a period opened, an answer to a concern, a reminder
 *  (the server writes them as `report_${step}`, `reminder_${kind}`: typed against this list). */
export const NOTIFICATION_KINDS = [
  'report_submitted',
  'report_returned',
  'report_approved',
  'report_reopened',
  'period_opened',
  'concern_answered',
  'reminder_due_soon',
  'reminder_overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
