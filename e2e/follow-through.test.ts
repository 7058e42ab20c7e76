import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_DIALECTS } from '../packages/server/src/testing/databases.ts';
import { apiSession, openFirstPeriodOf } from './api.ts';
import { openItem, signedInPage, useServerAndBrowser } from './session.ts';

// What makes units report, in the real UI: a reporter lands on "Việc của tôi", sees what a
// coordinating unit contributed, must explain an overdue task before sending, follows the
// answer to the difficulty it raised; the focal officer answers it, reopens a closed period
// for one unit, and reads completeness and timeliness; the reminder link goes straight to
// the report; the next period starts from the last one.

interface PeriodRow {
  id: number;
  version: number;
  label: string;
}
interface ReportRef {
  id: number;
  version: number;
  tasks: Array<{ taskId: number; content: string }>;
}

const saved = (card: ReturnType<Page['locator']>) =>
  expect
    .poll(() => card.locator('[data-save-state]').getAttribute('data-save-state'), {
      timeout: 10_000,
    })
    .toBe('saved');

describe.each(TEST_DIALECTS)('follow-through in the browser (%s)', (dialect) => {
  const e2e = useServerAndBrowser(dialect);

  it('inbox → contributions → explanation → concern answered → reopened → compliance', async () => {
    const url = e2e.server.url;
    const focal = await apiSession(url, 'kienhung.daumoi');
    const planId = (await focal.call<Array<{ id: number }>>('GET', '/api/plans'))[0]!.id;
    const [first, second] = (await openFirstPeriodOf(focal, planId)) as [PeriodRow, PeriodRow];

    // The economy unit coordinates the culture unit's task and sends its contribution first.
    const economy = await apiSession(url, 'kienhung.kt');
    const units = await economy.call<Array<{ unitId: number; periodId: number }>>(
      'GET',
      '/api/my/reports',
    );
    const ktUnit = units.find((u) => u.periodId === first.id)!.unitId;
    const { reportId: ktReport } = await economy.call<{ reportId: number }>(
      'POST',
      `/api/periods/${first.id}/units/${ktUnit}/report`,
    );
    const kt = await economy.call<ReportRef>('GET', `/api/reports/${ktReport}`);
    const shared = kt.tasks.find((t) => t.content.startsWith('Tham mưu phát động phong trào'))!;
    await economy.call('PUT', `/api/reports/${ktReport}/tasks/${shared.taskId}`, {
      version: 0,
      results: 'Phòng Kinh tế đã vận động 12 doanh nghiệp tham gia',
    });
    await economy.call('POST', `/api/reports/${ktReport}/submit`, { version: kt.version });

    // 1. The culture unit's reporter lands on "Việc của tôi": the period is overdue.
    const culture = await signedInPage(e2e, 'kienhung.vhxh');
    const overdue = culture.getByTestId('inbox-overdue');
    await overdue.waitFor();
    expect(await overdue.textContent()).toContain(first.label);
    await overdue.getByRole('button', { name: /^Lập báo cáo/ }).click();

    // 2. The lead sees the coordinating unit's contribution, and who has not sent one.
    const sharedCard = await openItem(culture, 'Tham mưu phát động phong trào');
    const contributions = sharedCard.getByTestId('contributions');
    await contributions.waitFor();
    expect(await contributions.textContent()).toContain(
      'Phòng Kinh tế: Phòng Kinh tế đã vận động 12 doanh nghiệp tham gia',
    );
    expect(await contributions.textContent()).toContain('Công an xã');

    // 3. An overdue task cannot be sent without an explanation.
    const late = await openItem(culture, 'Hoàn thành số hóa hồ sơ tài liệu');
    await late.getByText('Đang thực hiện', { exact: true }).click();
    await late.getByLabel(/^Khó khăn, vướng mắc/).fill('Thiếu máy quét tài liệu khổ A3');
    await late.getByText('Bắt buộc trước khi gửi báo cáo').waitFor();
    await saved(late);
    await culture.getByRole('button', { name: 'Gửi báo cáo' }).click();
    // Refused, and said right by the button, with the item to explain a tap away.
    const refusal = culture.getByTestId('send-bar').getByTestId('flow-error');
    await expect.poll(() => refusal.textContent()).toContain('Cần giải trình');
    await refusal
      .getByRole('button', { name: /^Nhiệm vụ / })
      .first()
      .click();
    await late
      .getByLabel(/^Giải trình/)
      .fill('Chờ bố trí máy quét; mượn của Văn phòng, xong trong tháng 7');
    await saved(late);
    await culture.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect
      .poll(() => culture.locator('[data-status]').first().getAttribute('data-status'))
      .toBe('submitted');

    // 4. The focal officer assigns and answers the difficulty the unit raised.
    const officer = await signedInPage(e2e, 'kienhung.daumoi');
    await officer.getByRole('link', { name: /Nghị quyết số 11\/NQ-CP/ }).click();
    await officer.getByRole('tab', { name: 'Khó khăn, kiến nghị' }).click();
    const concern = officer.getByTestId('concern').filter({ hasText: 'Thiếu máy quét tài liệu' });
    await concern.getByLabel('Nơi trả lời', { exact: true }).fill('Văn phòng HĐND và UBND');
    await concern
      .getByLabel('Trả lời', { exact: true })
      .fill('Văn phòng cho mượn máy quét từ ngày 15/7');
    await concern.getByRole('button', { name: 'Lưu' }).click();
    await officer.getByText(/^Đã trả lời \(1\)$/).waitFor();

    // The city reads every commune's concerns.
    const city = await signedInPage(e2e, 'haiphong');
    await city.getByRole('link', { name: 'Tổng hợp tỉnh' }).click();
    const citywide = city.getByTestId('province-concerns');
    await citywide.getByText(/^Đã trả lời \(1\)$/).click();
    await expect.poll(() => citywide.textContent()).toContain('Thiếu máy quét tài liệu khổ A3');
    expect(await citywide.textContent()).toContain('Xã Kiến Hưng');
    await city.close();

    // ...and the unit sees the answer in its inbox.
    await culture.getByRole('link', { name: 'Việc của tôi' }).click();
    const mine = culture.getByTestId('my-concerns');
    await mine.waitFor();
    await expect
      .poll(() => mine.textContent())
      .toContain('Văn phòng cho mượn máy quét từ ngày 15/7');
    expect(await culture.getByTestId('inbox-done').textContent()).toContain(first.label);

    // 5. The period is closed; the focal officer reopens it for the public-service centre only.
    const fresh = (await focal.call<PeriodRow[]>('GET', `/api/plans/${planId}/periods`))[0]!;
    await focal.call('PATCH', `/api/periods/${first.id}`, {
      version: fresh.version,
      status: 'closed',
    });
    await officer.goto(`${url}/periods/${first.id}`);
    await officer
      .getByRole('button', { name: 'Mở lại cho đơn vị Trung tâm Phục vụ hành chính công' })
      .click();
    await officer.getByLabel('Lý do mở lại (bắt buộc)').fill('Bổ sung số liệu dịch vụ công');
    await officer.getByRole('button', { name: 'Mở lại', exact: true }).click();
    const centreRow = officer
      .getByTestId('period-units')
      .getByRole('row', { name: /Trung tâm Phục vụ hành chính công/ });
    await centreRow.getByText('Đã mở lại').waitFor();

    // 6. The reminder e-mail's link, followed by the centre's reporter: straight into its
    //    report, which it may write although the period is closed.
    const centre = await signedInPage(e2e, 'kienhung.pvhcc');
    const centreUnit = (
      await (
        await apiSession(url, 'kienhung.pvhcc')
      ).call<Array<{ unitId: number }>>('GET', '/api/my/reports')
    )[0]!.unitId;
    await centre.goto(`${url}/reports/period/${first.id}/unit/${centreUnit}`);
    await centre.getByText('Kỳ báo cáo đã khóa, được mở lại riêng cho đơn vị').waitFor();
    expect(await centre.getByRole('button', { name: 'Gửi báo cáo' }).isVisible()).toBe(true);

    // 7. Completeness and timeliness per unit, on the plan's periods tab.
    await officer.goto(`${url}/plans/${planId}`);
    await officer.getByRole('tab', { name: 'Kỳ báo cáo' }).click();
    const compliance = officer.getByTestId('compliance');
    await compliance.waitFor();
    const cultureRow = compliance.getByRole('row', { name: /Phòng Văn hóa - Xã hội/ });
    expect(await cultureRow.textContent()).toContain('1/1');
    const police = compliance.getByRole('row', { name: /Công an xã/ });
    expect(await police.textContent()).toContain('0/1');

    // 8. The next period starts from what the unit said last time.
    await focal.call('PATCH', `/api/periods/${second.id}`, {
      version: second.version,
      status: 'open',
    });
    await culture.reload();
    await culture.getByRole('button', { name: new RegExp(`^Lập báo cáo ${second.label}`) }).click();
    await culture.getByText('Báo cáo đã được điền sẵn từ kỳ trước').waitFor();
    const carried = await openItem(culture, 'Hoàn thành số hóa hồ sơ tài liệu');
    expect(await carried.getByText('Điền sẵn từ kỳ trước').isVisible()).toBe(true);
    for (const page of [culture, officer, centre]) await page.close();
  });
});
