// Issue 12, «Tasks and activities»: «Мои дела» with its counts in the top bar, a task created and
// completed with the «Что дальше?» prompt, a deal's next step completed, a call logged on the
// client card and its timeline after a reload, the farmer's suggested calls, a task completed in
// one tab while the other adds one, and axe on «Мои дела» at 1366 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { start, saved, loadDemoHome, readStored } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = 'target/screenshots';
let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

/** The browser's local day as `YYYY-MM-DD`, `days` from today. */
function localDay(page, days = 0) {
  return page.evaluate((n) => {
    const d = new Date();
    d.setDate(d.getDate() + n);
    const pad = (x) => String(x).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }, days);
}

/** The top bar's count (0 when no badge) and how many of those are overdue. */
async function badge(page) {
  const b = page.getByTestId('tasks-badge');
  if (!(await b.count())) return { due: 0, overdue: 0 };
  return { due: Number(await b.innerText()), overdue: Number(await b.getAttribute('data-overdue')) };
}

async function groupCount(page, group) {
  const items = page.locator(`[data-group="${group}"] [data-testid="task-item"]`);
  return items.count();
}

async function openTasks(page) {
  await page.evaluate(() => { location.hash = '#/tasks'; });
  await page.getByTestId('my-tasks').waitFor();
}

