// «Обзор» at 5 000 clients / 100 000 orders in Chromium: the time until the screen shows and
// the longest main-thread task (PerformanceObserver «longtask») while it opens, then, for each
// period choice in turn, the time from the change of the period selector to the next frame
// after the page updated, and the longest task meanwhile. Needs dist/ (trunk build --release)
// and target/release/bench_storage (cargo build --release --features testkit --bin
// bench_storage). Usage: node scripts/bench-overview.mjs [RUNS]   (default 5; min / median / max)
import { start } from '../tests/e2e/helpers.mjs';
import { fullSizeValue, openAsDirector } from './bench-full-size.mjs';

const PERIODS = ['this-month', 'quarter', 'last-month', '12-months'];
const runs = Number(process.argv[2] ?? 5);
const packed = fullSizeValue();
const app = await start();
const open = [];
const change = [];
/** Starts collecting long tasks afresh. */
const watch = () => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
    .observe({ type: 'longtask', buffered: false });
};
for (let r = 0; r < runs; r++) {
  const { page, context } = await openAsDirector(app, packed);
  await page.locator('.board-card').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(700);
  await page.evaluate(watch);
  await page.evaluate(() => { window.__t0 = performance.now(); location.hash = '#/overview'; });
  await page.locator('[data-testid="abc-matrix"] .overview-cell-count').first().waitFor({ timeout: 60_000 });
  const shown = await page.evaluate(() => performance.now() - window.__t0);
  // The transfer queue and the farmers' before / after come in a task after the first frame.
  await page.locator('[data-testid="overview-queue"] p:not(.muted), [data-testid="overview-queue"] p.muted:not(:text("…"))').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  open.push({ shown, longest });
  if (process.env.BENCH_TASKS) console.log(`opening, long tasks: ${(await page.evaluate(() => window.__long)).map(Math.round).join(", ")}`);
  for (const value of PERIODS) {
    await page.evaluate(watch);
    const before = await page.getByTestId('overview-period').textContent();
    // From the change event to the next frame after the page updated (the recompute and the
    // DOM update run in the event's task and its microtasks).
    const took = await page.evaluate(async (v) => {
      const select = document.querySelector('[data-testid="overview-period-select"]');
      const t0 = performance.now();
      select.value = v;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      return performance.now() - t0;
    }, value);
    const after = await page.getByTestId('overview-period').textContent();
    if (after === before && value !== '12-months') throw new Error(`the period did not change to ${value}`);
    await page.waitForTimeout(800);
    const longestTask = await page.evaluate(() => Math.max(0, ...window.__long));
    change.push({ value, took, longest: longestTask });
  }
  await context.close();
}
await app.close();
const stat = (list, k) => {
  const v = list.map((x) => x[k]).sort((a, b) => a - b);
  return `${Math.round(v[0])} / ${Math.round(v[Math.floor(v.length / 2)])} / ${Math.round(v[v.length - 1])}`;
};
console.log(`«Обзор» at 5 000 clients / 100 000 orders, ${runs} runs, min / median / max (ms):`);
console.log(`opening: shown ${stat(open, 'shown')}, longest task ${stat(open, 'longest')}`);
console.log(`period change (all ${change.length}): to the next frame ${stat(change, 'took')}, longest task ${stat(change, 'longest')}`);
for (const value of PERIODS) {
  const list = change.filter((c) => c.value === value);
  console.log(`  to ${value.padEnd(11)} ${stat(list, 'took').padEnd(16)} longest task ${stat(list, 'longest')}`);
}
