// «Never lose a change»: the everyday flows that used to lose or revert data, each reproduced
// as a person (or a second tab, or another program) would do it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, saved, loadDemoAs, readStored, newLead } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

async function openCard(page, id) {
  await page.evaluate((h) => { location.hash = h; }, `#/clients/${encodeURIComponent(id)}`);
  await page.getByTestId('client-form').waitFor();
}

/** The client as stored, read the way the app reads it: through another tab's eyes after a reload. */
async function clientAfterReload(page, id) {
  await page.reload();
  await openCard(page, id);
  return {
    notes: await page.getByTestId('client-notes').inputValue(),
    phone: await page.getByTestId('client-phone').inputValue(),
    status: await page.getByTestId('client-status').inputValue(),
  };
}

test('scenario 1: an order changes the status under an open form; a note saved afterwards keeps it', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  const id = await newLead(page, 'ООО «Проверка статуса»');
  assert.equal(await page.getByTestId('client-status').inputValue(), 'Lead');

  await page.getByTestId('add-order').click();
  const form = page.getByTestId('order-form');
  await form.getByTestId('order-product').selectOption({ label: 'Гофрокороб' });
  await form.getByTestId('order-amount').fill('15000');
  await form.getByTestId('save-order').click();
  await form.waitFor({ state: 'detached' });

  // The form follows the record: the new status, and nothing claimed as unsaved.
  await page.waitForFunction(() => document.querySelector('[data-testid="client-status"]').value === 'New');
  assert.equal(await page.getByText('Есть несохранённые изменения').count(), 0);
  await page.getByTestId('client-notes').fill('Первый заказ получен');
  await page.getByTestId('save-client').click();
  await saved(page);
  const after = await clientAfterReload(page, id);
  assert.equal(after.status, 'New', 'the note save must not put the client back to «Лид»');
  assert.equal(after.notes, 'Первый заказ получен');
  await context.close();
});

test('scenario 3: two tabs edit different fields of one client, with the second form open all along', async () => {
  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Марина Волкова/);
  const id = await newLead(a, 'ООО «Две вкладки»');
  const b = await context.newPage();
  await b.goto(app.server.url);
  await b.waitForFunction(() => !document.getElementById('boot'));
  await openCard(b, id);

  // A changes the notes and saves while B's form is open.
  await a.getByTestId('client-notes').fill('Заметка из вкладки A');
  await a.getByTestId('save-client').click();
  await saved(a);
  // B's untouched notes field follows the record.
  await b.waitForFunction(() => document.querySelector('[data-testid="client-notes"]').value === 'Заметка из вкладки A');
  // B changes the phone and saves: A's notes are not overwritten by B's stale copy.
  await b.getByTestId('client-phone').fill('+7 912 345-67-89');
  await b.getByTestId('save-client').click();
  await saved(b);
  const stored = await clientAfterReload(a, id);
  assert.equal(stored.notes, 'Заметка из вкладки A');
  assert.equal(stored.phone, '+7 912 345-67-89');
  await context.close();
});

test('scenario 3: both tabs save different fields at the same moment: both kept', async () => {
  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Марина Волкова/);
  const id = await newLead(a, 'ООО «Одновременно»');
  const b = await context.newPage();
  await b.goto(app.server.url);
  await b.waitForFunction(() => !document.getElementById('boot'));
  await openCard(b, id);
  await a.getByTestId('client-notes').fill('Заметки из A');
  await b.getByTestId('client-phone').fill('+7 900 111-22-33');
  await Promise.all([
    a.getByTestId('save-client').click(),
    b.getByTestId('save-client').click(),
  ]);
  await saved(a);
  await saved(b);
  await a.waitForTimeout(500);
  for (const page of [a, b]) {
    const stored = await clientAfterReload(page, id);
    assert.equal(stored.notes, 'Заметки из A');
    assert.equal(stored.phone, '+7 900 111-22-33');
  }
  await context.close();
});

test('scenario 3: a field typed in B and changed in A meanwhile is offered to choose, not lost', async () => {
  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Марина Волкова/);
  const id = await newLead(a, 'ООО «Выбор»');
  const b = await context.newPage();
  await b.goto(app.server.url);
  await b.waitForFunction(() => !document.getElementById('boot'));
  await openCard(b, id);
  await b.getByTestId('client-notes').fill('Текст, набранный в B');
  await a.getByTestId('client-notes').fill('Текст из A');
  await a.getByTestId('save-client').click();
  await saved(a);
  await b.getByTestId('edit-clash').waitFor();
  assert.match(await b.getByTestId('edit-clash').innerText(), /Текст из A/);
  // What B typed is still there until B chooses.
  assert.equal(await b.getByTestId('client-notes').inputValue(), 'Текст, набранный в B');
  await b.getByTestId('clash-keep').click();
  await b.getByTestId('save-client').click();
  await saved(b);
  const stored = await clientAfterReload(a, id);
  assert.equal(stored.notes, 'Текст, набранный в B');
  await context.close();
});

