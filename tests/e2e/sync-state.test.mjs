// The sync state of a full-size team (5 000 clients, 100 000 orders: 115 148 documents) is kept
// across reloads in IndexedDB in the compact form (src/sync/compact.rs), not in localStorage; a
// damaged copy does not break the app: it means «pull everything again», said once (the copy is
// removed once read, so the next load does not say it again). Prints the
// stored size and the browser's load time of the state (decode included) for the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from './helpers.mjs';
import { storedSyncBytes } from './sync-kit.mjs';

// Nothing can be reached there (Chromium refuses port 9 outright): the session request fails
// (the device is «offline»), so no round runs and the stored state stays as written.
const SYNC = { server: 'http://127.0.0.1:9', db: 'team' };
const EXPECTED = [/ERR_CONNECTION_REFUSED|ERR_UNSAFE_PORT/];
let app;
const unexpected = [];
before(async () => { app = await start(); });
after(async () => {
  await app.close();
  assert.deepEqual(unexpected, [], 'errors in the page');
});

async function openSyncing() {
  const context = await app.browser.newContext({ locale: 'ru-RU', viewport: { width: 1366, height: 900 } });
  await context.addInitScript((prefs) => {
    if (!localStorage.getItem('salesdesk.prefs')) localStorage.setItem('salesdesk.prefs', prefs);
  }, JSON.stringify({ sync: SYNC }));
  const page = await context.newPage();
  page.on('pageerror', (e) => unexpected.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !EXPECTED.some((re) => re.test(m.text()))) unexpected.push(m.text());
  });
  return { context, page };
}

/** Loads the page and waits until the app has read the stored sync state; its time in ms. */
async function loadState(page, reload) {
  if (reload) await page.reload();
  else await page.goto(app.server.url);
  await page.waitForFunction(() => !document.getElementById('boot'));
  await page.waitForFunction(() => window.__salesdeskTimings?.sync_state_load_ms !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => window.__salesdeskTimings.sync_state_load_ms);
}

/** Puts `base64` bytes into the app's IndexedDB as the stored state. */
async function putState(page, base64) {
  await page.evaluate((b64) => new Promise((resolve, reject) => {
    const raw = atob(b64);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    const open = indexedDB.open('salesdesk-sync', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('state', 'readwrite');
      tx.objectStore('state').put(bytes, 'state');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), base64);
}

const RESET = 'Состояние синхронизации не прочиталось — всё загружается с сервера заново.';

test('a full-size sync state survives a reload, outside localStorage; a damaged one means a fresh pull', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'salesdesk-')), 'sync-state.bin');
  execFileSync('target/release/bench_storage', ['--write-sync-state', file]);
  const bytes = readFileSync(file);
  const { context, page } = await openSyncing();
  await loadState(page, false);
  await putState(page, bytes.toString('base64'));
  const times = [];
  for (let i = 0; i < 3; i++) times.push(await loadState(page, true));
  times.sort((a, b) => a - b);
  assert.equal(await storedSyncBytes(page), bytes.length, 'the state is kept as written');
  assert.equal(await page.locator('.shell-toast').filter({ hasText: RESET }).count(), 0);
  const local = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  assert.equal(await page.evaluate(() => localStorage.getItem('salesdesk.sync')), null);
  console.log(`[sync-state] 115 148 documents: stored ${bytes.length} bytes in IndexedDB; load and decode in the browser: median ${Math.round(times[1])} ms (${times.map(Math.round).join(', ')}); localStorage holds ${local} characters`);
  // A damaged copy: the app starts, says so once, and starts over.
  const damaged = Buffer.from(bytes);
  damaged[Math.floor(damaged.length / 2)] ^= 0x5a;
  await putState(page, damaged.toString('base64'));
  await loadState(page, true);
  await page.locator('.shell-toast').filter({ hasText: RESET }).waitFor();
  await page.locator('header.shell-topbar').waitFor();
  assert.equal(await page.locator('[data-testid="sync-status"]').count(), 1, 'sync carries on');
  // Said once for that copy: it is removed once read, so the next load starts quietly.
  assert.equal(await storedSyncBytes(page), 0, 'the damaged copy is gone');
  await loadState(page, true);
  await page.locator('header.shell-topbar').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.shell-toast').filter({ hasText: RESET }).count(), 0, 'not said again');
  await context.close();
});
