// BANT in the pipeline: assess a lead, see its verdict badge, let the director change the model
// and see every badge re-scored, find the history after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, saved, loadDemoAs } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

const badgeOn = (page, client) => page.locator('.board-card', { hasText: client }).locator('.qualification-verdict');

async function newLead(page, name) {
  await page.getByRole('link', { name: '+ Новый клиент' }).click();
  await page.getByTestId('client-name').fill(name);
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
}

async function assess(page, levels, evidence = {}) {
  await page.getByTestId('assess').first().click();
  const form = page.getByTestId('assess-form');
  await form.waitFor();
  for (const [key, level] of Object.entries(levels)) {
    const group = form.locator(`fieldset[data-criterion="${key}"]`);
    if (level === null) await group.getByRole('radio').first().check();
    else await group.locator(`input[value="${level}"]`).check();
    if (evidence[key]) await group.locator('textarea').fill(evidence[key]);
  }
  await page.getByTestId('save-assessment').click();
  await form.waitFor({ state: 'detached' });
}

test('a rep assesses a lead, sees open questions, the badge and the history', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await newLead(page, 'ООО «Квалифицируемый»');
  assert.equal(await page.locator('.client-card-deal-item .qualification-verdict').innerText(), 'не оценён');

  // The form shows each criterion's questions and level meanings.
  await page.getByTestId('assess').click();
  const budget = page.locator('fieldset[data-criterion="budget"]');
  assert.match(await budget.innerText(), /Какой бюджет заложен на этот год\?/);
  assert.match(await budget.innerText(), /Бюджет утверждён и покрывает наше предложение/);
  assert.match(await page.locator('fieldset[data-criterion="authority"]').innerText(), /Единственный ЛПР/);
  await page.getByRole('button', { name: 'Отмена' }).click();

  // Authority unknown: 3 + 0 + 3 + 1 = 7 → nurture, and the card lists the open question.
  await assess(page, { budget: 3, authority: null, need: 3, timeline: 1 }, { budget: 'Бюджет на 2027 год утверждён' });
  assert.equal(await page.locator('.client-card-deal-item .client-card-deal-qualification > .qualification-verdict').innerText(), '7/16 · прогревать');
  const open = page.locator('.client-card-open-questions');
  assert.match(await open.locator('summary').innerText(), /Открытые вопросы: 1/);
  await open.locator('summary').click();
  assert.match(await open.innerText(), /Полномочия: Кто подписывает решения такого масштаба\?/);

  // The re-assessment starts from the last one; authority 2 → 9 → qualified.
  await page.getByTestId('assess').click();
  assert.equal(await page.locator('fieldset[data-criterion="budget"] textarea').inputValue(), 'Бюджет на 2027 год утверждён');
  await page.getByRole('button', { name: 'Отмена' }).click();
  await assess(page, { authority: 2 });
  assert.equal(await page.locator('.client-card-deal-item .client-card-deal-qualification > .qualification-verdict').innerText(), '9/16 · квалифицирован');
  assert.equal(await page.locator('.client-card-open-questions').count(), 0);
  const history = page.getByTestId('assessment-history');
  assert.equal(await history.locator('li').count(), 2);
  assert.match(await history.locator('li').first().innerText(), /Алексей Смирнов · 9\/16 · квалифицирован/);
  assert.match(await history.locator('li').nth(1).innerText(), /7\/16 · прогревать/);
  assert.equal(await history.locator('svg.qualification-score-chart').count(), 1);

  // On the board: the badge in words, and a qualified lead goes to «КП» without a question.
  await page.getByRole('link', { name: 'Воронка' }).click();
  assert.equal(await badgeOn(page, 'ООО «Квалифицируемый»').innerText(), '9/16 · квалифицирован');
  const card = page.locator('.board-card', { hasText: 'ООО «Квалифицируемый»' });
  for (const name of ['Вперёд на этап «Квалификация»', 'Вперёд на этап «Выявление потребностей»', 'Вперёд на этап «КП»']) {
    await card.getByRole('button', { name }).click();
    // Only the playbook's question (the stage's checklist is not ticked), never the BANT gate.
    const asked = page.getByRole('alertdialog');
    await asked.waitFor();
    assert.match(await asked.innerText(), /Не выполнено:/);
    await asked.getByRole('button', { name: 'Всё равно перейти' }).click();
  }
  await page.locator('section.board-column[data-stage-id="stage-proposal"] .board-card', { hasText: 'ООО «Квалифицируемый»' }).waitFor();
  assert.equal(await page.getByRole('alertdialog').count(), 0);

  await saved(page);
  await page.reload();
  await page.getByRole('link', { name: 'Клиенты', exact: true }).click();
  await page.locator('.clients-link', { hasText: 'ООО «Квалифицируемый»' }).click();
  await page.getByTestId('assessment-history').waitFor();
  assert.equal(await page.getByTestId('assessment-history').locator('li').count(), 2);
  await context.close();
});

