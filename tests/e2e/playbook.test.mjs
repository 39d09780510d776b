// The playbook (issue 12): the director edits the stages (rename, reorder, add, remove with the
// deals moved) and their checklists; a rep moving a deal on with unticked items is asked first,
// ticks survive a reload; on a phone the board shows one stage under tabs with counts and the
// client card opens with a summary and folded sections. axe on the new screens at both widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start, saved, loadDemoAs, loadDemoHome, readStored, newLead } from './helpers.mjs';

const SHOTS = 'target/screenshots/';
mkdirSync(SHOTS, { recursive: true });
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1366, height: 900 } };

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

/** axe's serious and critical findings on the page as it is now. */
async function axe(page, label) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes[0]?.target?.join(' ')}`);
  });
  assert.deepEqual(found, [], `axe on ${label}`);
}

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const stageRow = (page, id) => page.getByTestId(`stage-row-${id}`);
const stageNames = (page) => page.getByTestId('stage-list').getByTestId('stage-name')
  .evaluateAll((inputs) => inputs.map((i) => i.value));

test('the director renames, reorders, adds and removes stages; the deals of a removed stage move and the moves are recorded', async () => {
  const { page, context } = await app.open({ ...DESKTOP, bypassCSP: true });
  await loadDemoHome(page, /Марина Волкова/);
  const before = (await readStored(page)).workspace;
  const inLead = before.deals.filter((d) => d.stage_id === 'stage-lead').map((d) => d.id).sort();
  assert.ok(inLead.length > 0, 'the demo has deals in «Лид»');
  await page.evaluate(() => { location.hash = '#/settings'; });
  await page.getByTestId('stage-editor').waitFor();

  // Rename; a taken name or an empty one is refused with the reason.
  const qual = stageRow(page, 'stage-qualification').getByTestId('stage-name');
  await qual.fill('КП');
  await qual.press('Enter');
  assert.match(await page.getByTestId('stage-error').innerText(), /Этап «КП» уже есть/);
  await qual.fill('   ');
  await qual.press('Enter');
  assert.match(await page.getByTestId('stage-error').innerText(), /должно быть название/);
  await qual.fill('BANT-квалификация');
  await qual.press('Enter');
  await page.getByText('Этапы сохранены').waitFor();

  // Reorder with the keyboard: «КП» up, above «Выявление потребностей».
  await stageRow(page, 'stage-proposal').getByTestId('stage-up').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="stage-name"]')[2]?.value === 'КП');
  // Add one.
  await page.getByTestId('new-stage').fill('Пилот');
  await page.getByTestId('add-stage').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="stage-list"] [data-testid="stage-name"]').length === 8);
  assert.deepEqual(await stageNames(page), ['Лид', 'BANT-квалификация', 'КП', 'Выявление потребностей', 'Переговоры', 'Договор / счёт', 'Первая продажа', 'Пилот']);
  await axe(page, 'settings «Воронка» 1366');
  await page.getByTestId('stage-editor').screenshot({ path: `${SHOTS}playbook-settings-1366.png` });

  // Remove «Лид»: its deals must go somewhere; the dialog offers the target.
  await stageRow(page, 'stage-lead').getByTestId('stage-remove').click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  assert.match(await dialog.innerText(), new RegExp(`В этапе сделок: ${inLead.length}`));
  await dialog.getByTestId('remove-move-to').selectOption({ label: 'BANT-квалификация' });
  await axe(page, 'remove-stage dialog 1366');
  await dialog.getByRole('button', { name: 'Перенести и удалить' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="stage-list"] [data-testid="stage-name"]').length === 7);
  await saved(page);
  const after = (await readStored(page)).workspace;
  assert.equal(after.stages.find((s) => s.id === 'stage-lead'), undefined);
  assert.ok(after.removed.some((t) => t.id === 'stage-lead'));
  for (const id of inLead) assert.equal(after.deals.find((d) => d.id === id).stage_id, 'stage-qualification');
  const known = new Set(before.stage_history.map((e) => e.id));
  const moves = after.stage_history.filter((e) => !known.has(e.id) && e.from === 'stage-lead' && e.to === 'stage-qualification');
  assert.deepEqual(moves.map((e) => e.deal_id).sort(), inLead);
  assert.equal(after.stages.find((s) => s.id === 'stage-qualification').custom_name, 'BANT-квалификация');
  assert.deepEqual(after.pipeline_settings.stage_order.slice(0, 3), ['stage-qualification', 'stage-proposal', 'stage-needs']);

  // The board follows: columns in the new order with the new names.
  await page.evaluate(() => { location.hash = '#/'; });
  const heads = await page.locator('section.board-column h2').allInnerTexts();
  assert.deepEqual(heads, ['BANT-квалификация', 'КП', 'Выявление потребностей', 'Переговоры', 'Договор / счёт', 'Первая продажа', 'Пилот']);

  // «Восстановить стандартные этапы»: the seven come back first, «Пилот» stays after them.
  await page.evaluate(() => { location.hash = '#/settings'; });
  await page.getByTestId('restore-stages').click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Восстановить стандартные этапы' }).click();
  await page.getByText('Стандартные этапы восстановлены').waitFor();
  assert.deepEqual(await stageNames(page), ['Лид', 'Квалификация', 'Выявление потребностей', 'КП', 'Переговоры', 'Договор / счёт', 'Первая продажа', 'Пилот']);

  // A checklist edited: «КП» gets an item of the director's own.
  const proposal = stageRow(page, 'stage-proposal');
  await proposal.getByTestId('checklist-editor').locator('summary').click();
  await proposal.getByTestId('checklist-new-item').fill('Позвонить через два дня');
  await proposal.getByTestId('checklist-add-item').click();
  await proposal.getByTestId('checklist-save').click();
  await page.getByText('Чек-лист этапа «КП» сохранён').waitFor();
  await saved(page);
  const list = (await readStored(page)).workspace.pipeline_settings.stage_checklists.find((l) => l.stage_id === 'stage-proposal');
  assert.equal(list.items.length, 4);
  assert.equal(list.items[3].text, 'Позвонить через два дня');
  await context.close();

  // The same screen on a phone: nothing sideways, axe clean.
  const phone = await app.open({ ...PHONE, bypassCSP: true });
  await loadDemoHome(phone.page, /Марина Волкова/);
  await phone.page.evaluate(() => { location.hash = '#/settings'; });
  await phone.page.getByTestId('stage-editor').waitFor();
  assert.ok(await overflow(phone.page) <= 0, 'settings fit 390 px');
  await axe(phone.page, 'settings «Воронка» 390');
  await phone.page.getByTestId('stage-editor').screenshot({ path: `${SHOTS}playbook-settings-390.png` });
  await phone.context.close();
});

test('moving on with unticked checklist items asks first, not when all are ticked; ticks survive a reload', async () => {
  const { page, context } = await app.open(DESKTOP);
  await loadDemoAs(page, /Алексей Смирнов/);
  const clientId = await newLead(page, 'ООО «По чек-листу»');
  await page.evaluate(() => { location.hash = '#/'; });
  const card = page.locator('section.board-column[data-stage-id="stage-lead"] .board-card', { hasText: 'ООО «По чек-листу»' });
  await card.getByRole('button', { name: 'Вперёд на этап «Квалификация»' }).click();
  const gate = page.getByRole('alertdialog');
  await gate.waitFor();
  assert.match(await gate.innerText(), /Этап «Лид» не завершён/);
  assert.match(await gate.innerText(), /Не выполнено: Первый контакт с компанией; .*Договориться о разговоре с нужным человеком\. Всё равно перейти\?/);
  await gate.getByRole('button', { name: 'Отмена' }).click();
  assert.equal(await card.count(), 1, 'the deal stayed in «Лид»');

  // The deal card shows «Лид»'s checklist; tick every item.
  await page.evaluate((id) => { location.hash = `#/clients/${id}`; }, clientId);
  const checklist = page.getByTestId('deal-checklist');
  await checklist.waitFor();
  assert.match(await checklist.innerText(), /Что сделать на этапе «Лид»/);
  const boxes = checklist.locator('input[type=checkbox]');
  assert.equal(await boxes.count(), 4);
  for (let i = 0; i < 4; i += 1) await boxes.nth(i).check();
  assert.match(await checklist.innerText(), /выполнено 4 из 4/);
  await page.screenshot({ path: `${SHOTS}playbook-deal-checklist-1366.png`, fullPage: false });
  await saved(page);
  await page.reload();
  await page.getByTestId('deal-checklist').waitFor();
  assert.equal(await page.getByTestId('deal-checklist').locator('input:checked').count(), 4, 'ticks survive a reload');
  const stored = (await readStored(page)).workspace.deals.find((d) => d.client_id === clientId);
  assert.deepEqual(stored.checklist_done, ['check-lead-contact', 'check-lead-decider', 'check-lead-source', 'check-lead-talk-agreed']);

  // All ticked: the move goes at once.
  await page.evaluate(() => { location.hash = '#/'; });
  await card.getByRole('button', { name: 'Вперёд на этап «Квалификация»' }).click();
  await page.locator('section.board-column[data-stage-id="stage-qualification"] .board-card', { hasText: 'ООО «По чек-листу»' }).waitFor();
  assert.equal(await page.getByRole('alertdialog').count(), 0);

  // The deal's editor asks too: «Квалификация» → «Выявление потребностей» with nothing ticked.
  await page.evaluate((id) => { location.hash = `#/clients/${id}`; }, clientId);
  assert.match(await page.getByTestId('deal-checklist').innerText(), /Что сделать на этапе «Квалификация».*выполнено 0 из 3/s);
  await page.getByTestId('edit-deal').click();
  await page.getByTestId('deal-stage').selectOption({ label: 'Выявление потребностей' });
  await page.getByTestId('save-deal').click();
  assert.match(await page.getByRole('alertdialog').innerText(), /Не выполнено: Оценить BANT/);
  await page.getByRole('button', { name: 'Всё равно перейти' }).click();
  await page.getByText('Изменения сохранены').waitFor();
  assert.equal(await page.getByTestId('deal-stage-badge').innerText(), 'Выявление потребностей');
  await context.close();
});

