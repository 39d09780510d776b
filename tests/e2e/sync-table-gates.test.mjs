// With sync on, a hunter's table import leaves out, before anything is written, the rows the
// server would refuse (`leave_out_refused` in src/import/rights.rs, asked of the same rules as
// the server's validation function): her own new lead and her own client's order go in, the
// order for a colleague's client is left out and the preview says so in words; the server then
// refuses nothing. pouchdb-server in memory on 127.0.0.1 (tests/sync/server.mjs), the team made
// by the set-up script, the demo pushed by the director.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readStored, saved, plain } from './helpers.mjs';
import { syncKit, demoTeam } from './sync-kit.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
const DB = 'team';
const TEAM = demoTeam(DB, ['marina', 'alexey', 'darya']);
const env = { team: TEAM, db: DB, unexpected: [], expected: [] };
const { openDevice, synced, connect, serverDoc, serverUntil, startTeam, join, stopTeam } = syncKit(env);
const devices = {};
const NEW_LEAD = 'ООО «Новый лид Алексея»';
const LEFT_OUT_RU = 'Пропущена 1 строка: заказы клиентов других владельцев — добавить их может владелец или директор.';
const LEFT_OUT_EN = "1 row left out: orders of other owners' clients — only their owner or the director may add them.";

/** The stored workspace's order ids (storage keeps orders column by column in order books). */
async function orderIds(page) {
  const w = (await readStored(page)).workspace;
  if (w.orders) return w.orders.map((o) => o.id);
  const books = Array.isArray(w.order_book) ? w.order_book : w.order_book ? [w.order_book] : [];
  return books.flatMap((book) => (book.ids ? book.ids.split(' ') : []));
}

const cell = (text) => `"${String(text).replaceAll('"', '""')}"`;
const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await startTeam();
  devices.marina = await join('marina', /Марина Волкова/, 120_000);
  devices.alexey = await join('alexey');
  for (let tries = 0; ; tries++) {
    const clients = (await readStored(devices.alexey.page))?.workspace.clients ?? [];
    if (clients.some((c) => c.owner_id === 'demo-m3')) break;
    assert.ok(tries < 100, 'the team\'s clients pulled');
    await devices.alexey.page.waitForTimeout(100);
  }
});

after(async () => {
  await stopTeam(devices);
});

