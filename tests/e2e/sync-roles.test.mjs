// With sync on, the screens follow the server's rules (issue 16, `may_write` in src/sync/rules.rs,
// the app's copy of validate_doc_update): a hunter sees a colleague's client, the director's
// settings and the roster read-only with the reason, the owner's hand-over to a farmer still goes
// through; «кто вы» comes from the server — a user not on the roster is told so, the director
// adds herself, anyone else may look without changing anything. pouchdb-server in memory on
// 127.0.0.1 (tests/sync/server.mjs), the team made by the set-up script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { saved, readStored } from './helpers.mjs';
import { syncKit, demoTeam } from './sync-kit.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
const DB = 'team';
// anna and olga have server accounts but are not on the team roster.
const TEAM = demoTeam(DB, ['marina', 'alexey', 'darya', 'elena', 'sergey'], [
  { name: 'anna', password: 'hunter-pw-7', role: 'hunter', member: 'm-anna' },
  { name: 'olga', password: 'director-pw-8', role: 'director', member: 'm-olga' },
]);
const env = { team: TEAM, db: DB, unexpected: [], expected: [] };
const { openDevice, synced, connect, openCard, serverUntil, startTeam, join, stopTeam } = syncKit(env);
const devices = {};

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await startTeam();
  devices.marina = await join('marina', /Марина Волкова/, 120_000);
  const ws = (await readStored(devices.marina.page)).workspace;
  devices.ids = {
    alexey: ws.clients.find((c) => c.owner_id === 'demo-m2').id,
    darya: ws.clients.find((c) => c.owner_id === 'demo-m3').id,
  };
  devices.alexey = await join('alexey');
});

after(async () => {
  await stopTeam(devices);
});

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("a hunter sees a colleague's client read-only, with the reason; her own stays editable", async () => {
  const { page } = devices.alexey;
  await openCard(page, devices.ids.darya);
  const reason = page.getByTestId('read-only-reason');
  await reason.waitFor();
  assert.equal(await reason.innerText(), 'Владелец — Дарья Кузнецова: изменить может владелец или директор');
  assert.ok(await page.getByTestId('client-notes').isDisabled(), 'the notes cannot be typed into');
  assert.ok(await page.getByTestId('client-name').isDisabled());
  assert.ok(await page.getByTestId('save-client').isDisabled());
  assert.equal(await page.getByTestId('delete-client').count(), 0, 'no delete button');
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}sync-read-only-client-${width}.png` });
    assert.equal(await sideways(page), 0, `nothing scrolls sideways at ${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  // English through the translation layer.
  await page.getByTestId('lang-switch').click();
  assert.equal(await reason.innerText(), 'Owned by Дарья Кузнецова: only the owner or the director can change it');
  await page.getByTestId('lang-switch').click();
  // Her own client: no reason, everything editable.
  await openCard(page, devices.ids.alexey);
  assert.equal(await page.getByTestId('read-only-reason').count(), 0);
  assert.ok(await page.getByTestId('client-notes').isEnabled());
  assert.equal(await page.getByTestId('delete-client').count(), 1);
  // The director edits anyone's client.
  await openCard(devices.marina.page, devices.ids.darya);
  assert.equal(await devices.marina.page.getByTestId('read-only-reason').count(), 0);
  assert.ok(await devices.marina.page.getByTestId('client-notes').isEnabled());
});

test("the director's settings and the roster are read-only for a hunter, with the reason", async () => {
  const { page } = devices.alexey;
  await page.evaluate(() => { location.hash = '#/settings'; });
  const banner = page.getByTestId('settings-readonly');
  await banner.waitFor();
  assert.equal(await banner.innerText(), 'Это меняет только директор — вы можете посмотреть.');
  await page.evaluate(() => { location.hash = '#/team'; });
  await page.locator('.team-page').waitFor();
  assert.equal(await page.getByTestId('read-only-reason').innerText(), 'Состав команды меняет только директор — вы можете посмотреть.');
  assert.equal(await page.locator('.team-member-form').count(), 0, 'no form to add a member');
  assert.equal(await page.locator('.team-page .row-actions button').count(), 0, 'no edit or delete');
  // The director's are not.
  const director = devices.marina.page;
  await director.evaluate(() => { location.hash = '#/team'; });
  await director.locator('.team-member-form').waitFor();
  assert.equal(await director.getByTestId('read-only-reason').count(), 0);
});

