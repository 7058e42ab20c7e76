import { sql, type AliasableExpression, type ExpressionBuilder, type Kysely } from 'kysely';
import { jsonObjectFrom as postgresJsonObject } from 'kysely/helpers/postgres';
import { jsonObjectFrom as sqliteJsonObject } from 'kysely/helpers/sqlite';
import { IsoDay, UPDATE_STATES } from '@tiendo/core';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { inForceOn } from '../plans/versions.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { nowIso, todayInVietnam } from '../http/time.ts';
import { atomically, recordAudit } from '../audit/log.ts';
import { isSqlite } from '../db/dialect.ts';
import { reusable } from '../db/reusable.ts';
import type { SessionUser } from '../auth/sessions.ts';
import {
  assertMayWrite,
  lockReport,
  reportContextQuery,
  toReportContext,
  type ReportContext,
} from './access.ts';

// What a unit writes for each of its items in a period. Every item carries its own version:
// autosave from two tabs, or a reporter and a colleague, cannot silently overwrite each other.

const text = (max: number) => z.string().trim().max(max).nullable().default(null);
const isoDay = IsoDay;

export const TaskUpdateInput = z
  .object({
    /** 0 for an item not yet written in this report. */
    version: z.number().int().min(0),
    status: z.enum(UPDATE_STATES).nullable().default(null),
    progress: z.number().int().min(0).max(100).nullable().default(null),
    results: text(10_000),
    resourcesVnd: z.number().int().min(0).max(1e15).nullable().default(null),
    difficulties: text(5_000),
    proposals: text(5_000),
    evidenceText: text(2_000),
    completedOn: isoDay.nullable().default(null),
    /** Giải trình: what happened and what is planned, when the task is overdue. */
    explanation: text(5_000),
  })
  .meta({
    example: {
      version: 0,
      status: 'in_progress',
      progress: 60,
      results: 'Đã tổ chức 2 hội nghị quán triệt Nghị quyết 57-NQ/TW cho 150 cán bộ',
      resourcesVnd: 15000000,
      difficulties: 'Thiếu kinh phí mua phần mềm',
      proposals: 'Đề nghị thành phố hỗ trợ kinh phí',
      evidenceText: 'Báo cáo số 12/BC-VHXH ngày 10/6/2026',
      completedOn: null,
      explanation: null,
    },
  });
export type TaskUpdateInput = z.infer<typeof TaskUpdateInput>;

export const IndicatorValueInput = z
  .object({
    version: z.number().int().min(0),
    valueNumber: z.number().finite().nullable().default(null),
    valueText: text(500),
    dataSource: text(500),
    note: text(2_000),
    /** Giải trình, when the value is off the indicator's trajectory. */
    explanation: text(5_000),
  })
  .meta({
    example: {
      version: 0,
      valueNumber: 85.5,
      valueText: null,
      dataSource: 'Cổng dịch vụ công',
      note: null,
      explanation: null,
    },
  });
export type IndicatorValueInput = z.infer<typeof IndicatorValueInput>;

/** Whether the unit may write now: the period is open, or reopened for this unit. */
export function periodWritable(periodStatus: string, unlocked: boolean): boolean {
  return periodStatus === 'open' || (unlocked && periodStatus !== 'planned');
}

/** assertEditable on the report as it is inside the caller's transaction (lockReport), not as the
 *  request found it: a submission that got in between is seen, and waits for this write. */
export async function assertStillEditable(
  db: Kysely<Database>,
  context: ReportContext,
): Promise<void> {
  assertEditable(await lockReport(db, context.reportId));
}

export function assertEditable(context: ReportContext): void {
  if (!periodWritable(context.periodStatus, context.unlocked))
    throw badRequest('Kỳ báo cáo không còn mở: không sửa được báo cáo.');
  if (context.status === 'submitted')
    throw badRequest('Báo cáo đã gửi, đang chờ duyệt: không sửa được.');
  if (context.status === 'approved')
    throw badRequest('Báo cáo đã được duyệt: chỉ sửa được khi cán bộ đầu mối mở lại.');
}

/** A coordinating unit (phối hợp) writes its contribution; the task's state is the lead's. */
function taskRow(input: TaskUpdateInput, role: 'lead' | 'coordinate') {
  const done = role === 'lead' && input.status === 'done';
  return {
    status: role === 'lead' ? input.status : null,
    progress: role !== 'lead' ? null : done ? 100 : input.progress,
    results: input.results,
    resources_vnd: input.resourcesVnd,
    difficulties: input.difficulties,
    proposals: input.proposals,
    evidence_text: input.evidenceText,
    completed_on: done ? (input.completedOn ?? todayInVietnam()) : null,
    explanation: role === 'lead' ? input.explanation : null,
  };
}

