import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_DIALECTS } from '../packages/server/src/testing/databases.ts';
import {
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
    await units.getByRole('link', { name: 'Phòng Văn hóa - Xã hội' }).click();
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
    await culture.reload();
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

  it('on a phone the whole report is a short list; an item opens under its row, then the next', async () => {
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
    // One item opens right under its row: no scrolling past the others to write it.
    const third = rows.nth(2);
    await third.click();
    const card = phone.locator('[data-testid^="task-"]').first();
    await card.waitFor();
    const rowBox = (await third.boundingBox())!;
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.y - (rowBox.y + rowBox.height)).toBeLessThan(20);
    // "Mục sau" opens the next one and closes this one.
    const code = await card.getAttribute('data-testid');
    await phone.getByRole('button', { name: /^Mục sau/ }).click();
    await expect
      .poll(() => phone.locator('[data-testid^="task-"]').first().getAttribute('data-testid'))
      .not.toBe(code);
    expect(await phone.locator('[data-testid^="task-"]').count()).toBe(1);
    // Sending stays in reach at the foot of the screen.
    const bar = (await phone.getByTestId('send-bar').boundingBox())!;
    expect(bar.y + bar.height).toBeLessThanOrEqual(PHONE.viewport!.height + 1);
    await phone.close();
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
