import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  TEST_DIALECTS,
  type TestDatabase,
} from '../packages/server/src/testing/databases.ts';
import { loadDemoDrafts, seedDemo } from '../packages/server/src/demo/seed.ts';
import { apiSession } from './api.ts';
import { startTestServer, type TestServer } from './harness.ts';

// Durability: the server is killed with SIGKILL in the middle of a burst of saves and
// submissions. Every write it acknowledged must be there after a restart, and nothing may be
// half-written: each saved version of an item has its audit entry, each submitted report its
// submission time and audit entry.

const REPORTERS = ['kt', 'vhxh', 'pvhcc', 'ca', 'qs', 'vp'].map((u) => `kienhung.${u}`);

interface Acked {
  reportId: number;
  taskId: number;
  version: number;
  results: string;
}

describe.each(TEST_DIALECTS)('a SIGKILL during a burst of reports (%s)', (dialect) => {
  let database: TestDatabase;
  let server: TestServer | null = null;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    await seedDemo(database.db, loadDemoDrafts().slice(0, 1));
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  it('keeps every acknowledged write and leaves nothing half-written', async () => {
    server = await startTestServer({ DATABASE_URL: database.url });
    const focal = await apiSession(server.url, 'kienhung.daumoi');
    const [plan] = await focal.call<Array<{ id: number }>>('GET', '/api/plans');
    await focal.call('POST', `/api/plans/${plan!.id}/periods/generate`, {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const [period] = await focal.call<Array<{ id: number; version: number }>>(
      'GET',
      `/api/plans/${plan!.id}/periods`,
    );
    await focal.call('PATCH', `/api/periods/${period!.id}`, {
      version: period!.version,
      status: 'open',
    });

    const acked: Acked[] = [];
    const submitted: number[] = [];
    const burst = async (username: string) => {
      const me = await apiSession(server!.url, username);
      const [mine] = await me.call<Array<{ periodId: number; unitId: number }>>(
        'GET',
        '/api/my/reports',
      );
      const { reportId } = await me.call<{ reportId: number }>(
        'POST',
        `/api/periods/${mine!.periodId}/units/${mine!.unitId}/report`,
      );
      const report = await me.call<{ version: number; tasks: Array<{ taskId: number }> }>(
        'GET',
        `/api/reports/${reportId}`,
      );
      const tasks = report.tasks.slice(0, 3);
      // Save each task again and again until the server dies; submit halfway for some units.
      for (let round = 1; ; round++) {
        for (const { taskId } of tasks) {
          const previous = acked.find((a) => a.reportId === reportId && a.taskId === taskId);
          const results = `${username} nhiệm vụ ${taskId} lần ${round}`;
          const { version } = await me.call<{ version: number }>(
            'PUT',
            `/api/reports/${reportId}/tasks/${taskId}`,
            {
              version: previous?.version ?? 0,
              status: 'in_progress',
              progress: round % 100,
              results,
              // Some of the tasks are overdue: a report cannot be sent without saying why.
              explanation: 'Chậm do thiếu kinh phí; bổ sung trong quý',
            },
          );
          if (previous) Object.assign(previous, { version, results });
          else acked.push({ reportId, taskId, version, results });
        }
        if (round === 5 && username.endsWith('kt')) {
          const current = await me.call<{ version: number }>('GET', `/api/reports/${reportId}`);
          await me.call('POST', `/api/reports/${reportId}/submit`, { version: current.version });
          submitted.push(reportId);
          return;
        }
      }
    };
    const failures: string[] = [];
    let killed = false;
    let finished = 0;
    const running = REPORTERS.map((u) =>
      burst(u)
        .catch((err: Error) => killed || failures.push(`${u}: ${err.message}`))
        .finally(() => finished++),
    );
    // Let the burst run, then pull the plug without warning.
    while (acked.reduce((n, a) => n + a.version, 0) < 150 && finished < REPORTERS.length)
      await new Promise((r) => setTimeout(r, 20));
    killed = true;
    server.process.kill('SIGKILL');
    await Promise.all(running);
    expect(failures).toEqual([]); // before the kill, every request succeeded
    await server.stop();

    // Restart on the same database: it comes back, and every acknowledged write is there.
    server = await startTestServer({ DATABASE_URL: database.url });
    const db = database.db;
    const rows = await db
      .selectFrom('task_updates')
      .select(['id', 'report_id', 'task_id', 'version', 'results'])
      .execute();
    for (const a of acked) {
      const row = rows.find((r) => r.report_id === a.reportId && r.task_id === a.taskId);
      expect(row, `task ${a.taskId} of report ${a.reportId}`).toBeDefined();
      // A write in flight at the kill may have landed after its last acknowledgement.
      expect(row!.version).toBeGreaterThanOrEqual(a.version);
      if (row!.version === a.version) expect(row!.results).toBe(a.results);
    }
    // Nothing half-written: every version of every item has its audit entry.
    const audits = await db
      .selectFrom('audit_log')
      .select(['entity_id'])
      .where('entity', '=', 'task_update')
      .execute();
    for (const row of rows)
      expect(audits.filter((a) => a.entity_id === row.id).length, `audit of ${row.id}`).toBe(
        row.version,
      );
    const reports = await db
      .selectFrom('reports')
      .select(['id', 'status', 'submitted_at'])
      .execute();
    for (const id of submitted)
      expect(reports.find((r) => r.id === id)).toMatchObject({ status: 'submitted' });
    for (const r of reports.filter((x) => x.status === 'submitted'))
      expect(r.submitted_at).not.toBeNull();
    // The restarted server serves the data.
    const reporter = await apiSession(server.url, 'kienhung.vhxh');
    const mine = await reporter.call<Array<{ reportId: number | null }>>('GET', '/api/my/reports');
    expect(mine[0]!.reportId).not.toBeNull();
    expect(acked.length).toBeGreaterThanOrEqual(REPORTERS.length);
  }, 120_000);
});