test('a phone board shows stage tabs with counts, one stage at a time, with nothing sideways', async () => {
  const { page, context } = await app.open({ ...PHONE, bypassCSP: true });
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.getByTestId('scope-all').click();
  const tabs = page.getByTestId('board-tab');
  assert.equal(await tabs.count(), 7);
  const visible = () => page.locator('section.board-column').evaluateAll((cols) => cols.filter((c) => c.offsetParent !== null).map((c) => c.dataset.stageId));
  assert.deepEqual(await visible(), ['stage-lead']);
  // Each tab's count is its column's number of cards.
  const counts = await tabs.locator('.board-tab-count').allInnerTexts();
  const columnCounts = await page.locator('.board-column-count').allInnerTexts();
  assert.deepEqual(counts, columnCounts);
  assert.equal(await tabs.first().getAttribute('aria-pressed'), 'true');
  assert.ok(await overflow(page) <= 0, 'the board page does not scroll sideways');
  const strip = await page.getByTestId('board-tabs').evaluate((s) => ({ scroll: s.scrollWidth, client: s.clientWidth, right: s.getBoundingClientRect().right }));
  assert.ok(strip.scroll > strip.client, 'the tabs scroll inside their own strip');
  assert.ok(strip.right <= 390);
  await axe(page, 'phone board 390');
  await page.screenshot({ path: `${SHOTS}playbook-board-390.png` });

  // Another tab: that stage alone; the strip scrolled, the page did not.
  await tabs.filter({ hasText: 'Переговоры' }).click();
  assert.deepEqual(await visible(), ['stage-negotiation']);
  assert.ok(await page.getByTestId('board-tabs').evaluate((s) => s.scrollLeft > 0));
  assert.ok(await overflow(page) <= 0);
  assert.equal(await page.evaluate(() => window.scrollX), 0);
  await context.close();

  // The desktop board is as it was: every column, no tabs.
  const desk = await app.open({ ...DESKTOP, bypassCSP: true });
  await loadDemoAs(desk.page, /Алексей Смирнов/);
  assert.equal(await desk.page.getByTestId('board-tabs').isVisible(), false);
  assert.equal(await desk.page.locator('section.board-column').evaluateAll((c) => c.filter((x) => x.offsetParent !== null).length), 7);
  await axe(desk.page, 'board 1366');
  await desk.page.screenshot({ path: `${SHOTS}playbook-board-1366.png` });
  // Resized to a phone: the tabs appear and nothing (not even their hidden words) overflows.
  await desk.page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await overflow(desk.page) <= 0, 'a desktop board resized to 390 px fits');
  await desk.context.close();
});

