// Words after numbers take the form the number needs, in Russian (one / few / many) and English
// (one / other), checked against the browser's own CLDR plural rules for 1, 2, 5, 11, 21 and 22;
// the team summary names verdicts as the badges do and shows totals in whole roubles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, saved, loadDemoAs, pluralForm, plain, readStored } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

const NUMBERS = [1, 2, 5, 11, 21, 22];

test('«Полосы пересекаются на N …» and «Максимум: N …» for 1, 2, 5, 11, 21, 22 in both languages', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await page.goto(`${app.server.url}#/settings`);
  const problems = page.getByTestId('model-problems').locator('li');
  // Budget ×10: the maximum is 52 and the bands are spread over it.
  await page.getByTestId('weight-0').fill('10');
  assert.equal(await page.getByTestId('model-max').innerText(), 'Максимум: 52 балла');
  await page.getByTestId('rescale-bands').click();
  await page.getByTestId('band-to-0').fill('30');
  for (const n of NUMBERS) {
    await page.getByTestId('band-from-1').fill(String(n));
    const expected = `Полосы пересекаются на ${n} ${pluralForm('ru', n, ['балле', 'баллах', 'баллах'])}.`;
    assert.ok((await problems.allInnerTexts()).includes(expected), `${n}: ${await problems.allInnerTexts()}`);
  }
  assert.ok((await problems.allInnerTexts()).includes('Полосы пересекаются на 22 баллах.'));
  await page.getByTestId('lang-switch').click();
  for (const n of NUMBERS) {
    await page.getByTestId('band-from-1').fill(String(n));
    const expected = `The bands overlap at ${n} ${pluralForm('en', n, ['point', 'points'])}.`;
    assert.ok((await problems.allInnerTexts()).includes(expected), `${n}: ${await problems.allInnerTexts()}`);
  }
  assert.equal(await page.getByTestId('model-max').innerText(), 'Maximum: 52 points');
  await context.close();
});

test('the rule preview and the rule labels agree with their numbers', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await page.goto(`${app.server.url}#/settings`);
  const editor = page.getByTestId('rule-editor');
  const count = editor.getByTestId('condition-count').first();
  for (const lang of ['ru', 'en']) {
    if (lang === 'en') await page.getByTestId('lang-switch').click();
    for (const n of [1, 2, 5, 11, 21, 22]) {
      await count.fill(String(n));
      const text = await editor.getByTestId('what-if-count').innerText();
      const [, after, before] = text.match(/(\d+)\D+(\d+)\D*$/);
      const expected = lang === 'ru'
        ? `Если сохранить, правило ${pluralForm('ru', after, ['выполнит', 'выполнят', 'выполнят'])} ${after} ${pluralForm('ru', after, ['клиент', 'клиента', 'клиентов'])} (сейчас ${before}).`
        : `If saved, ${after} ${pluralForm('en', after, ['client meets', 'clients meet'])} the rule (now ${before}).`;
      assert.equal(text, expected);
    }
  }
  // The rule's label and figures on a hunter's client card, for the numbers of the issue.
  await page.getByTestId('lang-switch').click();
  const ws = (await readStored(page)).workspace;
  const hunters = new Set(ws.members
    .filter((m) => ['sales_manager', 'tele_sales_manager', 'field_representative'].includes(m.job_title))
    .map((m) => m.id));
  const client = ws.clients.find((c) => hunters.has(c.owner_id) && !ws.transfers.some((t) => t.client_id === c.id));
  assert.ok(client, 'a client still with a hunter');
  await page.goto(`${app.server.url}#/clients/${client.id}`);
  await page.getByTestId('client-title').waitFor();
  const orders = await page.getByTestId('order').count();
  for (const n of NUMBERS) {
    await page.goto(`${app.server.url}#/settings`);
    await count.fill(String(n));
    await editor.getByTestId('save-rule').click();
    await saved(page);
    await page.goto(`${app.server.url}#/clients/${client.id}`);
    const condition = page.getByTestId('client-transfer').getByTestId('condition').first();
    assert.equal(await condition.locator('.transfer-condition-label').innerText(), `Заказов не меньше ${n}`);
    assert.equal(await condition.getByTestId('condition-figures').innerText(), `заказов ${orders} из ${n}`);
    await page.getByTestId('lang-switch').click();
    assert.equal(await condition.locator('.transfer-condition-label').innerText(), `At least ${n} ${pluralForm('en', n, ['order', 'orders'])}`);
    assert.equal(await condition.getByTestId('condition-figures').innerText(), `${orders} of ${n} ${pluralForm('en', n, ['order', 'orders'])}`);
    await page.getByTestId('lang-switch').click();
  }
  await context.close();
});

test('the team summary names verdicts as the badges do and shows totals in whole roubles', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await page.goto(`${app.server.url}#/team`);
  const summary = page.getByTestId('team-summary');
  await summary.waitFor();
  const heading = await summary.locator('thead th').nth(3).innerText();
  assert.equal(heading, 'Квалификация: приоритет / квалифицирован / прогревать / не квалифицирован / не оценён');
  for (const row of await summary.getByTestId('summary-row').all()) {
    const money = (await row.locator('td').allInnerTexts()).map(plain).filter((t) => t.endsWith('₽'));
    for (const m of money) assert.match(m, /^\d{1,3}( \d{3})* ₽$/, `a total with kopecks: ${m}`);
  }
  await page.getByTestId('lang-switch').click();
  assert.equal(await summary.locator('thead th').nth(3).innerText(), 'Qualification: priority / qualified / nurture / unqualified / not assessed');
  await context.close();
});
