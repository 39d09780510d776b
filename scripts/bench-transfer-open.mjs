// Opens «Передача» at 5 000 clients / 100 000 orders and reports the longest frozen stretch
// (long tasks) and the time until the queue shows. Needs dist/ (trunk build --release) and
// target/release/bench_storage (cargo build --release --features testkit --bin bench_storage).
// Usage: node scripts/bench-transfer-open.mjs [RUNS]   (default 5; prints min / median / max)
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../tests/e2e/helpers.mjs';
const runs = Number(process.argv[2] ?? 5);
const file = join(mkdtempSync(join(tmpdir(), 'salesdesk-')), 'big.bin');
execFileSync('target/release/bench_storage', ['--write', file]);
const packed = readFileSync(file).toString('latin1');
const app = await start();
const results = [];
for (let r = 0; r < runs; r++) {
  const { page, context } = await app.open();
  await page.evaluate((value) => localStorage.setItem('salesdesk.workspace', value), packed);
  await page.reload();
  await page.getByTestId('whoami').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: /Андрей Лебедев/ }).click();
  await page.locator('.board').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
    window.__t0 = performance.now();
    location.hash = '#/transfers';
  });
  await page.getByTestId('queue-entry').first().waitFor({ timeout: 60_000 });
  const shown = await page.evaluate(() => performance.now() - window.__t0);
  await page.waitForTimeout(1500);
  const { longest, entries, nodes } = await page.evaluate(() => ({
    longest: Math.max(0, ...window.__long),
    entries: document.querySelectorAll('[data-testid="queue-entry"]').length,
    nodes: document.querySelectorAll('*').length,
  }));
  results.push({ shown: Math.round(shown), longest: Math.round(longest), entries, nodes });
  await context.close();
}
await app.close();
const stat = (k) => { const v = results.map((x) => x[k]).sort((a, b) => a - b); return `${v[0]} / ${v[Math.floor(v.length / 2)]} / ${v[v.length - 1]}`; };
console.log(JSON.stringify(results));
console.log(`open «Передача» at 5 000 / 100 000 (${runs} runs, min / median / max): shown ${stat('shown')} ms, longest task ${stat('longest')} ms, queue entries ${results[0].entries}, DOM elements ${results[0].nodes}`);
