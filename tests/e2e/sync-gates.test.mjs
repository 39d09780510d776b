// With sync on, the paths that used to let a change through only for the server to refuse it are
// gated up front, by the same rules (`may_write`, `may_import_file` in src/sync/rules.rs): a deal
// on a client card follows its own owner, not the client's; the board does not offer to move,
// close or drag a colleague's deal; a snapshot file is merged only by the director (a hunter may
// still look at it). pouchdb-server in memory on 127.0.0.1 (tests/sync/server.mjs), the team
// made by the set-up script; two deals written as the server's admin on a colleague's client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readStored } from './helpers.mjs';
import { syncKit, demoTeam } from './sync-kit.mjs';
import { ADMIN } from '../sync/server.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
const DB = 'team';
const TEAM = demoTeam(DB, ['marina', 'alexey', 'darya']);
const env = { team: TEAM, db: DB, unexpected: [], expected: [] };
const { openDevice, synced, connect, openCard, serverDoc, serverUntil, startTeam, join, stopTeam } = syncKit(env);
const devices = {};
// Darya's deal on Alexey's client, and Alexey's on Darya's.
const DARYA_DEAL = 'gate-darya-deal';
const ALEXEY_DEAL = 'gate-alexey-deal';
const DARYA_REASON = 'Владелец — Дарья Кузнецова: изменить может владелец или директор';

/** Writes a deal as the server's admin (the validation function lets an admin write anything). */
async function putDeal(template, id, clientId, owner, title) {
  const record = { ...template, id, client_id: clientId, owner_id: owner, title, updated_at: new Date().toISOString() };
  delete record.stamps;
  const res = await fetch(`${env.couch.url}/${DB}/deals:${id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(ADMIN).toString('base64')}` },
    body: JSON.stringify({ kind: 'deals', owner, record }),
  });
  assert.ok(res.ok, `the admin writes ${id}: ${res.status} ${await res.text()}`);
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await startTeam();
  devices.marina = await join('marina', /Марина Волкова/, 120_000);
  const ws = (await readStored(devices.marina.page)).workspace;
  const stageIndex = (deal) => ws.stages.findIndex((s) => s.id === deal.stage_id);
  // An open deal in a middle stage, so both ◀ and ▶ have somewhere to go.
  const template = (await serverDoc(`deals:${ws.deals.find((d) => !d.closed && stageIndex(d) > 0 && stageIndex(d) < ws.stages.length - 1).id}`)).record;
  devices.stage = template.stage_id;
  devices.ids = {
    alexey: ws.clients.find((c) => c.owner_id === 'demo-m2' && ws.deals.some((d) => d.client_id === c.id && d.owner_id === 'demo-m2')).id,
    darya: ws.clients.find((c) => c.owner_id === 'demo-m3').id,
  };
  await putDeal(template, DARYA_DEAL, devices.ids.alexey, 'demo-m3', 'Сделка Дарьи у клиента Алексея');
  await putDeal(template, ALEXEY_DEAL, devices.ids.darya, 'demo-m2', 'Сделка Алексея у клиента Дарьи');
  devices.alexey = await join('alexey');
  // The pulled workspace is stored a moment after the round.
  for (let tries = 0; ; tries++) {
    const deals = (await readStored(devices.alexey.page))?.workspace.deals ?? [];
    if (deals.some((d) => d.id === DARYA_DEAL) && deals.some((d) => d.id === ALEXEY_DEAL)) break;
    assert.ok(tries < 100, 'both deals pulled');
    await devices.alexey.page.waitForTimeout(100);
  }
});

after(async () => {
  await stopTeam(devices);
});

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const dealItem = (page, id) => page.locator(`.client-card-deal-item[data-deal-id="${id}"]`);

