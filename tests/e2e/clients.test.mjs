// The client list and card: search, filters, validation, editing, deleting with confirmation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, saved, loadDemoAs } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

async function openClients(page) {
  await page.getByRole('link', { name: 'Клиенты', exact: true }).click();
  await page.getByTestId('client-count').waitFor();
}

test('search and filters narrow the list', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await openClients(page);
  await page.getByTestId('client-search').fill('вектор');
  assert.equal(await page.getByTestId('client-count').innerText(), '1 из 36');
  assert.deepEqual(await page.locator('.clients-link').allInnerTexts(), ['ООО «Вектор»']);
  await page.getByTestId('client-search').fill('');
  await page.getByTestId('filter-status').selectOption({ label: 'Постоянный' });
  const regular = await page.locator('.clients-table tbody tr').count();
  assert.equal(regular, 7);
  const statuses = await page.locator('.clients-table tbody .status').allInnerTexts();
  assert.ok(statuses.every((s) => s === 'Постоянный'));
  await page.getByTestId('client-search').fill('нет такого клиента');
  assert.ok(await page.getByText('Ничего не найдено.').isVisible());
  await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
  assert.equal(await page.getByTestId('client-count').innerText(), '36 из 36');
  await context.close();
});

test('a client is edited, validated, and the edit survives a reload', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await openClients(page);
  await page.locator('.clients-link', { hasText: 'ООО «Вектор»' }).click();
  await page.getByTestId('client-title').waitFor();
  const url = page.url();

  await page.getByTestId('client-inn').fill('7707083894');
  await page.getByTestId('client-email').fill('not-an-email');
  await page.getByTestId('save-client').click();
  assert.ok(await page.getByText('Контрольные цифры ИНН не сходятся').isVisible());
  assert.ok(await page.getByText('Это не похоже на адрес e-mail').isVisible());

  await page.getByTestId('client-inn').fill('7707083893');
  await page.getByTestId('client-email').fill('buyer@vector-msk.ru');
  await page.getByTestId('client-notes').fill('Решение принимает финдиректор. <b>не жирный</b>');
  await page.getByTestId('client-status').selectOption({ label: 'Потенциальный' });
  await page.getByTestId('save-client').click();
  await page.getByText('Изменения сохранены').waitFor();
  await saved(page);

  await page.reload();
  await page.getByTestId('client-title').waitFor();
  assert.equal(page.url(), url);
  assert.equal(await page.getByTestId('client-inn').inputValue(), '7707083893');
  assert.equal(await page.getByTestId('client-email').inputValue(), 'buyer@vector-msk.ru');
  assert.equal(await page.getByTestId('client-notes').inputValue(), 'Решение принимает финдиректор. <b>не жирный</b>');
  assert.equal(await page.getByTestId('client-status').inputValue(), 'Prospect');
  await context.close();
});

test('a deal is edited on the client card', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.goto(page.url().replace(/#.*$/, '') + '#/clients/demo-c03');
  await page.getByTestId('client-title').waitFor();
  await page.locator('.client-card-deal-item').first().getByRole('button', { name: 'Изменить' }).click();
  await page.getByTestId('deal-amount').fill('сто тысяч');
  await page.getByTestId('save-deal').click();
  assert.ok(await page.getByText('Введите сумму цифрами').isVisible());
  await page.getByTestId('deal-amount').fill('99 999');
  await page.getByTestId('deal-stage').selectOption({ label: 'Переговоры' });
  await page.getByTestId('save-deal').click();
  // Moving on with the stage's checklist unticked: the playbook asks first.
  const moveOn = page.getByRole('button', { name: 'Всё равно перейти' });
  await moveOn.waitFor({ timeout: 3000 }).then(() => moveOn.click(), () => {});
  await page.getByText('Изменения сохранены').waitFor();
  assert.equal(await page.getByTestId('deal-stage-badge').first().innerText(), 'Переговоры');
  await page.getByRole('link', { name: 'Воронка' }).click();
  const moved = page.locator('section.board-column[data-stage-id="stage-negotiation"] .board-card', { hasText: 'ООО «Вектор»' });
  await moved.waitFor();
  assert.match(await moved.locator('.board-card-amount').innerText(), /99\s999/);
  await context.close();
});

test('deleting a client asks first; cancel keeps it, confirm removes it and its deals', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await openClients(page);
  await page.locator('.clients-link', { hasText: 'ООО «Ромашка»' }).click();
  await page.getByTestId('delete-client').click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Удалить клиента «ООО «Ромашка»»\?/);
  assert.equal(await page.evaluate(() => document.activeElement.innerText), 'Отмена');
  await page.keyboard.press('Escape');
  assert.equal(await dialog.count(), 0);
  assert.equal(await page.getByTestId('client-title').innerText(), 'ООО «Ромашка»');

  await page.getByTestId('delete-client').click();
  await page.getByTestId('confirm').click();
  await page.getByTestId('client-count').waitFor();
  assert.equal(await page.getByTestId('client-count').innerText(), '35 из 35');
  await saved(page);
  await page.reload();
  await openClients(page);
  assert.equal(await page.locator('.clients-link', { hasText: 'Ромашка' }).count(), 0);
  await page.getByRole('link', { name: 'Воронка' }).click();
  assert.equal(await page.locator('.board-card', { hasText: 'Ромашка' }).count(), 0);
  await context.close();
});

test('HTML typed into a client name is shown as text, never run', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.getByRole('link', { name: '+ Новый клиент' }).click();
  const evil = '<img src=x onerror="window.__pwned=1">ООО «Хакер»';
  await page.getByTestId('client-name').fill(evil);
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  assert.equal(await page.getByTestId('client-title').innerText(), evil);
  await page.getByRole('link', { name: 'Воронка' }).click();
  await page.locator('.board-card', { hasText: 'ООО «Хакер»' }).waitFor();
  assert.equal(await page.locator('.board img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});
