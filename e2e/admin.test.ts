import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../packages/server/src/testing/databases.ts';
import { signedInPage, signIn, useServerAndBrowser } from './session.ts';

describe.each(TEST_DIALECTS)('a focal officer adds a unit and a reporter (%s)', (dialect) => {
  const e2e = useServerAndBrowser(dialect);

  it('unit → account with a temporary password → first sign-in forces a new password', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(e2e.server.url);
    await signIn(page, 'kienhung.daumoi');
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

    const newcomer = await e2e.browser.newPage();
    await newcomer.goto(e2e.server.url);
    await signIn(newcomer, 'kienhung.yte', password);
    await newcomer.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await newcomer.getByLabel('Mật khẩu hiện tại').fill(password);
    await newcomer.getByLabel(/^Mật khẩu mới/).fill('YTe@Kienhung2026');
    await newcomer.getByLabel('Nhập lại mật khẩu mới').fill('YTe@Kienhung2026');
    await newcomer.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    // A unit's reporter lands on "Việc của tôi".
    await newcomer.getByRole('heading', { name: 'Việc của tôi' }).waitFor();
    await newcomer.getByText('Chưa có kỳ báo cáo nào được mở cho đơn vị.').waitFor();
    await newcomer.close();
  });

  it('the admin merges two communes; the province sees one commune carrying both', async () => {
    const page = await signedInPage(e2e, 'admin');
    await page.getByRole('link', { name: 'Quản trị' }).click();
    // The first commune's administrative code (Decision 19/2025/QĐ-TTg: five digits).
    const code = page.getByLabel('Mã đơn vị hành chính của xã');
    await code.fill('1146');
    await page.getByRole('button', { name: 'Lưu mã' }).click();
    await page
      .getByText(/xã 5 chữ số/)
      .first()
      .waitFor();
    await code.fill('11460');
    await page.getByRole('button', { name: 'Lưu mã' }).click();
    await expect.poll(() => page.getByText(/xã 5 chữ số/).count()).toBe(0);
    const panel = page.getByTestId('reorganise');
    await panel.getByLabel('Đơn vị cũ').click();
    await page.getByRole('option', { name: 'Xã Chí Minh' }).click();
    await page.getByRole('option', { name: 'Xã Thái Tân' }).click();
    await panel.getByLabel('Tên đơn vị mới').fill('Xã Chí Minh Thái Tân');
    await panel.getByLabel('Mã đơn vị hành chính').fill('1234');
    await panel.getByLabel('Ngày hiệu lực').fill('01/07/2026');
    await panel.getByRole('button', { name: 'Sáp nhập' }).last().click();
    // A code of Decision 19/2025 has five digits for a commune.
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('5 chữ số');
    await panel.getByLabel('Mã đơn vị hành chính').fill('99901');
    await panel.getByRole('button', { name: 'Sáp nhập' }).last().click();
    await panel.getByText('Đã sắp xếp lại đơn vị').waitFor();

    await page.close();
    const province = await signedInPage(e2e, 'haiphong');
    await province.getByRole('link', { name: 'Tổng hợp tỉnh' }).click();
    const table = province.getByTestId('province-table');
    await table.waitFor();
    await expect.poll(() => table.textContent()).toContain('Xã Chí Minh Thái Tân');
    expect(await table.textContent()).not.toContain('Xã Thái Tân');
    await province.close();
  });
});
