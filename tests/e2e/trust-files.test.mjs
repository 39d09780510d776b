// «Never lose a change» with files: the import and backup flows that used to lose or revert data,
// each reproduced as people would do it — reps' browsers exporting files, a director merging
// them, a second tab open on the same data, a stale import preview, a device whose clock runs
// ahead. Files are always made by the app itself (export after editing through the UI), so they
// carry the field stamps a real file carries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, saved, loadDemoAs, readStored, newLead } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

const DAY = 86_400_000;

async function exportFile(page) {
  await page.goto(`${app.server.url}#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text, json: JSON.parse(text) };
}

/** Picks the file on the data screen and waits for its preview. */
async function previewFile(page, file) {
  await page.evaluate(() => { location.hash = '#/data'; });
  await page.getByTestId('import-file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await page.getByTestId('import-preview').waitFor();
}

/** The preview's row for clients: mine, in file, added, updated, left alone, removed, conflicts. */
async function clientPreviewRow(page) {
  const row = page.locator('[data-testid="preview-table"] tr[data-kind="Client"]');
  return (await row.locator('td').allInnerTexts()).map(Number);
}

/** Confirms the import shown in the preview; returns the summary line and the report text. */
async function confirmImport(page, mode = 'merge') {
  if (mode === 'replace') await page.getByTestId('mode-replace').check();
  // Records the import would remove are named and need an explicit yes (scenario 4's test checks
  // the names; here the person agrees).
  if (await page.getByTestId('confirm-removals').count()) await page.getByTestId('confirm-removals').check();
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-report').waitFor();
  await saved(page);
  const summary = await page.getByTestId('import-summary').innerText();
  let report = '';
  if (mode === 'merge') {
    await page.getByTestId('import-report').locator('summary').click();
    report = await page.getByTestId('report-text').innerText();
  }
  return { summary, report };
}

/** A rep's own browser: starts from the director's file (import by replace), signs in. */
async function repBrowser(file, rep, clock) {
  const opened = await app.open({}, clock ? { clock } : {});
  const { page } = opened;
  await page.getByTestId('welcome-import').click();
  await previewFile(page, file);
  await confirmImport(page, 'replace');
  await page.goto(app.server.url);
  await page.evaluate(() => { location.hash = '#/'; }); // the board by its address, whoever signs in
  await page.getByRole('button', { name: rep }).click();
  await page.locator('.board').waitFor();
  return opened;
}

async function openCard(page, id) {
  await page.evaluate((h) => { location.hash = h; }, `#/clients/${encodeURIComponent(id)}`);
  await page.getByTestId('client-form').waitFor();
}

/** Changes some fields of a client through its card, as a person does, and saves. */
async function editClient(page, id, fields) {
  await openCard(page, id);
  for (const [field, value] of Object.entries(fields)) await page.getByTestId(`client-${field}`).fill(value);
  await page.getByTestId('save-client').click();
  await saved(page);
}

/** What the client's card shows, after the page is reloaded (so: what is stored). */
async function cardAfterReload(page, id) {
  await page.reload();
  await page.waitForFunction(() => !document.getElementById('boot'));
  return cardNow(page, id);
}

async function cardNow(page, id) {
  await openCard(page, id);
  return {
    name: await page.getByTestId('client-name').inputValue(),
    phone: await page.getByTestId('client-phone').inputValue(),
    notes: await page.getByTestId('client-notes').inputValue(),
  };
}

async function storedClient(page, id) {
  return (await readStored(page)).workspace.clients.find((c) => c.id === id);
}

/**
 * The client of every stored order. Storage keeps orders column by column in a list of books
 * (`order_book`, see src/format/order_book.rs): each order's client is its position in the
 * client list plus one, or 0 for the next id of the book's `other_clients`.
 */
function orderClients(w) {
  if (w.orders) return w.orders.map((o) => o.client_id);
  const books = Array.isArray(w.order_book) ? w.order_book : [w.order_book];
  return books.flatMap((book) => {
    let other = 0;
    return book.client.map((p) => (p === 0 ? book.other_clients[other++] : w.clients[p - 1].id));
  });
}

/** Rates the first deal on the open card (BANT levels by criterion) and saves the assessment. */
async function assess(page, levels) {
  await page.getByTestId('assess').first().click();
  const form = page.getByTestId('assess-form');
  await form.waitFor();
  for (const [key, level] of Object.entries(levels)) {
    await form.locator(`fieldset[data-criterion="${key}"]`).locator(`input[value="${level}"]`).check();
  }
  await page.getByTestId('save-assessment').click();
  await form.waitFor({ state: 'detached' });
}

/** Adds a one-line order of «Гофрокороб» on the open card. */
async function addOrder(page, rubles) {
  await page.getByTestId('add-order').click();
  const form = page.getByTestId('order-form');
  await form.getByTestId('order-product').selectOption({ label: 'Гофрокороб' });
  await form.getByTestId('order-amount').fill(rubles);
  await form.getByTestId('save-order').click();
  await form.waitFor({ state: 'detached' });
}

/** The client names the list shows. */
async function listedNames(page) {
  await page.evaluate(() => { location.hash = '#/clients'; });
  await page.getByTestId('client-count').waitFor();
  return page.locator('.clients-link').allInnerTexts();
}

test('scenario 2: the director merges two reps\' files: one-sided edits are taken without conflicts, a true conflict is listed with both values', async () => {
  const director = await app.open();
  const d = director.page;
  await loadDemoAs(d, /Марина Волкова/);
  const base = await exportFile(d);
  const original = await storedClient(d, 'demo-c05');

  const repA = await repBrowser(base, /Алексей Смирнов/);
  const repB = await repBrowser(base, /Дарья Кузнецова/);
  await editClient(repA.page, 'demo-c05', { phone: '+7 901 111-11-11' });
  await editClient(repB.page, 'demo-c05', { notes: 'Заметка Дарьи: перезвонить в мае' });
  const fileA = await exportFile(repA.page);
  const fileB = await exportFile(repB.page);
  // The files say what changed: A's file the phone, B's file the notes, each stamped.
  const inA = fileA.json.workspace.clients.find((c) => c.id === 'demo-c05');
  const inB = fileB.json.workspace.clients.find((c) => c.id === 'demo-c05');
  assert.ok(inA.stamps?.fields?.['contact.phone'], 'the phone edit is stamped in A\'s file');
  assert.ok(inB.stamps?.fields?.notes, 'the notes edit is stamped in B\'s file');
  assert.equal(inA.notes, original.notes);
  assert.equal(inB.contact.phone, original.contact.phone);

  for (const file of [fileA, fileB]) {
    await previewFile(d, file);
    const [, , , updated, , , conflicts] = await clientPreviewRow(d);
    assert.equal(updated, 1, `${file.name}: one client updated`);
    assert.equal(conflicts, 0, `${file.name}: a one-sided update is no conflict`);
    const { summary, report } = await confirmImport(d);
    assert.match(summary, /конфликтов: 0\./, `${file.name}: ${summary}`);
    assert.match(report, /Конфликты \(0\):/);
  }
  const stored = await storedClient(d, 'demo-c05');
  assert.equal(stored.contact.phone, '+7 901 111-11-11', 'A\'s phone survived B\'s file');
  assert.equal(stored.notes, 'Заметка Дарьи: перезвонить в мае', 'B\'s notes are taken');
  assert.equal(stored.name, original.name);
  const shown = await cardAfterReload(d, 'demo-c05');
  assert.equal(shown.phone, '+7 901 111-11-11');
  assert.equal(shown.notes, 'Заметка Дарьи: перезвонить в мае');

  // A true conflict: both reps change the same field without seeing each other's change.
  await editClient(repA.page, 'demo-c05', { phone: '+7 902 222-22-22' });
  await editClient(repB.page, 'demo-c05', { phone: '+7 903 333-33-33' });
  const fileA2 = await exportFile(repA.page);
  const fileB2 = await exportFile(repB.page);
  await previewFile(d, fileA2);
  assert.equal((await clientPreviewRow(d))[6], 0, 'A only changed its own earlier value');
  assert.match((await confirmImport(d)).summary, /конфликтов: 0\./);
  await previewFile(d, fileB2);
  assert.equal((await clientPreviewRow(d))[6], 1, 'the preview counts the conflict');
  const { summary, report } = await confirmImport(d);
  assert.match(summary, /конфликтов: 1\./, summary);
  assert.match(report, /Конфликты \(1\):/);
  const line = report.split('\n').find((l) => l.includes('поле «Телефон»'));
  assert.ok(line, `the report names the field:\n${report}`);
  assert.ok(line.includes(original.name), line);
  assert.ok(line.includes('+7 902 222-22-22') && line.includes('+7 903 333-33-33'), `both values: ${line}`);
  // B changed it last: B's value is kept, and the report says it was taken from the file.
  assert.match(line, /принято из файла/);
  const after = await storedClient(d, 'demo-c05');
  assert.equal(after.contact.phone, '+7 903 333-33-33');
  assert.equal(after.notes, 'Заметка Дарьи: перезвонить в мае');
  assert.equal((await cardAfterReload(d, 'demo-c05')).phone, '+7 903 333-33-33');
  for (const c of [director, repA, repB]) await c.context.close();
});

test('scenario 5: «Заменить» and «Вернуть копию» with a second tab open: what the replace dropped stays dropped, what the restore brings back stays', async () => {
  // A rep's file: the demo data plus a client of the rep's own; it lacks the director's clients.
  const rep = await app.open();
  await loadDemoAs(rep.page, /Алексей Смирнов/);
  await newLead(rep.page, 'ООО «Клиент из файла»');
  const file = await exportFile(rep.page);
  await rep.context.close();

  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Марина Волкова/);
  const own = [await newLead(a, 'ООО «Только у директора 1»'), await newLead(a, 'ООО «Только у директора 2»')];
  // The second one is worked on: its deal assessed, an order taken.
  await assess(a, { budget: 3, authority: 2, need: 3, timeline: 2 });
  await addOrder(a, '15000');
  await saved(a);
  const history = async (page) => {
    const w = (await readStored(page)).workspace;
    const deals = w.deals.filter((x) => own.includes(x.client_id)).map((x) => x.id);
    return {
      deals: deals.length,
      orders: orderClients(w).filter((id) => own.includes(id)).length,
      assessments: w.assessments.filter((x) => deals.includes(x.deal_id)).length,
    };
  };
  const worked = await history(a);
  assert.deepEqual(worked, { deals: 2, orders: 1, assessments: 1 });
  const b = await context.newPage();
  await b.goto(`${app.server.url}#/clients`);
  await b.locator('.clients-link', { hasText: 'ООО «Только у директора 2»' }).waitFor();

  await previewFile(a, file);
  await confirmImport(a, 'replace');
  const ids = async (page) => (await readStored(page)).workspace.clients.map((c) => c.id);
  assert.ok(!(await ids(a)).some((id) => own.includes(id)), 'the replace dropped the director\'s clients');
  // The second tab follows, then keeps working: an edit there is saved over the replaced data.
  await b.locator('.clients-link', { hasText: 'ООО «Клиент из файла»' }).waitFor();
  await editClient(b, 'demo-c01', { notes: 'Правка из второй вкладки после замены' });
  await a.waitForTimeout(3000);
  for (const page of [a, b]) {
    await page.reload();
    await page.waitForFunction(() => !document.getElementById('boot'));
    const names = await listedNames(page);
    assert.ok(names.includes('ООО «Клиент из файла»'));
    assert.ok(!names.some((n) => n.startsWith('ООО «Только у директора')), `the dropped clients came back: ${names}`);
    assert.ok(!(await ids(page)).some((id) => own.includes(id)));
    assert.deepEqual(await history(page), { deals: 0, orders: 0, assessments: 0 });
  }
  assert.equal((await storedClient(a, 'demo-c01')).notes, 'Правка из второй вкладки после замены');

  // «Вернуть копию»: the data from before the replace, in both tabs, and it stays so — the
  // second tab still holds the replace's tombstones for the director's clients.
  await a.evaluate(() => { location.hash = '#/data'; });
  await a.getByTestId('restore-backup').click();
  await a.getByRole('alertdialog').getByRole('button', { name: 'Вернуть копию' }).click();
  await saved(a);
  await b.locator('.clients-link', { hasText: 'ООО «Только у директора 1»' }).waitFor();
  await a.waitForTimeout(3000);
  for (const page of [a, b]) {
    await page.reload();
    await page.waitForFunction(() => !document.getElementById('boot'));
    const names = await listedNames(page);
    assert.ok(!names.includes('ООО «Клиент из файла»'), `the client the import added came back: ${names}`);
    for (const n of ['ООО «Только у директора 1»', 'ООО «Только у директора 2»']) {
      assert.ok(names.includes(n), `${n} was not restored: ${names}`);
    }
    const stored = await ids(page);
    assert.ok(own.every((id) => stored.includes(id)), 'the restored clients are stored');
    assert.ok(!(await readStored(page)).workspace.clients.some((c) => c.name === 'ООО «Клиент из файла»'));
    assert.deepEqual(await history(page), worked, 'the restored clients\' deals, orders and assessments');
  }
  // The worked-on client's card shows its order and its assessment again.
  await openCard(b, own[1]);
  await b.getByTestId('order').first().waitFor();
  assert.equal(await b.getByTestId('order').count(), 1);
  assert.equal(await b.getByTestId('assessment-history').locator('li').count(), 1);
  // An edit in the second tab after the restore changes nothing of it.
  await editClient(b, 'demo-c02', { notes: 'Правка из второй вкладки после возврата' });
  await a.waitForTimeout(2000);
  await a.reload();
  await a.waitForFunction(() => !document.getElementById('boot'));
  const names = await listedNames(a);
  assert.ok(names.includes('ООО «Только у директора 1»') && names.includes('ООО «Только у директора 2»'), `${names}`);
  assert.ok(!names.includes('ООО «Клиент из файла»'));
  assert.equal((await storedClient(a, 'demo-c02')).notes, 'Правка из второй вкладки после возврата');
  assert.deepEqual(await history(a), worked);
  await context.close();
});

