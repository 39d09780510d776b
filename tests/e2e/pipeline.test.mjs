// The hunter's daily work on the board: create a client, move its deal by mouse and by keyboard,
// and find everything where it was after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, saved, loadDemoAs, plain } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

const column = (page, stage) => page.locator(`section.board-column[data-stage-id="stage-${stage}"]`);
const card = (page, text) => page.locator('.board-card', { hasText: text });

async function createClient(page, name) {
  await page.getByRole('link', { name: '+ Новый клиент' }).click();
  await page.getByTestId('new-client-form').waitFor();
  await page.getByTestId('client-name').fill(name);
  await page.getByTestId('client-inn').fill('7707083893');
  await page.getByTestId('client-contact').fill('Андрей Лебедев');
  await page.getByTestId('client-phone').fill('+7 912 345-67-89');
  await page.getByTestId('client-email').fill('lebedev@example.ru');
  await page.getByTestId('deal-title').fill('Пилотная поставка');
  await page.getByTestId('deal-amount').fill('1 250 000,50');
  await page.getByTestId('deal-next').fill('Созвон с ЛПР');
  await page.getByTestId('deal-date').fill('2030-02-05');
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  assert.equal(await page.getByTestId('client-title').innerText(), name);
  assert.match(page.url(), /#\/clients\/[0-9a-z]+$/);
}

// Drags a card with the mouse onto a column, at the card's own height (columns are full height).
async function dragTo(page, source, target) {
  await source.scrollIntoViewIfNeeded();
  const from = await source.locator('.board-card-title').boundingBox();
  const to = await target.boundingBox();
  const y = from.y + from.height / 2;
  await page.mouse.move(from.x + from.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, y, { steps: 12 });
  await page.mouse.up();
}

test('a new client with its first deal appears on the board in «Лид»', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await createClient(page, 'ООО «Тест-Пилот»');
  await page.getByRole('link', { name: 'Воронка' }).click();
  const newCard = card(page, 'ООО «Тест-Пилот»');
  await newCard.waitFor();
  assert.equal(await column(page, 'lead').locator('.board-card', { hasText: 'ООО «Тест-Пилот»' }).count(), 1);
  assert.equal(plain(await newCard.locator('.board-card-amount').innerText()), '1 250 000,50 ₽');
  assert.match(await newCard.locator('.board-card-next').innerText(), /05\.02\.2030 · Созвон с ЛПР/);
  assert.equal(await newCard.locator('.board-avatar').innerText(), 'АС');
  await context.close();
});

test('drag-and-drop and the keyboard move a deal, and a reload keeps it', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await createClient(page, 'ООО «Перетаскиваемый»');
  await page.getByRole('link', { name: 'Воронка' }).click();
  const moving = card(page, 'ООО «Перетаскиваемый»');
  await moving.waitFor();

  // Mouse: from «Лид» to «КП». The lead was never qualified, so the app asks first; «Отмена»
  // leaves it where it was.
  await dragTo(page, moving, column(page, 'proposal'));
  const gate = page.getByRole('alertdialog');
  await gate.waitFor();
  assert.match(await gate.innerText(), /Лид ещё не оценён/);
  await gate.getByRole('button', { name: 'Отмена' }).click();
  assert.equal(await column(page, 'lead').locator('.board-card', { hasText: 'ООО «Перетаскиваемый»' }).count(), 1);
  await dragTo(page, moving, column(page, 'proposal'));
  await page.getByRole('button', { name: 'Всё равно перевести' }).click();
  // Then the playbook's question: «Лид»'s checklist is not ticked.
  await page.getByRole('button', { name: 'Всё равно перейти' }).click();
  await column(page, 'proposal').locator('.board-card', { hasText: 'ООО «Перетаскиваемый»' }).waitFor();
  assert.equal(await column(page, 'lead').locator('.board-card', { hasText: 'ООО «Перетаскиваемый»' }).count(), 0);
  assert.equal(
    await page.getByTestId('board-announcement').innerText(),
    'Сделка «Пилотная поставка» перемещена на этап «КП»',
  );
  // The drop did not open the client card.
  assert.doesNotMatch(page.url(), /#\/clients\//);

  // Keyboard: focus «forward» and press Enter twice; focus follows the card.
  const forward = moving.getByRole('button', { name: 'Вперёд на этап «Переговоры»' });
  await forward.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Всё равно перейти' }).click();
  await column(page, 'negotiation').locator('.board-card', { hasText: 'ООО «Перетаскиваемый»' }).waitFor();
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  assert.equal(focused, 'Вперёд на этап «Договор / счёт»');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Всё равно перейти' }).click();
  await column(page, 'contract').locator('.board-card', { hasText: 'ООО «Перетаскиваемый»' }).waitFor();
  // And back once with Shift+Tab to the «back» button.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await column(page, 'negotiation').locator('.board-card', { hasText: 'ООО «Перетаскиваемый»' }).waitFor();

  await saved(page);
  await page.reload();
  await page.locator('.board').waitFor();
  assert.equal(
    await column(page, 'negotiation').locator('.board-card', { hasText: 'ООО «Перетаскиваемый»' }).count(),
    1,
  );
  await context.close();
});

test('a short click on a card opens the client; a drag cancelled with Escape moves nothing', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  const first = column(page, 'lead').locator('.board-card').first();
  const client = await first.locator('.board-card-client').innerText();
  const box = await first.locator('.board-card-title').boundingBox();
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.down();
  const target = await column(page, 'proposal').boundingBox();
  await page.mouse.move(target.x + 50, target.y + 100, { steps: 8 });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  assert.equal(await column(page, 'lead').locator('.board-card', { hasText: client }).count(), 1);

  await first.locator('.board-card-client').click();
  await page.getByTestId('client-title').waitFor();
  assert.equal(await page.getByTestId('client-title').innerText(), client);
  await context.close();
});

test('«Мои» shows only my deals and is remembered', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Игорь Попов/);
  const all = await page.locator('.board-card').count();
  await page.getByTestId('scope-mine').click();
  const mine = await page.locator('.board-card').count();
  assert.ok(mine > 0 && mine < all, `mine ${mine} of ${all}`);
  assert.deepEqual([...new Set(await page.locator('.board-card .board-avatar').allInnerTexts())], ['ИП']);
  await page.reload();
  await page.locator('.board').waitFor();
  assert.equal(await page.locator('.board-card').count(), mine);
  assert.equal(await page.getByTestId('scope-mine').getAttribute('aria-pressed'), 'true');
  await context.close();
});
