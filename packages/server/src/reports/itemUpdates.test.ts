import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/databases.ts';
import { useOpenPeriod } from '../testing/openPeriod.ts';

// A save's write and its audit entry, exactly: the entry of a first write holds what was
// written, an edit's holds the row as it was before and what was written, a stale save writes
// neither (and gets the row as it is). The write and its entry are one statement on
// PostgreSQL, two on SQLite (itemUpdates.ts).

describe.each(TEST_DIALECTS)('an item’s save and its audit entry on %s', (dialect) => {
  const fixture = useOpenPeriod(dialect);

  const entries = (entity: string, entityId: number) =>
    fixture.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'entity', 'entity_id', 'action', 'before_json', 'after_json', 'reason'])
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute();

  it('audits a task’s first write and its edit with the rows as they were; a stale save leaves none', async () => {
    const { send, users, reports } = fixture.ctx;
    const report = (await send(users.pvhcc, 'GET', `/api/reports/${reports.pvhcc}`)).json();
    const taskId = report.tasks.find(
      (t: { role: string; update: unknown }) => t.role === 'lead' && !t.update,
    ).taskId;
    const url = `/api/reports/${reports.pvhcc}/tasks/${taskId}`;
    const userId = fixture.ctx.people.pvhcc.id;
    const first = { status: 'in_progress', progress: 30, results: 'Bước đầu', resourcesVnd: 5 };
    expect((await send(users.pvhcc, 'PUT', url, { version: 0, ...first })).json()).toEqual({
      version: 1,
    });
    const row = await fixture.database.db
      .selectFrom('task_updates')
      .selectAll()
      .where('report_id', '=', reports.pvhcc)
      .where('task_id', '=', taskId)
      .executeTakeFirstOrThrow();
    const written = {
      report_id: reports.pvhcc,
      task_id: taskId,
      status: 'in_progress',
      progress: 30,
      results: 'Bước đầu',
      resources_vnd: 5,
      difficulties: null,
      proposals: null,
      evidence_text: null,
      completed_on: null,
      explanation: null,
    };
    const edit = { status: 'in_progress', progress: 60, results: 'Đã xong nửa', proposals: 'Thêm' };
    expect((await send(users.pvhcc, 'PUT', url, { version: 1, ...edit })).json()).toEqual({
      version: 2,
    });
    const stale = await send(users.pvhcc, 'PUT', url, { version: 1, results: 'Cũ' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details).toMatchObject({ version: 2, results: 'Đã xong nửa' });

    const audit = await entries('task_update', row.id);
    expect(audit.map(({ before_json: _before, after_json: _after, ...rest }) => rest)).toEqual([
      { user_id: userId, entity: 'task_update', entity_id: row.id, action: 'create', reason: null },
      { user_id: userId, entity: 'task_update', entity_id: row.id, action: 'edit', reason: null },
    ]);
    expect(audit[0]!.before_json).toBeNull();
    expect(JSON.parse(audit[0]!.after_json!)).toEqual(written);
    expect(JSON.parse(audit[1]!.before_json!)).toEqual({ ...row, review_comment: null });
    expect(JSON.parse(audit[1]!.after_json!)).toEqual({
      ...written,
      progress: 60,
      results: 'Đã xong nửa',
      resources_vnd: null,
      proposals: 'Thêm',
    });
  });

  it('audits an indicator value’s edit with the row as it was', async () => {
    const { send, users, reports } = fixture.ctx;
    const report = (await send(users.pvhcc, 'GET', `/api/reports/${reports.pvhcc}`)).json();
    const indicator = report.indicators.find((i: { value: unknown }) => i.value);
    expect(indicator).toBeDefined();
    const id = indicator.indicatorId;
    const url = `/api/reports/${reports.pvhcc}/indicators/${id}`;
    const row = await fixture.database.db
      .selectFrom('indicator_values')
      .selectAll()
      .where('report_id', '=', reports.pvhcc)
      .where('indicator_id', '=', id)
      .executeTakeFirstOrThrow();
    const saved = await send(users.pvhcc, 'PUT', url, {
      version: row.version,
      valueNumber: 90,
      note: 'Đã cập nhật',
    });
    expect(saved.json()).toEqual({ version: row.version + 1 });
    const audit = await entries('indicator_value', row.id);
    const last = audit.at(-1)!;
    expect(last.action).toBe('edit');
    expect(JSON.parse(last.before_json!)).toEqual(row);
    expect(JSON.parse(last.after_json!)).toEqual({
      report_id: reports.pvhcc,
      indicator_id: id,
      value_number: 90,
      value_text: null,
      data_source: null,
      note: 'Đã cập nhật',
      explanation: null,
    });
    const stale = await send(users.pvhcc, 'PUT', url, { version: row.version, valueNumber: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await entries('indicator_value', row.id)).length).toBe(audit.length);
  });
});
