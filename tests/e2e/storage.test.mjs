// Persistence you can trust: language is remembered, garbage in storage is quarantined rather than
// overwritten, and a full storage shows an error while the data stays in memory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, saved, loadDemoAs } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

test('the language switch changes the UI and is remembered', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  await page.getByTestId('lang-switch').click();
  await page.getByRole('link', { name: 'Pipeline' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(
    (await page.locator('.board-column-head h2').allInnerTexts()).slice(0, 3),
    ['Lead', 'Qualification', 'Needs discovery'],
  );
  await page.reload();
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  assert.match(await page.getByTestId('client-count').innerText(), /^36 of 36$/);
  await page.getByTestId('lang-switch').click();
  await page.getByRole('link', { name: 'Клиенты', exact: true }).waitFor();
  await context.close();
});

test('garbage in storage is quarantined with a clear message, never overwritten', async () => {
  const { page, context } = await app.open();
  const garbage = '{"format":"salesdesk.workspace","version":1,"workspace":{"clients":[{"name":"обрезано';
  await page.evaluate((g) => localStorage.setItem('salesdesk.workspace', g), garbage);
  await page.reload();
  const banner = page.getByTestId('corrupt-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /Сохранённые данные не удалось прочитать/);
  assert.match(await banner.innerText(), /Это не JSON: ошибка в строке/);
  const kept = await page.evaluate(() => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('salesdesk.quarantine.'));
    return keys.map((k) => localStorage.getItem(k));
  });
  assert.deepEqual(kept, [garbage]);

  // The download offers exactly the raw value.
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Скачать копию' }).click();
  const file = await download;
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  assert.equal(Buffer.concat(chunks).toString('utf8'), garbage);

  // Working on keeps the quarantined copy.
  await page.getByTestId('load-demo').click();
  await page.getByRole('button', { name: /Алексей Смирнов/ }).click();
  await saved(page);
  const after = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('salesdesk.quarantine.'))
    .map((k) => localStorage.getItem(k)));
  assert.deepEqual(after, [garbage]);
  await context.close();
});

test('stored data with wrong types is quarantined with the path of the bad field', async () => {
  const { page, context } = await app.open();
  const wrong = JSON.stringify({ format: 'salesdesk.workspace', version: 2, workspace: { clients: 'не список' } });
  await page.evaluate((w) => localStorage.setItem('salesdesk.workspace', w), wrong);
  await page.reload();
  const banner = page.getByTestId('corrupt-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /workspace\.clients: ожидается список \[…\], а в данных — текст «не список»/);
  const kept = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('salesdesk.quarantine.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, [wrong]);
  await context.close();
});

test('data from a newer version is refused and kept', async () => {
  const { page, context } = await app.open();
  const future = JSON.stringify({ format: 'salesdesk.workspace', version: 99, workspace: { clients: [] } });
  await page.evaluate((f) => localStorage.setItem('salesdesk.workspace', f), future);
  await page.reload();
  const banner = page.getByTestId('corrupt-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /более новой версией Salesdesk \(версия формата 99/);
  const kept = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('salesdesk.quarantine.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, [future]);
  await context.close();
});

test('a full storage shows an error, keeps the data in memory, and saves on retry', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  const before = await page.evaluate(() => localStorage.getItem('salesdesk.workspace'));
  // Fill the origin's storage to the last byte with a filler value.
  await page.evaluate(() => {
    let size = 1 << 22;
    let filler = '';
    while (size >= 1) {
      try {
        localStorage.setItem('filler', filler + 'x'.repeat(size));
        filler += 'x'.repeat(size);
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await page.getByRole('link', { name: '+ Новый клиент' }).click();
  await page.getByTestId('client-name').fill('ООО «Не влезло»');
  await page.getByTestId('save-client').click();
  const banner = page.getByTestId('save-failed-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /Хранилище браузера заполнено/);
  assert.equal(await page.locator('[data-save-state]').getAttribute('data-save-state'), 'failed');
  // Nothing stored was damaged, and the new client is still on screen.
  assert.equal(await page.evaluate(() => localStorage.getItem('salesdesk.workspace')), before);
  assert.equal(await page.getByTestId('client-title').innerText(), 'ООО «Не влезло»');
  // The banner offers the data on screen as a file.
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Скачать все данные файлом' }).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^salesdesk-\d{4}-\d{2}-\d{2}\.json$/);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  const exported = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  assert.ok(exported.workspace.clients.some((c) => c.name === 'ООО «Не влезло»'));

  await page.evaluate(() => localStorage.removeItem('filler'));
  await banner.getByRole('button', { name: 'Повторить' }).click();
  await saved(page);
  assert.equal(await banner.count(), 0);
  await page.reload();
  await page.getByTestId('client-title').waitFor();
  assert.equal(await page.getByTestId('client-title').innerText(), 'ООО «Не влезло»');
  await context.close();
});

test('a change still waiting for the debounced save is written when the page is closed', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.evaluate(() => { location.hash = '#/clients/demo-c04'; });
  await page.getByTestId('client-notes').fill('Записано прямо перед закрытием');
  await page.getByTestId('save-client').click();
  // Close at once, well inside the save delay: pagehide must flush the pending write.
  assert.equal(await page.locator('[data-save-state]').getAttribute('data-save-state'), 'pending');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(app.server.url + '#/clients/demo-c04');
  await again.getByTestId('client-title').waitFor();
  assert.equal(await again.getByTestId('client-notes').inputValue(), 'Записано прямо перед закрытием');
  await context.close();
});
