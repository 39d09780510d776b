// The team page: add, edit, remove a member (handing over their clients), switch who I am.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, saved, loadDemoAs } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

test('members are added, edited and removed with their clients handed over', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await page.getByRole('link', { name: 'Команда' }).click();
  await page.locator('.team-table').waitFor();
  assert.equal(await page.locator('.team-table tbody tr').count(), 6);

  await page.getByTestId('member-name').fill('Пётр Стажёров');
  await page.getByTestId('member-title').selectOption({ label: 'Торговый представитель' });
  await page.getByRole('button', { name: 'Добавить', exact: true }).click();
  await page.locator('.team-table tr', { hasText: 'Пётр Стажёров' }).waitFor();
  const id = await page.locator('.team-table tr', { hasText: 'Пётр Стажёров' }).getAttribute('data-member-id');
  const row = page.locator(`tr[data-member-id="${id}"]`);
  assert.match(await row.innerText(), /Торговый представитель/);

  await row.getByRole('button', { name: 'Изменить' }).click();
  await row.getByRole('textbox').fill('Пётр Полевой');
  await row.getByRole('button', { name: 'Сохранить' }).click();
  await page.locator('.team-table tr', { hasText: 'Пётр Полевой' }).waitFor();

  // Removing a member who owns clients needs a successor.
  const igor = page.locator('.team-table tr', { hasText: 'Игорь Попов' });
  const owned = Number(await igor.locator('td.num').first().innerText());
  assert.ok(owned > 0);
  await igor.getByRole('button', { name: 'Удалить' }).click();
  const dialog = page.getByRole('alertdialog');
  assert.match(await dialog.innerText(), /Выберите, кому их передать/);
  await page.getByTestId('confirm').click();
  assert.match(await igor.innerText(), /выберите, кому их передать/);
  await igor.getByRole('button', { name: 'Удалить' }).click();
  await page.getByTestId('successor').selectOption({ label: 'Пётр Полевой' });
  await page.getByTestId('confirm').click();
  await page.locator('.team-table tr', { hasText: 'Игорь Попов' }).waitFor({ state: 'detached' });
  const peter = page.locator('.team-table tr', { hasText: 'Пётр Полевой' });
  assert.equal(Number(await peter.locator('td.num').first().innerText()), owned);
  await saved(page);

  // «Это я» switches the current user.
  await peter.getByRole('button', { name: 'Это я' }).click();
  assert.ok(await peter.getByText('это вы').isVisible());
  await page.reload();
  await page.locator('.team-table').waitFor({ timeout: 5000 }).catch(async (e) => {
    await page.screenshot({ path: 'test-results/team-fail.png' });
    throw e;
  });
  assert.ok(await page.locator('.team-table tr', { hasText: 'Пётр Полевой' }).getByText('это вы').isVisible());
  assert.equal(await page.locator('.team-table tbody tr').count(), 6);
  await context.close();
});
