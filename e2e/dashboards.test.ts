import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startTestServer, type TestServer } from './harness.ts';
import { apiSession } from './api.ts';
import {
  openTestDatabase,
  TEST_DIALECTS,
  type TestDatabase,
} from '../packages/server/src/testing/databases.ts';

describe.each(TEST_DIALECTS)('dashboards in the browser (%s)', (dialect) => {
  let server: TestServer;
  let browser: Browser;
  let database: TestDatabase | undefined;
  let planId: number;

  beforeAll(async () => {
    database = dialect === 'postgres' ? await openTestDatabase('postgres') : undefined;
    server = await startTestServer(database ? { DATABASE_URL: database.url } : {});
    browser = await launchBrowser();
    // A period opened and one unit's report submitted, through the API.
    const focal = await apiSession(server.url, 'kienhung.daumoi');
    const plans = await focal.call<Array<{ id: number; commune_name: string }>>(
      'GET',
      '/api/plans',
    );
    planId = plans.find((p) => p.commune_name === 'Xã Kiến Hưng')!.id;
    await focal.call('POST', `/api/plans/${planId}/periods/generate`, {
      from: '2026-01-01',
      to: '2026-12-31',
    });
    const [period] = await focal.call<Array<{ id: number; version: number }>>(
      'GET',
      `/api/plans/${planId}/periods`,
    );
    await focal.call('PATCH', `/api/periods/${period!.id}`, {
      version: period!.version,
      status: 'open',
    });
    const unit = await apiSession(server.url, 'kienhung.kt');
    const mine = await unit.call<Array<{ periodId: number; unitId: number }>>(
      'GET',
      '/api/my/reports',
    );
    const { reportId } = await unit.call<{ reportId: number }>(
      'POST',
      `/api/periods/${mine[0]!.periodId}/units/${mine[0]!.unitId}/report`,
    );
    const report = await unit.call<{ version: number; tasks: Array<{ taskId: number }> }>(
      'GET',
      `/api/reports/${reportId}`,
    );
    await unit.call('PUT', `/api/reports/${reportId}/tasks/${report.tasks[0]!.taskId}`, {
      version: 0,
      status: 'done',
      results: 'Xong',
    });
    await unit.call('POST', `/api/reports/${reportId}/submit`, { version: report.version });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.dispose();
  });

  it('the commune leader sees status, overdue tasks with who answers, and the unit ranking as chart and table', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('kienhung.lanhdao');
    await page.getByLabel('Mật khẩu').fill('Demo@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: /Nghị quyết số 11\/NQ-CP/ }).click();
    await page.getByRole('link', { name: 'Bảng điều hành' }).click();
    await page.getByRole('heading', { name: /Bảng điều hành — Xã Kiến Hưng/ }).waitFor();
    const ranking = page.getByTestId('chart-xep-hang-don-vi');
    await expect.poll(() => ranking.locator('canvas').count()).toBeGreaterThan(0);
    await ranking.getByRole('button', { name: 'Xem dạng bảng' }).click();
    expect(await page.getByTestId('table-xep-hang-don-vi').textContent()).toContain(
      'Phòng Kinh tế',
    );
    const overdue = await page.getByTestId('overdue-list').textContent();
    expect(overdue).toContain('Các phòng, cơ quan, đơn vị');
    await page.close();
  });

  it('the province sees which communes have reported', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('haiphong');
    await page.getByLabel('Mật khẩu').fill('Demo@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Tổng hợp tỉnh' }).click();
    await page.getByTestId('province-table').waitFor();
    const table = await page.getByTestId('province-table').textContent();
    expect(table).toContain('Xã Kiến Hưng');
    expect(table).toContain('1/');
    await page.close();
  });
});