test("on the client card a deal follows its own owner: a colleague's deal on my client is read-only, mine on hers is not", async () => {
  const { page } = devices.alexey;
  await openCard(page, devices.ids.alexey);
  assert.equal(await page.getByTestId('read-only-reason').count(), 0, 'his own client');
  const hers = dealItem(page, DARYA_DEAL);
  await hers.waitFor();
  assert.equal(await hers.getByTestId('deal-read-only-reason').innerText(), DARYA_REASON);
  for (const button of ['edit-deal', 'close-deal', 'assess']) {
    assert.ok(await hers.getByTestId(button).isDisabled(), `${button} is not offered on her deal`);
  }
  // His own deals on his own client, and the form to add one, stay as they were.
  const own = page.locator('.client-card-deal-item').filter({ hasNot: page.getByTestId('deal-read-only-reason') }).first();
  assert.ok(await own.getByTestId('edit-deal').isEnabled());
  assert.equal(await page.getByTestId('deal-read-only-reason').count(), 1, 'only her deal says so');
  assert.ok(await page.getByTestId('add-deal').isEnabled());
  assert.ok(await page.getByTestId('client-notes').isEnabled());
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await hers.getByTestId('deal-read-only-reason').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SHOTS}sync-gates-client-deal-${width}.png` });
    assert.equal(await sideways(page), 0, `nothing scrolls sideways at ${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByTestId('lang-switch').click();
  assert.equal(await hers.getByTestId('deal-read-only-reason').innerText(), 'Owned by Дарья Кузнецова: only the owner or the director can change it');
  await page.getByTestId('lang-switch').click();

  // Darya's client: the card is hers, read-only, and no deal is added on her — but his deal
  // on it is his to edit, and the server takes the edit.
  await openCard(page, devices.ids.darya);
  assert.equal(await page.getByTestId('read-only-reason').innerText(), DARYA_REASON);
  assert.ok(await page.getByTestId('add-deal').isDisabled(), 'a new deal would be written on her');
  const his = dealItem(page, ALEXEY_DEAL);
  assert.equal(await his.getByTestId('deal-read-only-reason').count(), 0);
  await his.getByTestId('edit-deal').click();
  const title = his.getByTestId('deal-title');
  assert.ok(await title.isEnabled(), 'his deal is editable on her card');
  await title.fill('Сделка Алексея — обновлена');
  await his.getByTestId('save-deal').click();
  await serverUntil(`deals:${ALEXEY_DEAL}`, (d) => d.record.title === 'Сделка Алексея — обновлена', 'his edit of his deal');
  await synced(page);
  assert.equal(await page.getByTestId('sync-refused').count(), 0, 'nothing refused');
  // Her own deals on her card stay read-only under the card's own line.
  for (const item of await page.locator('.client-card-deal-item').all()) {
    if ((await item.getAttribute('data-deal-id')) === ALEXEY_DEAL) continue;
    assert.ok(await item.getByTestId('edit-deal').isDisabled());
  }
});