test('scenario 6: a stale import preview is refused and worked out again, so it does not erase edits another tab made meanwhile', async () => {
  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Марина Волкова/);
  // A rep's file made from my data, with one change of the rep's own.
  const base = await exportFile(a);
  const rep = await repBrowser(base, /Алексей Смирнов/);
  await editClient(rep.page, 'demo-c20', { notes: 'Заметка из файла' });
  const file = await exportFile(rep.page);
  await rep.context.close();

  await previewFile(a, file);
  // Meanwhile a second tab edits two clients that the file holds as they were, and closes.
  const b = await context.newPage();
  await b.goto(`${app.server.url}#/`);
  await b.locator('.board').waitFor();
  await editClient(b, 'demo-c03', { name: 'ООО «Переименовано во вкладке B»' });
  await editClient(b, 'demo-c04', { phone: '+7 904 444-44-44', notes: 'Заметка из вкладки B' });
  await b.close();

  // The preview on A is the one computed before B's edits: «Загрузить» writes nothing and says
  // so, and the preview is worked out again on the data as it is now; confirming that merges.
  await a.getByTestId('confirm-import').click();
  await a.locator('[data-testid="import-preview"] .field-error', { hasText: 'ваши данные изменились' }).waitFor();
  assert.equal(await a.getByTestId('import-report').count(), 0);
  assert.notEqual((await storedClient(a, 'demo-c20')).notes, 'Заметка из файла');
  const { summary } = await confirmImport(a);
  assert.match(summary, /конфликтов: 0\./, summary);
  const check = async () => {
    const c3 = await storedClient(a, 'demo-c03');
    const c4 = await storedClient(a, 'demo-c04');
    assert.equal(c3.name, 'ООО «Переименовано во вкладке B»');
    assert.equal(c4.contact.phone, '+7 904 444-44-44');
    assert.equal(c4.notes, 'Заметка из вкладки B');
    assert.equal((await storedClient(a, 'demo-c20')).notes, 'Заметка из файла');
  };
  await check();
  // What A shows, before and after a reload.
  assert.equal((await cardNow(a, 'demo-c03')).name, 'ООО «Переименовано во вкладке B»');
  assert.deepEqual(await cardNow(a, 'demo-c04').then(({ phone, notes }) => ({ phone, notes })),
    { phone: '+7 904 444-44-44', notes: 'Заметка из вкладки B' });
  assert.equal((await cardAfterReload(a, 'demo-c03')).name, 'ООО «Переименовано во вкладке B»');
  const c4 = await cardNow(a, 'demo-c04');
  assert.equal(c4.phone, '+7 904 444-44-44');
  assert.equal(c4.notes, 'Заметка из вкладки B');
  assert.equal((await cardNow(a, 'demo-c20')).notes, 'Заметка из файла');
  await check();
  await context.close();
});