test("a hunter's table import leaves out the order for a colleague's client and says so; the server refuses nothing", async () => {
  const { page } = devices.alexey;
  const ws = (await readStored(page)).workspace;
  const mine = ws.clients.find((c) => c.owner_id === 'demo-m2');
  const hers = ws.clients.find((c) => c.owner_id === 'demo-m3');
  const product = ws.products[0].name;
  const hersBefore = await serverDoc(`clients:${hers.id}`);
  const idsBefore = new Set(await orderIds(page));
  const day = new Date(Date.now() - 5 * 86_400_000);
  const date = `${String(day.getDate()).padStart(2, '0')}.${String(day.getMonth() + 1).padStart(2, '0')}.${day.getFullYear()}`;
  const csv = [
    'Дата;Документ;Контрагент;Номенклатура;Сумма',
    [date, 'ТГ-1', NEW_LEAD, product, '1200'].map(cell).join(';'),
    [date, 'ТГ-2', mine.name, product, '3400'].map(cell).join(';'),
    [date, 'ТГ-3', hers.name, product, '5600'].map(cell).join(';'),
  ].join('\n');

  await page.evaluate(() => { location.hash = '#/data'; });
  await page.getByTestId('table-file').setInputFiles({ name: 'заказы.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByTestId('table-setup').waitFor();
  const leftOut = page.getByTestId('table-left-out');
  await leftOut.waitFor();
  assert.equal(await page.getByTestId('table-target').inputValue(), 'orders');
  assert.equal(plain(await leftOut.innerText()), LEFT_OUT_RU);
  assert.equal(plain(await page.getByTestId('table-orders').innerText()), 'Заказы: добавится 2, уже есть 0, обновится 0, пропущено 1.');
  assert.match(plain(await page.getByTestId('table-clients').innerText()), /добавится 1,/);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await leftOut.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}sync-table-gates-preview-${width}.png` });
    assert.equal(await sideways(page), 0, `nothing scrolls sideways at ${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByTestId('lang-switch').click();
  assert.equal(plain(await leftOut.innerText()), LEFT_OUT_EN);
  await page.getByTestId('lang-switch').click();
  assert.equal(plain(await leftOut.innerText()), LEFT_OUT_RU);

  await page.getByTestId('table-confirm').click();
  await page.getByTestId('table-result').waitFor();
  await saved(page);
  const after = (await readStored(page)).workspace;
  const lead = after.clients.find((c) => c.name === NEW_LEAD);
  assert.ok(lead, 'her new lead is in');
  assert.equal(lead.owner_id, 'demo-m2');
  const added = (await orderIds(page)).filter((id) => !idsBefore.has(id));
  assert.equal(added.length, 2, 'her two orders are in, the third left out');
  assert.deepEqual(after.clients.find((c) => c.id === hers.id), ws.clients.find((c) => c.id === hers.id), "the colleague's client is unchanged here");

  // The server takes both orders and the lead, and refuses nothing.
  await serverUntil(`clients:${lead.id}`, (d) => d.owner === 'demo-m2', 'her new lead');
  for (const id of added) await serverUntil(`orders:${id}`, (d) => d.owner === 'demo-m2', `her order ${id}`);
  await synced(page);
  assert.equal(await page.getByTestId('sync-refused').count(), 0, 'nothing set aside');
  assert.equal((await serverDoc(`clients:${hers.id}`))._rev, hersBefore._rev, "the colleague's client is unchanged on the server");
});

test("a client list: the row changing a colleague's client is left out, her own rows go in; the director's preview leaves out nothing", async () => {
  const { page } = devices.alexey;
  const ws = (await readStored(page)).workspace;
  const mine = ws.clients.find((c) => c.owner_id === 'demo-m2');
  const hers = ws.clients.find((c) => c.owner_id === 'demo-m3');
  const hersBefore = await serverDoc(`clients:${hers.id}`);
  const csv = [
    'Контрагент;Телефон',
    ['ООО «Второй лид Алексея»', '+7 900 111-22-33'].map(cell).join(';'),
    [mine.name, '+7 900 111-22-44'].map(cell).join(';'),
    [hers.name, '+7 900 111-22-55'].map(cell).join(';'),
  ].join('\n');
  const file = { name: 'клиенты.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };
  await page.evaluate(() => { location.hash = '#/data'; });
  await page.getByTestId('table-file').setInputFiles(file);
  await page.getByTestId('table-setup').waitFor();
  const leftOut = page.getByTestId('table-left-out');
  await leftOut.waitFor();
  assert.equal(await page.getByTestId('table-target').inputValue(), 'clients');
  assert.equal(plain(await leftOut.innerText()), 'Пропущена 1 строка: клиенты других владельцев — изменить их может владелец или директор.');
  assert.equal(plain(await page.getByTestId('table-clients').innerText()), 'Клиенты: добавится 1, найдено без изменений 0, обновится 1, пропущено 1.');
  await page.getByTestId('table-confirm').click();
  await page.getByTestId('table-result').waitFor();
  await saved(page);
  const after = (await readStored(page)).workspace;
  assert.equal(after.clients.find((c) => c.id === mine.id).contact.phone, '+7 900 111-22-44', 'her own client updated');
  assert.deepEqual(after.clients.find((c) => c.id === hers.id), ws.clients.find((c) => c.id === hers.id), "the colleague's client is unchanged");
  await serverUntil(`clients:${mine.id}`, (d) => d.record.contact.phone === '+7 900 111-22-44', 'her own client\'s new phone');
  await synced(page);
  assert.equal(await page.getByTestId('sync-refused').count(), 0, 'nothing set aside');
  assert.equal((await serverDoc(`clients:${hers.id}`))._rev, hersBefore._rev);

  // The director's preview of the same file leaves nothing out.
  const director = devices.marina.page;
  await director.evaluate(() => { location.hash = '#/data'; });
  await director.getByTestId('table-file').setInputFiles(file);
  await director.getByTestId('table-preview').waitFor();
  assert.equal(await director.getByTestId('table-left-out').count(), 0);
  assert.match(plain(await director.getByTestId('table-clients').innerText()), /пропущено 0\.$/);
});
