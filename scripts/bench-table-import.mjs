// A 1C-like order file of ROWS lines (default 100 000: documents of 5 lines, 2 000 clients,
// 200 products) imported through the «Данные» screen in Chromium, RUNS times (default 3), each
// in a fresh profile: the time until the preview shows, the time until the import is done and
// until it is saved in localStorage, and in each stretch the longest frozen task (long task) and
// the longest gap between animation frames; then the same for undoing the import until saved. Prints min / median / max.
// Needs dist/ (trunk build --release). Usage: node scripts/bench-table-import.mjs [ROWS] [RUNS]
// THROTTLE=4 slows the page's CPU four times (Chromium's emulation), as a busy machine would:
// work done in one go grows with it, work in time-boxed slices does not.
import { writeFileSync, mkdirSync } from 'node:fs';
import { start, loadDemoAs } from '../tests/e2e/helpers.mjs';

const rows = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 3);
const throttle = Number(process.env.THROTTLE ?? 1);
const lines = ['Продажи за 2025 год', '', 'Дата;Документ;Контрагент;Номенклатура;Номенклатурная группа;Количество;Сумма с НДС'];
for (let i = 0; i < rows; i++) {
  const doc = Math.floor(i / 5);
  const day = String((doc % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(doc / 28) % 12) + 1).padStart(2, '0');
  const rubles = 1000 + ((i * 7919) % 90000);
  lines.push(`${day}.${month}.2025 10:00:00;ТД00-${String(doc).padStart(6, '0')};ООО «Клиент ${doc % 2000}»;Товар ${i % 200};Группа ${i % 20};${1 + (i % 9)};${rubles.toLocaleString('ru-RU')},${String(i % 100).padStart(2, '0')}`);
}
lines.push(`Итого;;;;;;`);
const buffer = Buffer.from(lines.join('\r\n'), 'utf8');
// Given by path, not as a buffer: Playwright hands a buffer to the page through the DevTools
// protocol, decoding 10 MB on the page's main thread, a long task of seconds that is the
// harness's, not the app's.
mkdirSync('target/bench', { recursive: true });
const path = 'target/bench/sales-100k.csv';
writeFileSync(path, buffer);

const app = await start();
const figures = [];
let summary = '';
for (let run = 0; run < runs; run++) {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.goto(`${app.server.url}#/data`);
  await page.getByTestId('table-file').waitFor();
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  await page.evaluate(() => {
    window.__longest = 0;
    window.__gap = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const frame = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  });
  const stretch = () => page.evaluate(() => {
    const r = [Math.round(window.__longest), Math.round(window.__gap)];
    window.__longest = 0; window.__gap = 0;
    return r;
  });
  const revision = () => page.evaluate(() => Number((localStorage.getItem('salesdesk.workspace') ?? '').match(/^SDZ\d(\d+):/)?.[1] ?? 0));
  let t = Date.now();
  await page.getByTestId('table-file').setInputFiles(path);
  await page.getByTestId('table-orders').waitFor({ timeout: 600_000 });
  const previewMs = Date.now() - t;
  const [previewTask, previewGap] = await stretch();
  summary = await page.getByTestId('table-orders').innerText();
  const before = await revision();
  t = Date.now();
  await page.getByTestId('table-confirm').click();
  await page.getByTestId('table-result').waitFor({ timeout: 600_000 });
  const importMs = Date.now() - t;
  await page.waitForFunction((r) => Number((localStorage.getItem('salesdesk.workspace') ?? '').match(/^SDZ\d(\d+):/)?.[1] ?? 0) > r, before, { timeout: 600_000, polling: 10 });
  const savedMs = Date.now() - t;
  await page.waitForTimeout(300);
  const [importTask, importGap] = await stretch();
  // Undo right after, as the person would: until the undone workspace is saved.
  const imported = await revision();
  t = Date.now();
  await page.getByTestId('table-undo').click();
  await page.getByTestId('table-undo').waitFor({ state: 'detached', timeout: 600_000 });
  await page.waitForFunction((r) => Number((localStorage.getItem('salesdesk.workspace') ?? '').match(/^SDZ\d(\d+):/)?.[1] ?? 0) > r, imported, { timeout: 600_000, polling: 10 });
  const undoMs = Date.now() - t;
  await page.waitForTimeout(300);
  const [undoTask, undoGap] = await stretch();
  const row = { previewMs, previewTask, previewGap, importMs, savedMs, importTask, importGap, undoMs, undoTask, undoGap };
  console.log(`run ${run + 1}: ${JSON.stringify(row)}`);
  figures.push(row);
  await context.close();
}
const stat = (key) => {
  const v = figures.map((f) => f[key]).sort((a, b) => a - b);
  return `${v[0]} / ${v[Math.floor(v.length / 2)]} / ${v[v.length - 1]}`;
};
console.log(`${rows} rows (${(buffer.length / 1e6).toFixed(1)} MB), ${runs} runs${throttle > 1 ? `, CPU slowed ${throttle}×` : ''}, min / median / max ms:`);
console.log(`  preview shown ${stat('previewMs')}; longest task ${stat('previewTask')}; longest frame gap ${stat('previewGap')}`);
console.log(`  import done ${stat('importMs')}; saved ${stat('savedMs')}; longest task ${stat('importTask')}; longest frame gap ${stat('importGap')}`);
console.log(`  undo saved ${stat('undoMs')}; longest task ${stat('undoTask')}; longest frame gap ${stat('undoGap')}`);
console.log(summary);
await app.close();