type ItemTable = 'task_updates' | 'indicator_values';
type Written = Array<{ id: number }>;

/**
 * The writes of an item's save, built once per dialect (db/reusable.ts), each returning the
 * row's id (none when it did not happen: another tab wrote first). On PostgreSQL each carries
 * its audit entry in the same statement (a data-modifying WITH: one round trip instead of two;
 * the audit's values are cast, as a SELECT's parameters have no column to take a type from);
 * on SQLite, which has none, the entry follows (recordAudit). `values` are `columns`', in order.
 */
function itemWrites(table: ItemTable, column: string, entity: string, columns: readonly string[]) {
  type Db = Kysely<Database>;
  const valuesOf = (values: unknown[]) => Object.fromEntries(columns.map((c, i) => [c, values[i]]));
  const insert = (
    db: Db,
    reportId: number,
    itemId: number,
    now: string,
    userId: number,
    values: unknown[],
  ) =>
    db
      .insertInto(table as 'task_updates')
      .values({
        report_id: reportId,
        [column]: itemId,
        ...valuesOf(values),
        version: 1,
        updated_at: now,
        updated_by: userId,
      } as never)
      .onConflict((oc) => oc.columns(['report_id', column as 'task_id']).doNothing())
      .returning('id');
  const edit = (
    db: Db,
    id: number,
    version: number,
    now: string,
    userId: number,
    values: unknown[],
  ) =>
    db
      .updateTable(table as 'task_updates')
      .set({
        ...valuesOf(values),
        version: sql`version + 1`,
        updated_at: now,
        updated_by: userId,
      } as never)
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id');
  const audited = (
    db: Db,
    write: ReturnType<typeof insert> | ReturnType<typeof edit>,
    entry: { now: string; userId: number; action: string; before: string | null; after: string },
  ) =>
    db
      .with('written', () => write)
      .insertInto('audit_log')
      .columns([
        'at',
        'user_id',
        'entity',
        'entity_id',
        'action',
        'before_json',
        'after_json',
        'reason',
      ])
      .expression((eb) =>
        eb
          .selectFrom('written')
          .select([
            sql<string>`cast(${entry.now} as text)`.as('at'),
            sql<number>`cast(${entry.userId} as integer)`.as('user_id'),
            sql.lit(entity).as('entity'),
            'written.id',
            sql.lit(entry.action).as('action'),
            (entry.before === null ? sql`null` : sql`cast(${entry.before} as text)`).as(
              'before_json',
            ),
            sql<string>`cast(${entry.after} as text)`.as('after_json'),
            sql`null`.as('reason'),
          ]),
      )
      .returning('entity_id as id');
  return {
    insert: reusable(
      (db, reportId: number, itemId: number, now: string, userId: number, ...values: unknown[]) =>
        insert(db, reportId, itemId, now, userId, values),
    ),
    edit: reusable(
      (db, id: number, version: number, now: string, userId: number, ...values: unknown[]) =>
        edit(db, id, version, now, userId, values),
    ),
    insertAudited: reusable(
      (
        db,
        reportId: number,
        itemId: number,
        now: string,
        userId: number,
        after: string,
        ...values: unknown[]
      ) =>
        audited(db, insert(db, reportId, itemId, now, userId, values), {
          now,
          userId,
          action: 'create',
          before: null,
          after,
        }),
    ),
    editAudited: reusable(
      (
        db,
        id: number,
        version: number,
        now: string,
        userId: number,
        before: string,
        after: string,
        ...values: unknown[]
      ) =>
        audited(db, edit(db, id, version, now, userId, values), {
          now,
          userId,
          action: 'edit',
          before,
          after,
        }),
    ),
  };
}

/** Upsert with optimistic locking, and its audit entry: insert when version is 0, else update
 *  that version of the row as the save's read found it (`current`, the audit's "before"). */
