// Opens each screen at 5 000 clients / 100 000 orders and reports, per screen, the time until it
// shows and the longest frozen stretch (long tasks) while it opens. Needs dist/ (trunk build
// --release) and target/release/bench_storage (cargo build --release --features testkit --bin
// bench_storage). Usage: node scripts/bench-screens.mjs [RUNS]   (default 5; min / median / max)
import { start } from '../tests/e2e/helpers.mjs';
import { fullSizeValue, openAsDirector } from './bench-full-size.mjs';

// The route, and what shows once the screen is there.
const SCREENS = [
  ['«Клиенты»', '#/clients', '[data-testid="client-count"]'],
  ['«Передача»', '#/transfers', '[data-testid="queue-entry"]'],
  ['«Команда»', '#/team', '[data-testid="team-summary"]'],
  ['«Обзор»', '#/overview', '[data-testid="abc-matrix"] .overview-cell-count'],
  ['«Настройки»', '#/settings', '[data-testid="storage-usage"]'],
  ['«Данные»', '#/data', '[data-testid="export"]'],
  ['«Воронка»', '#/', '.board-card'],
  // A farmer's home, opened as one (the director owns no clients): 1 000 clients, 10 pages.
  ['«Мои клиенты»', '#/my-clients', '[data-testid="my-clients-table"] tbody tr', 'Дмитрий Семёнов'],
];
const runs = Number(process.argv[2] ?? 5);
const packed = fullSizeValue();
const app = await start();
const results = new Map(SCREENS.map(([name]) => [name, []]));
for (let r = 0; r < runs; r++) {
  const { page, context } = await openAsDirector(app, packed);
  await page.locator('.board').waitFor({ timeout: 60_000 });
  for (const [name, hash, shown, as] of SCREENS) {
    // Each screen is opened from the board, as a person clicks from it.
    if (hash !== '#/') {
      await page.evaluate(() => { location.hash = '#/'; });
      await page.locator('.board-card').first().waitFor({ timeout: 60_000 });
    } else {
      await page.evaluate(() => { location.hash = '#/data'; });
      await page.getByTestId('export').waitFor({ timeout: 60_000 });
    }
    if (as) await page.getByTestId('me-select').selectOption({ label: as });
    await page.waitForTimeout(700);
    await page.evaluate((h) => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
        .observe({ type: 'longtask', buffered: false });
      window.__t0 = performance.now();
      location.hash = h;
    }, hash);
    await page.locator(shown).first().waitFor({ timeout: 60_000 });
    const time = await page.evaluate(() => performance.now() - window.__t0);
    await page.waitForTimeout(1200);
    const longest = await page.evaluate(() => Math.max(0, ...window.__long));
    const elements = await page.evaluate(() => document.querySelectorAll('*').length);
    results.get(name).push({ shown: Math.round(time), longest: Math.round(longest), elements });
    if (as) await page.getByTestId('me-select').selectOption({ label: 'Андрей Лебедев' });
  }
  await context.close();
}
await app.close();
const stat = (list, k) => {
  const v = list.map((x) => x[k]).sort((a, b) => a - b);
  return `${v[0]} / ${v[Math.floor(v.length / 2)]} / ${v[v.length - 1]}`;
};
console.log(`opening a screen at 5 000 clients / 100 000 orders, ${runs} runs, min / median / max (ms):`);
for (const [name, list] of results) {
  console.log(`${name.padEnd(12)} shown ${stat(list, 'shown').padEnd(18)} longest task ${stat(list, 'longest').padEnd(18)} elements ${list[0].elements}`);
}
