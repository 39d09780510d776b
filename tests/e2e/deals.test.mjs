// Deals that close and the stage history: a rep moves a deal, closes it lost with a reason, finds
// it again behind «Показать закрытые», reopens it, and a reload keeps all of it; days in a stage
// and the director's stage limits on the board; the client's first order wins its deal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { start, saved, loadDemoAs, plain, readStored, pluralForm } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });

const column = (page, stage) => page.locator(`section.board-column[data-stage-id="stage-${stage}"]`);
const cardIn = (page, stage, text) => column(page, stage).locator('.board-card', { hasText: text });

/** A new client with its first deal, made through the form; returns the client card's address. */
async function clientWithDeal(page, name, deal) {
  await page.goto(`${app.server.url}#/clients/new`);
  await page.getByTestId('new-client-form').waitFor();
  await page.getByTestId('client-name').fill(name);
  await page.getByTestId('deal-title').fill(deal);
  await page.getByTestId('deal-amount').fill('480 000');
  await page.getByTestId('deal-next').fill('Созвон с ЛПР');
  await page.getByTestId('deal-date').fill('2030-02-05');
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  await saved(page);
  return page.url();
}

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} overflows by ${overflow}px`);
}

test('a deal moved, closed lost with a reason, shown by the filter, reopened, and all of it after a reload', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await clientWithDeal(page, 'ООО «Проигранный»', 'Поставка плёнки');
  await page.getByRole('link', { name: 'Воронка' }).click();
  const card = cardIn(page, 'lead', 'ООО «Проигранный»');
  await card.waitFor();
  assert.equal(await card.getByTestId('days-in-stage').innerText(), '0 дней в этапе');

  // Keyboard: ▶ to «Квалификация».
  await card.getByRole('button', { name: 'Вперёд на этап «Квалификация»' }).focus();
  await page.keyboard.press('Enter');
  // The playbook asks first: «Лид»'s checklist is not ticked.
  await page.getByRole('button', { name: 'Всё равно перейти' }).click();
  const moved = cardIn(page, 'qualification', 'ООО «Проигранный»');
  await moved.waitFor();

  // Closed as lost: the reason from the director's list and a comment.
  await moved.getByTestId('close-deal').click();
  const dialog = page.getByTestId('close-deal-dialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /Закрыть сделку «Поставка плёнки»/);
  const reasons = await dialog.getByTestId('close-reason').locator('option').allInnerTexts();
  assert.deepEqual(reasons.slice(0, 4), ['Нет бюджета', 'Выбрали конкурента', 'Нет ЛПР / не вышли на ЛПР', 'Потребность пропала']);
  assert.equal(reasons.at(-1), 'Другая причина…');
  // «Другая причина» without words is refused, and the dialog stays.
  await dialog.getByTestId('close-reason').selectOption({ label: 'Другая причина…' });
  await dialog.getByTestId('close-confirm').click();
  assert.match(await dialog.getByRole('alert').innerText(), /Укажите причину проигрыша/);
  await dialog.getByTestId('close-reason').selectOption({ label: 'Выбрали конкурента' });
  await dialog.getByTestId('close-note').fill('Взяли дешевле у «Альфы»');
  await dialog.getByTestId('close-confirm').click();
  await dialog.waitFor({ state: 'detached' });
  await moved.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.board-card', { hasText: 'ООО «Проигранный»' }).count(), 0, 'a closed deal leaves the board');
  assert.equal(
    await page.getByTestId('board-announcement').innerText(),
    'Сделка «Поставка плёнки» закрыта как проигранная',
  );

  // «Показать закрытые»: back in the stage it was closed in, with how it ended.
  await page.getByTestId('board-show-closed').check();
  const closed = cardIn(page, 'qualification', 'ООО «Проигранный»');
  await closed.waitFor();
  assert.match(await closed.getByTestId('deal-outcome').innerText(), /^Проиграна \d\d\.\d\d\.\d{4}: Выбрали конкурента \(Взяли дешевле у «Альфы»\)$/);
  assert.equal(await closed.getByRole('button', { name: /Вперёд/ }).count(), 0, 'a closed deal does not move');
  await page.screenshot({ path: `${SHOTS}deals-board-closed-1366.png` });

  // Reopened: open again, on the board without the filter.
  await closed.getByTestId('reopen-deal').click();
  await closed.getByTestId('close-deal').waitFor();
  await page.getByTestId('board-show-closed').uncheck();
  await cardIn(page, 'qualification', 'ООО «Проигранный»').waitFor();

  await saved(page);
  await page.reload();
  await page.locator('.board').waitFor();
  const again = cardIn(page, 'qualification', 'ООО «Проигранный»');
  await again.waitFor();
  assert.equal(await again.getByTestId('days-in-stage').innerText(), '0 дней в этапе');
  assert.equal(await again.getByTestId('deal-outcome').count(), 0);

  // Stored: format 5, the deal open, its history with every change and who made it.
  const stored = await readStored(page);
  assert.equal(stored.version, 6);
  const deal = stored.workspace.deals.find((d) => d.title === 'Поставка плёнки');
  assert.equal(deal.closed, undefined);
  assert.equal(deal.stage_id, 'stage-qualification');
  const history = stored.workspace.stage_history.filter((e) => e.deal_id === deal.id);
  assert.deepEqual(history.map((e) => e.kind), ['created', 'moved', 'lost', 'reopened']);
  assert.ok(history.every((e) => e.by === 'demo-m2'), 'every change by Алексей');
  assert.deepEqual([history[1].from, history[1].to], ['stage-lead', 'stage-qualification']);

  // The client card tells the same story, newest first.
  await again.locator('.board-card-client').click();
  const timeline = page.getByTestId('stage-history');
  await timeline.locator('summary').click();
  const lines = (await timeline.locator('li').allInnerTexts()).map(plain);
  assert.equal(lines.length, 4);
  assert.match(lines[0], /^\d\d\.\d\d\.\d{4} возвращена в работу в этап «Квалификация» · Алексей Смирнов$/);
  assert.match(lines[1], /проиграна в этапе «Квалификация»/);
  assert.match(lines[2], /«Лид» → «Квалификация»/);
  assert.match(lines[3], /создана в этапе «Лид»/);
  await context.close();
});

test('the director sets stage limits; the board shows days in stage and flags stuck deals, at both widths', async () => {
  const { page, context } = await app.open({ viewport: { width: 1366, height: 900 } });
  await loadDemoAs(page, /Марина Волкова/);
  await page.getByTestId('scope-all').click();
  const lead = column(page, 'lead').locator('.board-card').first();
  await lead.waitFor();
  const text = await lead.getByTestId('days-in-stage').innerText();
  const n = Number(text.match(/^(\d+) /)[1]);
  assert.ok(n > 1, 'demo leads are older than a day');
  assert.equal(text, `${n} ${pluralForm('ru', n, ['день', 'дня', 'дней'])} в этапе`);
  assert.equal(await page.getByTestId('stuck').count(), 0, 'no limits by default');

  await page.goto(`${app.server.url}#/settings`);
  const editor = page.getByTestId('pipeline-editor');
  await editor.waitFor();
  assert.equal(await editor.getByTestId('lost-reasons').locator('li').count(), 7);
  await editor.getByTestId('new-reason').fill('Ушли в тендер');
  await editor.getByTestId('add-reason').click();
  await editor.getByTestId('limit-stage-lead').fill('1');
  await editor.getByTestId('limit-stage-proposal').fill('0');
  await editor.getByTestId('save-pipeline').click();
  assert.match(await editor.getByRole('alert').innerText(), /Срок этапа «КП» — от 1 до 3650 дней/);
  await editor.getByTestId('limit-stage-proposal').fill('14');
  await editor.getByTestId('save-pipeline').click();
  await page.getByText('Настройки воронки сохранены').waitFor();
  assert.equal(await editor.getByTestId('lost-reasons').locator('li').count(), 8);
  await saved(page);
  await editor.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}deals-settings-1366.png` });

  await page.goto(`${app.server.url}#/`);
  const stuck = column(page, 'lead').getByTestId('stuck').first();
  await stuck.waitFor();
  assert.equal(await stuck.innerText(), 'Застряла');
  assert.equal(await stuck.getAttribute('title'), 'Дольше срока этапа: 1 день');
  await page.screenshot({ path: `${SHOTS}deals-board-1366.png` });

  // The new reason is offered when closing; the settings survive a reload.
  await page.reload();
  await column(page, 'lead').getByTestId('stuck').first().waitFor();
  await column(page, 'lead').getByTestId('close-deal').first().click();
  const options = await page.getByTestId('close-reason').locator('option').allInnerTexts();
  assert.ok(options.includes('Ушли в тендер'));
  await page.getByRole('button', { name: 'Отмена' }).click();

  // A phone: no sideways scroll on the board, the settings or the closing dialog.
  await page.setViewportSize({ width: 390, height: 844 });
  await noSidewaysScroll(page, 'the board at 390 px');
  await page.screenshot({ path: `${SHOTS}deals-board-390.png` });
  await column(page, 'lead').getByTestId('close-deal').first().click();
  await page.getByTestId('close-deal-dialog').waitFor();
  await noSidewaysScroll(page, 'the closing dialog at 390 px');
  await page.screenshot({ path: `${SHOTS}deals-close-dialog-390.png` });
  await page.getByRole('button', { name: 'Отмена' }).click();
  await page.goto(`${app.server.url}#/settings`);
  await page.getByTestId('pipeline-editor').scrollIntoViewIfNeeded();
  await noSidewaysScroll(page, 'the settings at 390 px');
  await page.screenshot({ path: `${SHOTS}deals-settings-390.png` });
  await context.close();
});

