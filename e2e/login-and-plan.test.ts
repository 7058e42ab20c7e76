import { describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../packages/server/src/testing/databases.ts';
import { signIn, useServerAndBrowser } from './session.ts';

describe.each(TEST_DIALECTS)(
  'a commune officer signs in and opens the demo plan (%s)',
  (dialect) => {
    const e2e = useServerAndBrowser(dialect);

    it('shows a Vietnamese error for a wrong password, then logs in and shows the plan', async () => {
      const page = await e2e.browser.newPage();
      await page.goto(e2e.server.url);
      await signIn(page, 'kienhung.daumoi', 'sai-mat-khau');
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toContain('Tên đăng nhập hoặc mật khẩu không đúng');

      await page.getByLabel('Mật khẩu').fill('Demo@2026');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { name: 'Kế hoạch' }).waitFor();
      const rows = page.locator('tbody tr');
      // The commune's own plan first, then the city's plan it implements.
      expect(await rows.count()).toBe(2);
      expect(await rows.first().textContent()).toContain('Xã Kiến Hưng');
      expect(await rows.last().textContent()).toContain('Thành phố Hải Phòng');
      // A search with no match says so (not "no plan yet").
      const search = page.getByRole('textbox', { name: /^Tìm/ });
      await search.fill('không có kế hoạch này');
      await page.getByText('Không có kế hoạch nào khớp với “không có kế hoạch này”.').waitFor();
      await search.fill('');

      await page.getByRole('link', { name: /Nghị quyết số 11\/NQ-CP/ }).click();
      await page.getByTestId('indicator-table').waitFor();
      const indicators = await page.getByTestId('indicator-table').textContent();
      expect(indicators).toContain(
        'Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp',
      );
      expect(indicators).toContain('Top 50 của thành phố về phát triển KHCN và ĐMST');

      await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
      const tasks = await page.getByTestId('task-table').textContent();
      expect(tasks).toContain('Thường xuyên');

      // A reload keeps the session (httpOnly cookie) and the client-side route, and the page's
      // own sign-in form never shows to someone signed in.
      await page.reload({ waitUntil: 'commit' });
      await page.locator('#sign-in').waitFor({ state: 'attached' });
      expect(await page.locator('#sign-in').isVisible()).toBe(false);
      await page.getByTestId('indicator-table').waitFor();
      // Signing out brings the form back, with the demo account while demo data is on.
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
      await expect
        .poll(() => page.locator('#sign-in-demo').textContent())
        .toContain('kienhung.daumoi');
      expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('');
      await page.close();
    });
  },
);