test('a hunter with overdue work opens on «Мои дела»; counts, a new task, completing it with «Что дальше?», a call in the timeline after reload', async () => {
  const { page, context } = await app.open({ viewport: { width: 1366, height: 900 } });
  await loadDemoHome(page, /Алексей Смирнов/);
  const start = await badge(page);
  // The demo gives him overdue next steps, so his home is «Мои дела».
  assert.ok(start.overdue > 0, 'the demo hunter has overdue next steps');
  await page.getByTestId('my-tasks').waitFor();
  assert.equal(await page.locator('.board').count(), 0);
  // The badge counts overdue and today's items, as the groups list them.
  const overdue = await groupCount(page, 'overdue');
  const today = await groupCount(page, 'today');
  assert.equal(start.overdue, overdue);
  assert.equal(start.due, overdue + today);
  assert.ok(await page.locator('[data-group="overdue"] .badge-warn').count() > 0, 'overdue items are marked');
  await page.screenshot({ path: `${SHOTS}/tasks-1366.png`, fullPage: true });

  // A new task for one of his clients, due today.
  await page.getByTestId('new-task').click();
  await page.getByTestId('new-task-what').fill('Уточнить объём поставки');
  assert.equal(await page.getByTestId('new-task-due').inputValue(), await localDay(page));
  const client = page.getByTestId('new-task-client');
  const firstClient = await client.locator('option').nth(1).getAttribute('value');
  await client.selectOption(firstClient);
  await page.getByTestId('new-task-save').click();
  const row = page.locator('[data-group="today"] [data-testid="task-item"]', { hasText: 'Уточнить объём поставки' });
  await row.waitFor();
  assert.deepEqual(await badge(page), { due: start.due + 1, overdue: start.overdue });
  // One tap to call: the client's phone as a tel: link.
  const call = row.getByTestId('task-call');
  if (await call.count()) assert.match(await call.getAttribute('href'), /^tel:\+?\d+$/);

  // Completing asks what happened and what is next, tomorrow by default.
  await row.getByTestId('task-log').click();
  const dialog = page.getByTestId('complete-dialog');
  await dialog.waitFor();
  assert.equal(await page.getByTestId('complete-next-due').inputValue(), await localDay(page, 1));
  await page.getByTestId('complete-kind').selectOption('call');
  await page.getByTestId('complete-outcome').fill('Договорились о встрече');
  await page.getByTestId('complete-next').fill('Встреча в офисе клиента');
  await page.screenshot({ path: `${SHOTS}/tasks-complete-1366.png` });
  await page.getByTestId('complete-confirm').click();
  await dialog.waitFor({ state: 'detached' });
  await row.waitFor({ state: 'detached' });
  await page.locator('[data-testid="task-item"]', { hasText: 'Встреча в офисе клиента' }).waitFor();
  assert.deepEqual(await badge(page), start);

  // A deal's next step: the next one is required, so the deal is not left without one.
  const step = page.locator('[data-group="overdue"] [data-testid="task-item"]').first();
  const stepText = await step.locator('.tasks-item-what').innerText();
  await step.getByTestId('task-log').click();
  await page.getByTestId('complete-confirm').click();
  await dialog.getByRole('alert').waitFor();
  await page.getByTestId('complete-next').fill('Отправить договор');
  await page.getByTestId('complete-confirm').click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(await badge(page), { due: start.due - 1, overdue: start.overdue - 1 }, `«${stepText}» done`);
  await saved(page);

  // A call logged on the client card shows in its timeline, newest first, after a reload too.
  await page.evaluate((id) => { location.hash = `#/clients/${encodeURIComponent(id)}`; }, firstClient);
  const timeline = page.getByTestId('client-timeline');
  await timeline.waitFor();
  await timeline.locator('[data-testid="timeline-entry"]', { hasText: 'Договорились о встрече' }).waitFor();
  await timeline.getByTestId('log-activity').click();
  await page.getByTestId('activity-kind').selectOption('call');
  await page.getByTestId('activity-outcome').fill('Перезвонить в пятницу');
  await page.getByTestId('activity-save').click();
  const first = timeline.locator('[data-testid="timeline-entry"]').first();
  await first.filter({ hasText: 'Перезвонить в пятницу' }).waitFor();
  await saved(page);
  await timeline.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/tasks-timeline-1366.png`, fullPage: true });
  await page.reload();
  await timeline.locator('[data-testid="timeline-entry"]').first().filter({ hasText: 'Перезвонить в пятницу' }).waitFor();
  await timeline.locator('[data-testid="timeline-entry"]', { hasText: 'Договорились о встрече' }).waitFor();

  const stored = (await readStored(page)).workspace;
  const done = stored.tasks.find((t) => t.what === 'Уточнить объём поставки');
  assert.ok(done.done && done.done.at, 'the task is stored done');
  assert.ok(stored.tasks.some((t) => t.what === 'Встреча в офисе клиента' && !t.done), 'the next one is stored open');
  assert.equal(stored.activities.length, 3);
  assert.ok(stored.deals.some((d) => d.next_step === 'Отправить договор'), 'the deal has its new next step');

  // With nothing overdue any more, the hunter opens on the board again.
  await openTasks(page);
  const overdueItems = page.locator('[data-group="overdue"] [data-testid="task-item"]');
  while (await overdueItems.count()) {
    await overdueItems.first().getByTestId('task-log').click();
    await page.getByTestId('complete-next').fill('Созвониться снова');
    await page.getByTestId('complete-confirm').click();
    await dialog.waitFor({ state: 'detached' });
  }
  assert.equal((await badge(page)).overdue, 0);
  await saved(page);
  await page.goto(app.server.url);
  await page.locator('.board').waitFor();
  assert.equal(await page.getByTestId('no-next-step').count(), 0, 'every demo deal has its next step');
  // A deal with neither a next step nor an open task is flagged on its card.
  await page.evaluate(() => { location.hash = '#/clients/new'; });
  await page.getByTestId('client-name').fill('ООО «Без шага»');
  await page.getByTestId('deal-title').fill('Поставка без шага');
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  await page.evaluate(() => { location.hash = '#/'; });
  const card = page.locator('.board-card', { hasText: 'Поставка без шага' });
  await card.getByTestId('no-next-step').waitFor();
  await context.close();
});

test('a task for one of the client\'s deals names the deal; completing it moves the deal\'s next step', async () => {
  const { page, context } = await app.open({ viewport: { width: 1366, height: 900 } });
  await loadDemoHome(page, /Алексей Смирнов/);
  await openTasks(page);
  await page.getByTestId('new-task').click();
  await page.getByTestId('new-task-what').fill('Согласовать образцы');
  const client = page.getByTestId('new-task-client');
  await client.selectOption(await client.locator('option').nth(1).getAttribute('value'));
  const deal = page.getByTestId('new-task-deal');
  await deal.waitFor();
  const title = await deal.locator('option').nth(1).innerText();
  await deal.selectOption({ index: 1 });
  await page.getByTestId('new-task-save').click();
  const row = page.locator('[data-testid="task-item"]', { hasText: 'Согласовать образцы' });
  await row.filter({ hasText: title }).waitFor();
  await row.getByTestId('task-log').click();
  await page.getByTestId('complete-confirm').click();
  await page.getByTestId('complete-dialog').getByRole('alert').waitFor();
  await page.getByTestId('complete-next').fill('Подписать спецификацию');
  await page.getByTestId('complete-confirm').click();
  await row.waitFor({ state: 'detached' });
  await page.locator('[data-testid="task-item"]', { hasText: 'Подписать спецификацию' }).filter({ hasText: title }).waitFor();
  await saved(page);
  const stored = (await readStored(page)).workspace;
  assert.equal(stored.deals.find((d) => d.title === title && d.next_step === 'Подписать спецификацию')?.title, title);
  await context.close();
});

test('the farmer gets suggested calls for clients late with an order: accept one, dismiss another', async () => {
  // The demo's regular clients order on time today; 45 days on, some are «пора заказывать».
  const now = Date.now();
  const { page, context } = await app.open({ viewport: { width: 1366, height: 900 } }, { clock: new Date(now) });
  await loadDemoHome(page, /Сергей Новиков/);
  await page.clock.setSystemTime(new Date(now + 45 * 86_400_000));
  await page.reload();
  await page.getByTestId('my-clients').waitFor();
  await openTasks(page);
  const suggested = page.getByTestId('suggested-call');
  const n = await suggested.count();
  assert.ok(n > 0, 'the demo farmer has clients «пора заказывать»');
  const name = await suggested.first().locator('a').innerText();
  await suggested.first().getByTestId('suggested-accept').click();
  await page.locator('[data-group="today"] [data-testid="task-item"]', { hasText: name }).waitFor();
  assert.equal(await suggested.count(), n - 1);
  if (n > 1) {
    await suggested.first().getByTestId('suggested-dismiss').click();
    assert.equal(await suggested.count(), n - 2);
    await saved(page);
    await page.reload();
    await page.getByTestId('my-tasks').waitFor();
    assert.equal(await suggested.count(), n - 2, 'dismissed and accepted ones stay away');
  }
  await context.close();
});

test('two tabs: a task completed in one while the other adds one — both kept after reload', async () => {
  const { page: a, context } = await app.open();
  await loadDemoHome(a, /Алексей Смирнов/);
  await openTasks(a);
  await a.getByTestId('new-task').click();
  await a.getByTestId('new-task-what').fill('Задача из вкладки A');
  const client = a.getByTestId('new-task-client');
  await client.selectOption(await client.locator('option').nth(1).getAttribute('value'));
  await a.getByTestId('new-task-save').click();
  await saved(a);
  const b = await context.newPage();
  await b.goto(`${app.server.url}#/tasks`);
  const inB = b.locator('[data-testid="task-item"]', { hasText: 'Задача из вкладки A' });
  await inB.waitFor();

  // A completes it (no next step: a task of no deal) while B adds another.
  await a.locator('[data-testid="task-item"]', { hasText: 'Задача из вкладки A' }).getByTestId('task-log').click();
  await a.getByTestId('complete-outcome').fill('Сделано в A');
  await b.getByTestId('new-task').click();
  await b.getByTestId('new-task-what').fill('Задача из вкладки B');
  await Promise.all([
    a.getByTestId('complete-confirm').click(),
    b.getByTestId('new-task-save').click(),
  ]);
  await saved(a);
  await saved(b);
  await a.waitForTimeout(300);
  for (const page of [b, a]) {
    await page.reload();
    await page.getByTestId('my-tasks').waitFor();
    await page.locator('[data-testid="task-item"]', { hasText: 'Задача из вкладки B' }).waitFor();
    assert.equal(await page.locator('[data-testid="task-item"]', { hasText: 'Задача из вкладки A' }).count(), 0);
  }
  const stored = (await readStored(b)).workspace;
  assert.ok(stored.tasks.find((t) => t.what === 'Задача из вкладки A').done);
  assert.ok(stored.activities.some((x) => x.outcome === 'Сделано в A'));
  await context.close();
});

