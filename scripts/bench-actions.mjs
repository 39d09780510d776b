// Times what a person does, at two sizes: the demo data («Загрузить демо-данные») and 5 000
// clients / 100 000 orders (target/release/bench_storage --write, as bench-screens.mjs and the
// capacity test store it). Per action: the longest frozen stretch of the main thread, the time
// until the result shows, and the time until the change is in localStorage (including the app's
// 400 ms save debounce) beside the app's own save timing. How each figure is taken is described
// in scripts/bench-actions-page.mjs. Needs dist/ (trunk build --release) and
// target/release/bench_storage (cargo build --release --features testkit --bin bench_storage).
// The ~37 MB snapshot file it imports is the app's own export of the full-size data (exported in
// the first full-size run, before the import; kept in a temporary folder).
// Usage: node scripts/bench-actions.mjs [RUNS]   (default 5; min / median / max)
// BENCH_ACTIONS=export,import runs only those actions (the import needs the export: the full-size
// runs export the file it reads); BENCH_TASKS=1 lists, per run, every task of 100 ms or more in
// the action's window (start after the event, duration), for finding what still blocks.
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../tests/e2e/helpers.mjs';
import { instrument, measure, measureLoad } from './bench-actions-page.mjs';

const ACTIONS = [
  ['edit', 'edit a client\'s name and save'],
  ['order', 'add one order'],
  ['move', 'move a deal one stage (▶)'],
  ['transfers', 'open «Передача»'],
  ['load', 'cold load to an interactive board'],
  ['export', 'export (download starts)'],
  ['import', 'import a full-size snapshot → preview'],
];
const runs = Number(process.argv[2] ?? 5);
const only = process.env.BENCH_ACTIONS ? new Set(process.env.BENCH_ACTIONS.split(',')) : null;
const doing = (key) => !only || only.has(key);
const listTasks = Boolean(process.env.BENCH_TASKS);
const began = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'salesdesk-bench-'));
const bigFile = join(dir, 'big.bin');
execFileSync('target/release/bench_storage', ['--write', bigFile]);
const packed = readFileSync(bigFile).toString('latin1');
const snapshotFile = join(dir, 'snapshot.json');
let snapshotReady = false;

// DIST=folder times another build (default dist/).
const app = await start({ dist: process.env.DIST ? (await import('node:path')).resolve(process.env.DIST) : undefined });
const settle = (page, ms = 600) => page.waitForTimeout(ms);
const saved = (page) => page.locator('[data-save-state="saved"]').waitFor({ timeout: 120_000 });
const toBoard = async (page) => {
  await page.evaluate(() => { location.hash = '#/'; });
  await page.locator('.board .board-card').first().waitFor({ timeout: 120_000 });
};

/** A fresh browser profile with the data of `size` loaded and a team member chosen. */
async function openWith(size) {
  const { page, context } = await app.open({ acceptDownloads: true });
  await context.addInitScript(instrument);
  if (size === 'big') await page.evaluate((v) => localStorage.setItem('salesdesk.workspace', v), packed);
  await page.reload();
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 120_000 });
  if (size === 'demo') await page.getByTestId('load-demo').click();
  await page.getByTestId('whoami').waitFor({ timeout: 120_000 });
  const who = size === 'big'
    ? page.getByRole('button', { name: /Андрей Лебедев/ })
    : page.locator('.welcome-whoami-pick').first();
  await who.click();
  // Each role opens on its own home (the director on the team view); the actions start on the board.
  await page.evaluate(() => { location.hash = '#/'; });
  await page.locator('.board .board-card').first().waitFor({ timeout: 120_000 });
  await saved(page);
  return { page, context };
}

