import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../packages/server/src/testing/databases.ts';
import { signedInPage, useServerAndBrowser } from './session.ts';
import { apiSession, openFirstPeriodOf } from './api.ts';

describe.each(TEST_DIALECTS)('cascade from the city plan to the communes (%s)', (dialect) => {
  const e2e = useServerAndBrowser(dialect);

  it('the commune’s focal officer unlinks a task and confirms it again', async () => {
    const page = await signedInPage(e2e, 'kienhung.daumoi');
    await page.getByRole('link', { name: /Nghị quyết số 11\/NQ-CP/ }).click();
    await page.getByRole('tab', { name: 'Kế hoạch cấp trên' }).click();
    await expect
      .poll(() => page.getByTestId('parent-plan').inputValue({ timeout: 5000 }))
      .toMatch(/^48\/KH-UBND/);
    const tasks = page.getByTestId('cascade-links-task');
    await expect.poll(() => tasks.getByText('đã liên kết', { exact: true }).count()).toBe(8);
    await tasks.getByRole('button', { name: 'Bỏ liên kết' }).first().click();
    await expect.poll(() => tasks.getByText('đã liên kết', { exact: true }).count()).toBe(7);
    expect(await tasks.getByText('đề xuất 100%').count()).toBe(1);
    await tasks.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await expect.poll(() => tasks.getByText('đã liên kết', { exact: true }).count()).toBe(8);
    await page.close();
  });

  it('the city sees which communes carry out each task and which have not taken it up', async () => {
    const page = await signedInPage(e2e, 'haiphong');
    await page.getByRole('link', { name: /phần nhiệm vụ, chỉ tiêu giao cấp xã/ }).click();
    await page.getByRole('tab', { name: 'Phân cấp thực hiện' }).click();
    const communes = page.getByTestId('cascade-communes');
    await communes.waitFor();
    const kienHung = communes.getByRole('row', { name: /Xã Kiến Hưng/ });
    expect(await kienHung.textContent()).toContain('8/8');
    const items = page.getByTestId('cascade-items');
    const first = items.getByRole('row').nth(1);
    expect(await first.textContent()).toContain('Xã Kiến Hưng (1)');
    // The communes whose plans carry other wording have not taken the task up.
    expect(await first.textContent()).toMatch(/Phường .*|Xã Chí Minh|Xã Thái Tân/);
    await page.close();
  });

  it('the city assigns a ranked indicator to its communes and sees their average', async () => {
    const page = await signedInPage(e2e, 'admin');
    await page.getByRole('link', { name: /phần nhiệm vụ, chỉ tiêu giao cấp xã/ }).click();
    await page.getByRole('tab', { name: 'Phân cấp thực hiện' }).click();
    const shares = page.getByTestId('target-shares');
    await shares.waitFor();
    // The first indicator is a rank ("Thứ bậc"): each commune gets a rank, not a slice of it.
    await shares.getByText('Bình quân các xã').first().waitFor();
    await shares.getByText('Nhập từng xã').click();
    const values = [5, 8, 12, 15];
    const inputs = shares.getByLabel(/^Chỉ tiêu giao /);
    await expect.poll(() => inputs.count()).toBe(values.length);
    for (const [i, value] of values.entries()) await inputs.nth(i).fill(String(value));
    await shares.getByRole('button', { name: 'Lưu phân bổ' }).click();
    const average = shares.getByRole('row', { name: /^Bình quân các xã/ });
    await expect.poll(() => average.textContent()).toContain('10');
    const kienHung = shares.getByRole('row', { name: /Xã Kiến Hưng/ });
    expect(await kienHung.textContent()).toMatch(/Xã Kiến Hưng\d+/);
    // Weights cannot split a rank: the refusal is in Vietnamese.
    await shares.getByText('Theo trọng số').click();
    await shares.getByLabel('Tổng cần giao').fill('10');
    await shares.getByRole('button', { name: 'Lưu phân bổ' }).click();
    await expect
      .poll(() => shares.getByRole('alert').textContent())
      .toContain('không chia theo trọng số');
    await page.close();
  });

  it('the commune adds its own indicator beside the cascaded ones; its unit reports on it', async () => {
    const page = await signedInPage(e2e, 'kienhung.daumoi');
    await page.getByRole('link', { name: /Nghị quyết số 11\/NQ-CP/ }).click();
    await page.getByRole('tab', { name: /^Chỉ tiêu/ }).click();
    await page.getByRole('button', { name: '+ Bổ sung chỉ tiêu riêng của xã' }).click();
    const form = page.getByTestId('local-indicator');
    await form.getByLabel('Tên chỉ tiêu').fill('Số hộ kinh doanh dùng thanh toán không tiền mặt');
    await form.getByLabel('Đơn vị tính').fill('hộ');
    await form.getByLabel('Mục tiêu').fill('≥ 200');
    await form.getByLabel('Chủ trì').click();
    await page.getByRole('option', { name: 'Phòng Kinh tế' }).click();
    await form.getByRole('button', { name: 'Bổ sung', exact: true }).click();
    await form.getByText('Đã bổ sung mục BS1').waitFor();
    await page.getByText('Số hộ kinh doanh dùng thanh toán không tiền mặt').first().waitFor();
    await page.close();

    // The economy unit finds it in its next report.
    const focal = await apiSession(e2e.server.url, 'kienhung.daumoi');
    const planId = (await focal.call<Array<{ id: number }>>('GET', '/api/plans'))[0]!.id;
    await openFirstPeriodOf(focal, planId);
    const reporter = await signedInPage(e2e, 'kienhung.kt');
    await reporter
      .getByRole('button', { name: /^Lập báo cáo/ })
      .first()
      .click();
    await reporter.getByTestId('row-indicator-BS1').click();
    await reporter.getByTestId('indicator-BS1').waitFor();
    expect(await reporter.getByTestId('indicator-BS1').textContent()).toContain('≥ 200');
    await reporter.close();
  });
});
