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
  await record.first().waitFor();
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
  assert.match(await editor.getByTestId('what-if-count').innerText(), /Если сохранить, правило (выполнит \d*1 клиент|выполнят \d+ клиент(а|ов)) \(сейчас \d+\)\./);
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
  await group.locator('.settings-catalogue-name.settings-catalogue-group').waitFor();
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
  const used = page.getByTestId('catalogue-group').first().locator('.settings-catalogue-products li').first();
  await used.getByRole('button', { name: 'Удалить' }).click();
  assert.match(await page.getByTestId('catalogue').innerText(), /используется/);
  await context.close();
});

test('the minimum-order condition: edited in Настройки, previewed, explained with figures', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await addCatalogue(page);
  await switchTo(page, 'Алексей Смирнов');
  await page.goto(`${app.server.url}#/clients/new`);
  await page.getByTestId('client-name').fill('ООО «Минимальный»');
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  const card = page.url();
  await addOrder(page, daysAgo(50), [['Е2Е-короб', '60 000']]);
  await addOrder(page, daysAgo(20), [['Е2Е-короб', '42 000']]);
  await addOrder(page, daysAgo(5), [['Е2Е-плёнка', '75 000']]);
  assert.equal(await page.getByTestId('eligibility').innerText(), 'Выполнил правило передачи');

  await switchTo(page, 'Марина Волкова');
  await page.goto(`${app.server.url}#/settings`);
  const editor = page.getByTestId('rule-editor');
  await editor.getByTestId('condition-kind').first().selectOption({ label: 'Минимальный заказ' });
  assert.equal(await editor.getByTestId('condition-count').first().inputValue(), '3');
  assert.equal(plain(await editor.getByTestId('condition-amount').first().inputValue()), '50 000');
  // The smallest order, 42 000 ₽, is below 50 000 ₽: the client would drop out of the queue.
  assert.match(await editor.getByTestId('what-if-lost').innerText(), /ООО «Минимальный»/);
  await editor.getByTestId('condition-amount').first().fill('40 000');
  assert.equal(await editor.getByTestId('what-if-lost').filter({ hasText: 'ООО «Минимальный»' }).count(), 0);
  await editor.getByTestId('condition-amount').first().fill('50 000');
  assert.match(await editor.getByTestId('rule-help').innerText(), /«Минимальный заказ» — каждый заказ за последние M месяцев не меньше X/);
  await editor.getByTestId('save-rule').click();
  await saved(page);
  const stored = await readStored(page);
  assert.deepEqual(stored.workspace.transfer_policy.rule.conditions, [{ kind: 'minimum_order', months: 3, at_least: 5_000_000 }]);

  await page.goto(card);
  await page.getByTestId('client-title').waitFor();
  assert.equal(await page.getByTestId('eligibility').innerText(), 'Ещё не выполнил правило передачи');
  const condition = page.getByTestId('client-transfer').getByTestId('condition');
  assert.equal(plain(await condition.locator('.transfer-condition-label').innerText()), 'Каждый заказ за последние 3 месяца — от 50 000 ₽');
  assert.equal(plain(await condition.getByTestId('condition-figures').innerText()), 'наименьший заказ 42 000 ₽ из 50 000 ₽');
  await page.getByTestId('lang-switch').click();
  assert.equal(plain(await condition.getByTestId('condition-figures').innerText()), 'smallest order 42 000 ₽ of 50 000 ₽');
  assert.equal(plain(await condition.locator('.transfer-condition-label').innerText()), 'Every order in the last 3 months at least 50 000 ₽');
  await context.close();
});

test('moving a product to another group updates the open transfer screen (no stale cache)', async () => {
  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Марина Волкова/);
  await addCatalogue(a);
  await a.getByTestId('group-name').fill('Е2Е-вторая');
  await a.getByTestId('add-group').click();
  await a.locator('[data-testid="catalogue-group"]', { hasText: 'Е2Е-вторая' }).waitFor();
  // The rule: bought anything of «Е2Е-вторая».
  const editor = a.getByTestId('rule-editor');
  await editor.getByTestId('condition-kind').first().selectOption({ label: 'Покупка из группы' });
  await editor.getByTestId('condition-target').selectOption({ label: 'Е2Е-вторая' });
  await editor.getByTestId('save-rule').click();
  await saved(a);

  // A hunter's client buys a box, which is in the first group.
  await switchTo(a, 'Алексей Смирнов');
  await a.goto(`${app.server.url}#/clients/new`);
  await a.getByTestId('client-name').fill('ООО «Коробочный»');
  await a.getByTestId('save-client').click();
  await a.getByTestId('client-title').waitFor();
  await addOrder(a, daysAgo(3), [['Е2Е-короб', '10 000']]);
  await switchTo(a, 'Марина Волкова');
  await saved(a);
  await a.goto(`${app.server.url}#/transfers`);
  await a.getByTestId('farmer-metrics').waitFor();
  const entry = a.getByTestId('queue-entry').filter({ hasText: 'ООО «Коробочный»' });
  assert.equal(await entry.count(), 0);

  // In another tab the box moves to «Е2Е-вторая»; the open transfer screen follows at once.
  const b = await context.newPage();
  await b.goto(`${app.server.url}#/settings`);
  const group = b.getByTestId('catalogue-group').filter({ hasText: 'Е2Е-группа' });
  await group.locator('li', { hasText: 'Е2Е-короб' }).getByRole('button', { name: 'Изменить' }).click();
  await group.locator('form select').selectOption({ label: 'Е2Е-вторая' });
  await group.getByRole('button', { name: 'Сохранить' }).click();
  await b.locator('[data-testid="catalogue-group"]', { hasText: 'Е2Е-вторая' }).locator('li', { hasText: 'Е2Е-короб' }).waitFor();
  await saved(b);
  await entry.waitFor();
  assert.match(await entry.innerText(), /из группы куплено/);
  await context.close();
});
