// Capacity at full size: 5 000 clients with Russian names and 100 000 orders, written the way the
// app stores them, must load, fit in Chromium's 5 MiB and save again. Prints the browser's own
// figures (stored bytes, load and save time in wasm) for the benchmark report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, saved } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

test('5 000 clients and 100 000 orders fit, load and save in the browser', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'salesdesk-')), 'big.bin');
  execFileSync('target/release/bench_storage', ['--write', file]);
  const packed = readFileSync(file).toString('latin1');
  const { page, context } = await app.open();
  await page.evaluate((value) => {
    localStorage.setItem('salesdesk.workspace', value);
  }, packed);
  // Андрей directs: his home is the team view; this test starts on the board, by its address.
  await page.evaluate(() => { location.hash = '#/'; });
  await page.reload();
  await page.getByTestId('whoami').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: /Андрей Лебедев/ }).click();
  // Long columns and lists render page by page.
  await page.locator('.board').waitFor({ timeout: 60_000 });
  const lead = page.locator('section.board-column[data-stage-id="stage-lead"]');
  assert.equal(await lead.locator('.board-card').count(), 20);
  assert.equal(await lead.locator('.board-column-count').innerText(), '715');
  await lead.getByTestId('show-more-cards').click();
  assert.equal(await lead.locator('.board-card').count(), 70);
  await page.evaluate(() => { location.hash = '#/clients'; });
  await page.getByTestId('client-count').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('client-count').innerText(), '5000 из 5000');
  assert.equal(await page.locator('.clients-table tbody tr').count(), 100);
  await page.getByTestId('show-more-rows').click();
  assert.equal(await page.locator('.clients-table tbody tr').count(), 200);
  // «Передача»: over two thousand clients qualify; the queue shows them thirty at a time.
  await page.evaluate(() => { location.hash = '#/transfers'; });
  await page.getByTestId('queue-entry').first().waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('queue-entry').count(), 30);
  assert.match(await page.getByTestId('show-more-queue').innerText(), /Показать ещё \(\d{3,}\)/);
  await page.getByTestId('show-more-queue').click();
  assert.equal(await page.getByTestId('queue-entry').count(), 60);
  await page.evaluate(() => { location.hash = '#/clients'; });
  await page.getByTestId('client-count').waitFor({ timeout: 60_000 });

  // One edit, one save at full size.
  await page.getByRole('link', { name: '+ Новый клиент' }).click();
  await page.getByTestId('client-name').fill('ООО «Пять тысяч первый»');
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  await saved(page);
  assert.equal(await page.getByTestId('save-failed-banner').count(), 0);

  const figures = await page.evaluate(() => {
    const value = localStorage.getItem('salesdesk.workspace');
    const latin1 = /^[\u0000-\u00ff]*$/.test(value);
    return { chars: value.length, latin1, timings: window.__salesdeskTimings };
  });
  assert.ok(figures.latin1, 'the stored value is Latin-1, so Chromium charges one byte per character');
  const used = figures.chars + 'salesdesk.workspace'.length;
  assert.ok(used < 5 * 1024 * 1024, `${used} bytes do not fit in 5 MiB`);
  await page.evaluate(() => { location.hash = '#/settings'; });
  assert.match(await page.getByTestId('storage-usage').innerText(), /из 5 МБ \((6[0-9]|7[0-9]) %\)/);
  // The export at full size is written in steps behind a progress bar, and the file is whole.
  await page.evaluate(() => { location.hash = '#/data'; });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('export').click();
  await page.getByTestId('export-progress').waitFor({ state: 'visible' });
  assert.ok(await page.getByTestId('export').isDisabled(), 'no second export while one is written');
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  assert.equal(exported.workspace.orders.length, 100_000);
  assert.equal(exported.workspace.clients.length, 5_001);
  await page.getByTestId('export-progress').waitFor({ state: 'hidden' });
  console.log(`capacity: stored ${used} bytes (${(used * 100 / (5 * 1024 * 1024)).toFixed(1)} % of 5 MiB); `
    + `wasm load ${figures.timings.load_ms.toFixed(0)} ms, save ${figures.timings.save_ms.toFixed(0)} ms`);
  await context.close();
});
