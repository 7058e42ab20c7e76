import { beforeAll, describe, expect, it } from 'vitest';
import { apiSession, openFirstPeriodOf } from './api.ts';
import { TEST_DIALECTS } from '../packages/server/src/testing/databases.ts';
import { signIn, useServerAndBrowser } from './session.ts';

describe.each(TEST_DIALECTS)('dashboards in the browser (%s)', (dialect) => {
  const e2e = useServerAndBrowser(dialect);
  let planId: number;
  let linkedIndicator: number;

  beforeAll(async () => {
    // A period opened and one unit's report submitted, through the API.
    const focal = await apiSession(e2e.server.url, 'kienhung.daumoi');
    const plans = await focal.call<Array<{ id: number; communeName: string }>>('GET', '/api/plans');
    planId = plans.find((p) => p.communeName === 'Xã Kiến Hưng')!.id;
    await openFirstPeriodOf(focal, planId);
    const unit = await apiSession(e2e.server.url, 'kienhung.kt');
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
    const indicators = (report as unknown as { indicators: Array<{ indicatorId: number }> })
      .indicators;
    await unit.call('PUT', `/api/reports/${reportId}/indicators/${indicators[0]!.indicatorId}`, {
      version: 0,
      valueNumber: 70,
    });
    await unit.call('POST', `/api/reports/${reportId}/submit`, { version: report.version });
    linkedIndicator = indicators[0]!.indicatorId;
  });

  it('the commune leader sees status, overdue tasks with who answers, and the unit ranking as chart and table', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(e2e.server.url);
    await signIn(page, 'kienhung.lanhdao');
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
    // Drill down: an overdue task and what units reported on it.
    await page.getByTestId('overdue-list').getByRole('button').first().click();
    await page.getByTestId('task-history').waitFor();
    await page.keyboard.press('Escape');
    // Filter by one unit: fewer tasks in the total.
    const total = async () =>
      Number(
        await page.getByText('Tổng số nhiệm vụ').locator('..').locator('p').last().textContent(),
      );
    const all = await total();
    await page.getByLabel('Đơn vị').first().click();
    await page.getByRole('option', { name: 'Công an xã' }).click();
    await expect.poll(total).toBeLessThan(all);
    await page.close();
  });

  it('the province sees which communes have reported', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(e2e.server.url);
    await signIn(page, 'haiphong');
    await page.getByRole('link', { name: 'Tổng hợp tỉnh' }).click();
    await page.getByTestId('province-table').waitFor();
    const table = await page.getByTestId('province-table').textContent();
    expect(table).toContain('Xã Kiến Hưng');
    expect(table).toContain('1/');
    // Completeness and timeliness per commune, over every period already due.
    const compliance = page.getByTestId('province-compliance');
    await compliance.waitFor();
    const kienHung = compliance.getByRole('row', { name: /Xã Kiến Hưng/ });
    expect(await kienHung.textContent()).toMatch(/Xã Kiến Hưng\d+\/\d+/);
    await page.close();
  });

  it('the focal officer confirms catalogue links; the province compares communes on one', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(e2e.server.url);
    await signIn(page, 'kienhung.daumoi');
    await page.getByRole('link', { name: /Nghị quyết số 11\/NQ-CP/ }).click();
    await page.getByRole('tab', { name: 'Danh mục dùng chung' }).click();
    const confirm = page.getByRole('button', { name: /^Xác nhận liên kết \(\d+\)/ });
    await confirm.waitFor();
    expect(Number(/\((\d+)\)/.exec((await confirm.textContent())!)![1])).toBeGreaterThanOrEqual(15);
    await confirm.click();
    await expect.poll(() => confirm.textContent()).toBe('Xác nhận liên kết (0)');
    await page.close();

    const focal = await apiSession(e2e.server.url, 'kienhung.daumoi');
    await focal.call('PUT', `/api/plans/${planId}/catalogue`, {
      links: [{ indicatorId: linkedIndicator, catalogueId: 1 }],
    });
    const province = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await province.goto(e2e.server.url);
    await signIn(province, 'haiphong');
    await province.getByRole('link', { name: 'Tổng hợp tỉnh' }).click();
    // Typed into the searchable list: a long dropdown scrolling under load made the option
    // click flaky. Opened by a click first: typed before the list's data arrived, the
    // dropdown could stay shut (seen once under a full suite's load).
    const picker = province.getByLabel('So sánh chỉ tiêu giữa các xã').first();
    await province.getByText('Xã Kiến Hưng').first().waitFor();
    await picker.click();
    await picker.fill('NQ57-01');
    const option = province.getByRole('option', { name: /^NQ57-01/ });
    if (!(await option.isVisible())) await picker.press('ArrowDown');
    await option.click();
    const chart = province.getByTestId('chart-so-sanh-chi-tieu');
    await chart.getByRole('button', { name: 'Xem dạng bảng' }).click();
    const table = await province.getByTestId('table-so-sanh-chi-tieu').textContent();
    expect(table).toContain('Xã Kiến Hưng');
    expect(table).toContain('70');
    await province.close();
  });

  it('the central level, on a phone, sees every province, compares an indicator and opens a province', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 360, height: 760 } });
    await page.goto(e2e.server.url);
    await signIn(page, 'trunguong');
    // A national viewer starts on the national overview.
    const table = page.getByTestId('national-table');
    await table.waitFor();
    expect(await table.textContent()).toContain('Thành phố Hải Phòng');
    expect(await page.getByTestId('national-figures').textContent()).toContain('1/');
    // Nothing wider than the screen but the table, which scrolls inside its box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.getByLabel('So sánh một chỉ tiêu giữa các tỉnh').first().fill('NQ57-01');
    await page.getByRole('option', { name: /^NQ57-01/ }).click();
    const chart = page.getByTestId('chart-so-sanh-chi-tieu-cac-tinh');
    await chart.getByRole('button', { name: 'Xem dạng bảng' }).click();
    expect(await page.getByTestId('table-so-sanh-chi-tieu-cac-tinh').textContent()).toContain('70');
    await table.getByRole('link', { name: 'Thành phố Hải Phòng' }).click();
    await page.getByTestId('province-table').waitFor();
    expect(await page.getByTestId('province-table').textContent()).toContain('Xã Kiến Hưng');
    await page.close();
  });
});
