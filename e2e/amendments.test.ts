import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_DIALECTS } from '../packages/server/src/testing/databases.ts';
import { PHONE, signedInPage, useServerAndBrowser } from './session.ts';
import { apiSession, openFirstPeriodOf } from './api.ts';

// Amending a running plan in the browser: the focal officer, on a phone, amends one task's
// deadline and adds a task, citing the amending document; the plan then shows what changed
// and the task's history. On a wide screen, an amending document is uploaded, compared with
// the plan in force, and its changes applied. (SHOTS=dir keeps screenshots to look at.)

const ROOT = resolve(import.meta.dirname, '..');
const SEED = readFileSync(join(ROOT, 'fixtures/seeds/000_862ce2f29f2f990b.txt'), 'utf8');
const shot = async (page: Page, name: string, fullPage = true) => {
  if (process.env.SHOTS)
    await page.screenshot({ path: join(process.env.SHOTS, `${name}.png`), fullPage });
};

async function openAmendments(page: Page) {
  await page
    .getByRole('link', { name: /Nghị quyết số 11\/NQ-CP/ })
    .first()
    .click();
  await page.getByRole('tab', { name: 'Điều chỉnh' }).click();
}

describe.each(TEST_DIALECTS)('amending a running plan (%s)', (dialect) => {
  const e2e = useServerAndBrowser(dialect);

  it('on a phone: changes a deadline, adds a task, and shows the history', async () => {
    const page = await signedInPage(e2e, 'kienhung.daumoi', PHONE);
    await openAmendments(page);
    await page.getByText('Kế hoạch chưa được điều chỉnh lần nào.').waitFor();
    await page.getByRole('link', { name: 'Điều chỉnh kế hoạch' }).click();
    await page.getByRole('heading', { name: 'Điều chỉnh, bổ sung kế hoạch' }).waitFor();
    await page.getByLabel('Số hiệu văn bản').fill('45/KH-UBND');
    await page.getByLabel('Ngày có hiệu lực').fill('01/01/2027');
    // Nothing chosen yet: applying is not possible.
    expect(await page.getByRole('button', { name: /^Áp dụng điều chỉnh/ }).isDisabled()).toBe(true);

    const picker = page.getByRole('combobox', { name: 'Sửa hoặc thôi theo dõi một mục' });
    await picker.click();
    // Typed without accents, as on a phone.
    await picker.fill('cu the hoa nhiem vu CDS');
    await page.getByRole('option').first().click();
    const editor = page.getByTestId('item-editor');
    const deadline = editor.getByLabel('Thời gian hoàn thành');
    const before = await deadline.inputValue();
    await deadline.fill('Quý II/2027');
    await shot(page, 'amend-editor-phone');
    await editor.getByRole('button', { name: 'Ghi nhận thay đổi' }).click();

    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await editor.getByLabel('Nội dung').fill('Số hoá hồ sơ địa chính của xã');
    await editor.getByLabel('Chủ trì').fill('Phòng Kinh tế');
    await editor.getByRole('button', { name: 'Ghi nhận thay đổi' }).click();
    await expect.poll(() => page.getByTestId('pending-change').count()).toBe(2);
    // Each edit shows its values before and after, to check before applying.
    expect(await page.getByTestId('pending-change').first().textContent()).toContain(
      `Thời gian hoàn thành: ${before || '—'} → Quý II/2027`,
    );
    await shot(page, 'amend-pending-phone');
    // Nothing on the page is wider than the phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByRole('button', { name: 'Áp dụng điều chỉnh (2 nội dung)' }).click();
    const card = page.getByTestId('amendment');
    await card.waitFor();
    expect(await card.textContent()).toContain('Lần điều chỉnh 1 · 45/KH-UBND');
    expect(await card.textContent()).toContain('Thêm 1 · Sửa 1 · Thôi theo dõi 0');

    await page.getByRole('tab', { name: /^Nhiệm vụ/ }).click();
    const note = page.getByText('Sẽ áp dụng điều chỉnh từ 01/01/2027').first();
    await note.waitFor();
    await page.getByRole('button', { name: 'Lịch sử' }).first().click();
    const history = page.getByTestId('item-history');
    await history.getByText('Phiên bản 2').waitFor();
    const text = await history.textContent();
    expect(text).toContain(`Thời gian hoàn thành: ${before || '—'} → Quý II/2027`);
    expect(text).toContain('Theo lần điều chỉnh 1 (45/KH-UBND), hiệu lực từ 01/01/2027');
    expect(text).toContain('Theo kế hoạch ban hành');
    await shot(page, 'history-phone', false);
    await page.close();
  });

  it('compares an amending document with the plan in force and applies what is ticked', async () => {
    const page = await signedInPage(e2e, 'kienhung.lanhdao');
    await openAmendments(page);
    await page.getByRole('link', { name: 'Điều chỉnh kế hoạch' }).click();
    await page.getByLabel('Ngày có hiệu lực').fill('01/02/2027');
    // The signed plan again with one task reworded in its deadline: a document a commune
    // would receive after a yearly review.
    const deadline = SEED.match(/Tháng \d{1,2}\/2026/)?.[0];
    expect(deadline).toBeDefined();
    const file = join(tmpdir(), `dieu-chinh-${dialect}.txt`);
    writeFileSync(file, SEED.replace(deadline!, 'Tháng 12/2027'));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /^Tải văn bản điều chỉnh/ }).click();
    await (await chooser).setFiles(file);
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor();
    await comparison.getByText('Mục được sửa').waitFor();
    expect(await comparison.textContent()).toContain(`${deadline} → Tháng 12/2027`);
    await shot(page, 'compare-desktop');
    // The document's number fills the basis when it has one (this text has none).
    const number = page.getByLabel('Số hiệu văn bản');
    if (!(await number.inputValue())) await number.fill('12/KH-UBND');
    const apply = page.getByRole('button', { name: /^Áp dụng điều chỉnh \(\d+ nội dung\)/ });
    await apply.click();
    await page.getByTestId('amendment').nth(1).waitFor();
    expect(await page.getByTestId('amendment').nth(1).textContent()).toContain('Lần điều chỉnh 2');
    await page.close();
  });

  it('reviews the plan on a phone: the term, then one year, and downloads the report', async () => {
    const page = await signedInPage(e2e, 'kienhung.lanhdao', PHONE);
    await page
      .getByRole('link', { name: /Nghị quyết số 11\/NQ-CP/ })
      .first()
      .click();
    await page.getByRole('link', { name: 'Sơ kết, tổng kết' }).click();
    // No period opened yet: nothing to review, and the page says so.
    await page
      .getByText('Kế hoạch chưa có kỳ báo cáo nào được mở: chưa có gì để tổng kết.')
      .waitFor();
    const focal = await apiSession(e2e.server.url, 'kienhung.daumoi');
    const planId = Number(new URL(page.url()).pathname.split('/')[2]);
    await openFirstPeriodOf(focal, planId);
    await page.reload();
    const review = page.getByTestId('review');
    await review.waitFor();
    expect(await page.getByTestId('review-task').count()).toBeGreaterThan(10);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'review-phone');
    await page.getByRole('combobox', { name: 'Kỳ sơ kết, tổng kết' }).click();
    await page.getByRole('option', { name: 'Sơ kết năm 2026' }).click();
    await page.getByText(/^Số liệu năm 2026, qua \d+ kỳ báo cáo\.$/).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Tải báo cáo (.docx)' }).click();
    expect((await download).suggestedFilename()).toBe(
      'Báo cáo sơ kết năm 2026 - Xã Kiến Hưng.docx',
    );
    await page.close();
  });
});