test('«Мои дела» and the completion prompt pass axe and fit a 390 px phone', async () => {
  const findings = [];
  for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
    const { page, context } = await app.open({ bypassCSP: true, viewport });
    await loadDemoHome(page, /Алексей Смирнов/);
    await openTasks(page);
    const audit = async (label) => {
      if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.target?.join(' ')}`);
      });
      for (const v of violations) findings.push(`${label} ${viewport.width}px: ${v}`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= viewport.width, `${label} at ${viewport.width}px is ${wide}px wide`);
    };
    await audit('my tasks');
    await page.getByTestId('new-task').click();
    await audit('new task form');
    await page.getByTestId('new-task').click();
    await page.locator('[data-testid="task-item"]').first().getByTestId('task-log').click();
    await page.getByTestId('complete-dialog').waitFor();
    await audit('completion prompt');
    if (viewport.width === 390) {
      await page.screenshot({ path: `${SHOTS}/tasks-complete-390.png` });
      await page.keyboard.press('Escape');
      await page.screenshot({ path: `${SHOTS}/tasks-390.png`, fullPage: true });
      await page.evaluate(() => { location.hash = '#/clients/demo-c01'; });
      // On a phone the card opens folded: the person unfolds «История клиента».
      await page.getByTestId('section-timeline').locator('summary').click();
      await page.getByTestId('client-timeline').waitFor();
      await page.getByTestId('client-timeline').getByTestId('log-activity').click();
      await audit('client timeline');
      await page.getByTestId('client-timeline').screenshot({ path: `${SHOTS}/tasks-timeline-390.png` });
    }
    await context.close();
  }
  assert.deepEqual(findings, []);
});
