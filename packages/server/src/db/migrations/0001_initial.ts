import type { Kysely } from 'kysely';
import {
  blobType,
  notNull,
  versionCol,
  withId,
  withTimestamps,
  type MigrationContext,
} from './columns.ts';

// The whole data model of PRODUCT.md: organisation, people, documents, plans with their
// sections, indicators, targets and tasks, cascade links, reporting periods, reports with
// task updates and indicator values, attachments, audit log, sessions.

async function orgAndPeople({ db, dialect }: MigrationContext) {
  await withTimestamps(
    withId(db.schema.createTable('org_units'), dialect)
      .addColumn('parent_id', 'integer', (c) => c.references('org_units.id'))
      .addColumn('kind', 'text', notNull)
      .addColumn('code', 'text', (c) => c.unique())
      .addColumn('name', 'text', notNull)
      .addColumn('short_name', 'text')
      .addColumn('search_key', 'text', notNull)
      .addColumn('valid_from', 'text')
      .addColumn('valid_to', 'text')
      .addColumn('successor_id', 'integer', (c) => c.references('org_units.id'))
      .addColumn('version', 'integer', versionCol),
  ).execute();
  await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();

  await withTimestamps(
    withId(db.schema.createTable('users'), dialect)
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', notNull)
      .addColumn('email', 'text')
      .addColumn('password_hash', 'text', notNull)
      .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', versionCol),
  ).execute();

  await withId(db.schema.createTable('role_assignments'), dialect)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', notNull)
    .addColumn('scope_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('role_assignments_unique', ['user_id', 'role', 'scope_unit_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .addColumn('expires_at', 'text', notNull)
    .addColumn('last_seen_at', 'text', notNull)
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', notNull)
    .addColumn('window_start', 'text', notNull)
    .addColumn('locked_until', 'text')
    .execute();
}

async function documentsAndPlans({ db, dialect }: MigrationContext) {
  await withId(db.schema.createTable('documents'), dialect)
    .addColumn('commune_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('filename', 'text', notNull)
    .addColumn('mime', 'text', notNull)
    .addColumn('size_bytes', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('content', blobType(dialect), notNull)
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .execute();

  await withTimestamps(
    withId(db.schema.createTable('plans'), dialect)
      .addColumn('commune_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
      .addColumn('number', 'text')
      .addColumn('title', 'text', notNull)
      .addColumn('issuer', 'text', notNull)
      .addColumn('issued_on', 'text')
      .addColumn('status', 'text', notNull)
      .addColumn('focal_unit_id', 'integer', (c) => c.references('org_units.id'))
      .addColumn('focal_unit_text', 'text')
      .addColumn('parent_plan_id', 'integer', (c) => c.references('plans.id'))
      .addColumn('draft_json', 'text')
      .addColumn('metadata_json', 'text', notNull)
      .addColumn('version', 'integer', versionCol),
  )
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('plans_commune').on('plans').column('commune_id').execute();

  await withId(db.schema.createTable('plan_sections'), dialect)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('appendix', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('heading', 'text')
    .addColumn('ordinal', 'integer', notNull)
    .execute();
  await db.schema.createIndex('plan_sections_plan').on('plan_sections').column('plan_id').execute();
}

async function planItems({ db, dialect }: MigrationContext) {
  await withId(db.schema.createTable('indicator_catalogue'), dialect)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('search_key', 'text', notNull)
    .addColumn('measure_unit', 'text')
    .execute();

  await withTimestamps(
    withId(db.schema.createTable('indicators'), dialect)
      .addColumn('plan_id', 'integer', (c) =>
        c.notNull().references('plans.id').onDelete('cascade'),
      )
      .addColumn('section_id', 'integer', (c) =>
        c.notNull().references('plan_sections.id').onDelete('cascade'),
      )
      .addColumn('parent_id', 'integer', (c) => c.references('indicators.id'))
      .addColumn('code', 'text', notNull)
      .addColumn('name', 'text', notNull)
      .addColumn('measure_unit', 'text')
      .addColumn('lead_text', 'text')
      .addColumn('output', 'text')
      .addColumn('director', 'text')
      .addColumn('responsible', 'text')
      .addColumn('catalogue_id', 'integer', (c) => c.references('indicator_catalogue.id'))
      .addColumn('ordinal', 'integer', notNull)
      .addColumn('version', 'integer', versionCol),
  ).execute();
  await db.schema
    .createIndex('indicators_plan')
    .on('indicators')
    .columns(['plan_id', 'ordinal'])
    .execute();

  await withId(db.schema.createTable('indicator_targets'), dialect)
    .addColumn('indicator_id', 'integer', (c) =>
      c.notNull().references('indicators.id').onDelete('cascade'),
    )
    .addColumn('year', 'integer')
    .addColumn('raw_text', 'text', notNull)
    .execute();
  await db.schema
    .createIndex('indicator_targets_indicator')
    .on('indicator_targets')
    .column('indicator_id')
    .execute();

  await withTimestamps(
    withId(db.schema.createTable('tasks'), dialect)
      .addColumn('plan_id', 'integer', (c) =>
        c.notNull().references('plans.id').onDelete('cascade'),
      )
      .addColumn('section_id', 'integer', (c) =>
        c.notNull().references('plan_sections.id').onDelete('cascade'),
      )
      .addColumn('code', 'text', notNull)
      .addColumn('content', 'text', notNull)
      .addColumn('lead_text', 'text')
      .addColumn('coordinate_text', 'text')
      .addColumn('output', 'text')
      .addColumn('deadline_text', 'text')
      .addColumn('director', 'text')
      .addColumn('responsible', 'text')
      .addColumn('ordinal', 'integer', notNull)
      .addColumn('version', 'integer', versionCol),
  ).execute();
  await db.schema.createIndex('tasks_plan').on('tasks').columns(['plan_id', 'ordinal']).execute();

  for (const [table, item] of [
    ['task_units', 'tasks'],
    ['indicator_units', 'indicators'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('item_id', 'integer', (c) =>
        c.notNull().references(`${item}.id`).onDelete('cascade'),
      )
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('role', 'text', notNull)
      .addPrimaryKeyConstraint(`${table}_pk`, ['item_id', 'unit_id', 'role'])
      .execute();
    await db.schema.createIndex(`${table}_unit`).on(table).column('unit_id').execute();
  }

  await withId(db.schema.createTable('cascade_links'), dialect)
    .addColumn('child_kind', 'text', notNull)
    .addColumn('child_id', 'integer', notNull)
    .addColumn('parent_kind', 'text', notNull)
    .addColumn('parent_id', 'integer', notNull)
    .addColumn('created_at', 'text', notNull)
    .addUniqueConstraint('cascade_links_unique', [
      'child_kind',
      'child_id',
      'parent_kind',
      'parent_id',
    ])
    .execute();
  await db.schema
    .createIndex('cascade_links_parent')
    .on('cascade_links')
    .columns(['parent_kind', 'parent_id'])
    .execute();
}

async function reporting({ db, dialect }: MigrationContext) {
  await withTimestamps(
    withId(db.schema.createTable('reporting_periods'), dialect)
      .addColumn('plan_id', 'integer', (c) =>
        c.notNull().references('plans.id').onDelete('cascade'),
      )
      .addColumn('kind', 'text', notNull)
      .addColumn('label', 'text', notNull)
      .addColumn('window_start', 'text', notNull)
      .addColumn('window_end', 'text', notNull)
      .addColumn('due_date', 'text', notNull)
      .addColumn('lock_after_days', 'integer')
      .addColumn('status', 'text', notNull)
      .addColumn('version', 'integer', versionCol),
  ).execute();
  await db.schema
    .createIndex('reporting_periods_plan')
    .on('reporting_periods')
    .columns(['plan_id', 'due_date'])
    .execute();

  await withTimestamps(
    withId(db.schema.createTable('reports'), dialect)
      .addColumn('period_id', 'integer', (c) =>
        c.notNull().references('reporting_periods.id').onDelete('cascade'),
      )
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('status', 'text', notNull)
      .addColumn('submitted_at', 'text')
      .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
      .addColumn('reviewed_at', 'text')
      .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
      .addColumn('review_comment', 'text')
      .addColumn('version', 'integer', versionCol)
      .addUniqueConstraint('reports_period_unit', ['period_id', 'unit_id']),
  ).execute();
  await db.schema.createIndex('reports_unit').on('reports').column('unit_id').execute();

  await withId(db.schema.createTable('task_updates'), dialect)
    .addColumn('report_id', 'integer', (c) =>
      c.notNull().references('reports.id').onDelete('cascade'),
    )
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('status', 'text')
    .addColumn('progress', 'integer')
    .addColumn('results', 'text')
    .addColumn('resources_vnd', 'bigint')
    .addColumn('difficulties', 'text')
    .addColumn('proposals', 'text')
    .addColumn('evidence_text', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('version', 'integer', versionCol)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('task_updates_report_task', ['report_id', 'task_id'])
    .execute();
  await db.schema.createIndex('task_updates_task').on('task_updates').column('task_id').execute();

  await withId(db.schema.createTable('indicator_values'), dialect)
    .addColumn('report_id', 'integer', (c) =>
      c.notNull().references('reports.id').onDelete('cascade'),
    )
    .addColumn('indicator_id', 'integer', (c) =>
      c.notNull().references('indicators.id').onDelete('cascade'),
    )
    .addColumn('value_number', 'double precision')
    .addColumn('value_text', 'text')
    .addColumn('data_source', 'text')
    .addColumn('note', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('version', 'integer', versionCol)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('indicator_values_report_indicator', ['report_id', 'indicator_id'])
    .execute();
  await db.schema
    .createIndex('indicator_values_indicator')
    .on('indicator_values')
    .column('indicator_id')
    .execute();

  await withId(db.schema.createTable('attachments'), dialect)
    .addColumn('report_id', 'integer', (c) =>
      c.notNull().references('reports.id').onDelete('cascade'),
    )
    .addColumn('task_update_id', 'integer', (c) =>
      c.references('task_updates.id').onDelete('cascade'),
    )
    .addColumn('filename', 'text', notNull)
    .addColumn('mime', 'text', notNull)
    .addColumn('size_bytes', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('content', blobType(dialect), notNull)
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', notNull)
    .execute();
}

async function auditAndNotifications({ db, dialect }: MigrationContext) {
  await withId(db.schema.createTable('audit_log'), dialect)
    .addColumn('at', 'text', notNull)
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('entity', 'text', notNull)
    .addColumn('entity_id', 'integer', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity', 'entity_id'])
    .execute();

  await withId(db.schema.createTable('notifications'), dialect)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('body', 'text')
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', notNull)
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('response_json', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
}

export async function up(ctx: MigrationContext): Promise<void> {
  await orgAndPeople(ctx);
  await documentsAndPlans(ctx);
  await planItems(ctx);
  await reporting(ctx);
  await auditAndNotifications(ctx);
}

const TABLES_IN_DROP_ORDER = [
  'idempotency_keys',
  'notifications',
  'audit_log',
  'attachments',
  'indicator_values',
  'task_updates',
  'reports',
  'reporting_periods',
  'cascade_links',
  'indicator_units',
  'task_units',
  'tasks',
  'indicator_targets',
  'indicators',
  'indicator_catalogue',
  'plan_sections',
  'plans',
  'documents',
  'login_attempts',
  'sessions',
  'role_assignments',
  'users',
  'org_units',
];

export async function down({ db }: { db: Kysely<unknown> }): Promise<void> {
  for (const table of TABLES_IN_DROP_ORDER) await db.schema.dropTable(table).ifExists().execute();
}
