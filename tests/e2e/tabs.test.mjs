// Two tabs of the app in one browser: a change in one appears in the other, and when both change
// at once, neither tab writes over the other's newer data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, saved, loadDemoAs } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

async function rename(page, id, name) {
  await page.evaluate((h) => { location.hash = h; }, `#/clients/${id}`);
  await page.getByTestId('client-name').fill(name);
  await page.getByTestId('save-client').click();
}

function storedNames(page) {
  return page.evaluate(() => JSON.stringify(localStorage.getItem('salesdesk.workspace').length));
}

test('a change in one tab shows in the other', async () => {
  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Алексей Смирнов/);
  const b = await context.newPage();
  await b.goto(app.server.url + '#/clients');
  await b.getByTestId('client-count').waitFor();
  assert.equal(await b.getByTestId('client-count').innerText(), '36 из 36');

  await rename(a, 'demo-c01', 'ООО «СтройМаркет Плюс»');
  await saved(a);
  await b.locator('.clients-link', { hasText: 'ООО «СтройМаркет Плюс»' }).waitFor();

  // And back: a client created in B appears in A's list.
  await b.getByRole('link', { name: '+ Новый клиент' }).click();
  await b.getByTestId('client-name').fill('ООО «Из второй вкладки»');
  await b.getByTestId('save-client').click();
  await b.getByTestId('client-title').waitFor();
  await saved(b);
  await a.evaluate(() => { location.hash = '#/clients'; });
  await a.locator('.clients-link', { hasText: 'ООО «Из второй вкладки»' }).waitFor();
  assert.equal(await a.getByTestId('client-count').innerText(), '37 из 37');
  await context.close();
});

test('simultaneous edits in two tabs are both kept', async () => {
  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Алексей Смирнов/);
  const b = await context.newPage();
  await b.goto(`${app.server.url}#/`);
  await b.locator('.board').waitFor();

  // Both tabs change different clients within the same save delay.
  await Promise.all([
    rename(a, 'demo-c02', 'АО «Правка из A»'),
    rename(b, 'demo-c03', 'ООО «Правка из B»'),
  ]);
  await saved(a);
  await saved(b);
  // Give the last storage event a moment to arrive, then every copy must hold both edits.
  await a.waitForTimeout(300);
  for (const page of [a, b]) {
    await page.evaluate(() => { location.hash = '#/clients'; });
    await page.locator('.clients-link', { hasText: 'АО «Правка из A»' }).waitFor();
    await page.locator('.clients-link', { hasText: 'ООО «Правка из B»' }).waitFor();
  }
  const fresh = await context.newPage();
  await fresh.goto(app.server.url + '#/clients');
  await fresh.locator('.clients-link', { hasText: 'АО «Правка из A»' }).waitFor();
  await fresh.locator('.clients-link', { hasText: 'ООО «Правка из B»' }).waitFor();
  assert.ok(Number(await storedNames(fresh)) > 0);
  await context.close();
});