test('the client\'s first order offers to mark its deal won for the order\'s amount', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await clientWithDeal(page, 'ООО «Первый заказ»', 'Пробная партия');
  await page.getByTestId('add-order').click();
  const form = page.getByTestId('order-form');
  await form.getByTestId('order-product').selectOption({ label: 'Гофрокороб' });
  await form.getByTestId('order-amount').fill('52 300');
  await form.getByTestId('save-order').click();
  const offer = page.getByTestId('first-sale-offer');
  await offer.waitFor();
  assert.equal(
    plain(await offer.locator('p').nth(1).innerText()),
    'Сделка «Пробная партия» будет закрыта как выигранная на сумму заказа 52 300 ₽.',
  );
  await offer.getByTestId('first-sale-confirm').click();
  const outcome = page.getByTestId('deal-outcome');
  await outcome.waitFor();
  assert.match(plain(await outcome.innerText()), /^Выиграна \d\d\.\d\d\.\d{4}: 52 300 ₽$/);
  await offer.waitFor({ state: 'detached' });
  // A second order offers nothing.
  await page.getByTestId('add-order').click();
  await form.getByTestId('order-product').selectOption({ label: 'Гофрокороб' });
  await form.getByTestId('order-amount').fill('1 000');
  await form.getByTestId('save-order').click();
  await form.waitFor({ state: 'detached' });
  assert.equal(await offer.count(), 0);
  await saved(page);
  const stored = await readStored(page);
  const deal = stored.workspace.deals.find((d) => d.title === 'Пробная партия');
  assert.equal(deal.closed.outcome, 'won');
  assert.equal(deal.closed.amount, 5_230_000);
  assert.ok(deal.closed.order_id);
  // Won deals leave the board too.
  await page.getByRole('link', { name: 'Воронка' }).click();
  await page.locator('.board').waitFor();
  assert.equal(await page.locator('.board-card', { hasText: 'ООО «Первый заказ»' }).count(), 0);
  await context.close();
});
