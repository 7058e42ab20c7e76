import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TEST_DIALECTS } from '../packages/server/src/testing/databases.ts';
import {
  closeItemSheet,
  generatePeriods,
  openFirstItem,
  openFirstPeriod,
  openMyFirstReport,
  PHONE,
  signedInPage,
  useServerAndBrowser,
} from './session.ts';

// The daily loop in the real UI: the focal officer opens a period, two units fill in and
// submit (one on a 360 px phone), the focal officer returns one and approves the other, and
// the history shows every step.

async function fillFirstTaskAndSubmit(page: Page, results: string) {
  await openMyFirstReport(page);
  const card = page.locator('[data-testid^="task-"]').first();
  await card.getByText('Đang thực hiện', { exact: true }).click();
  await card.getByLabel(/^Tiến độ/).fill('60');
  await card.getByLabel(/^Kết quả đạt được/).fill(results);
  await card.getByLabel(/^Kinh phí đã sử dụng/).fill('15000000');
  await expect
    .poll(() => card.locator('[data-save-state]').getAttribute('data-save-state'), {
      timeout: 10_000,
    })
    .toBe('saved');
  await closeItemSheet(page);
  // Sending with most items untouched asks first, saying how much is written.
  const asked = page.waitForEvent('dialog');
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  expect((await asked).message()).toMatch(/^Mới cập nhật 1\/\d+ nhiệm vụ/);
  await expect
    .poll(() => page.locator('[data-status]').first().getAttribute('data-status'))
    .toBe('submitted');
  await page.getByText('Đã gửi báo cáo. Cán bộ đầu mối sẽ xem và duyệt.').waitFor();
}

