// Offline first: after one visit the app starts and works with the network off; a new release is
// offered and applied only when the user says so; the page talks to nobody but its own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, saved, loadDemoAs } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

async function controlled(page) {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
}

test('after the first visit the app reloads and works with the network off', async () => {
  const { page, context } = await app.open();
  await controlled(page);
  await loadDemoAs(page, /Алексей Смирнов/);
  await context.setOffline(true);
  const before = app.server.requests.length;
  await page.reload();
  await page.locator('.board').waitFor();
  assert.equal(app.server.requests.length, before, 'nothing was fetched from the server');
  assert.ok((await page.locator('.board-card').count()) >= 30);
  // Work goes on offline and is saved.
  await page.getByRole('link', { name: '+ Новый клиент' }).click();
  await page.getByTestId('client-name').fill('ООО «Без сети»');
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  await saved(page);
  await page.reload();
  await page.getByTestId('client-title').waitFor();
  assert.equal(await page.getByTestId('client-title').innerText(), 'ООО «Без сети»');
  await context.setOffline(false);
  await context.close();
});

test('a new release is announced and replaces the old cache only when the user chooses', async () => {
  const { page, context } = await app.open();
  await controlled(page);
  await loadDemoAs(page, /Алексей Смирнов/);
  const oldCaches = await page.evaluate(() => caches.keys());
  assert.equal(oldCaches.length, 1);

  // Publish a "new release": same files, new service worker version.
  app.server.rewrites.set('/sw.js', (text) => text.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1next'"));
  try {
    await page.getByRole('link', { name: 'Клиенты', exact: true }).click();
    await page.getByTestId('client-search').fill('Вектор');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const banner = page.getByTestId('update-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Доступна новая версия Salesdesk/);
    // Nobody is reloaded mid-edit: the search text stays while the banner waits.
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId('client-search').inputValue(), 'Вектор');

    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Обновить сейчас' }).click();
    await reloaded;
    await page.getByTestId('client-count').waitFor();
    await page.waitForFunction(async () => (await caches.keys()).every((k) => k.endsWith('next')));
    const newCaches = await page.evaluate(() => caches.keys());
    assert.equal(newCaches.length, 1, 'the old cache was removed');
    assert.notDeepEqual(newCaches, oldCaches);
    assert.equal(await page.getByTestId('update-banner').count(), 0);
  } finally {
    app.server.rewrites.delete('/sw.js');
  }
  await context.close();
});

test('a whole session requests only the app\'s own files, under a strict CSP', async () => {
  const { page, context } = await app.open();
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:/);
  await loadDemoAs(page, /Марина Волкова/);
  for (const name of ['Клиенты', 'Команда', 'Настройки', 'Воронка']) {
    await page.getByRole('link', { name, exact: true }).click();
    await page.locator('main h1').first().waitFor();
  }
  await page.evaluate(() => { location.hash = '#/clients/demo-c05'; });
  await page.getByTestId('client-title').waitFor();
  await page.getByTestId('lang-switch').click();
  await page.reload();
  await page.locator('main h1').first().waitFor();
  assert.ok(urls.length > 0);
  const foreign = urls.filter((u) => !u.startsWith(app.server.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  const manifest = await (await page.request.get(`${app.server.url}manifest.webmanifest`)).json();
  assert.equal(manifest.name, 'Salesdesk — отдел продаж');
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
  await context.close();
});
