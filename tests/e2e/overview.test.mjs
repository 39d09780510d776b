// «Обзор», the director's dashboard, on the demo data: the ABC × XYZ matrix agrees with the
// exported orders for two periods, a cell opens its clients, a rep can be chosen, every chart
// has its title, description and table, a table downloads as CSV, the page fits 390 px, and the
// print layout is A4 landscape without the top bar. Screenshots land in target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { start, plain, loadDemoAs } from './helpers.mjs';

const SHOTS = 'target/screenshots';
let app;
before(async () => { app = await start(); await mkdir(SHOTS, { recursive: true }); });
after(async () => { await app.close(); });

async function exportFile(page) {
  await page.goto(`${app.server.url}#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Clients with revenue between `from` and `to` (ISO days, both included) and the revenue. */
function withRevenue(ws, from, to) {
  const revenue = new Map();
  for (const o of ws.orders) {
    if (o.date < from || o.date > to) continue;
    const total = o.lines.reduce((s, l) => s + l.amount, 0);
    revenue.set(o.client_id, (revenue.get(o.client_id) ?? 0) + total);
  }
  const buying = [...revenue.values()].filter((v) => v > 0);
  return { clients: buying.length, kopecks: buying.reduce((s, v) => s + v, 0) };
}

/** The sum of the nine cells' client counts. */
async function matrixCount(page) {
  const counts = await page.locator('.overview-cell-count').allInnerTexts();
  assert.equal(counts.length, 9);
  return counts.reduce((s, c) => s + Number(c), 0);
}

const rubles = (kopecks) => Math.round(kopecks / 100).toLocaleString('ru-RU').replace(/\s/g, ' ');

test('the director reads the dashboard, changes the period and opens a matrix cell', async () => {
  const { page, context } = await app.open({ viewport: { width: 1366, height: 900 } });
  await loadDemoAs(page, /Марина Волкова/);
  const ws = (await exportFile(page)).workspace;
  const now = new Date();
  const today = iso(now);
  const yearFrom = iso(new Date(now.getFullYear(), now.getMonth() - 11, 1));
  const lastFrom = iso(new Date(now.getFullYear(), now.getMonth() - 1, 1));
  const lastTo = iso(new Date(now.getFullYear(), now.getMonth(), 0));

  await page.getByRole('link', { name: 'Обзор' }).click();
  await page.getByTestId('abc-matrix').waitFor();
  assert.equal(await page.locator('main h1').innerText(), 'Обзор');

  // 12 months: the cells add up to the clients with revenue in the exported orders.
  const year = withRevenue(ws, yearFrom, today);
  assert.ok(year.clients > 5, `the demo has buying clients (${year.clients})`);
  assert.equal(await matrixCount(page), year.clients);
  const total = plain(await page.getByTestId('matrix-total').innerText());
  assert.ok(total.includes(`Клиентов с выручкой: ${year.clients}`), total);
  assert.ok(total.includes(rubles(year.kopecks)), `${total} has ${rubles(year.kopecks)}`);
  const revenueLine = plain(await page.getByTestId('revenue-total').innerText());
  assert.ok(revenueLine.includes(rubles(year.kopecks)), revenueLine);

  // Every chart is an image with a title and a description, and has its table.
  const charts = page.locator('figure.overview-chart');
  assert.ok((await charts.count()) >= 5);
  for (const svg of await page.locator('svg.overview-chart-svg').all()) {
    assert.equal(await svg.getAttribute('role'), 'img');
    const ids = (await svg.getAttribute('aria-labelledby')).split(' ');
    assert.equal(ids.length, 2);
    assert.ok((await svg.locator('title').textContent()).length > 0);
    assert.ok((await svg.locator('desc').textContent()).includes(':'));
  }
  const revenueRows = await page.getByTestId('chart-revenue').locator('tbody tr').count();
  assert.equal(revenueRows, 12, 'one row per month of 12 months');
  // The funnel and plan panels come in a task after the first frame.
  await page.getByTestId('overview-funnel').waitFor();
  await page.screenshot({ path: `${SHOTS}/overview-1366.png`, fullPage: true });

  // The revenue table downloads as CSV for a spreadsheet.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-revenue').click()]);
  assert.equal(csv.suggestedFilename(), 'salesdesk-revenue.csv');
  const csvText = await readFile(await csv.path(), 'utf8');
  assert.ok(csvText.startsWith('\ufeffМесяц;Выручка;Заказов\r\n'), csvText.slice(0, 40));
  assert.equal(csvText.trim().split('\r\n').length, 13);

  // Last month.
  await page.getByTestId('overview-period-select').selectOption('last-month');
  const [y, m, d] = lastTo.split('-');
  await page.getByTestId('overview-period').filter({ hasText: `${d}.${m}.${y}` }).waitFor();
  const last = withRevenue(ws, lastFrom, lastTo);
  assert.equal(await matrixCount(page), last.clients);
  assert.equal(await page.getByTestId('chart-revenue').locator('tbody tr').count(), 1);

  // Back to 12 months; the fullest cell opens the list of its clients.
  await page.getByTestId('overview-period-select').selectOption('12-months');
  await page.getByTestId('overview-period').filter({ hasText: `${yearFrom.slice(8)}.${yearFrom.slice(5, 7)}.${yearFrom.slice(0, 4)}` }).waitFor();
  const cells = page.locator('.overview-cell');
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < 9; i++) {
    const n = Number(await cells.nth(i).locator('.overview-cell-count').innerText());
    if (n > bestCount) { best = i; bestCount = n; }
  }
  await cells.nth(best).click();
  await page.getByTestId('matrix-list').waitFor();
  assert.equal(await cells.nth(best).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByTestId('matrix-client').count(), Math.min(bestCount, 30));
  // A client's name leads to its card.
  const first = page.getByTestId('matrix-client').first().locator('a');
  const name = await first.innerText();
  assert.ok(ws.clients.some((c) => c.name === name), `${name} is a demo client`);
  await page.screenshot({ path: `${SHOTS}/overview-1366-cell.png`, fullPage: true });

  // One rep: the first sales chart shows that hunter only.
  await page.getByTestId('overview-rep-select').selectOption({ label: 'Алексей Смирнов' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart-first-sales"] tbody tr').length === 1);
  const repCount = await matrixCount(page);
  assert.ok(repCount <= year.clients);

  // The print layout: A4 landscape, no top bar and no controls.
  await page.getByTestId('overview-rep-select').selectOption('');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.shell-topbar').isVisible(), false);
  assert.equal(await page.getByTestId('overview-period-select').isVisible(), false);
  await page.setViewportSize({ width: 1123, height: 794 });
  await page.screenshot({ path: `${SHOTS}/overview-print.png`, fullPage: true });
  const pdf = await page.pdf({ landscape: true, format: 'A4', printBackground: true, preferCSSPageSize: true });
  assert.ok(pdf.length > 10_000);
  await writeFile(`${SHOTS}/overview-print.pdf`, pdf);
  await page.emulateMedia({ media: 'screen' });
  await context.close();
});

test('the dashboard fits a 390 px phone without sideways scrolling', async () => {
  const { page, context } = await app.open({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await loadDemoAs(page, /Марина Волкова/);
  await page.evaluate(() => { location.hash = '#/overview'; });
  await page.getByTestId('abc-matrix').waitFor();
  // Every panel, the funnel and plan ones (drawn after the first frame) included.
  await page.getByTestId('overview-funnel').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  await page.screenshot({ path: `${SHOTS}/overview-390-top.png` });
  await page.locator('.overview-cell').nth(2).click();
  await page.getByTestId('matrix-list').waitFor();
  await page.locator('.overview-panel', { has: page.getByTestId('abc-matrix') }).screenshot({ path: `${SHOTS}/overview-390-matrix.png` });
  await page.locator('.overview-panel', { has: page.getByTestId('chart-verdicts-rep') }).screenshot({ path: `${SHOTS}/overview-390-verdicts.png` });
  await page.screenshot({ path: `${SHOTS}/overview-390.png`, fullPage: true });
  // The English words follow the language switch.
  await page.getByTestId('lang-switch').click();
  await page.locator('main h1', { hasText: 'Overview' }).waitFor();
  await context.close();
});
