// One clock: «today» is the user's local calendar day in every zone, it moves at local midnight
// while the page stays open, and statuses follow it — after an import, after an order change,
// when the day changes and when the app opens. Playwright fixes the browser's zone and clock
// (Europe/Moscow is UTC+3, Asia/Vladivostok UTC+10) at 00:30 and 23:30 local time, when the UTC
// date is another day than the local one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, saved, readStored } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

const MOSCOW = { timezoneId: 'Europe/Moscow' };
const VLADIVOSTOK = { timezoneId: 'Asia/Vladivostok' };
const fixture = JSON.parse(await readFile(new URL('../fixtures/snapshot-v3.json', import.meta.url), 'utf8'));

/**
 * The version 3 fixture as another rep's file: «спящий» after 180 days without orders, the
 * regular client c1 ordering recently, c2 and c3 last ordering on the given days and marked
 * «новый» by whoever exported it, and optional extra orders.
 */
function snapshotFile({ c2Last, c3Last, extra = [], exportedAt = '2026-03-10T12:00:00Z' }) {
  const s = structuredClone(fixture);
  const w = s.workspace;
  w.transfer_policy.thresholds = { sleeping_days: 180, lost_days: 365 };
  const dates = { o0: '2026-02-20', o1: '2026-03-01', o2: c2Last, o3: c3Last };
  for (const o of w.orders) o.date = dates[o.id];
  for (const [id, client, date] of extra) {
    w.orders.push({ ...structuredClone(w.orders[2]), id, client_id: client, date });
  }
  for (const c of w.clients) if (c.id !== 'c1') c.status = 'new';
  s.exported_at = exportedAt;
  return JSON.stringify(s);
}

/** Imports `text` by merge on the data page, then signs in as Анна so every screen opens. */
async function importAndSignIn(page, text, name = 'salesdesk-ivan-petrov-2026-03-10.json') {
  await page.goto(`${app.server.url}#/data`);
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-report').waitFor();
  await saved(page);
  await page.goto(app.server.url);
  // Анна farms: her home is «Мои клиенты»; these tests start on the board, by its address.
  await page.evaluate(() => { location.hash = '#/'; });
  await page.getByRole('button', { name: /Анна Кузнецова/ }).click();
  await page.locator('.board').waitFor();
}

const statusOn = async (page, id) => {
  await page.goto(`${app.server.url}#/clients/${id}`);
  await page.getByTestId('client-title').waitFor();
  return page.locator('.page-head .status').innerText();
};

const storedStatus = async (page, id) =>
  (await readStored(page)).workspace.clients.find((c) => c.id === id).status;

test('Vladivostok at 00:30: an import shows «Спящий» at once by the local day, and dates are local', async () => {
  // 00:30 on 11 March in Vladivostok is still 10 March in UTC.
  const { page, context } = await app.open(VLADIVOSTOK, { clock: new Date('2026-03-10T14:30:00Z') });
  assert.equal(await page.evaluate(() => new Date().getDate()), 11);
  // c3: 181 days without orders on 11.03; c2: exactly 180 days on the local day (179 by UTC).
  // The file was exported at 01:00 local time on the 11th (15:00 UTC on the 10th).
  await importAndSignIn(page, snapshotFile({ c2Last: '2025-09-12', c3Last: '2025-09-11', exportedAt: '2026-03-10T15:00:00Z' }));
  assert.equal(await statusOn(page, 'c3'), 'Спящий');
  assert.equal(await statusOn(page, 'c2'), 'Спящий');
  assert.equal(await statusOn(page, 'c1'), 'Постоянный');
  await saved(page);
  assert.equal(await storedStatus(page, 'c2'), 'sleeping');
  assert.equal(await storedStatus(page, 'c3'), 'sleeping');

  // A client created now was created on the 11th here, whatever UTC says.
  await page.goto(`${app.server.url}#/clients/new`);
  await page.getByTestId('client-name').fill('ООО «Полночь»');
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  assert.equal(await page.locator('.page-head .muted').first().innerText(), 'создан 11.03.2026');
  // A new order is dated today, the local day.
  await page.goto(`${app.server.url}#/clients/c1`);
  await page.getByTestId('add-order').click();
  assert.equal(await page.getByTestId('order-date').inputValue(), '2026-03-11');

  // The import preview shows the file's export day as it was here; the export carries the
  // local day in its name, in «as of» and in «Последняя выгрузка».
  await page.goto(`${app.server.url}#/data`);
  await page.getByTestId('import-file').setInputFiles({
    name: 'again.json', mimeType: 'application/json',
    buffer: Buffer.from(snapshotFile({ c2Last: '2025-09-12', c3Last: '2025-09-11', exportedAt: '2026-03-10T15:00:00Z' })),
  });
  assert.match(await page.getByTestId('preview-meta').innerText(), /^Выгружен 11\.03\.2026 · /);
  await page.getByTestId('discard-import').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  assert.equal(download.suggestedFilename(), 'salesdesk-anna-kuznetsova-2026-03-11.json');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.derived.as_of, '2026-03-11');
  assert.equal(exported.derived.period_from, '2025-03-12');
  assert.equal(await page.getByTestId('last-export').innerText(), 'Последняя выгрузка: 11.03.2026.');

  // Replacing leaves a backup dated and named by the local day too.
  await page.getByTestId('import-file').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('mode-replace').check();
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-report').waitFor();
  assert.match(await page.getByTestId('backup-info').innerText(), /^Копия от 11\.03\.2026 \d\d:\d\d: 4 клиента, 4 заказа\.$/);
  const [backup] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-backup').click()]);
  assert.equal(backup.suggestedFilename(), 'salesdesk-backup-2026-03-11.json');
  assert.equal(JSON.parse(await readFile(await backup.path(), 'utf8')).derived.as_of, '2026-03-11');
  await context.close();
});

