// A new user's first minutes: the empty state, the demo data, choosing who they are.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, saved, loadDemoAs, readStored } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

test('first start explains the app and offers demo data or a fresh start', async () => {
  const { page, context, errors } = await app.open();
  await page.getByTestId('welcome').waitFor();
  assert.match(await page.locator('h1').innerText(), /Salesdesk/);
  assert.ok(await page.getByTestId('load-demo').isVisible());
  assert.ok(await page.getByRole('button', { name: 'Начать работу' }).isVisible());
  assert.equal(await page.evaluate(() => localStorage.getItem('salesdesk.workspace')), null);
  assert.deepEqual(errors.filter((e) => !e.includes('favicon')), []);
  await context.close();
});

test('demo data loads in one click, asks who I am, and fills board and list', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Дарья Кузнецова/);
  assert.equal(await page.getByTestId('me-select').inputValue(), 'demo-m3');
  const cards = await page.locator('.board-card').count();
  assert.ok(cards >= 30, `only ${cards} cards on the board`);
  const columns = await page.locator('section.board-column').count();
  assert.equal(columns, 7);
  const headings = await page.locator('.board-column-head h2').allInnerTexts();
  assert.deepEqual(headings, ['Лид', 'Квалификация', 'Выявление потребностей', 'КП', 'Переговоры', 'Договор / счёт', 'Первая продажа']);
  await page.getByRole('link', { name: 'Клиенты', exact: true }).click();
  await page.getByTestId('client-count').waitFor();
  assert.equal(await page.getByTestId('client-count').innerText(), '36 из 36');
  await context.close();
});

test('starting from scratch creates me as the first team member', async () => {
  const { page, context } = await app.open();
  await page.getByRole('button', { name: 'Начать работу' }).click();
  assert.ok(await page.getByText('Заполните это поле').isVisible(), 'empty name is refused');
  await page.getByTestId('member-name').fill('Ирина Соколова');
  await page.getByTestId('member-title').selectOption({ label: 'Менеджер телепродаж' });
  await page.getByRole('button', { name: 'Начать работу' }).click();
  await page.locator('.board').waitFor();
  await saved(page);
  const stored = await readStored(page);
  assert.equal(stored.workspace.members.length, 1);
  assert.equal(stored.workspace.members[0].name, 'Ирина Соколова');
  assert.equal(stored.workspace.members[0].job_title, 'tele_sales_manager');
  await page.getByRole('link', { name: 'Команда' }).click();
  await page.locator('tr', { hasText: 'Ирина Соколова' }).getByText('это вы').waitFor();
  assert.ok(await page.locator('tr', { hasText: 'Ирина Соколова' }).getByText('это вы').isVisible());
  await context.close();
});