test('scenario 7: a file from a clock 300 days ahead does not win over later real edits', async () => {
  const { page: a, context } = await app.open();
  await loadDemoAs(a, /Марина Волкова/);
  const base = await exportFile(a);

  // A rep's device whose clock runs 300 days ahead edits a client and exports.
  const ahead = new Date(Date.now() + 300 * DAY);
  const rep = await repBrowser(base, /Алексей Смирнов/, ahead);
  await editClient(rep.page, 'demo-c08', { name: 'ООО «Имя из будущего»' });
  const file = await exportFile(rep.page);
  await rep.context.close();
  const inFile = file.json.workspace.clients.find((c) => c.id === 'demo-c08');
  // A field stamp: when the value was set, and when the value it replaced had been set.
  const nameStamp = inFile.stamps.fields.name;
  const stamp = Date.parse(Array.isArray(nameStamp) ? nameStamp[0] : nameStamp.at);
  assert.ok(stamp > Date.now() + 299 * DAY, `the file's stamp is ahead: ${JSON.stringify(inFile.stamps)}`);

  // The director has a second tab open on that client's card, and merges the file in the first.
  const b = await context.newPage();
  await b.goto(`${app.server.url}#/`);
  await b.locator('.board').waitFor();
  await openCard(b, 'demo-c08');
  await previewFile(a, file);
  const { summary } = await confirmImport(a);
  assert.match(summary, /конфликтов: 0\./, summary);
  assert.equal((await storedClient(a, 'demo-c08')).name, 'ООО «Имя из будущего»');
  await b.waitForFunction(() => document.querySelector('[data-testid="client-name"]').value === 'ООО «Имя из будущего»');

  // A real rename now, in tab A; then tab B, whose form is open, saves a note on the same client.
  await editClient(a, 'demo-c08', { name: 'ООО «Настоящее имя»' });
  await b.waitForFunction(() => document.querySelector('[data-testid="client-name"]').value === 'ООО «Настоящее имя»');
  await b.getByTestId('client-notes').fill('Заметка из вкладки B');
  await b.getByTestId('save-client').click();
  await saved(b);
  await a.waitForTimeout(3000);
  for (const page of [a, b]) {
    assert.equal((await storedClient(page, 'demo-c08')).name, 'ООО «Настоящее имя»');
    const shown = await cardNow(page, 'demo-c08');
    assert.equal(shown.name, 'ООО «Настоящее имя»', 'the rename holds in the open tab');
    assert.equal(shown.notes, 'Заметка из вкладки B');
  }
  for (const page of [a, b]) {
    const shown = await cardAfterReload(page, 'demo-c08');
    assert.equal(shown.name, 'ООО «Настоящее имя»', 'the rename holds after a reload');
    assert.equal(shown.notes, 'Заметка из вкладки B');
  }
  await a.waitForTimeout(2000);
  const stored = await storedClient(a, 'demo-c08');
  assert.equal(stored.name, 'ООО «Настоящее имя»');
  assert.equal(stored.notes, 'Заметка из вкладки B');
  await context.close();
});