test("the owner's hand-over to a farmer still goes through; then the card is the farmer's", async () => {
  const { page } = devices.alexey;
  await page.evaluate(() => { location.hash = '#/transfers'; });
  const entry = page.getByTestId('queue-entry').filter({ hasText: 'Алексей Смирнов' }).first();
  await entry.waitFor();
  await entry.locator('a').first().click();
  await page.getByTestId('client-title').waitFor();
  const id = decodeURIComponent(page.url().split('#/clients/')[1]);
  assert.equal(await page.getByTestId('read-only-reason').count(), 0, 'her own client');
  await page.getByTestId('transfer-farmer').selectOption({ label: 'Сергей Новиков' });
  await page.getByTestId('transfer-button').click();
  await page.getByTestId('with-farmer').waitFor();
  await saved(page);
  await serverUntil(`clients:${id}`, (d) => d.record.owner_id === 'demo-m6', 'the client with the farmer');
  await synced(page);
  assert.equal(await page.getByTestId('sync-refused').count(), 0, 'nothing refused');
  assert.equal(await page.getByTestId('read-only-reason').innerText(), 'Владелец — Сергей Новиков: изменить может владелец или директор');
});

test('«кто вы» with sync on: a user not on the roster is told so, no free choice, may look read-only', async () => {
  devices.anna = await openDevice();
  const { page } = devices.anna;
  await connect(page, 'anna');
  await synced(page, 60_000);
  await page.evaluate(() => { location.hash = '#/'; });
  const told = page.getByTestId('whoami-not-on-roster');
  await told.waitFor();
  assert.equal(await told.innerText(), 'Пользователь anna не найден в составе команды — попросите директора добавить его.');
  assert.equal(await page.locator('.welcome-whoami-pick').count(), 0, 'no free choice of a member');
  assert.equal(await page.getByTestId('whoami-add-self').count(), 0, 'only a director adds herself');
  assert.equal(await page.getByTestId('me-select').count(), 0);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}sync-whoami-not-on-roster-${width}.png` });
    assert.equal(await sideways(page), 0, `nothing scrolls sideways at ${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByTestId('whoami-view-only').click();
  assert.equal(await page.getByTestId('view-only-banner').innerText(), 'Только просмотр: пользователь anna не найден в составе команды.');
  await openCard(page, devices.ids.alexey);
  assert.ok(await page.getByTestId('client-notes').isDisabled(), 'looking only');
  assert.ok(await page.getByTestId('save-client').isDisabled());
});

test('«кто вы» with sync on: a director not on the roster adds herself under her server id', async () => {
  devices.olga = await openDevice();
  const { page } = devices.olga;
  await connect(page, 'olga');
  await synced(page, 60_000);
  await page.evaluate(() => { location.hash = '#/'; });
  const form = page.getByTestId('whoami-add-self');
  await form.waitFor();
  assert.equal(await page.getByTestId('whoami-not-on-roster').innerText(), 'Пользователь olga не найден в составе команды. Вы директор — добавьте себя.');
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}sync-whoami-director-${width}.png` });
    assert.equal(await sideways(page), 0, `nothing scrolls sideways at ${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await form.locator('input[autocomplete="name"]').fill('Ольга Белова');
  await form.locator('button[type="submit"]').click();
  await page.getByTestId('me-name').waitFor();
  assert.match(await page.getByTestId('me-name').innerText(), /Вы:\s*Ольга Белова/);
  const doc = await serverUntil('members:m-olga', (d) => d.record.name === 'Ольга Белова', 'the director on the roster');
  assert.equal(doc.record.job_title, 'sales_director');
});
