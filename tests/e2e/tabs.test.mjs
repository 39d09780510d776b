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

test('an unsaved edit in one tab when the other tab\'s save arrives: both are kept, in both tabs', async () => {
  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Алексей Смирнов/);
  const b = await context.newPage();
  // What B's save status was when each of A's saves reached it.
  await b.addInitScript(() => {
    window.__statusAtEvent = [];
    window.addEventListener('storage', (e) => {
      if (e.key !== 'salesdesk.workspace') return;
      const status = document.querySelector('[data-save-state]');
      window.__statusAtEvent.push(status && status.getAttribute('data-save-state'));
    });
  });
  await b.goto(`${app.server.url}#/`);
  await b.locator('.board').waitFor();
  await saved(a);
  // A renames a client and waits for its save (the 400 ms debounce); B renames another one just
  // after A's click, so B's edit is still waiting for its own save when A's value arrives. The
  // timing is the page's, so the pair is tried again (new names) until the edit did wait.
  let waited = false;
  let names;
  for (let attempt = 1; attempt <= 3 && !waited; attempt++) {
    names = [`АО «Сохранено в A ${attempt}»`, `ООО «Ждёт в B ${attempt}»`];
    await b.evaluate(() => { window.__statusAtEvent = []; });
    await a.evaluate(() => { location.hash = '#/clients/demo-c04'; });
    await b.evaluate(() => { location.hash = '#/clients/demo-c05'; });
    await a.getByTestId('client-name').fill(names[0]);
    await b.getByTestId('client-name').fill(names[1]);
    await a.getByTestId('save-client').click();
    await b.getByTestId('save-client').click();
    await saved(a);
    await saved(b);
    await a.waitForTimeout(300);
    waited = (await b.evaluate(() => window.__statusAtEvent)).includes('pending');
  }
  assert.ok(waited, 'B had an unsaved edit when A\'s save arrived');
  for (const page of [a, b]) {
    await saved(page);
    await page.evaluate(() => { location.hash = '#/clients'; });
    for (const name of names) await page.locator('.clients-link', { hasText: name }).waitFor();
  }
  const fresh = await context.newPage();
  await fresh.goto(app.server.url + '#/clients');
  for (const name of names) await fresh.locator('.clients-link', { hasText: name }).waitFor();
  await context.close();
});