async function writeItem(
  db: Kysely<Database>,
  item: (typeof ITEMS)[keyof typeof ITEMS],
  key: { reportId: number; itemId: number },
  { version, current }: { version: number; current: ItemRow | null },
  values: Record<string, unknown>,
  userId: number,
): Promise<number> {
  const now = nowIso();
  const ordered = item.columns.map((c) => values[c]);
  const after = { report_id: key.reportId, [item.column]: key.itemId, ...values };
  const sqlite = isSqlite(db);
  const { writes } = item;
  let written: Written = [];
  if (version === 0 && !current) {
    written = sqlite
      ? await writes.insert(db, key.reportId, key.itemId, now, userId, ...ordered)
      : await writes.insertAudited(
          db,
          key.reportId,
          key.itemId,
          now,
          userId,
          JSON.stringify(after),
          ...ordered,
        );
  } else if (current && current.version === version) {
    written = sqlite
      ? await writes.edit(db, current.id, version, now, userId, ...ordered)
      : await writes.editAudited(
          db,
          current.id,
          version,
          now,
          userId,
          JSON.stringify(current),
          JSON.stringify(after),
          ...ordered,
        );
  }
  if (written[0]) {
    if (sqlite)
      await recordAudit(db, {
        userId,
        entity: item.entity,
        entityId: written[0].id,
        action: current ? 'edit' : 'create',
        before: current ?? undefined,
        after,
      });
    return current ? version + 1 : 1;
  }
  const latest = await db
    .selectFrom(item.table as 'task_updates')
    .selectAll()
    .where('report_id', '=', key.reportId)
    .where(item.column as 'task_id', '=', key.itemId)
    .executeTakeFirst();
  throw conflict(latest ?? null);
}

/** An item's row in the report as it is before a save: the audit's "before", and its version. */
type ItemRow = { id: number; version: number } & Record<string, unknown>;
/** A select of that row, for the JSON helpers of either dialect. */
type ItemRowQuery = Parameters<typeof sqliteJsonObject<ItemRow>>[0];
type ContextBuilder = ExpressionBuilder<
  Database & { p: Database['reporting_periods']; commune: Database['org_units'] },
  'reports' | 'p' | 'plans' | 'commune'
>;

/** The report held and read (as lockReport) with, for one of its items, the unit's part in it —
 *  'lead' (chủ trì), 'coordinate' (phối hợp), or null when the plan does not give it to the
 *  unit — and the item's row in the report if it has one (as JSON): one query, built once
 *  (db/reusable.ts). A unit listed on a task both ways leads it ('lead' > 'coordinate', hence
 *  max); indicators are always the lead's. */
const heldWithItem = (
  roleOf: (eb: ContextBuilder, itemId: number) => AliasableExpression<string | null>,
  rowOf: (eb: ContextBuilder, itemId: number) => ItemRowQuery,
) =>
  reusable((db, reportId: number, itemId: number) => {
    const json = isSqlite(db) ? sqliteJsonObject : postgresJsonObject;
    return reportContextQuery(db, reportId, true).select((eb) => [
      roleOf(eb, itemId).as('itemRole'),
      json(rowOf(eb, itemId)).as('itemRow'),
    ]);
  });

/** SQLite hands JSON back as text, PostgreSQL parsed. */
const parsedRow = (value: unknown): ItemRow | null =>
  typeof value === 'string' ? (JSON.parse(value) as ItemRow) : ((value as ItemRow | null) ?? null);

const TASK_UPDATE_COLUMNS = [
  'id',
  'report_id',
  'task_id',
  'status',
  'progress',
  'results',
  'resources_vnd',
  'difficulties',
  'proposals',
  'evidence_text',
  'review_comment',
  'completed_on',
  'explanation',
  'version',
  'updated_at',
  'updated_by',
] as const;
const INDICATOR_VALUE_COLUMNS = [
  'id',
  'report_id',
  'indicator_id',
  'value_number',
  'value_text',
  'data_source',
  'note',
  'review_comment',
  'explanation',
  'version',
  'updated_at',
  'updated_by',
] as const;

const TASK_VALUE_COLUMNS = [
  'status',
  'progress',
  'results',
  'resources_vnd',
  'difficulties',
  'proposals',
  'evidence_text',
  'completed_on',
  'explanation',
] as const;
const INDICATOR_VALUE_VALUE_COLUMNS = [
  'value_number',
  'value_text',
  'data_source',
  'note',
  'explanation',
] as const;

/** The two kinds of report item: where each is stored, how it is audited, how to read the
 *  report with the unit's part in one of them. */