test('scenario 8: a value another program wrote under an open tab is moved aside, not overwritten', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await saved(page);
  for (const foreign of ['garbage{', '{"format":"other.app","data":[1,2,3]}',
    '{"format":"salesdesk.workspace","version":99,"workspace":{}}']) {
    await page.evaluate((v) => localStorage.setItem('salesdesk.workspace', v), foreign);
    const id = await newLead(page, `ООО «После чужой записи ${foreign.length}»`);
    assert.ok(id);
    const kept = await page.evaluate((v) => Object.keys(localStorage)
      .filter((k) => k.startsWith('salesdesk.quarantine.'))
      .some((k) => localStorage.getItem(k) === v), foreign);
    assert.ok(kept, `the foreign value ${foreign} must be kept aside`);
    await page.getByTestId('corrupt-banner').first().waitFor();
  }
  await context.close();
});

test('scenario 4: deletions a merge would make are named, need a yes, are counted and can be undone', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await saved(page);
  await page.goto(`${app.server.url}#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  // Another rep deleted three clients (with their deals, orders…) after we last touched them.
  const gone = file.workspace.clients.slice(0, 3);
  const goneIds = new Set(gone.map((c) => c.id));
  const ws = file.workspace;
  const dropped = [
    ...gone.map((c) => c.id),
    ...ws.deals.filter((d) => goneIds.has(d.client_id)).map((d) => d.id),
    ...ws.orders.filter((o) => goneIds.has(o.client_id)).map((o) => o.id),
    ...ws.transfers.filter((t) => goneIds.has(t.client_id)).map((t) => t.id),
  ];
  const goneDeals = new Set(ws.deals.filter((d) => goneIds.has(d.client_id)).map((d) => d.id));
  dropped.push(...ws.assessments.filter((a) => goneDeals.has(a.deal_id)).map((a) => a.id));
  // Their deals' stage history goes with them (a file keeping it would be refused).
  dropped.push(...ws.stage_history.filter((e) => goneDeals.has(e.deal_id)).map((e) => e.id));
  ws.stage_history = ws.stage_history.filter((e) => !goneDeals.has(e.deal_id));
  ws.clients = ws.clients.filter((c) => !goneIds.has(c.id));
  ws.deals = ws.deals.filter((d) => !goneIds.has(d.client_id));
  ws.orders = ws.orders.filter((o) => !goneIds.has(o.client_id));
  ws.transfers = ws.transfers.filter((t) => !goneIds.has(t.client_id));
  ws.assessments = ws.assessments.filter((a) => !goneDeals.has(a.deal_id));
  const at = new Date(Date.now() + 60_000).toISOString();
  ws.removed.push(...dropped.map((id) => ({ id, removed_at: at })));
  delete file.derived;

  await page.getByTestId('import-file').setInputFiles({ name: 'rep.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByTestId('import-preview').waitFor();
  const removals = page.getByTestId('import-removals');
  await removals.waitFor();
  assert.match(await removals.innerText(), new RegExp(`будут удалены \\(${dropped.length}\\)`));
  for (const c of gone) assert.match(await removals.innerText(), new RegExp(`Клиент «${c.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}»`));
  // Nothing happens without an explicit yes.
  assert.equal(await page.getByTestId('confirm-import').isDisabled(), true);
  await page.getByTestId('confirm-removals').check();
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-report').waitFor();
  assert.match(await page.getByTestId('import-summary').innerText(), new RegExp(`удалено: ${dropped.length},`));
  await saved(page);
  assert.equal((await readStored(page)).workspace.clients.length, 33);
  // The merge kept a backup: restoring it brings the three clients back.
  await page.getByTestId('restore-backup').click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Вернуть копию' }).click();
  await saved(page);
  assert.equal((await readStored(page)).workspace.clients.length, 36);
  await context.close();
});

test('scenario 3: an open deal editor survives a change to that deal in another tab, and both changes are kept', async () => {
  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Марина Волкова/);
  const id = await newLead(a, 'ООО «Сделка в двух вкладках»');
  // The new-client form made its first deal.
  await a.locator('.client-card-deal-item').waitFor();

  const b = await context.newPage();
  await b.goto(app.server.url);
  await b.waitForFunction(() => !document.getElementById('boot'));
  await openCard(b, id);
  await b.getByTestId('edit-deal').click();
  await b.getByTestId('deal-amount').fill('250000');

  // Meanwhile A renames the deal.
  await a.getByTestId('edit-deal').click();
  await a.getByTestId('deal-title').fill('Поставка плёнки, годовой контракт');
  await a.getByTestId('save-deal').click();
  await saved(a);

  // B's editor is still open, with the amount typed and the new title taken in.
  await b.waitForFunction(() => document.querySelector('[data-testid="deal-title"]')?.value === 'Поставка плёнки, годовой контракт');
  assert.equal(await b.getByTestId('deal-amount').inputValue(), '250000');
  await b.getByTestId('save-deal').click();
  await saved(b);
  const stored = (await readStored(a)).workspace.deals.find((d) => d.client_id === id);
  assert.equal(stored.title, 'Поставка плёнки, годовой контракт');
  assert.equal(stored.amount, 25_000_000);
  await context.close();
});

test('scenario 8: an unreadable backup is listed and kept, never written over by the next import', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  await saved(page);
  await page.evaluate(() => {
    localStorage.setItem('salesdesk.backup', 'не резервная копия{');
    localStorage.setItem('salesdesk.backup.at', String(Date.now() - 86_400_000));
  });
  await page.goto(`${app.server.url}#/data`);
  await page.getByTestId('backup-info').waitFor();
  assert.equal(await page.getByTestId('no-backup').count(), 0, 'it must not claim there is no backup');
  // An import keeps a new backup beside it; the unreadable one is untouched.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  await page.getByTestId('import-file').setInputFiles({ name: 'same.json', mimeType: 'application/json', buffer: await readFile(await download.path()) });
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-report').waitFor();
  await saved(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('salesdesk.backup')), 'не резервная копия{');
  await page.getByTestId('older-backups').locator('summary').click();
  await page.getByTestId('older-backup').first().getByRole('button', { name: 'Вернуть копию' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Вернуть копию' }).click();
  await page.getByRole('alert').filter({ hasText: 'не удаётся прочитать' }).waitFor();
  assert.equal((await readStored(page)).workspace.clients.length, 36, 'a failed restore changes nothing');
  await context.close();
});

test('settings: two tabs edit different parts of the rule and the model; both kept, the same part is offered to choose', async () => {
  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Марина Волкова/);
  await a.goto(`${app.server.url}#/settings`);
  await a.getByTestId('rule-editor').waitFor();
  const b = await context.newPage();
  await b.goto(`${app.server.url}#/settings`);
  await b.getByTestId('rule-editor').waitFor();
  const before = (await readStored(a)).workspace;

  // A types a new «lost» threshold and a weight, without saving; B changes «sleeping» and saves.
  await a.getByTestId('lost-days').fill('400');
  await a.getByTestId('weight-0').fill('3');
  // A heavier criterion raises the maximum: the bands are stretched to it, as a person would.
  await a.getByTestId('rescale-bands').click();
  await b.getByTestId('sleeping-days').fill('120');
  await b.getByTestId('save-rule').click();
  await saved(b);
  // A's untouched «sleeping» field follows B's save; what A typed stays.
  await a.waitForFunction(() => document.querySelector('[data-testid="sleeping-days"]').value === '120');
  assert.equal(await a.getByTestId('lost-days').inputValue(), '400');
  await a.getByTestId('save-rule').click();
  await saved(a);
  let policy = (await readStored(a)).workspace.transfer_policy;
  assert.equal(policy.thresholds.sleeping_days, 120);
  assert.equal(policy.thresholds.lost_days, 400);

  // The model: B switches «at least N of M» on and saves; A's weight survives, and B's rule too.
  await b.reload();
  await b.getByTestId('model-editor').waitFor();
  await b.getByTestId('min-criteria').check();
  await b.getByTestId('save-model').click();
  await saved(b);
  await a.waitForFunction(() => document.querySelector('[data-testid="min-criteria"]').checked);
  assert.equal(await a.getByTestId('weight-0').inputValue(), '3');
  await a.getByTestId('save-model').click();
  await saved(a);
  const model = (await readStored(a)).workspace.scoring_model;
  assert.equal(model.criteria[0].weight, 3);
  assert.ok(model.min_criteria, 'B\'s rule is kept');
  assert.notDeepEqual(model, before.scoring_model);

  // The same field in both tabs: A is asked, and keeps its own value on purpose.
  await b.reload();
  await b.getByTestId('rule-editor').waitFor();
  await a.getByTestId('sleeping-days').fill('90');
  await b.getByTestId('sleeping-days').fill('150');
  await b.getByTestId('save-rule').click();
  await saved(b);
  const clash = a.getByTestId('settings-clash');
  await clash.waitFor();
  assert.match(await clash.innerText(), /«Пороги «спящий» и «потерян»» изменили в другом месте/);
  assert.equal(await a.getByTestId('sleeping-days').inputValue(), '90');
  await clash.getByTestId('clash-keep').click();
  await a.getByTestId('save-rule').click();
  await saved(a);
  policy = (await readStored(a)).workspace.transfer_policy;
  assert.equal(policy.thresholds.sleeping_days, 90);
  assert.equal(policy.thresholds.lost_days, 400);
  await context.close();
});