test('a phone client card opens short, with a summary; sections unfold and an opened form is focused', async () => {
  const { page, context } = await app.open({ ...PHONE, bypassCSP: true });
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.evaluate(() => { location.hash = '#/clients/demo-c01'; });
  const summary = page.getByTestId('client-summary');
  await summary.waitFor();
  const text = await summary.innerText();
  for (const label of ['Статус', 'Ответственный', 'Следующий шаг', 'Последний заказ', 'Передача фермеру']) assert.match(text, new RegExp(label));
  const folded = await page.locator('details.client-card-section').evaluateAll((d) => d.map((x) => x.open));
  assert.deepEqual(folded, [false, false, false, false, false, false]);
  const short = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`client card at 390 px: ${short} px folded`);
  assert.ok(short < 1400, `the folded card is short (${short} px)`);
  assert.ok(await overflow(page) <= 0);
  await axe(page, 'client card 390');
  await page.screenshot({ path: `${SHOTS}playbook-client-card-390.png`, fullPage: true });

  // Unfold «Сделки»: the deals and their checklist; «Добавить сделку» opens a focused form.
  await page.getByTestId('section-deals').locator(':scope > summary').click();
  assert.equal(await page.getByTestId('section-deals').evaluate((d) => d.open), true);
  await page.getByTestId('deal-checklist').first().waitFor();
  await page.getByTestId('add-deal').click();
  await page.waitForFunction(() => document.activeElement?.closest('.client-card-deal-form') !== null);
  const box = await page.locator('.client-card-deal-form').boundingBox();
  assert.ok(box.y >= 0 && box.y < 844, 'the opened form is in view');
  for (const name of ['contacts', 'orders', 'transfer', 'growth', 'timeline']) await page.getByTestId(`section-${name}`).locator(':scope > summary').click();
  const open = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`client card at 390 px: ${open} px with every section unfolded`);
  assert.ok(await overflow(page) <= 0);
  await axe(page, 'client card unfolded 390');
  await context.close();

  // On a desktop the sections start unfolded.
  const desk = await app.open({ ...DESKTOP, bypassCSP: true });
  await loadDemoAs(desk.page, /Алексей Смирнов/);
  await desk.page.evaluate(() => { location.hash = '#/clients/demo-c01'; });
  await desk.page.getByTestId('client-summary').waitFor();
  assert.deepEqual(await desk.page.locator('details.client-card-section').evaluateAll((d) => d.map((x) => x.open)), [true, true, true, true, true, true]);
  await axe(desk.page, 'client card 1366');
  await desk.page.screenshot({ path: `${SHOTS}playbook-client-card-1366.png` });
  await desk.context.close();
});
