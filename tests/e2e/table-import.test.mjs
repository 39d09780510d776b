// Importing tables (issue 15) in Chromium: an amoCRM-style client list, then a 1C sales report
// saved as a Windows-1251 `;` CSV (detected settings shown and changeable, a mapping fixed, the
// problem rows in words), undo, re-import without duplicates (and with deleted orders brought
// back only when asked), and the same report as .xlsx updating the one document that changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { start, saved, plain, loadDemoAs, readStored } from './helpers.mjs';

const FIXTURES = new URL('../fixtures/import/', import.meta.url);
let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

async function pick(page, name, mimeType) {
  const buffer = await readFile(new URL(name, FIXTURES));
  await page.getByTestId('table-file').setInputFiles({ name, mimeType, buffer });
  await page.getByTestId('table-setup').waitFor();
  // The rows are checked in slices after the set-up shows: wait for what the check says.
  await page.locator('[data-testid="table-preview"], [data-testid="table-mapping-error"]').first().waitFor();
}

const text = async (page, id) => plain(await page.getByTestId(id).innerText());
/**
 * The stored workspace with its orders as `{ id, amounts }`: storage keeps orders column by
 * column in one book or a list of books (`order_book`, see src/format/order_books.rs).
 */
async function stored(page) {
  const w = (await readStored(page)).workspace;
  if (w.orders) return { ...w, orders: w.orders.map((o) => ({ id: o.id, amounts: o.lines.map((l) => l.amount) })) };
  const books = Array.isArray(w.order_book) ? w.order_book : w.order_book ? [w.order_book] : [];
  const orders = books.flatMap((book) => {
    const ids = book.ids ? book.ids.split(' ') : [];
    let line = 0;
    return ids.map((id, i) => {
      const amounts = book.amount.slice(line, line + book.line_count[i]);
      line += book.line_count[i];
      return { id, amounts };
    });
  });
  return { ...w, orders };
}

