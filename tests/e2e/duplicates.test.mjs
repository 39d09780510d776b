// Possible duplicates: a new client with the ИНН of an existing one, or its name and phone,
// shows the match with a link (a warning, saving still works); an imported file's clients that
// look like mine under another id are listed in the preview.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, saved, loadDemoAs, readStored } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

test('a new client matching an existing one by ИНН or by name and phone links to it', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  const clients = (await readStored(page)).workspace.clients;
  const withInn = clients.find((c) => c.inn);
  const withPhone = clients.find((c) => c.contact.phone.replace(/\D/g, '').length >= 10 && c.id !== withInn.id);
  assert.ok(withInn && withPhone, 'the demo has clients with an ИНН and a phone');

  await page.goto(`${app.server.url}#/clients/new`);
  const warning = page.getByTestId('duplicate-warning');
  await page.getByTestId('client-name').fill('ООО «Совсем другое»');
  await page.getByTestId('client-inn').fill(withInn.inn.slice(0, 6));
  assert.equal(await warning.count(), 0, 'half an ИНН matches nothing');
  await page.getByTestId('client-inn').fill(withInn.inn);
  await warning.waitFor();
  assert.equal(await warning.getByTestId('duplicate').innerText(), `Клиент с этим ИНН уже есть: ${withInn.name}`);
  assert.equal(await warning.getByRole('link').getAttribute('href'), `#/clients/${withInn.id}`);

  // The same name and phone, the phone typed another way.
  await page.getByTestId('client-inn').fill('');
  await warning.waitFor({ state: 'detached' });
  const digits = withPhone.contact.phone.replace(/\D/g, '').slice(-10);
  await page.getByTestId('client-name').fill(withPhone.name.toUpperCase());
  await page.getByTestId('client-phone').fill(`8 ${digits}`);
  await warning.waitFor();
  assert.equal(await warning.getByTestId('duplicate').innerText(), `Клиент с таким же названием и телефоном уже есть: ${withPhone.name}`);

  // A warning, not a refusal: the client is created.
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  await saved(page);
  assert.equal((await readStored(page)).workspace.clients.length, clients.length + 1);
  // On the new card the match is still pointed out (the card itself is not a match).
  await warning.waitFor();
  await warning.getByRole('link').click();
  await page.waitForURL(new RegExp(`#/clients/${withPhone.id}$`));
  // The URL changes before the app handles `hashchange`: wait for the card to follow it.
  await page.waitForFunction((name) => document.querySelector('[data-testid="client-title"]')?.innerText === name, withPhone.name);
  assert.equal(await page.getByTestId('client-title').innerText(), withPhone.name);
  await context.close();
});

test('an imported client with the ИНН of one of mine is listed in the preview with a link', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await page.goto(`${app.server.url}#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  const original = file.workspace.clients.find((c) => c.inn);
  file.workspace.clients.push({ ...structuredClone(original), id: 'rep-copy-1', name: 'Вектор (от коллеги)' });
  await page.getByTestId('import-file').setInputFiles({ name: 'rep.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const list = page.getByTestId('import-duplicates');
  await list.waitFor();
  assert.deepEqual(await list.getByTestId('import-duplicate').allInnerTexts(), [`«Вектор (от коллеги)» из файла — тот же ИНН, что у ${original.name}`]);
  assert.equal(await list.getByRole('link').getAttribute('href'), `#/clients/${original.id}`);
  await context.close();
});

test('the director folds a duplicate into the open card: deals and orders move, the other card goes', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  const before = (await readStored(page)).workspace;
  const original = before.clients.find((c) => c.inn && before.deals.some((d) => d.client_id === c.id));
  const deals = before.deals.filter((d) => d.client_id === original.id).length;

  // A second card typed with the same ИНН.
  await page.goto(`${app.server.url}#/clients/new`);
  await page.getByTestId('client-name').fill('Вектор (второй раз)');
  await page.getByTestId('client-inn').fill(original.inn);
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  await saved(page);
  const keptId = decodeURIComponent(page.url().split('#/clients/')[1]);
  const ownDeals = (await readStored(page)).workspace.deals.filter((d) => d.client_id === keptId).length;

  const warning = page.getByTestId('duplicate-warning');
  await warning.waitFor();
  await warning.getByTestId('merge-duplicate').click();
  const dialog = page.getByRole('alertdialog');
  assert.match(await dialog.innerText(), new RegExp(`Объединить «${original.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}» с этой карточкой\\?`));
  await dialog.getByTestId('confirm').click();
  await page.getByText(/Карточки объединены, перенесено: \d+ (сделка|сделки|сделок) и \d+ (заказ|заказа|заказов)/).waitFor();
  await warning.waitFor({ state: 'detached' });
  await saved(page);

  const after = (await readStored(page)).workspace;
  assert.equal(after.clients.length, before.clients.length);
  assert.ok(!after.clients.some((c) => c.id === original.id), 'the duplicate is gone');
  assert.ok(after.removed.some((t) => t.id === original.id), 'and leaves a tombstone');
  assert.ok(deals > 0, 'the folded card had deals to move');
  assert.equal(after.deals.filter((d) => d.client_id === keptId).length, ownDeals + deals);
  // Its deals now show on the kept card.
  assert.equal(await page.locator('[data-deal-id]').count(), ownDeals + deals);
  await page.reload();
  await page.getByTestId('client-title').waitFor();
  assert.equal(await page.getByTestId('client-title').innerText(), 'Вектор (второй раз)');
  await context.close();
});

test('only the director is offered the merge of duplicates', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  const ws = (await readStored(page)).workspace;
  const original = ws.clients.find((c) => c.inn);
  await page.goto(`${app.server.url}#/clients/new`);
  await page.getByTestId('client-name').fill('Ещё одна карточка');
  await page.getByTestId('client-inn').fill(original.inn);
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  await page.getByTestId('duplicate-warning').waitFor();
  assert.equal(await page.getByTestId('merge-duplicate').count(), 0);
  await context.close();
});
