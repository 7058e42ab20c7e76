import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, startTestServer, type TestServer } from './harness.ts';
import {
  openTestDatabase,
  TEST_DIALECTS,
  type TestDatabase,
} from '../packages/server/src/testing/databases.ts';

describe.each(TEST_DIALECTS)('a focal officer adds a unit and a reporter (%s)', (dialect) => {
  let server: TestServer;
  let browser: Browser;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    database = dialect === 'postgres' ? await openTestDatabase('postgres') : undefined;
    server = await startTestServer(database ? { DATABASE_URL: database.url } : {});
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.dispose();
  });

  it('unit → account with a temporary password → first sign-in forces a new password', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.getByLabel('Tên đăng nhập').fill('kienhung.daumoi');
    await page.getByLabel('Mật khẩu').fill('Demo@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByTestId('admin-units').waitFor();
    await page.getByLabel('Đơn vị mới').fill('Trạm Y tế xã');
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await expect
      .poll(async () =>
        page
          .getByTestId('admin-units')
          .locator('input')
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      )
      .toContain('Trạm Y tế xã');

    const form = page.getByRole('heading', { name: 'Thêm người dùng' }).locator('..');
    await form.getByLabel('Tên đăng nhập').fill('kienhung.yte');
    await form.getByLabel('Họ tên').fill('Nguyễn Văn Y');
    await form.getByLabel('Đơn vị', { exact: true }).click();
    await page.getByRole('option', { name: 'Trạm Y tế xã' }).click();
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const secret = page.getByTestId('temporary-password');
    await secret.waitFor();
    const password = (await secret.locator('span').last().textContent())!.trim();
    expect(password).toMatch(/^[a-zA-Z2-9]{12}$/);
    await page.close();

    const newcomer = await browser.newPage();
    await newcomer.goto(server.url);
    await newcomer.getByLabel('Tên đăng nhập').fill('kienhung.yte');
    await newcomer.getByLabel('Mật khẩu').fill(password);
    await newcomer.getByRole('button', { name: 'Đăng nhập' }).click();
    await newcomer.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await newcomer.getByLabel('Mật khẩu hiện tại').fill(password);
    await newcomer.getByLabel(/^Mật khẩu mới/).fill('YTe@Kienhung2026');
    await newcomer.getByLabel('Nhập lại mật khẩu mới').fill('YTe@Kienhung2026');
    await newcomer.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await newcomer.getByRole('heading', { name: 'Kế hoạch' }).waitFor();
    await newcomer.getByRole('link', { name: 'Báo cáo của đơn vị' }).click();
    await newcomer.getByText('Chưa có kỳ báo cáo nào được mở cho đơn vị.').waitFor();
    await newcomer.close();
  });
});