/** One run at one size: every action once, in a fresh profile; returns figures by action. */
async function runOnce(size, r) {
  const { page, context } = await openWith(size);
  const out = {};
  // The client of the first card in the first column: its card is where the forms are.
  const clientHash = await page.locator('.board-column').first().locator('.board-card-client').first()
    .getAttribute('href');
  if (doing('edit') || doing('order')) {
  await page.evaluate((h) => { location.hash = h; }, clientHash);
  await page.getByTestId('client-title').waitFor({ timeout: 120_000 });
  await settle(page);
  }

  // Edit the name in the client card form and save (typing is not timed; the click on «Сохранить» is).
  if (doing('edit')) {
  const name = `ООО «Замер ${size} ${r}»`;
  await page.getByTestId('client-name').fill(name);
  await settle(page);
  out.edit = await measure(page, {
    event: 'click',
    shown: [{ sel: '[data-testid="client-title"]', text: name }],
    save: true,
    act: () => page.getByTestId('save-client').click(),
  });
  await saved(page);
  await settle(page);
  }

  // Add one order: the form is opened and filled first; the click on «Сохранить заказ» is timed.
  if (doing('order')) {
  const orders = await page.getByTestId('order').count();
  await page.getByTestId('add-order').click();
  const form = page.getByTestId('order-form');
  await form.getByTestId('order-product').first().selectOption({ index: 1 });
  await form.getByTestId('order-amount').first().fill('12 345,67');
  await settle(page);
  out.order = await measure(page, {
    event: 'click',
    shown: [{ sel: '[data-testid="order"]', atLeast: orders + 1 }, { absent: '[data-testid="order-form"]' }],
    save: true,
    act: () => form.getByTestId('save-order').click(),
  });
  await saved(page);
  }

  // Move the first deal of the first column one stage on with its ▶ button.
  if (doing('move')) {
  await toBoard(page);
  await settle(page);
  const columns = page.locator('section.board-column');
  const [from, to] = [await columns.nth(0).getAttribute('data-stage-id'), await columns.nth(1).getAttribute('data-stage-id')];
  const card = columns.nth(0).locator('.board-card').first();
  const dealId = await card.getAttribute('data-deal-id');
  const countBefore = Number(await columns.nth(1).locator('.board-column-count').innerText());
  // The stage's playbook asks about unticked items first («Всё равно перейти?»): the action timed
  // is the person's answer, which is what moves the deal.
  await card.locator('.board-card-step').last().click();
  const moveOn = page.getByRole('button', { name: 'Всё равно перейти' });
  await moveOn.waitFor();
  out.move = await measure(page, {
    event: 'click',
    // Columns show 50 cards at a time, so the card may land below the fold: the result is the card
    // gone from its column and the next column's count up by one.
    shown: [
      { absent: `section[data-stage-id="${from}"] article[data-deal-id="${dealId}"]` },
      { sel: `section[data-stage-id="${to}"] .board-column-count`, text: String(countBefore + 1) },
    ],
    save: true,
    act: () => moveOn.click(),
  });
  await saved(page);
  await settle(page);
  }

  // Open «Передача» from the board by its link in the top bar.
  if (doing('transfers')) out.transfers = await measure(page, {
    event: 'click',
    shown: [{ sel: '[data-testid="queue-entry"], [data-testid="queue-empty"]' }],
    act: () => page.locator('header.shell-topbar').getByRole('link', { name: 'Передача' }).click(),
  });

  // Cold load: reload on the board until its cards show.
  if (doing('load')) {
  await toBoard(page);
  await saved(page);
  await settle(page);
  out.load = await measureLoad(page);
  await saved(page);
  }

  // Export from «Данные»: the click on «Выгрузить файл» until the browser starts the download.
  await page.evaluate(() => { location.hash = '#/data'; });
  await page.getByTestId('export').waitFor({ timeout: 120_000 });
  await settle(page);
  out.export = await measure(page, {
    event: 'click',
    download: true,
    act: () => page.getByTestId('export').click(),
  });
  if (size === 'big' && !snapshotReady) {
    await out.export.file.saveAs(snapshotFile);
    snapshotReady = true;
    console.error(`snapshot for the import: ${statSync(snapshotFile).size} bytes (the app's export at full size)`);
  }
  await settle(page);

  // Import the full-size snapshot through the file input until the preview shows.
  if (snapshotReady && doing('import')) {
    out.import = await measure(page, {
      event: 'change',
      shown: [{ sel: '[data-testid="import-preview"], [data-testid="import-rejected"]' }],
      act: () => page.getByTestId('import-file').setInputFiles(snapshotFile),
    });
    if (listTasks) console.error(`  ${size} import, tasks ≥ 100 ms (start after the event + duration): ${out.import.tasks.map(([s, d]) => `${Math.round(s)}+${Math.round(d)}`).join(', ') || 'none'}`);
    if (await page.getByTestId('import-rejected').count()) throw new Error('the snapshot was refused');
    await page.getByTestId('discard-import').click();
  }
  await context.close();
  return out;
}

const SIZES = [
  ['big', '5 000 clients / 100 000 orders'],
  ['demo', 'demo data'],
];
const results = {};
// The full-size data first: its first run exports the snapshot that every import reads.
for (const [size] of SIZES) {
  results[size] = [];
  for (let r = 0; r < runs; r++) {
    const t = Date.now();
    results[size].push(await runOnce(size, r));
    console.error(`${size} run ${r + 1}/${runs}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
}
await app.close();

const stat = (list, k) => {
  const v = list.map((x) => x?.[k]).filter((x) => x !== null && x !== undefined).map(Math.round)
    .sort((a, b) => a - b);
  if (v.length === 0) return '—';
  return `${v[0]} / ${v[Math.floor(v.length / 2)]} / ${v[v.length - 1]}`;
};
console.log(`load average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`user actions, ${runs} runs, min / median / max (ms); release build, Debian Chromium headless`);
for (const [size, label] of SIZES) {
  console.log(`\n${label}:\n`);
  console.log('| action | frozen | shown | painted | saved in localStorage | app save_ms | frame gap |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [key, name] of ACTIONS) {
    if (!doing(key)) continue;
    const list = results[size].map((o) => o[key]);
    const cells = ['frozen', 'shown', 'painted', 'save', 'appSave', 'gap'].map((k) => stat(list, k));
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}
console.error(`total ${((Date.now() - began) / 1000).toFixed(0)} s`);
