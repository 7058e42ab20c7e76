import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { presentAudit } from '../audit/log.ts';

/** Everything that happened to a report and to each of its items, oldest first. */
export async function reportAudit(db: Kysely<Database>, reportId: number) {
  const [updates, values] = await Promise.all([
    db
      .selectFrom('task_updates')
      .select(['id', 'task_id'])
      .where('report_id', '=', reportId)
      .execute(),
    db
      .selectFrom('indicator_values')
      .select(['id', 'indicator_id'])
      .where('report_id', '=', reportId)
      .execute(),
  ]);
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
      'users.display_name as userName',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'report'), eb('entity_id', '=', reportId)]),
        ...(updates.length
          ? [
              eb.and([
                eb('entity', '=', 'task_update'),
                eb(
                  'entity_id',
                  'in',
                  updates.map((u) => u.id),
                ),
              ]),
            ]
          : []),
        ...(values.length
          ? [
              eb.and([
                eb('entity', '=', 'indicator_value'),
                eb(
                  'entity_id',
                  'in',
                  values.map((v) => v.id),
                ),
              ]),
            ]
          : []),
      ]),
    )
    .orderBy('audit_log.id')
    .execute();
  return rows.map((row) =>
    presentAudit(row, {
      taskId: updates.find((u) => row.entity === 'task_update' && u.id === row.entity_id)?.task_id,
      indicatorId: values.find((v) => row.entity === 'indicator_value' && v.id === row.entity_id)
        ?.indicator_id,
    }),
  );
}
