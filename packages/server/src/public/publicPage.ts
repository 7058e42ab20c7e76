import type { publicCommune, publicCommunes } from './publicData.ts';

// Server-rendered, script-free HTML: readable on a slow connection and on any phone, every
// text escaped (what units typed can never become markup).

export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1b1e;line-height:1.45}
main{max-width:960px;margin:0 auto;padding:16px}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6em}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #dee2e6;padding:6px;vertical-align:top;text-align:left}
.bar{background:#e9ecef;border-radius:4px;height:12px;min-width:80px}.bar>span{display:block;height:12px;border-radius:4px;background:#2f9e44}
.muted{color:#868e96;font-size:.85rem}a{color:#1c7ed6}header{background:#1c7ed6;color:#fff;padding:10px 16px}header a{color:#fff;text-decoration:none;font-weight:600}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><header><a href="/cong-khai">Tiến độ — Công khai</a></header><main>${body}</main></body></html>`;
}

export function renderCommuneList(rows: Awaited<ReturnType<typeof publicCommunes>>): string {
  const items = rows
    .map(
      (r) =>
        `<li><a href="/cong-khai/${r.id}">${escapeHtml(r.name)}</a> <span class="muted">${escapeHtml(r.province ?? '')}</span></li>`,
    )
    .join('');
  return page(
    'Công khai tiến độ thực hiện Nghị quyết 57-NQ/TW',
    `<h1>Công khai tiến độ thực hiện Nghị quyết 57-NQ/TW</h1><ul>${items || '<li>Chưa có xã, phường nào công bố kế hoạch.</li>'}</ul>`,
  );
}

export function renderCommune(data: Awaited<ReturnType<typeof publicCommune>>): string {
  const { plan, period } = data;
  const head = `<h1>${escapeHtml(plan.commune)}</h1><p><strong>Kế hoạch${plan.number ? ` số ${escapeHtml(plan.number)}` : ''}:</strong> ${escapeHtml(plan.title)}</p>`;
  if (!period)
    return page(plan.commune, `${head}<p>Chưa có báo cáo nào được duyệt để công bố.</p>`);
  const sections = data.sections
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.name)}</td><td>${s.done}/${s.due}</td><td><div class="bar" role="img" aria-label="${s.percent}%"><span style="width:${s.percent}%"></span></div> ${s.percent}%</td></tr>`,
    )
    .join('');
  const indicators = data.indicators
    .map(
      (i) =>
        `<tr><td>${escapeHtml(i.code)}</td><td>${escapeHtml(i.name)}</td><td>${escapeHtml(i.targets.map((t) => `${t.year ?? 'Các năm'}: ${t.text}`).join('; '))}</td><td>${i.value === null ? '<span class="muted">chưa có</span>' : escapeHtml(`${i.value}${i.unit === '%' ? '%' : i.unit ? ` ${i.unit}` : ''}`)}</td></tr>`,
    )
    .join('');
  return page(
    `${plan.commune} — ${period.label}`,
    `${head}<p class="muted">Số liệu từ các báo cáo đã được duyệt, kỳ ${escapeHtml(period.label)}.</p>
<h2>Tiến độ nhiệm vụ theo nhóm</h2><table><thead><tr><th>Nhóm nhiệm vụ</th><th>Hoàn thành / đến hạn</th><th>Tỷ lệ</th></tr></thead><tbody>${sections}</tbody></table>
<h2>Chỉ tiêu</h2><table><thead><tr><th>TT</th><th>Chỉ tiêu</th><th>Mục tiêu</th><th>Kết quả kỳ này</th></tr></thead><tbody>${indicators}</tbody></table>`,
  );
}
