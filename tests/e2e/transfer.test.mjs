// Orders and the hunter → farmer transfer: the director fills the catalogue, a hunter enters
// orders until the client meets the rule, sees why, passes it to a farmer, and the audit record
// is still there after a reload. Also: the rule editor's validation and «what if» preview.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, saved, plain, loadDemoAs, readStored } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

/** The ISO date `days` days before today. */
function daysAgo(days) {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function switchTo(page, name) {
  await page.getByTestId('me-select').selectOption({ label: name });
}

async function addCatalogue(page) {
  await page.goto(`${app.server.url}#/settings`);
  await page.getByTestId('group-name').fill('Е2Е-группа');
  await page.getByTestId('add-group').click();
  await page.getByTestId('product-name').fill('Е2Е-короб');
  await page.getByTestId('add-product').click();
  await page.getByTestId('product-name').fill('Е2Е-плёнка');
  await page.getByTestId('add-product').click();
  await page.locator('[data-testid="catalogue-group"]', { hasText: 'Е2Е-плёнка' }).waitFor();
}

async function addOrder(page, date, lines) {
  await page.getByTestId('add-order').click();
  const form = page.getByTestId('order-form');
  await form.getByTestId('order-date').fill(date);
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) await form.getByTestId('order-add-line').click();
    const line = form.getByTestId('order-line').nth(i);
    await line.getByTestId('order-product').selectOption({ label: lines[i][0] });
    await line.getByTestId('order-amount').fill(lines[i][1]);
  }
  await form.getByTestId('save-order').click();
  await form.waitFor({ state: 'detached' });
}

test('orders make a client eligible, the reason shows, the transfer is logged and survives a reload', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await addCatalogue(page);

  // A hunter's new client.
  await switchTo(page, 'Алексей Смирнов');
  await page.goto(`${app.server.url}#/clients/new`);
  await page.getByTestId('client-name').fill('ООО «Передаваемый»');
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  const card = page.url();

  // A bad order is refused with its reasons and nothing is stored.
  await page.getByTestId('add-order').click();
  await page.getByTestId('order-amount').fill('-5');
  await page.getByTestId('save-order').click();
  const form = page.getByTestId('order-form');
  assert.match(await form.innerText(), /Выберите товар из каталога\./);
  assert.match(await form.innerText(), /Сумма должна быть больше нуля\./);
  await form.getByRole('button', { name: 'Отмена' }).click();
  assert.equal(await page.getByTestId('order').count(), 0);

  // First order: the client becomes «новый», the rule (2 orders) is not met yet, and says why.
  await addOrder(page, daysAgo(40), [['Е2Е-короб', '120 000'], ['Е2Е-плёнка', '30 000,50']]);
  assert.match(plain(await page.getByTestId('order').first().innerText()), /150 000,50 ₽/);
  assert.equal(await page.locator('.page-head .status').innerText(), 'Новый');
  assert.equal(await page.getByTestId('eligibility').innerText(), 'Ещё не выполнил правило передачи');
  assert.equal(await page.getByTestId('condition-figures').innerText(), 'заказов 1 из 2');
  assert.equal(await page.getByTestId('transfer-button').count(), 0);

  // Second order: eligible, with the figures.
  await addOrder(page, daysAgo(10), [['Е2Е-короб', '80000']]);
  assert.equal(await page.getByTestId('eligibility').innerText(), 'Выполнил правило передачи');
  assert.equal(await page.getByTestId('condition-figures').innerText(), 'заказов 2 из 2');

  // It is in the team's queue with the same reason.
  await page.goto(`${app.server.url}#/transfers`);
  const entry = page.getByTestId('queue-entry').filter({ hasText: 'ООО «Передаваемый»' });
  await entry.waitFor();
  assert.match(await entry.innerText(), /заказов 2 из 2/);
  // Each farmer's figures for the period, with the average check against the previous one.
  const farmers = page.getByTestId('farmer-metrics');
  assert.match(await farmers.innerText(), /Средний чек к прошлому периоду/);
  assert.match(plain(await farmers.locator('tbody tr', { hasText: 'Елена Морозова' }).innerText()), /[+−]\d+,\d %/);

  // One action: pass it to a farmer from the card.
  await page.goto(card);
  await page.getByTestId('transfer-farmer').selectOption({ label: 'Елена Морозова' });
  await page.getByTestId('transfer-button').click();
  await page.getByTestId('with-farmer').waitFor();
  assert.equal(await page.getByTestId('with-farmer').innerText(), 'Клиент у фермера: Елена Морозова');
  assert.equal(await page.locator('.page-head .status').innerText(), 'Постоянный');
  await saved(page);

  // After a reload: the audit record on the card and in the team log.
  await page.reload();
  await page.getByTestId('client-title').waitFor();
  const record = page.getByTestId('log-entry');
  assert.equal(await record.count(), 1);
  assert.match(await record.innerText(), /Алексей Смирнов → Елена Морозова/);
  assert.match(await record.innerText(), /Передал: Алексей Смирнов/);
  await record.locator('summary').click();
  assert.match(await record.innerText(), /заказов 2 из 2/);
  // The growth table splits at the transfer date.
  assert.match(await page.getByTestId('growth').innerText(), /До передачи/);
  assert.match(await page.getByTestId('growth').innerText(), /После передачи/);

  await page.goto(`${app.server.url}#/transfers`);
  const teamLog = page.getByTestId('transfer-log');
  await teamLog.waitFor();
  assert.match(await teamLog.innerText(), /ООО «Передаваемый»/);
  assert.equal(await page.getByTestId('queue-entry').filter({ hasText: 'ООО «Передаваемый»' }).count(), 0);
  const stored = await readStored(page);
  const t = stored.workspace.transfers.find((x) => x.outcomes[0].have === 2);
  assert.ok(t, 'the transfer record is stored with its figures');
  assert.equal(stored.workspace.orders === undefined ? 'packed' : 'plain', 'packed');
  await context.close();
});