test("the board does not offer to move, close or drag a colleague's deal; the reason is the buttons' name", async () => {
  const { page } = devices.alexey;
  await page.evaluate(() => { location.hash = '#/'; });
  await page.getByTestId('scope-all').click();
  const hers = page.locator(`.board-card[data-deal-id="${DARYA_DEAL}"]`);
  await hers.waitFor();
  assert.equal(await page.getByTestId('board-sync-hint').innerText(), 'Сделки коллег здесь только для просмотра: двигать и закрывать их может владелец или директор.');
  assert.ok(await hers.evaluate((el) => el.classList.contains('board-card-locked')));
  const steps = hers.locator('.board-card-step');
  assert.equal(await steps.count(), 2);
  for (const step of await steps.all()) {
    assert.ok(await step.isDisabled(), 'no stage move offered');
    assert.equal(await step.getAttribute('title'), DARYA_REASON);
    assert.equal(await step.getAttribute('aria-label'), DARYA_REASON);
  }
  assert.ok(await hers.getByTestId('close-deal').isDisabled());
  // His own deal beside it still moves.
  const his = page.locator('.board-card:not(.board-card-locked)').filter({ has: page.locator('.board-avatar', { hasText: 'АС' }) }).first();
  assert.ok(await his.getByTestId('close-deal').isEnabled());
  // Dragging her card onto the next column does nothing: no drag starts, nothing is said.
  const stageOf = async () => (await readStored(page)).workspace.deals.find((d) => d.id === DARYA_DEAL).stage_id;
  await hers.scrollIntoViewIfNeeded();
  const from = await hers.locator('.board-card-title').boundingBox();
  const column = hers.locator('xpath=ancestor::section[contains(@class,"board-column")]/following-sibling::section[1]');
  const to = await column.boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, from.y + from.height / 2, { steps: 12 });
  assert.equal(await page.locator('.board-card-dragging').count(), 0, 'her card does not follow the pointer');
  await page.mouse.up();
  assert.equal(await stageOf(), devices.stage, 'not moved');
  assert.equal(await page.locator('.shell-toast').filter({ hasText: DARYA_REASON }).count(), 0, 'nothing attempted, so no refusal to explain');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}sync-gates-board-1366.png` });
  assert.equal(await sideways(page), 0);
  // A phone shows one stage: the one with her deal.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator(`[data-testid="board-tab"][data-stage-id="${devices.stage}"]`).click();
  await hers.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `${SHOTS}sync-gates-board-390.png` });
  assert.equal(await sideways(page), 0);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByTestId('lang-switch').click();
  assert.equal(await hers.locator('.board-card-step').first().getAttribute('title'), 'Owned by Дарья Кузнецова: only the owner or the director can change it');
  await page.getByTestId('lang-switch').click();
  await synced(page);
  assert.equal(await page.getByTestId('sync-refused').count(), 0, 'nothing refused');
  // The director moves anyone's deal: no hint, her buttons enabled.
  const director = devices.marina.page;
  await director.evaluate(() => { location.hash = '#/'; });
  await director.getByTestId('scope-all').click();
  await director.locator('.board-card').first().waitFor();
  assert.equal(await director.getByTestId('board-sync-hint').count(), 0);
  assert.equal(await director.locator('.board-card-locked').count(), 0);
});

test('a snapshot file is merged only by the director; a hunter is told why before «Загрузить» and may look', async () => {
  const { page } = devices.alexey;
  await page.evaluate(() => { location.hash = '#/data'; });
  const said = page.getByTestId('import-sync-refused');
  await said.waitFor();
  const words = 'Включена синхронизация: команда обменивается данными через сервер, и загрузить файл может только директор — сервер не примет из файла чужие записи и настройки. Файл можно посмотреть.';
  assert.equal(await said.innerText(), words);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const file = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(await readFile(await download.path(), 'utf8')) };
  const before = (await readStored(page)).workspace;
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-preview').waitFor();
  assert.equal(await page.getByTestId('import-preview-refused').innerText(), words);
  assert.ok(await page.getByTestId('confirm-import').isDisabled(), '«Загрузить» is not offered');
  assert.ok(await page.getByTestId('mode-replace').isDisabled());
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.getByTestId('import-preview-refused').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SHOTS}sync-gates-import-${width}.png` });
    assert.equal(await sideways(page), 0, `nothing scrolls sideways at ${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByTestId('view-only').click();
  await page.getByTestId('read-only').waitFor();
  await page.getByTestId('close-view').click();
  assert.deepEqual((await readStored(page)).workspace.clients.length, before.clients.length, 'nothing written');
  // The backup's restore (a replace) is a director's act too.
  assert.equal(await page.getByTestId('restore-backup').count() === 0 || await page.getByTestId('restore-backup').isDisabled(), true);
  await page.getByTestId('lang-switch').click();
  assert.match(await said.innerText(), /^Sync is on: the team shares its data through the server/);
  await page.getByTestId('lang-switch').click();

  // The director merges the same file as before.
  const director = devices.marina.page;
  await director.evaluate(() => { location.hash = '#/data'; });
  await director.getByTestId('import').waitFor();
  assert.equal(await director.getByTestId('import-sync-refused').count(), 0);
  await director.getByTestId('import-file').setInputFiles(file);
  await director.getByTestId('import-preview').waitFor();
  assert.equal(await director.getByTestId('import-preview-refused').count(), 0);
  assert.ok(await director.getByTestId('confirm-import').isEnabled());
  await director.getByTestId('confirm-import').click();
  await director.getByTestId('import-report').waitFor();
  await synced(director);
  assert.equal(await director.getByTestId('sync-refused').count(), 0, 'the server takes the director\'s merge');
});