describe.each(TEST_DIALECTS)('the reporting loop in the browser (%s)', (dialect) => {
  const e2e = useServerAndBrowser(dialect);

  it('open period → two units submit (one on a phone) → one returned, one approved → audit', async () => {
    // 1. The focal officer generates this year's periods and opens the first one.
    const officer = await signedInPage(e2e, 'kienhung.daumoi');
    const periods = await generatePeriods(officer);
    const before = await periods.locator('tbody tr').count();
    await officer.getByLabel('Kỳ báo cáo đột xuất').fill('Báo cáo nhanh chuyển đổi số');
    await officer.getByLabel('Số liệu từ ngày').fill('1/3/2026');
    await officer.getByLabel('đến ngày').fill('31/03/2026');
    await officer.getByLabel('Hạn nộp').first().fill('2026-04-05');
    await officer.getByRole('button', { name: 'Thêm kỳ đột xuất' }).click();
    await expect.poll(() => periods.locator('tbody tr').count()).toBe(before + 1);
    expect(await periods.textContent()).toContain('Báo cáo nhanh chuyển đổi số');
    const firstPeriod = await openFirstPeriod(officer, periods);

    // 2. Two units report: Văn hóa - Xã hội on a desktop, Kinh tế on a phone.
    const culture = await signedInPage(e2e, 'kienhung.vhxh');
    await fillFirstTaskAndSubmit(culture, 'Đã tổ chức 2 hội nghị quán triệt Nghị quyết 57');
    const phone = await signedInPage(e2e, 'kienhung.kt', PHONE);
    await fillFirstTaskAndSubmit(phone, 'Đã cập nhật dữ liệu doanh nghiệp');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(360);

    // 3. The focal officer sees both submitted, returns one with an item comment, approves the other.
    await officer.getByRole('link', { name: firstPeriod }).click();
    const units = officer.getByTestId('period-units');
    await expect
      .poll(async () => (await units.textContent())?.match(/Đã gửi/g)?.length ?? 0)
      .toBe(2);
    // Each sending told the focal officer; the notice leads to the report.
    await officer.reload();
    await officer.getByRole('button', { name: /^Thông báo \([1-9]/ }).click();
    await officer
      .getByRole('menuitem', {
        name: new RegExp(`^Phòng Văn hóa - Xã hội đã gửi (báo cáo )?${firstPeriod}`),
      })
      .click();
    await officer.waitForURL(/\/reports\/\d+$/);
    const card = officer.locator('[data-testid^="task-"]').first();
    await card.getByLabel(/^Ý kiến cho mục này/).fill('Ghi rõ số người tham dự');
    await officer.getByLabel(/^Ý kiến chung/).fill('Bổ sung số liệu cụ thể');
    await officer.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
    await expect
      .poll(() => officer.locator('[data-status]').first().getAttribute('data-status'))
      .toBe('returned');
    await officer.getByText('Lịch sử thay đổi').click();
    await expect.poll(() => officer.getByTestId('audit-list').textContent()).toContain('Trả lại');
    expect(await officer.getByTestId('audit-list').textContent()).toContain('Gửi báo cáo');

    await officer.getByRole('link', { name: '← Quay lại' }).click();
    await units.getByRole('link', { name: 'Phòng Kinh tế' }).click();
    await officer.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await expect
      .poll(() => officer.locator('[data-status]').first().getAttribute('data-status'))
      .toBe('approved');
    await officer.getByText('Lịch sử thay đổi').click();
    await expect.poll(() => officer.getByTestId('audit-list').textContent()).toContain('Duyệt');

    // 4. The returned unit sees why, per item, and can edit again; the approved one cannot.
    // Both were told, the one on the phone too.
    await culture.reload();
    await culture.getByRole('button', { name: /^Thông báo \([1-9]/ }).click();
    await culture.getByRole('menuitem', { name: /bị trả lại, cần bổ sung/ }).waitFor();
    await culture.keyboard.press('Escape');
    await phone.reload();
    await phone.getByRole('button', { name: /^Thông báo \([1-9]/ }).click();
    const approvedNotice = phone.getByRole('menuitem', { name: /của Phòng Kinh tế đã được duyệt/ });
    const noticeBox = (await approvedNotice.boundingBox())!;
    expect(noticeBox.x).toBeGreaterThanOrEqual(0);
    expect(noticeBox.x + noticeBox.width).toBeLessThanOrEqual(360);
    await phone.screenshot({ path: join(tmpdir(), `tiendo-notice-phone-${dialect}.png`) });
    await phone.keyboard.press('Escape');
    await culture.getByText('Bổ sung số liệu cụ thể').waitFor();
    await culture.getByText('Ghi rõ số người tham dự').waitFor();
    expect(
      await culture
        .locator('[data-testid^="task-"]')
        .first()
        .getByLabel(/^Kết quả đạt được/)
        .isEditable(),
    ).toBe(true);
    await phone.reload();
    await openFirstItem(phone);
    expect(
      await phone
        .locator('[data-testid^="task-"]')
        .first()
        .getByLabel(/^Kết quả đạt được/)
        .isEditable(),
    ).toBe(false);
    for (const page of [officer, culture, phone]) await page.close();
  });

  it('on a phone the whole report is a short list; an item opens in a sheet over it, then the next', async () => {
    const phone = await signedInPage(e2e, 'kienhung.vhxh', PHONE);
    await phone.getByRole('link', { name: 'Việc của tôi' }).click();
    await phone
      .getByRole('button', { name: /^Lập báo cáo/ })
      .first()
      .click();
    const rows = phone.locator('[data-testid^="row-"]');
    await rows.first().waitFor();
    // Văn hóa - Xã hội: 29 tasks and 38 indicators in at most ~8 phone screens.
    expect(await rows.count()).toBeGreaterThan(60);
    expect(await phone.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      6_000,
    );
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    // One item opens in a sheet over the list, from the top of the screen: no scrolling past
    // the others to write it, and the way to the next item at the foot of the screen.
    await rows.nth(2).click();
    const sheet = phone.getByRole('dialog');
    const card = sheet.locator('[data-testid^="task-"]');
    await card.waitFor();
    // (polled: the sheet slides up)
    await expect
      .poll(async () => (await card.boundingBox())!.y)
      .toBeLessThan(PHONE.viewport!.height / 4);
    const next = sheet.getByRole('button', { name: /^Mục sau/ });
    await expect
      .poll(async () => {
        const box = (await next.boundingBox())!;
        return box.y + box.height;
      })
      .toBeLessThanOrEqual(PHONE.viewport!.height);
    // "Mục sau" opens the next one in its place.
    const code = await card.getAttribute('data-testid');
    await next.click();
    await expect.poll(() => card.getAttribute('data-testid')).not.toBe(code);
    expect(await phone.locator('[data-testid^="task-"]').count()).toBe(1);
    // Back to the list; sending stays in reach at the foot of the screen.
    await sheet.getByRole('button', { name: 'Danh sách' }).click();
    await sheet.waitFor({ state: 'hidden' });
    const bar = (await phone.getByTestId('send-bar').boundingBox())!;
    expect(bar.y + bar.height).toBeLessThanOrEqual(PHONE.viewport!.height + 1);
    await phone.close();
  });

  it('on a desktop the open item sits beside the list and stays in view as the list scrolls', async () => {
    const page = await signedInPage(e2e, 'kienhung.vhxh', {
      viewport: { width: 1366, height: 768 },
    });
    await page.getByRole('link', { name: 'Việc của tôi' }).click();
    await page
      .getByRole('button', { name: /^Lập báo cáo/ })
      .first()
      .click();
    const panel = page.getByRole('complementary', { name: 'Mục đang cập nhật' });
    const card = panel.locator('[data-testid^="task-"]');
    await card.waitFor();
    const rows = page.locator('[data-testid^="row-"]');
    const rowBox = (await rows.first().boundingBox())!;
    expect((await card.boundingBox())!.x).toBeGreaterThan(rowBox.x + rowBox.width);
    // Far down the list, the panel is still on screen, and a row opens in it.
    await rows.nth(40).scrollIntoViewIfNeeded();
    await rows.nth(40).click();
    await panel.locator('[data-testid^="indicator-"]').waitFor();
    const panelBox = (await panel.boundingBox())!;
    expect(panelBox.y).toBeGreaterThanOrEqual(0);
    expect(panelBox.y).toBeLessThan(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1366,
    );
    await page.close();
  });

  it('two tabs editing the same task: the later save is refused and shows what is on the server', async () => {
    const first = await signedInPage(e2e, 'kienhung.pvhcc');
    await openMyFirstReport(first);
    const second = await signedInPage(e2e, 'kienhung.pvhcc');
    await second.goto(first.url());
    const cardA = first.locator('[data-testid^="task-"]').first();
    const cardB = second.locator('[data-testid^="task-"]').first();
    await cardB.waitFor();
    await cardA.getByLabel(/^Kết quả đạt được/).fill('Bản của tab thứ nhất');
    await expect
      .poll(() => cardA.locator('[data-save-state]').getAttribute('data-save-state'))
      .toBe('saved');
    await cardB.getByLabel(/^Kết quả đạt được/).fill('Bản của tab thứ hai');
    await expect
      .poll(() => cardB.locator('[data-save-state]').getAttribute('data-save-state'))
      .toBe('conflict');
    expect(await cardB.getByTestId('conflict-latest').textContent()).toContain(
      'Bản của tab thứ nhất',
    );
    await cardB.getByRole('button', { name: 'Tải lại bản mới nhất' }).click();
    await expect
      .poll(() =>
        second
          .locator('[data-testid^="task-"]')
          .first()
          .getByLabel(/^Kết quả đạt được/)
          .inputValue(),
      )
      .toBe('Bản của tab thứ nhất');
    await first.close();
    await second.close();
  });
});
