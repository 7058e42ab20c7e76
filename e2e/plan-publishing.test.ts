import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { TEST_DIALECTS } from '../packages/server/src/testing/databases.ts';
import { PHONE, signedInPage, useServerAndBrowser } from './session.ts';

// Publishing guarded and a plan's housekeeping: the title must be a real one, the publish
// button names the cells still flagged and asks, a document for another place is pointed out
// and confirmed, a second import of a published plan warns; then the plan is renamed,
// archived (out of the active list, under "Đã lưu trữ"), restored and taken back to draft.

const FIXTURE = resolve(import.meta.dirname, '../fixtures/rendered/000_862ce2f29f2f990b.pdf');
const TITLE = 'Kế hoạch chuyển đổi số xã Kiến Hưng (bản thử ban hành)';
const DESKTOP = { viewport: { width: 1366, height: 900 } };

async function importFixture(page: Page) {
  await page.getByRole('link', { name: 'Nhập kế hoạch' }).click();
  await page.locator('input[type=file]').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Tải lên và đọc' }).click();
  await page.getByRole('heading', { name: 'Rà soát kế hoạch nhập từ văn bản' }).waitFor();
}

describe.each(TEST_DIALECTS)('publishing a plan and looking after it (%s)', (dialect) => {
  const e2e = useServerAndBrowser(dialect);

  it('asks for a real title, names the flagged cells and the other place before publishing; a second import warns', async () => {
    const page = await signedInPage(e2e, 'kienhung.daumoi', DESKTOP);
    await importFixture(page);

    // Unit proposals that look like broken lines or near duplicates are not ticked.
    const proposals = page.getByTestId('unit-proposals').getByRole('checkbox');
    for (let i = 0; i < (await proposals.count()); i++) {
      const box = proposals.nth(i);
      const doubtful = await box.evaluate(
        (el) => el.closest('.mantine-Checkbox-root')?.textContent?.includes('Cần xem lại') ?? false,
      );
      if (doubtful) expect(await box.isChecked()).toBe(false);
    }
    // The PDF's broken line "Hóa-Xã hội" (of "Phòng Văn hóa - Xã hội") is one of them.
    const broken = page.getByTestId('unit-proposals').getByText('Hóa-Xã hội', { exact: true });
    expect(await broken.count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: /^Hóa-Xã hội/ }).isChecked()).toBe(false);

    // A row's actions stay on screen however wide its table (1366 px, beside the source).
    const removeRow = page.getByRole('button', { name: /^Xóa dòng/ }).first();
    await page.evaluate(() =>
      window.scrollBy(0, document.querySelector('[data-row]')!.getBoundingClientRect().top - 200),
    );
    const actionsBox = (await removeRow.boundingBox())!;
    const sourceBox = (await page.getByText('Văn bản gốc').boundingBox())!;
    expect(actionsBox.x + actionsBox.width).toBeLessThan(sourceBox.x);

    const title = page.getByLabel('Tên kế hoạch');
    const publish = page.getByTestId('publish');
    await title.fill('');
    await page.getByText('Chưa có tên kế hoạch').waitFor();
    expect(await publish.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Tên kế hoạch không được để trống.');
    await title.fill('000_862ce2f29f2f990b.pdf');
    await page.getByText('Tên kế hoạch đang là tên tệp tải lên').waitFor();
    expect(await publish.isDisabled()).toBe(true);
    await title.fill(TITLE);
    await expect.poll(() => page.getByText('Tên kế hoạch không được để trống').count()).toBe(0);
    await page.getByLabel('Số, ký hiệu').fill('77/KH-UBND');

    // The document said to be for another place: warned at once.
    await page.getByLabel('Địa bàn').fill('phường Kiến An');
    const locality = page.getByTestId('locality-warning');
    await expect.poll(() => locality.textContent()).toContain('"phường Kiến An"');
    expect(await locality.textContent()).toContain('Kiến Hưng');

    const doubts = Number((await page.getByTestId('doubt-count').textContent())!.split(' ')[0]);
    expect(doubts).toBeGreaterThan(0);
    expect(await publish.textContent()).toBe(`Ban hành kế hoạch (${doubts} ô cần kiểm tra)`);
    await publish.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain(`Còn ${doubts} ô được đánh dấu`);
    expect(await dialog.textContent()).toContain('Văn bản ghi địa bàn "phường Kiến An"');
    // Each flagged cell is listed (table, row, column, why) and leads to the cell.
    const listed = dialog.getByTestId('flagged-cells').locator('li');
    expect(await listed.count()).toBe(doubts);
    await page.screenshot({ path: join(tmpdir(), `tiendo-publish-confirm-${dialect}.png`) });
    const last = listed.last().getByRole('button');
    const [, code, column] = (await last.textContent())!.split(' · ');
    await last.click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`${column} — dòng ${code}`);
    expect(page.url()).toMatch(/\/review$/);
    await publish.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Vẫn ban hành' }).click();
    await page.waitForURL(/\/plans\/\d+$/);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const publishedUrl = page.url();

    // Importing the same plan again: the review points at the one published.
    await page.getByRole('link', { name: '← Danh sách kế hoạch' }).click();
    await importFixture(page);
    await page.getByLabel('Số, ký hiệu').fill('77/KH-UBND');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    const duplicate = page.getByTestId('duplicate-warning');
    await expect.poll(() => duplicate.textContent()).toContain(TITLE);
    const reviewUrl = page.url();
    // Both the plan just published (same number and date) and the demo's (same title).
    const rows = duplicate.locator('[data-testid^="duplicate-"]');
    expect(await rows.count()).toBe(2);
    expect(await duplicate.textContent()).toContain('Nghị quyết số 11/NQ-CP');
    await rows.filter({ hasText: TITLE }).getByRole('link', { name: 'Mở kế hoạch đã có' }).click();
    await page.waitForURL(publishedUrl);

    // The second draft is not wanted: deleted, after a confirmation.
    await page.goto(reviewUrl);
    await page.getByRole('button', { name: 'Xoá bản nháp' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xoá bản nháp' }).click();
    await page.getByRole('heading', { name: 'Kế hoạch' }).waitFor();
    await page.goto(reviewUrl);
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('Không tìm thấy kế hoạch');
    await page.close();
  });

  it('renames, archives (out of the active list, under "Đã lưu trữ"), restores and takes back to draft, on a phone', async () => {
    const page = await signedInPage(e2e, 'kienhung.daumoi', PHONE);
    // On a phone the plans are cards, nothing scrolls sideways.
    await page.getByTestId('plan-cards').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('button', { name: 'Đổi tên' }).click();
    const renamed = `${TITLE} – đã sửa`;
    await page.getByRole('dialog').getByLabel('Tên kế hoạch').fill(renamed);
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('heading', { name: renamed }).waitFor();

    await page.getByRole('button', { name: 'Lưu trữ' }).click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('chỉ còn để xem');
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Kế hoạch đã lưu trữ: chỉ để xem').waitFor();
    await page.screenshot({ path: join(tmpdir(), `tiendo-plan-archived-${dialect}.png`) });

    await page.getByRole('link', { name: '← Danh sách kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Kế hoạch' }).waitFor();
    await page
      .getByRole('link', { name: /Nghị quyết số 11\/NQ-CP/ })
      .first()
      .waitFor();
    expect(await page.getByRole('link', { name: renamed }).count()).toBe(0);
    await page.getByText('Đã lưu trữ', { exact: true }).click();
    await page.getByRole('link', { name: renamed }).click();
    await page.getByRole('button', { name: 'Bỏ lưu trữ' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('button', { name: 'Đưa về bản nháp' }).waitFor();

    await page.getByRole('button', { name: 'Đưa về bản nháp' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('heading', { name: 'Rà soát kế hoạch nhập từ văn bản' }).waitFor();
    expect(await page.getByLabel('Tên kế hoạch').inputValue()).toBe(renamed);
    await page.close();
  });
});
