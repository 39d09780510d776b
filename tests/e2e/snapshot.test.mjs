// Snapshots in the browser: a real export download, wipe, import back by replace and by merge
// with the preview and the report, a broken file refused with its message and nothing changed,
// the backup restored, a file opened read-only, and a director merging two reps' files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, saved, plain, loadDemoAs, readStored } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

async function exportFile(page) {
  await page.goto(`${app.server.url}#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text, json: JSON.parse(text) };
}

async function importFile(page, name, text) {
  await page.goto(`${app.server.url}#/data`);
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const clientCount = async (page) => (await readStored(page)).workspace.clients.length;

test('export, wipe, import back by replace and by merge, with preview and report', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  const file = await exportFile(page);
  // The file is named after the user's local day (the browser's, not UTC's).
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  assert.equal(file.name, `salesdesk-aleksey-smirnov-${today}.json`);
  assert.equal(file.json.format, 'salesdesk.workspace');
  assert.equal(file.json.version, 6);
  assert.equal(file.json.exported_by.name, 'Алексей Смирнов');
  assert.equal(file.json.workspace.clients.length, 36);
  assert.ok(file.json.workspace.orders.length > 0 && Number.isInteger(file.json.workspace.orders[0].lines[0].amount));
  assert.ok(file.json.derived, 'a derived section for readers');
  assert.match(await page.getByTestId('last-export').innerText(), /Последняя выгрузка: \d\d\.\d\d\.\d{4}\./);

  // Wipe the browser's storage: the welcome screen offers to restore from the file.
  await page.evaluate(() => localStorage.clear());
  await page.goto(app.server.url);
  await page.reload();
  await page.getByTestId('welcome-import').click();
  await page.getByTestId('import-file').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  const preview = page.getByTestId('import-preview');
  await preview.waitFor();
  assert.match(await page.getByTestId('preview-meta').innerText(), /Алексей Смирнов · версия формата 6/);
  const clientRow = page.locator('[data-testid="preview-table"] tr[data-kind="Client"]');
  const cells = async () => (await clientRow.locator('td').allInnerTexts()).join(' ');
  // Mine, in file, added, updated, left alone, removed, conflicts.
  assert.equal(await cells(), '0 36 36 0 0 0 0');
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-report').waitFor();
  await saved(page);
  assert.equal(await clientCount(page), 36);
  await page.goto(app.server.url);
  await page.evaluate(() => { location.hash = '#/'; }); // the board by its address, whoever signs in
  await page.getByRole('button', { name: /Алексей Смирнов/ }).click();
  await page.locator('.board').waitFor();

  // Rename a client here, so the file now differs from my data.
  await page.goto(`${app.server.url}#/clients/demo-c02`);
  const original = await page.getByTestId('client-name').inputValue();
  await page.getByTestId('client-name').fill('Переименован локально');
  await page.getByTestId('save-client').click();
  await saved(page);

  // Replace: the preview shows no conflict (the rename was made here only, after the export: a
  // merge keeps it); nothing is written before confirming.
  await importFile(page, file.name, file.text);
  await preview.waitFor();
  assert.equal(await cells(), '36 36 0 0 36 0 0');
  assert.equal((await readStored(page)).workspace.clients.find((c) => c.id === 'demo-c02').name, 'Переименован локально');
  await page.getByTestId('mode-replace').check();
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-report').waitFor();
  await saved(page);
  assert.equal((await readStored(page)).workspace.clients.find((c) => c.id === 'demo-c02').name, original);
  assert.match(await page.getByTestId('backup-info').innerText(), /36 клиентов/);

  // The backup brings my renamed client back.
  await page.getByTestId('restore-backup').click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Вернуть копию' }).click();
  await saved(page);
  assert.equal((await readStored(page)).workspace.clients.find((c) => c.id === 'demo-c02').name, 'Переименован локально');

  // Merge: the conflict is listed in the report, which downloads.
  await importFile(page, file.name, file.text);
  await preview.waitFor();
  await page.getByTestId('confirm-import').click();
  const report = page.getByTestId('import-report');
  await report.waitFor();
  assert.match(await page.getByTestId('import-summary').innerText(), /конфликтов: 0\./);
  await report.locator('summary').click();
  assert.match(await page.getByTestId('report-text').innerText(), /Переименован локально|demo-c02|Клиент/);
  const [reportDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-report').click()]);
  const reportText = await readFile(await reportDownload.path(), 'utf8');
  assert.match(reportText, /Клиент/);
  await saved(page);
  assert.equal(await clientCount(page), 36);
  await context.close();
});

test('a broken file is refused with its message and nothing changes', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  const before = JSON.stringify((await readStored(page)).workspace);
  const cases = [
    ['not-json.json', '{"format": "salesdesk.workspace", ', /Это не JSON: ошибка в строке 1/],
    ['other.json', '{"format": "other.app", "version": 1}', /Это не выгрузка Salesdesk \(формат «other\.app»\)/],
    ['future.json', '{"format": "salesdesk.workspace", "version": 99, "workspace": {}}', /более новой версией Salesdesk \(версия формата 99, эта версия читает до 6\)/],
  ];
  const good = await exportFile(page);
  const badAmount = structuredClone(good.json);
  badAmount.workspace.orders[3].lines[0].amount = -100;
  cases.push(['amount.json', JSON.stringify(badAmount), /workspace\.orders\[3\]\.lines\[0\]\.amount: сумма −?-?1 ₽ вне допустимого диапазона/]);
  const dangling = structuredClone(good.json);
  dangling.workspace.deals[4].client_id = 'nobody';
  cases.push(['dangling.json', JSON.stringify(dangling), /workspace\.deals\[4\]\.client_id: нет записи с id nobody/]);
  // Strict reading: a key twice, a list where a record belongs; every message in Russian.
  const goodText = JSON.stringify(good.json);
  cases.push(['twice.json', goodText.replace('"format":"salesdesk.workspace"', '"format":"other.app","format":"salesdesk.workspace"'),
    /верхний уровень файла: ключ «format» встречается дважды/]);
  cases.push(['list.json', JSON.stringify({ ...good.json, workspace: [] }), /workspace: ожидается объект \{…\}, а в данных — список/]);
  const fraction = structuredClone(good.json);
  fraction.workspace.orders[2].lines[0].amount = 1.5;
  cases.push(['fraction.json', JSON.stringify(fraction), /workspace\.orders\[2\]\.lines\[0\]\.amount: ожидается целое число, а в данных — число 1\.5/]);
  const noWorkspace = structuredClone(good.json);
  delete noWorkspace.workspace;
  cases.push(['empty.json', JSON.stringify(noWorkspace), /Нет обязательного поля workspace/]);
  const script = structuredClone(good.json);
  script.workspace.clients[0].name = '<img src=x onerror="window.__pwned=1">';
  // Newer than mine, so the merge takes it.
  script.workspace.clients[0].updated_at = new Date().toISOString();
  for (const [name, text, message] of cases) {
    await importFile(page, name, text);
    const rejected = page.getByTestId('import-rejected');
    await rejected.waitFor();
    assert.match(plain(await rejected.innerText()), message, name);
    assert.match(await rejected.innerText(), new RegExp(`Файл «${name.replace('.', '\\.')}» не загружен`));
    // No parser jargon reaches the person.
    assert.doesNotMatch(await rejected.innerText(), /invalid type|expected|missing field|unknown variant/, name);
  }
  assert.equal(JSON.stringify((await readStored(page)).workspace), before);

  // HTML in a name is data: shown as text, never run.
  await importFile(page, 'script.json', JSON.stringify(script));
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-report').waitFor();
  await page.goto(`${app.server.url}#/clients`);
  await page.getByText('<img src=x onerror="window.__pwned=1">').first().waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});

test('a file opened read-only leaves my data alone; a director merges two reps into a team view', async () => {
  // Two reps' browsers, each with a client of their own.
  const files = [];
  for (const [rep, client] of [[/Алексей Смирнов/, 'ООО «Клиент Алексея»'], [/Дарья Кузнецова/, 'ООО «Клиент Дарьи»']]) {
    const { page, context } = await app.open();
    await loadDemoAs(page, rep);
    await page.goto(`${app.server.url}#/clients/new`);
    await page.getByTestId('client-name').fill(client);
    await page.getByTestId('save-client').click();
    await page.getByTestId('client-title').waitFor();
    await saved(page);
    files.push(await exportFile(page));
    await context.close();
  }
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  const mine = JSON.stringify((await readStored(page)).workspace);

  await importFile(page, files[0].name, files[0].text);
  await page.getByTestId('view-only').click();
  const view = page.getByTestId('read-only');
  await view.waitFor();
  assert.match(await view.innerText(), /только чтение/);
  assert.match(await view.getByTestId('team-summary').innerText(), /Алексей Смирнов/);
  await page.getByTestId('close-view').click();
  assert.equal(JSON.stringify((await readStored(page)).workspace), mine);

  for (const [i, f] of files.entries()) {
    if (i === 0) {
      await importFile(page, f.name, f.text);
    } else {
      // The second file is dropped on the board: the data screen opens with its preview.
      await page.goto(`${app.server.url}#/`);
      await page.locator('.board').waitFor();
      await page.evaluate(([name, text]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: 'application/json' }));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, [f.name, f.text]);
    }
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-report').waitFor();
  }
  await saved(page);
  const names = (await readStored(page)).workspace.clients.map((c) => c.name);
  assert.ok(names.includes('ООО «Клиент Алексея»') && names.includes('ООО «Клиент Дарьи»'));
  await page.goto(`${app.server.url}#/team`);
  const summary = page.getByTestId('team-summary');
  await summary.waitFor();
  const rows = await summary.getByTestId('summary-row').allInnerTexts();
  assert.equal(rows.length, 7, 'six members and the team');
  assert.match(rows[6], /Вся команда/);
  await context.close();
});

test('after seven days without an export the app reminds, and an export quiets it', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  assert.equal(await page.getByTestId('export-reminder').count(), 0);
  // The first start was eight days ago.
  await page.evaluate(() => {
    const prefs = JSON.parse(localStorage.getItem('salesdesk.prefs'));
    prefs.first_seen_at = new Date(Date.now() - 8 * 86_400_000).toISOString();
    localStorage.setItem('salesdesk.prefs', JSON.stringify(prefs));
  });
  await page.reload();
  const reminder = page.getByTestId('export-reminder');
  await reminder.waitFor();
  assert.match(await reminder.innerText(), /выгрузок ещё не было/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reminder-export').click()]);
  assert.match(download.suggestedFilename(), /^salesdesk-marina-volkova-\d{4}-\d\d-\d\d\.json$/);
  await reminder.waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('.board').waitFor();
  assert.equal(await page.getByTestId('export-reminder').count(), 0);
  await context.close();
});