const ITEMS = {
  task: {
    table: 'task_updates',
    column: 'task_id',
    entity: 'task_update',
    /** What a save writes (taskRow's keys). */
    columns: TASK_VALUE_COLUMNS,
    writes: itemWrites('task_updates', 'task_id', 'task_update', TASK_VALUE_COLUMNS),
    context: heldWithItem(
      (eb, itemId) =>
        eb
          .selectFrom('task_units as link')
          .innerJoin('tasks as item', 'item.id', 'link.item_id')
          .select((e) => e.fn.max('link.role').as('role'))
          .where('item.id', '=', itemId)
          .whereRef('item.plan_id', '=', 'plans.id')
          .where(inForceOn('item', sql.ref('p.window_end')))
          .whereRef('link.unit_id', '=', 'reports.unit_id')
          .$asScalar(),
      (eb, itemId) =>
        eb
          .selectFrom('task_updates as row')
          .select(TASK_UPDATE_COLUMNS.map((c) => `row.${c}` as const))
          .whereRef('row.report_id', '=', 'reports.id')
          .where('row.task_id', '=', itemId) as unknown as ItemRowQuery,
    ),
    notOwn: 'Nhiệm vụ này không thuộc đơn vị trong kế hoạch.',
  },
  indicator: {
    table: 'indicator_values',
    column: 'indicator_id',
    entity: 'indicator_value',
    columns: INDICATOR_VALUE_VALUE_COLUMNS,
    writes: itemWrites(
      'indicator_values',
      'indicator_id',
      'indicator_value',
      INDICATOR_VALUE_VALUE_COLUMNS,
    ),
    context: heldWithItem(
      (eb, itemId) =>
        eb
          .selectFrom('indicator_units as link')
          .innerJoin('indicators as item', 'item.id', 'link.item_id')
          .select((e) => e.fn.max('link.role').as('role'))
          .where('item.id', '=', itemId)
          .where('link.role', '=', 'lead')
          .whereRef('item.plan_id', '=', 'plans.id')
          .where(inForceOn('item', sql.ref('p.window_end')))
          .whereRef('link.unit_id', '=', 'reports.unit_id')
          .$asScalar(),
      (eb, itemId) =>
        eb
          .selectFrom('indicator_values as row')
          .select(INDICATOR_VALUE_COLUMNS.map((c) => `row.${c}` as const))
          .whereRef('row.report_id', '=', 'reports.id')
          .where('row.indicator_id', '=', itemId) as unknown as ItemRowQuery,
    ),
    notOwn: 'Chỉ tiêu này không do đơn vị theo dõi trong kế hoạch.',
  },
} as const;

/** Who writes a report item: the report, and for a request the check that its user may write it
 *  (assertMayWrite), made on the report as the save's transaction sees it. */
export interface SaveTarget {
  reportId: number;
  authorise?: (context: ReportContext) => void;
}

/** A request's save: its user must be allowed to write the report (assertMayWrite). */
export const savedBy = (user: SessionUser, reportId: number): SaveTarget => ({
  reportId,
  authorise: (context) => assertMayWrite(user, context),
});

/** One item's save, in one transaction: the report held (as lockReport) and read with the unit's
 *  part in the item and the item's row in one query, then the write and its audit entry (one
 *  statement on PostgreSQL, two on SQLite: itemWrites). */
async function saveItem(
  db: Kysely<Database>,
  target: SaveTarget,
  kind: keyof typeof ITEMS,
  itemId: number,
  version: number,
  rowFor: (role: 'lead' | 'coordinate') => Record<string, unknown>,
  userId: number,
): Promise<number> {
  const item = ITEMS[kind];
  return atomically(db, async (db) => {
    const [row] = await item.context(db, target.reportId, itemId);
    const { itemRole, itemRow, ...context } = toReportContext(row);
    target.authorise?.(context);
    assertEditable(context);
    if (!itemRole) throw badRequest(item.notOwn);
    return writeItem(
      db,
      item,
      { reportId: target.reportId, itemId },
      { version, current: parsedRow(itemRow) },
      rowFor(itemRole === 'lead' ? 'lead' : 'coordinate'),
      userId,
    );
  });
}

export function saveTaskUpdate(
  db: Kysely<Database>,
  target: SaveTarget,
  taskId: number,
  input: TaskUpdateInput,
  userId: number,
): Promise<number> {
  const row = (role: 'lead' | 'coordinate') => taskRow(input, role);
  return saveItem(db, target, 'task', taskId, input.version, row, userId);
}

export function saveIndicatorValue(
  db: Kysely<Database>,
  target: SaveTarget,
  indicatorId: number,
  input: IndicatorValueInput,
  userId: number,
): Promise<number> {
  const values = {
    value_number: input.valueNumber,
    value_text: input.valueText,
    data_source: input.dataSource,
    note: input.note,
    explanation: input.explanation,
  };
  return saveItem(db, target, 'indicator', indicatorId, input.version, () => values, userId);
}
