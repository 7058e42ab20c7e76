// Does import time grow linearly with the input? Each hostile or simply large shape is
// imported at size n and 2n (median of RUNS, default 5) and the ratio printed: ≈ 2 is linear,
// ≈ 4 would be quadratic. Shapes: word runs that look like targets, deadlines, units and
// people inside a flattened table row; 2,000 vs 4,000 tab-separated rows; 2,000 vs 4,000
// flattened rows; one line of 200 vs 400 KB; one row cut by 2,000 vs 4,000 page breaks. Also: the time a server waits on its event
// loop while a worker reads the largest input (importIsolated), which should stay near 0.
import { importIsolated, importPlan, stopImportWorkers } from '@tiendo/importer';
import { quantile, timeMs } from './timing.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const FLAT_HEAD =
  'PHỤ LỤC 1\nTT Chỉ tiêu Năm 2025 Năm 2030 Cơ quan chủ trì Sản phẩm đầu ra Thời gian hoàn thành\n1 Tỷ lệ\n';
const TAB_HEAD = 'PHỤ LỤC 1\nTT\tChỉ tiêu\tNăm 2025\tNăm 2030\tCơ quan chủ trì\n';

const SHAPES: Record<string, (n: number) => string> = {
  'target words': (n) => FLAT_HEAD + 'phấn đấu ít nhất '.repeat(n),
  'deadline words': (n) => FLAT_HEAD + 'Tháng '.repeat(n),
  'unit names': (n) => FLAT_HEAD + 'Phòng Văn hóa\n'.repeat(n),
  people: (n) => FLAT_HEAD + 'Đồng chí Trưởng\n'.repeat(n),
  'dashes and numbers': (n) => FLAT_HEAD + '- 45- 50% '.repeat(n),
  'tab rows': (n) =>
    TAB_HEAD +
    Array.from(
      { length: n },
      (_, i) => `${i + 1}\tTỷ lệ ${i}\t≥ ${i % 100}%\t-\tPhòng Văn hóa - Xã hội`,
    ).join('\n'),
  'flattened rows': (n) =>
    FLAT_HEAD +
    Array.from(
      { length: n },
      (_, i) =>
        `${i + 2} Tỷ lệ người dân\n≥ ${i % 100}% 100%\nPhòng Văn hóa\nBáo cáo\nThường xuyên`,
    ).join('\n'),
  'one long line': (n) => 'x'.repeat(n * 100),
  // A row cut by page after page: the header again, and one more line of every cell.
  'page-cut row': (n) =>
    FLAT_HEAD +
    'Phòng Văn hóa 50% Trung tâm\n' +
    '\nTT Chỉ tiêu Năm 2025 Năm 2030 Cơ quan chủ trì Sản phẩm đầu ra Thời gian hoàn thành\nngười dân phục vụ\nhành chính công'.repeat(
      n,
    ),
};
const SIZES: Record<string, number> = {
  'tab rows': 2000,
  'flattened rows': 2000,
  'one long line': 2000,
  'page-cut row': 2000,
};

const importText = (text: string) => () =>
  importPlan({ filename: 'ke-hoach.txt', bytes: Buffer.from(text) }).catch(() => undefined);

for (const [name, make] of Object.entries(SHAPES)) {
  const n = SIZES[name] ?? 20_000;
  const [small, large] = [make(n), make(2 * n)];
  const a = quantile(await timeMs(importText(small), RUNS, 1), 0.5);
  const b = quantile(await timeMs(importText(large), RUNS, 1), 0.5);
  console.log(
    `${name}\t${(small.length / 1024).toFixed(0)} KB → ${(large.length / 1024).toFixed(0)} KB\t${a.toFixed(0)} ms → ${b.toFixed(0)} ms\tratio ${(b / a).toFixed(2)}`,
  );
}

// The event loop while a worker reads: the longest gap between 5 ms ticks.
const big = SHAPES['flattened rows']!(4000);
let last = performance.now();
let worst = 0;
const tick = setInterval(() => {
  const now = performance.now();
  worst = Math.max(worst, now - last - 5);
  last = now;
}, 5);
const started = performance.now();
await importIsolated({ filename: 'ke-hoach.txt', bytes: Buffer.from(big) });
const took = performance.now() - started;
clearInterval(tick);
console.log(
  `event loop during a ${(big.length / 1024).toFixed(0)} KB import in a worker (${took.toFixed(0)} ms): longest stall ${worst.toFixed(1)} ms`,
);
await stopImportWorkers();