test('Vladivostok at 00:30: removing an order recomputes the status on the local day', async () => {
  const { page, context } = await app.open(VLADIVOSTOK, { clock: new Date('2026-03-10T14:30:00Z') });
  // c2 ordered 180 days before the local day (179 before the UTC one) and again on 01.03.
  await importAndSignIn(page, snapshotFile({ c2Last: '2025-09-12', c3Last: '2026-03-01', extra: [['o4', 'c2', '2026-03-01']] }));
  assert.equal(await statusOn(page, 'c2'), 'Новый');
  const recent = page.getByTestId('order').filter({ hasText: '01.03.2026' });
  await recent.getByRole('button', { name: 'Удалить' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Удалить' }).click();
  await recent.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.page-head .status').innerText(), 'Спящий');
  await saved(page);
  assert.equal(await storedStatus(page, 'c2'), 'sleeping');
  await context.close();
});

test('Moscow at 23:30: «today» moves at local midnight while the page stays open', async () => {
  // 23:30 on 10 March in Moscow; c2's last order is 179 days old until midnight.
  const { page, context } = await app.open(MOSCOW, { clock: new Date('2026-03-10T20:30:00Z') });
  await importAndSignIn(page, snapshotFile({ c2Last: '2025-09-12', c3Last: '2026-03-01' }));
  assert.equal(await statusOn(page, 'c2'), 'Новый');
  await page.getByTestId('add-order').click();
  assert.equal(await page.getByTestId('order-date').inputValue(), '2026-03-10');
  await page.getByTestId('order-form').getByRole('button', { name: 'Отмена' }).click();

  // 45 minutes later it is 00:15 on the 11th: the card changes without a reload, and is saved.
  await page.clock.fastForward('45:00');
  await page.locator('.page-head .status', { hasText: 'Спящий' }).waitFor();
  await saved(page);
  assert.equal(await storedStatus(page, 'c2'), 'sleeping');
  await page.getByTestId('add-order').click();
  assert.equal(await page.getByTestId('order-date').inputValue(), '2026-03-11');
  // The rule editor's help names today's window.
  await page.goto(`${app.server.url}#/settings`);
  assert.equal(await page.getByTestId('rule-window-now').innerText(), 'Сегодня «последние 3 месяца» — это 12.12.2025 – 11.03.2026.');
  await context.close();
});

test('Moscow: a tab that was hidden over midnight catches up when it is shown again', async () => {
  const { page, context } = await app.open(MOSCOW, { clock: new Date('2026-03-10T20:50:00Z') });
  await importAndSignIn(page, snapshotFile({ c2Last: '2025-09-12', c3Last: '2026-03-01' }));
  assert.equal(await statusOn(page, 'c2'), 'Новый');
  // The wall clock jumps past midnight without the page's timers running (a sleeping laptop).
  await page.clock.setSystemTime(new Date('2026-03-10T21:20:00Z'));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.page-head .status').innerText(), 'Новый');
  // The tab becomes visible again.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await page.locator('.page-head .status', { hasText: 'Спящий' }).waitFor();
  await saved(page);
  assert.equal(await storedStatus(page, 'c2'), 'sleeping');
  await context.close();
});

test('statuses that change when the app opens on a later day are saved, not left on «Сохраняю…»', async () => {
  const { page, context } = await app.open(MOSCOW, { clock: new Date('2026-03-10T09:00:00Z') });
  await importAndSignIn(page, snapshotFile({ c2Last: '2025-09-12', c3Last: '2026-03-01' }));
  assert.equal(await storedStatus(page, 'c2'), 'new');
  // The next morning the app opens again: c2 has slept for 180 days.
  await page.clock.setSystemTime(new Date('2026-03-11T06:00:00Z'));
  await page.reload();
  await page.locator('.board').waitFor();
  await saved(page);
  assert.equal(await storedStatus(page, 'c2'), 'sleeping');
  assert.equal(await page.locator('[data-save-state]').innerText(), 'Сохранено');
  await context.close();
});
