// A 1C-like order file of ROWS lines (default 100 000: documents of 5 lines, 2 000 clients,
// 200 products) imported through the «Данные» screen in Chromium: the time until the preview
// shows, the time until the import is done, and the longest frozen stretch (long task) in each.
// Needs dist/ (trunk build --release). Usage: node scripts/bench-table-import.mjs [ROWS]
import { start, loadDemoAs } from '../tests/e2e/helpers.mjs';

const rows = Number(process.argv[2] ?? 100_000);
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

const app = await start();
const { page } = await app.open();
await loadDemoAs(page, /Алексей Смирнов/);
await page.goto(`${app.server.url}#/data`);
await page.evaluate(() => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: false });
});
const longest = () => page.evaluate(() => { const l = window.__longest; window.__longest = 0; return Math.round(l); });
let t = Date.now();
await page.getByTestId('table-file').setInputFiles({ name: 'sales.csv', mimeType: 'text/csv', buffer });
await page.getByTestId('table-orders').waitFor({ timeout: 600_000 });
const previewMs = Date.now() - t;
const previewFrozen = await longest();
const summary = await page.getByTestId('table-orders').innerText();
t = Date.now();
await page.getByTestId('table-confirm').click();
await page.getByTestId('table-result').waitFor({ timeout: 600_000 });
const importMs = Date.now() - t;
const importFrozen = await longest();
console.log(`${rows} rows (${(buffer.length / 1e6).toFixed(1)} MB): preview ${previewMs} ms (longest task ${previewFrozen} ms), import ${importMs} ms (longest task ${importFrozen} ms)`);
console.log(summary);
await app.close();