test('clients, then orders from 1C: preview, problems, mapping, undo, re-import, xlsx', async () => {
  const { page } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.goto(`${app.server.url}#/data`);
  const before = await stored(page);

  // A client list is recognised as one; its problem rows are named with their row numbers.
  await pick(page, 'amocrm-clients.csv', 'text/csv');
  assert.equal(await page.getByTestId('table-target').inputValue(), 'clients');
  assert.equal(await page.getByTestId('table-encoding').inputValue(), 'Utf8');
  assert.equal(await page.getByTestId('table-separator').inputValue(), 'Comma');
  const problems = await page.getByTestId('table-problem').allInnerTexts();
  assert.ok(problems.includes('строка 5: ИНН «1234567890» не проходит проверку контрольных цифр'), problems.join('\n'));
  assert.ok(problems.includes('строка 6: этот клиент уже есть в строке 2'), problems.join('\n'));
  const added = Number((await text(page, 'table-clients')).match(/добавится (\d+)/)[1]);
  assert.ok(added >= 2);
  await page.getByTestId('table-confirm').click();
  await page.getByTestId('table-result').waitFor();
  await saved(page);
  assert.equal((await stored(page)).clients.length, before.clients.length + added);

  // The 1C report: Windows-1251 and «;» detected, title rows and the totals row skipped.
  await pick(page, '1c-sales-cp1251.csv', 'text/csv');
  assert.equal(await page.getByTestId('table-target').inputValue(), 'orders');
  assert.equal(await page.getByTestId('table-encoding').inputValue(), 'Windows1251');
  assert.equal(await page.getByTestId('table-separator').inputValue(), 'Semicolon');
  assert.equal(await text(page, 'table-shape'), 'Таблица: строка заголовков 5, строк данных 6.');
  const expected = 'Заказы: добавится 3, уже есть 0, обновится 0, пропущено 1.';
  assert.equal(await text(page, 'table-orders'), expected);
  const lines = await page.getByTestId('table-problem').allInnerTexts();
  assert.ok(lines.includes('строка 10: сумма «12,3,4» не число'), lines.join('\n'));
  assert.ok(lines.includes('строка 11: документ не загружается: в строке 10 ошибка'), lines.join('\n'));

  // The wrong separator is visible at once and can be put back.
  await page.getByTestId('table-separator').selectOption('Comma');
  await page.getByTestId('table-mapping-error').waitFor();
  await page.getByTestId('table-separator').selectOption('Semicolon');
  await page.getByTestId('table-orders').waitFor();

  // A column left out is named; chosen again, the preview is back.
  const amount = page.getByRole('combobox', { name: 'Сумма с НДС' });
  await amount.selectOption('');
  assert.equal(await text(page, 'table-mapping-error'), 'Укажите столбец для поля «Сумма».');
  assert.equal(await page.getByTestId('table-confirm').isDisabled(), true);
  await amount.selectOption('Amount');
  assert.equal(await text(page, 'table-orders'), expected);
  // The owners of this file are not on the team: the column is left out (and remembered).
  await page.getByRole('combobox', { name: 'Ответственный' }).selectOption('');

  await page.getByTestId('table-confirm').click();
  await page.getByTestId('table-result').waitFor();
  await saved(page);
  const imported = await stored(page);
  assert.equal(imported.orders.length, before.orders.length + 3);
  const ids = imported.orders.filter((o) => o.id.startsWith('imp-')).map((o) => o.id);
  assert.equal(ids.length, 3);

  // Undo takes the import back in one action.
  await page.getByTestId('table-undo').click();
  await page.getByText('Импорт отменён.').first().waitFor();
  await saved(page);
  assert.equal((await stored(page)).orders.length, before.orders.length);

  // The same file again: set up as last time; the undone orders come back only when asked.
  await pick(page, '1c-sales-cp1251.csv', 'text/csv');
  assert.equal(await page.getByRole('combobox', { name: 'Ответственный' }).inputValue(), '');
  assert.equal(await page.getByRole('combobox', { name: 'Сумма с НДС' }).inputValue(), 'Amount');
  assert.equal(await text(page, 'table-orders'), 'Заказы: добавится 0, уже есть 0, обновится 0, пропущено 4.');
  await page.getByTestId('table-restore-deleted').check();
  assert.equal(await text(page, 'table-orders'), expected);
  await page.getByTestId('table-confirm').click();
  await page.getByTestId('table-result').waitFor();
  await saved(page);
  assert.equal((await stored(page)).orders.length, before.orders.length + 3);

  // Once more: nothing is added twice, and there is nothing to confirm.
  await pick(page, '1c-sales-cp1251.csv', 'text/csv');
  assert.equal(await text(page, 'table-orders'), 'Заказы: добавится 0, уже есть 3, обновится 0, пропущено 1.');
  assert.equal(await page.getByTestId('table-confirm').isDisabled(), true);
  await page.getByTestId('table-close').click();

  // The same report as .xlsx: the same documents, one of them edited (document 102).
  await pick(page, '1c-sales.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(await text(page, 'table-setup'), /Лист «Продажи»/);
  // The report's empty margin column is named by its number.
  assert.equal(await page.getByRole('combobox', { name: 'Столбец 1' }).inputValue(), '');
  assert.equal(await page.getByTestId('table-encoding').count(), 0);
  assert.equal(await text(page, 'table-orders'), 'Заказы: добавится 0, уже есть 2, обновится 1, пропущено 0.');
  await page.getByTestId('table-confirm').click();
  await page.getByTestId('table-result').waitFor();
  await saved(page);
  const after = await stored(page);
  assert.equal(after.orders.length, before.orders.length + 3);
  const edited = after.orders.filter((o) => o.id.startsWith('imp-')).find((o) => o.amounts.length === 1 && o.amounts[0] === 30);
  assert.ok(edited, 'document 102 now holds the amount of the xlsx (0,30 ₽)');
});

test('a file that is not a table is refused with the reason', async () => {
  const { page } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.goto(`${app.server.url}#/data`);
  await page.getByTestId('table-file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) });
  await page.getByTestId('table-error').waitFor();
  assert.equal(await text(page, 'table-error'), 'Это не таблица: загрузите файл .xlsx или .csv.');
  const locked = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
  await page.getByTestId('table-file').setInputFiles({ name: 'locked.xlsx', mimeType: 'application/octet-stream', buffer: locked });
  // The message is replaced once the second file is read.
  await page.getByTestId('table-error').filter({ hasText: 'защищён паролем' }).waitFor();
});

test('imported orders make a client eligible for transfer, with the figures', async () => {
  const { page } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  const day = (n) => {
    const d = new Date(Date.now() - n * 86_400_000);
    return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
  };
  const file = (rows) => Buffer.from(['Дата;Документ;Покупатель;ИНН;Товар;Сумма', ...rows].join('\n'));
  const importRows = async (name, rows) => {
    await page.goto(`${app.server.url}#/data`);
    await page.getByTestId('table-file').setInputFiles({ name, mimeType: 'text/csv', buffer: file(rows) });
    await page.getByTestId('table-setup').waitFor();
    await page.getByTestId('table-confirm').click();
    await page.getByTestId('table-result').waitFor();
    await saved(page);
  };
  const card = async () => {
    const w = (await readStored(page)).workspace;
    const client = w.clients.find((c) => c.inn === '7707083893');
    await page.goto(`${app.server.url}#/clients/${encodeURIComponent(client.id)}`);
    await page.getByTestId('eligibility').waitFor();
  };
  await importRows('january.csv', [`${day(40)};А-1;ООО «Импортный»;7707083893;Гофрокороб;120 000,00`]);
  await card();
  assert.equal(await page.getByTestId('eligibility').innerText(), 'Ещё не выполнил правило передачи');
  assert.equal(await page.getByTestId('condition-figures').innerText(), 'заказов 1 из 2');
  // The next month's file repeats the first document and adds a second: one more order, not two.
  await importRows('february.csv', [
    `${day(40)};А-1;ООО «Импортный»;7707083893;Гофрокороб;120 000,00`,
    `${day(10)};А-7;ООО «Импортный»;7707083893;Гофрокороб;80 000,00`,
  ]);
  await card();
  assert.equal(await page.getByTestId('eligibility').innerText(), 'Выполнил правило передачи');
  assert.equal(await page.getByTestId('condition-figures').innerText(), 'заказов 2 из 2');
});

test('the import set-up and its preview pass axe', async () => {
  const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  // axe is injected as a script, which the app's CSP forbids; this context bypasses CSP for it.
  const { page } = await app.open({ bypassCSP: true });
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.goto(`${app.server.url}#/data`);
  await page.addScriptTag({ path: AXE });
  for (const [name, type] of [['1c-sales-cp1251.csv', 'text/csv'], ['1c-sales.xlsx', 'application/octet-stream']]) {
    await pick(page, name, type);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.nodes[0]?.target?.join(' ')}`);
    });
    assert.deepEqual(violations, [], name);
  }
  // On a phone the mapping stacks into one card per column: no cell past the screen's edge.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => [...document.querySelectorAll('[data-testid="table-setup"] td, [data-testid="table-setup"] th')]
    .filter((c) => c.getBoundingClientRect().right > window.innerWidth + 1).length);
  assert.equal(overflow, 0);
});

/**
 * A 1C-like order file of `rows` lines (documents of 4 lines) with КПП and «Количество»
 * columns; the first client's ИНН and КПП are real-shaped.
 */
function bigFile(rows) {
  const lines = ['Продажи', '', 'Дата;Документ;Контрагент;ИНН;КПП;Номенклатура;Количество;Сумма с НДС'];
  for (let i = 0; i < rows; i++) {
    const doc = Math.floor(i / 4);
    const client = doc % 500;
    const inn = client === 0 ? '7728003169' : '';
    const kpp = client === 0 ? '773601001' : '';
    const day = String((doc % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(doc / 28) % 10) + 1).padStart(2, '0');
    lines.push(`${day}.${month}.2025;Б-${doc};ООО «Покупатель ${client}»;${inn};${kpp};Товар ${i % 50};${i === 0 ? '1 234,5' : 1 + (i % 7)};${1000 + (i % 900)},00`);
  }
  lines.push('Итого;;;;;;;');
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

const SHOTS = new URL('../../target/screenshots/', import.meta.url);

test('a 20 000-row file shows its progress, can be stopped, and brings КПП and quantities', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.goto(`${app.server.url}#/data`);
  await mkdir(SHOTS, { recursive: true });
  const buffer = bigFile(20_000);
  // A slowed-down CPU keeps the bar on screen long enough to look at it.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  const choose = () => page.getByTestId('table-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer });

  // Stopped while it reads or checks: nothing stays, nothing changes.
  await choose();
  await page.getByTestId('table-progress').waitFor();
  assert.match(await text(page, 'table-progress-text'), /^(Чтение файла|Проверка строк)… \d+ %$/);
  await page.getByTestId('table-cancel').click();
  assert.equal(await text(page, 'table-result'), 'Импорт прерван: ничего не изменилось.');
  assert.equal(await page.getByTestId('table-progress').count(), 0);
  assert.equal(await page.getByTestId('table-setup').count(), 0);

  // Again, to the end; the bar shows what is being done as it goes.
  await choose();
  const seen = new Set();
  await page.getByTestId('table-progress').waitFor();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId('table-progress').scrollIntoViewIfNeeded().catch(() => {});
    const shown = await page.getByTestId('table-progress-text').innerText().catch(() => '');
    if (shown) seen.add(shown.replace(/\d+ %/, '%'));
    await page.screenshot({ path: new URL(`table-import-progress-${width}.png`, SHOTS).pathname, fullPage: false });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByTestId('table-orders').waitFor({ timeout: 120_000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.ok(seen.size > 0, 'the progress bar was seen');
  assert.equal(await text(page, 'table-orders'), 'Заказы: добавится 5000, уже есть 0, обновится 0, пропущено 0.');
  assert.equal(await page.getByTestId('table-fit').count(), 0, 'it fits well');
  await page.getByTestId('table-confirm').click();
  await page.getByTestId('table-result').filter({ hasText: 'Импорт выполнен' }).waitFor({ timeout: 60_000 });
  await saved(page);

  const w = (await readStored(page)).workspace;
  const vector = w.clients.find((c) => c.inn === '7728003169');
  assert.equal(vector.kpp, '773601001');
  const books = Array.isArray(w.order_book) ? w.order_book : [w.order_book];
  const quantities = books.flatMap((b) => b.quantity ?? []);
  assert.ok(quantities.includes(1_234_500), 'the first line keeps 1 234,5 exactly');
  assert.ok(quantities.includes(7_000));

  // The client card shows the КПП; the order list the quantity.
  await page.goto(`${app.server.url}#/clients/${encodeURIComponent(vector.id)}`);
  assert.equal(await page.getByTestId('client-kpp').inputValue(), '773601001');
  await page.getByText(/Товар 0 × 1\s234,5 —/).first().waitFor();
});

test('an import that would not fit in the browser is refused with the room it needs', async () => {
  const { page } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  // Something else of the app's already takes most of the 5 MiB (counted like the app's keys).
  // Filled up to 60 KB below the quota; the file needs about three times that.
  await page.evaluate(() => {
    let used = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key.startsWith('salesdesk.')) continue;
      const value = localStorage.getItem(key);
      used += key.length + (/[^\u0000-\u00ff]/.test(value) ? 2 : 1) * value.length;
    }
    localStorage.setItem('salesdesk.test-filler', 'x'.repeat(5 * 1024 * 1024 - used - 60_000 - 'salesdesk.test-filler'.length));
  });
  await page.goto(`${app.server.url}#/data`);
  await page.reload();
  await page.getByTestId('table-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: bigFile(20_000) });
  await page.getByTestId('table-fit').waitFor({ timeout: 120_000 });
  assert.match(await text(page, 'table-fit'), /^Импорт не поместится в память браузера: нужно ≈5,\d МБ из 5 МБ\./);
  assert.equal(await page.getByTestId('table-confirm').isDisabled(), true);
  await mkdir(SHOTS, { recursive: true });
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId('table-fit').scrollIntoViewIfNeeded();
    await page.screenshot({ path: new URL(`table-import-fit-${width}.png`, SHOTS).pathname });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(wide, false, `nothing scrolls sideways at ${width} px`);
  }
  // Nothing was written.
  const w = (await readStored(page)).workspace;
  assert.ok(!w.clients.some((c) => c.inn === '7728003169'));
});
