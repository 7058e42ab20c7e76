import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchBrowser, startTestServer, type TestServer } from './harness.ts';
import { openTestDatabase, type TestDatabase } from '../packages/server/src/testing/databases.ts';
import type { DialectName } from '../packages/server/src/db/dialect.ts';

// What every browser test needs: a real server on a fresh database of the given dialect (the
// server creates and seeds its own SQLite file; for PostgreSQL a fresh schema), one Chromium,
// and signing in as a demo user.

export interface E2E {
  server: TestServer;
  browser: Browser;
}

export function useServerAndBrowser(dialect: DialectName): E2E {
  const e2e = {} as E2E;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = dialect === 'postgres' ? await openTestDatabase('postgres') : undefined;
    e2e.server = await startTestServer(database ? { DATABASE_URL: database.url } : {});
    e2e.browser = await launchBrowser();
  });
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.server?.stop();
    await database?.dispose();
  });
  return e2e;
}

export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
};
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** Fills the sign-in form on a page already showing it. */
export async function signIn(page: Page, username: string, password = 'Demo@2026') {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** A new page signed in as `username`, on the plan list (a unit's reporter: on "Việc của tôi"). */
export async function signedInPage(
  e2e: E2E,
  username: string,
  options: BrowserContextOptions = DESKTOP,
): Promise<Page> {
  const page = await e2e.browser.newPage({ acceptDownloads: true, ...options });
  await page.goto(e2e.server.url);
  // "Gửi báo cáo" asks before sending a report mostly empty; the tests send small ones.
  page.on('dialog', (dialog) => void dialog.accept());
  await signIn(page, username);
  await page.getByRole('heading', { name: /^(Kế hoạch|Việc của tôi)$/ }).waitFor();
  return page;
}

/** From the plan list: the Kiến Hưng plan's "Kỳ báo cáo" tab with this year's periods made. */
export async function generatePeriods(page: Page) {
  await page.getByRole('link', { name: /Nghị quyết số 11\/NQ-CP/ }).click();
  await page.getByRole('tab', { name: 'Kỳ báo cáo' }).click();
  await page.getByRole('button', { name: /^Tạo các kỳ báo cáo năm/ }).click();
  const periods = page.getByTestId('periods-table');
  await periods.waitFor();
  return periods;
}

/** Opens the first period listed and returns its label. */
export async function openFirstPeriod(page: Page, periods: Locator): Promise<string> {
  const label = (await periods.locator('tbody tr').first().locator('a').textContent())!;
  await page.getByRole('button', { name: `Mở kỳ ${label}` }).click();
  await expect.poll(() => periods.locator('tbody tr').first().textContent()).toContain('Đang mở');
  return label;
}

/** Opens one item of the report screen (a compact row) and gives its card. */
export async function openItem(page: Page, text: string): Promise<Locator> {
  await page.locator('[data-testid^="row-"]').filter({ hasText: text }).first().click();
  const card = page.locator('[data-testid^="task-"], [data-testid^="indicator-"]').filter({
    hasText: text,
  });
  await card.first().waitFor();
  return card.first();
}

/** A unit reporter's way into the report of the first period listed for them. */
export async function openMyFirstReport(page: Page) {
  await page.getByRole('link', { name: 'Việc của tôi' }).click();
  await page
    .getByRole('button', { name: /^Lập báo cáo/ })
    .first()
    .click();
  await openFirstItem(page);
}

/** On a phone an item is written in a sheet over the list: back to the list (and the send bar). */
export async function closeItemSheet(page: Page) {
  const sheet = page.getByRole('dialog');
  if (!(await sheet.isVisible())) return;
  await sheet.getByRole('button', { name: 'Danh sách' }).click();
  await sheet.waitFor({ state: 'hidden' });
}

/** The report screen's first item open for writing: on a wide screen it opens by itself, on a
 *  phone the list comes first and the row is tapped. */
export async function openFirstItem(page: Page) {
  const row = page.locator('[data-testid^="row-"]').first();
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await page.locator('[data-testid^="task-"]').first().waitFor();
}
