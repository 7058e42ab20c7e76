import type { AuditEntryView } from '@tiendo/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { reusable } from '../db/reusable.ts';
import { nowIso } from '../http/time.ts';

// Every change lands in the audit log: who, when, what, before and after.

export interface AuditEntry {
  userId: number | null;
  entity: string;
  entityId: number;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Every write of the app adds one: built once (db/reusable.ts). */
const insertAudit = reusable(
  (
    db,
    at: string,
    userId: number | null,
    entity: string,
    entityId: number,
    action: string,
    before: string | null,
    after: string | null,
    reason: string | null,
  ) =>
    db.insertInto('audit_log').values({
      at,
      user_id: userId,
      entity,
      entity_id: entityId,
      action,
      before_json: before,
      after_json: after,
      reason,
    }),
);

export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
): Promise<void> {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  await insertAudit(
    db,
    nowIso(),
    entry.userId,
    entry.entity,
    entry.entityId,
    entry.action,
    json(entry.before),
    json(entry.after),
    entry.reason ?? null,
  );
}

/**
 * Runs a change and its audit entry as one transaction, so a crash can never leave one without
 * the other; inside the caller's transaction when there already is one (Kysely cannot nest).
 */
export function atomically<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export async function auditTrail(db: Kysely<Database>, entity: string, entityId: number) {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.action',
      'audit_log.reason',
      'audit_log.before_json',
      'audit_log.after_json',
    ])
    .select('users.display_name as userName')
    .where('audit_log.entity', '=', entity)
    .where('audit_log.entity_id', '=', entityId)
    .orderBy('audit_log.id')
    .execute();
  return rows.map((row) => presentAudit(row));
}

/** An audit row as the API sends it (contract/audit.ts): camelCase, before/after parsed. */
export function presentAudit(
  row: {
    id: number;
    at: string;
    entity: string;
    entity_id: number;
    action: string;
    reason: string | null;
    before_json: string | null;
    after_json: string | null;
    userName: string | null;
  },
  item: { taskId?: number; indicatorId?: number } = {},
): AuditEntryView {
  const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as unknown));
  return {
    id: row.id,
    at: row.at,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    reason: row.reason,
    userName: row.userName,
    before: parse(row.before_json),
    after: parse(row.after_json),
    taskId: item.taskId ?? null,
    indicatorId: item.indicatorId ?? null,
  };
}