test('the board and the list filter and sort by verdict', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await page.getByTestId('board-verdict').selectOption({ label: 'приоритет' });
  const badges = await page.locator('.board-card .qualification-verdict').allInnerTexts();
  assert.ok(badges.length > 0);
  assert.ok(badges.every((b) => b.endsWith('· приоритет')), badges.join(', '));
  await page.getByTestId('board-verdict').selectOption({ label: 'Все' });
  await page.getByTestId('board-by-score').check();
  const lead = await page.locator('section.board-column[data-stage-id="stage-needs"] .board-card .qualification-verdict').allInnerTexts();
  const points = lead.map((t) => (t.match(/^(\d+)\//) ?? [0, -1])[1] * 1);
  assert.deepEqual(points, [...points].sort((a, b) => b - a));

  await page.getByRole('link', { name: 'Клиенты', exact: true }).click();
  await page.getByTestId('filter-verdict').selectOption({ label: 'не оценён' });
  const rows = await page.locator('.clients-table tbody .qualification-verdict').allInnerTexts();
  assert.ok(rows.length > 0 && rows.every((t) => t === 'не оценён'));
  await context.close();
});

test('the director changes a weight, every badge is re-scored, and bad models are refused', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await newLead(page, 'ООО «Весовой»');
  await assess(page, { budget: 3, authority: 2, need: 3, timeline: 1 });

  // A hunter sees the model but cannot change it.
  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByTestId('settings-readonly').waitFor();
  assert.equal(await page.getByTestId('weight-0').isDisabled(), true);
  assert.equal(await page.getByTestId('save-model').isDisabled(), true);

  await page.getByTestId('me-select').selectOption({ label: 'Марина Волкова' });
  await page.getByTestId('settings-readonly').waitFor({ state: 'detached' });

  // Bands with a gap are refused with a reason.
  await page.getByTestId('band-from-1').fill('6');
  assert.match(await page.getByTestId('model-problems').innerText(), /Для баллов 5–5 нет вердикта/);
  assert.equal(await page.getByTestId('save-model').isDisabled(), true);
  await page.getByTestId('band-from-1').fill('5');

  // A bad weight is refused too.
  await page.getByTestId('weight-3').fill('-1');
  assert.match(await page.getByTestId('model-problems').innerText(), /Вес критерия 4 — целое число от 0 до 100/);
  assert.equal(await page.getByTestId('save-model').isDisabled(), true);

  // Timeline ×3: the maximum becomes 24 and the bands must follow.
  await page.getByTestId('weight-3').fill('3');
  assert.equal(await page.getByTestId('model-max').innerText(), 'Максимум: 24 балла');
  assert.match(await page.getByTestId('model-problems').innerText(), /должны заканчиваться на максимуме в 24 балла/);
  await page.getByTestId('rescale-bands').click();
  assert.equal(await page.getByTestId('model-problems').innerText(), '');
  await page.getByTestId('save-model').click();
  await page.getByText('Модель сохранена, оценки пересчитаны').waitFor();

  // 3 + 2 + 3 + 1×3 = 11 of 24; bands 0–6 / 7–12 / 13–18 / 19–24 → nurture.
  await page.getByRole('link', { name: 'Воронка' }).click();
  assert.equal(await badgeOn(page, 'ООО «Весовой»').innerText(), '11/24 · прогревать');

  await saved(page);
  await page.reload();
  assert.equal(await badgeOn(page, 'ООО «Весовой»').innerText(), '11/24 · прогревать');
  await page.getByRole('link', { name: 'Настройки' }).click();
  assert.equal(await page.getByTestId('weight-3').inputValue(), '3');
  await context.close();
});

test('switching to ANUM or CHAMP uses the same engine with other criteria', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await page.getByRole('link', { name: 'Настройки' }).click();
  await page.getByTestId('model-template').selectOption('CHAMP');
  await page.getByTestId('min-criteria').check();
  await page.getByTestId('save-model').click();
  await page.getByText('Модель сохранена, оценки пересчитаны').waitFor();
  await page.evaluate(() => { location.hash = '#/clients/demo-c02'; });
  await page.getByTestId('assess').first().click();
  const legends = await page.locator('.qualification-criterion legend').allInnerTexts();
  assert.deepEqual(legends.map((l) => l.split(' · ')[0]), ['Проблемы', 'Полномочия', 'Деньги', 'Приоритетность']);
  assert.match(await page.locator('fieldset[data-criterion="timeline"]').innerText(), /Главный приоритет прямо сейчас/);
  await context.close();
});

test('a new deal placed straight at «КП» is confirmed first', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.getByRole('link', { name: '+ Новый клиент' }).click();
  await page.getByTestId('client-name').fill('ООО «Сразу в КП»');
  await page.getByTestId('deal-stage').selectOption({ label: 'КП' });
  await page.getByTestId('save-client').click();
  const gate = page.getByRole('alertdialog');
  await gate.waitFor();
  assert.match(await gate.innerText(), /Лид ещё не оценён/);
  await gate.getByRole('button', { name: 'Отмена' }).click();
  assert.equal(await page.getByTestId('new-client-form').count(), 1, 'nothing was created');
  await page.getByTestId('save-client').click();
  await page.getByRole('button', { name: 'Всё равно перевести' }).click();
  await page.getByTestId('client-title').waitFor();
  assert.equal(await page.getByTestId('deal-stage-badge').innerText(), 'КП');
  await context.close();
});