test('the director edits the rule with validation and a what-if preview', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await addCatalogue(page);
  const editor = page.getByTestId('rule-editor');
  const count = editor.getByTestId('condition-count').first();
  await count.fill('0');
  assert.match(await editor.getByTestId('rule-problems').innerText(), /Условие 1: число от 1 до 10000\./);
  assert.ok(await editor.getByTestId('save-rule').isDisabled());
  await count.fill('1');
  await editor.getByTestId('lost-days').fill('100');
  assert.match(await editor.getByTestId('rule-problems').innerText(), /«Потерян» должен наступать позже/);
  await editor.getByTestId('lost-days').fill('365');
  assert.equal(await editor.getByTestId('rule-problems').innerText(), '');
  // The preview counts clients of hunters under the edited rule before anything is saved.
  assert.match(await editor.getByTestId('what-if-count').innerText(), /Если сохранить, правило выполнят? \d+ клиент(а|ов)? \(сейчас \d+\)\./);
  await editor.getByTestId('add-condition').click();
  await editor.getByTestId('condition-kind').nth(1).selectOption({ label: 'Покупка из группы' });
  assert.match(await editor.getByTestId('rule-problems').innerText(), /Условие 2: выберите группу из каталога\./);
  await editor.getByTestId('condition-target').selectOption({ label: 'Е2Е-группа' });
  await editor.getByTestId('save-rule').click();
  await saved(page);
  const stored = await readStored(page);
  assert.deepEqual(stored.workspace.transfer_policy.rule.conditions.map((c) => c.kind), ['order_count', 'bought_group']);
  assert.equal(stored.workspace.transfer_policy.rule.conditions[0].at_least, 1);

  // A hunter sees the rule but cannot change it.
  await switchTo(page, 'Алексей Смирнов');
  await page.goto(`${app.server.url}#/settings`);
  assert.ok(await page.getByTestId('rule-editor').evaluate((f) => f.disabled));
  await context.close();
});

test('the director renames a product and removes only what nothing uses', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await addCatalogue(page);
  const group = page.getByTestId('catalogue-group').filter({ hasText: 'Е2Е-группа' });
  // Rename a product in place.
  await group.locator('li', { hasText: 'Е2Е-короб' }).getByRole('button', { name: 'Изменить' }).click();
  await page.getByTestId('catalogue-edit-name').fill('Е2Е-ящик');
  await group.getByRole('button', { name: 'Сохранить' }).click();
  await group.locator('li', { hasText: 'Е2Е-ящик' }).waitFor();
  // The group still has products: refused with the reason.
  await group.locator('.catalogue-name.group').waitFor();
  await group.getByRole('button', { name: 'Удалить' }).first().click();
  assert.match(await page.getByTestId('catalogue').innerText(), /используется/);
  // Unused products go, then the empty group.
  await group.locator('li', { hasText: 'Е2Е-ящик' }).getByRole('button', { name: 'Удалить' }).click();
  await group.locator('li', { hasText: 'Е2Е-плёнка' }).getByRole('button', { name: 'Удалить' }).click();
  await group.locator('li', { hasText: 'Е2Е-плёнка' }).waitFor({ state: 'detached' });
  await group.getByRole('button', { name: 'Удалить' }).click();
  await group.waitFor({ state: 'detached' });
  await saved(page);
  const stored = await readStored(page);
  assert.ok(!stored.workspace.product_groups.some((g) => g.name === 'Е2Е-группа'));
  // A demo product on orders cannot be removed.
  const used = page.getByTestId('catalogue-group').first().locator('.catalogue-products li').first();
  await used.getByRole('button', { name: 'Удалить' }).click();
  assert.match(await page.getByTestId('catalogue').innerText(), /используется/);
  await context.close();
});
