// A large snapshot file is read in slices: «Чтение файла… N %» with a bar while it is read,
// «Отмена» stops it with nothing changed, and read again to its end it gives the preview and
// merges every record. (The file: the demo export with 60 000 more orders, about 20 MB.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, loadDemoAs, readStored } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

const EXTRA_ORDERS = 60_000;

/** How many orders are stored: plain, or column by column in one book or a list of books. */
async function storedOrders(page) {
  const w = (await readStored(page)).workspace;
  if (w.orders) return w.orders.length;
  const books = Array.isArray(w.order_book) ? w.order_book : w.order_book ? [w.order_book] : [];
  return books.reduce((n, book) => n + (book.ids ? book.ids.split(' ').length : 0), 0);
}

async function bigFile(page) {
  await page.goto(`${app.server.url}#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const json = JSON.parse(await readFile(await download.path(), 'utf8'));
  const model = json.workspace.orders[0];
  for (let i = 0; i < EXTRA_ORDERS; i++) {
    json.workspace.orders.push({ ...model, id: `bulk-order-${i}` });
  }
  return JSON.stringify(json, null, 1);
}

async function choose(page, text) {
  await page.goto(`${app.server.url}#/data`);
  await page.getByTestId('import-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a large file shows its progress, can be stopped, and read to the end gives the preview', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  const text = await bigFile(page);
  const before = (await readStored(page)).workspace;
  const ordersBefore = await storedOrders(page);

  await choose(page, text);
  // «Отмена» is pressed in the page as soon as it shows: from here, a round trip per step could
  // arrive after the last slice of a fast read.
  const shown = await page.waitForFunction(() => {
    const button = document.querySelector('[data-testid="table-cancel"]');
    if (!button) return false;
    const words = document.querySelector('[data-testid="table-progress-text"]').textContent;
    const bar = document.querySelector('[data-testid="import-reading"] progress');
    button.click();
    return { words, bar: bar?.getAttribute('value') ?? null };
  }, null, { polling: 'raf', timeout: 60_000 });
  const { words, bar } = await shown.jsonValue();
  assert.match(words, /^Чтение файла… \d+ %$/);
  assert.equal(bar, words.match(/(\d+) %/)[1]);
  await page.getByTestId('import-reading').waitFor({ state: 'detached' });
  // Stopped: no preview comes later, and nothing changed.
  await page.waitForTimeout(1_500);
  assert.equal(await page.getByTestId('import-preview').count(), 0);
  assert.equal(JSON.stringify((await readStored(page)).workspace), JSON.stringify(before));

  await choose(page, text);
  await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
  await page.locator('[data-save-state="saved"]').waitFor({ timeout: 60_000 });
  assert.equal(await storedOrders(page), ordersBefore + EXTRA_ORDERS);
  await context.close();
});
