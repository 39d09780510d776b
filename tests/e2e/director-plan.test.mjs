// The director's plans on «Обзор»: the director sets a monthly plan and a stage probability in
// «Настройки», then reads the funnel, the plan percentage and the forecast for the demo team,
// checked against the exported data; axe finds nothing at 1366 and 390 px, and nothing scrolls
// sideways on a phone. Screenshots land in target/screenshots/director-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { start, plain, loadDemoAs, saved, readStored } from './helpers.mjs';

const SHOTS = 'target/screenshots';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let app;
before(async () => { app = await start(); await mkdir(SHOTS, { recursive: true }); });
after(async () => { await app.close(); });

const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const rubles = (kopecks) => Math.round(kopecks / 100).toLocaleString('ru-RU').replace(/\s/g, ' ');
const DEFAULTS = { 'stage-lead': 5, 'stage-qualification': 10, 'stage-needs': 20, 'stage-proposal': 40, 'stage-negotiation': 60, 'stage-contract': 80, 'stage-first-sale': 100 };

async function exportFile(page) {
  await page.goto(`${app.server.url}#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

/** The rep's first sales (amount, kopecks) with the first order between `from` and `to`. */
function firstSales(ws, rep, from, to) {
  const first = new Map();
  for (const o of ws.orders) {
    const seen = first.get(o.client_id);
    if (!seen || o.date < seen) first.set(o.client_id, o.date);
  }
  let total = 0;
  for (const c of ws.clients) {
    const day = first.get(c.id);
    if (!day || day < from || day > to) continue;
    const moves = ws.transfers.filter((t) => t.client_id === c.id).sort((a, b) => a.date.localeCompare(b.date));
    const done = moves.filter((t) => t.date <= day);
    const owner = moves.length === 0 ? c.owner_id : done.length ? done[done.length - 1].to_member_id : moves[0].from_member_id;
    if (owner !== rep) continue;
    for (const o of ws.orders) if (o.client_id === c.id && o.date === day) total += o.lines.reduce((s, l) => s + l.amount, 0);
  }
  return total;
}

async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target?.join(' ')}`);
  });
}

test('the director sets a plan and a stage probability, then reads the funnel, the plan percentage and the forecast', async () => {
  const { page, context } = await app.open({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
  await loadDemoAs(page, /Марина Волкова/);
  const now = new Date();
  const month = iso(now).slice(0, 7);

  // «Настройки»: a plan of 1 000 000 ₽ of first sales this month for Алексей, and «Лид» at 30 %.
  await page.goto(`${app.server.url}#/settings`);
  const cell = page.getByTestId(`plan-demo-m2-${month}-first_sales_amount`);
  await cell.fill('1 000 000');
  await cell.press('Tab');
  await page.getByTestId('save-plans').click();
  await saved(page);
  const lead = page.getByTestId('probability-stage-lead');
  assert.equal(await lead.inputValue(), '5', 'the usual weight of «Лид»');
  await lead.fill('30');
  await lead.press('Tab');
  await page.getByTestId('save-forecast').click();
  await saved(page);
  const stored = (await readStored(page)).workspace;
  const plan = stored.sales_plans.find((p) => p.id === `plan~demo-m2~${month}~first_sales_amount`);
  assert.equal(plan.target, 100_000_000, 'kopecks');
  assert.ok(plan.stamps.fields.target, 'the target carries its stamp');
  assert.deepEqual(stored.pipeline_settings.stage_probabilities.find((p) => p.stage_id === 'stage-lead'), { stage_id: 'stage-lead', percent: 30 });
  assert.equal(plain(await cell.inputValue()), '1 000 000', 'the grid shows the saved plan');
  await page.getByTestId('plans-grid').screenshot({ path: `${SHOTS}/director-settings-plans-1366.png` });
  await page.getByTestId('forecast-editor').screenshot({ path: `${SHOTS}/director-settings-forecast-1366.png` });
  assert.deepEqual(await axe(page), [], 'settings at 1366 px');

  const ws = (await exportFile(page)).workspace;
  await page.goto(`${app.server.url}#/overview`);
  await page.getByTestId('overview-funnel').waitFor();

  // The funnel over 12 months: every stage reached, never growing, seven rows in its table.
  const rows = await page.getByTestId('chart-funnel').locator('tbody tr').all();
  assert.equal(rows.length, 7);
  const reached = [];
  for (const r of rows) reached.push(Number((await r.locator('td').first().innerText()).trim()));
  assert.ok(reached[0] > 0 && reached.every((n, i) => i === 0 || n <= reached[i - 1]), `${reached}`);
  const overall = plain(await page.getByTestId('funnel-overall').innerText());
  assert.match(overall, new RegExp(`^Лид → первая продажа: ${reached[6]} из ${reached[0]} \\(\\d+,\\d %\\)\\. Выиграно: \\d+ на [\\d ]+ ₽\\.$`));
  assert.ok(await page.getByTestId('chart-lost').locator('svg rect').count() > 0, 'lost deals by reason');
  assert.ok((await page.getByTestId('hunters-table').locator('tbody tr').count()) === 3, 'three hunters side by side');

  // The forecast: open deals of clients who have not bought yet, weighted by the stage
  // probabilities, «Лид» now at 30 %.
  const byStage = new Map();
  const bought = new Set(ws.orders.filter((o) => o.date <= iso(now)).map((o) => o.client_id));
  for (const d of ws.deals.filter((d) => !d.closed && !bought.has(d.client_id))) byStage.set(d.stage_id, (byStage.get(d.stage_id) ?? 0) + d.amount);
  let weighted = 0;
  for (const [stage, amount] of byStage) weighted += Math.floor((amount * (stage === 'stage-lead' ? 30 : DEFAULTS[stage]) + 50) / 100);
  const forecast = plain(await page.getByTestId('forecast-line').innerText());
  assert.ok(forecast.includes(`взвешенная воронка: ${rubles(weighted)} ₽`), `${forecast} vs ${rubles(weighted)}`);
  await page.screenshot({ path: `${SHOTS}/director-overview-1366.png`, fullPage: true });
  assert.deepEqual(await axe(page), [], 'overview at 1366 px');

  // This month, Алексей: fact / plan · percent, as the export says.
  await page.getByTestId('overview-period-select').selectOption('this-month');
  await page.getByTestId('overview-rep-select').selectOption('demo-m2');
  const fact = firstSales(ws, 'demo-m2', `${month}-01`, iso(now));
  const pct = Math.round((fact * 100) / 100_000_000);
  const row = page.getByTestId('plan-table').locator('tbody tr', { hasText: 'Первые продажи, ₽' });
  const toDate = plain(await row.locator('td').last().innerText());
  assert.equal(toDate, `${rubles(fact)} ₽ / 1 000 000 ₽ · ${pct} %`);
  const mine = plain(await page.getByTestId('forecast-line').innerText());
  assert.match(mine, /План месяца: 1 000 000 ₽, прогноз — \d+ % плана\.$/);
  await context.close();
});

test('«Обзор» and the plan grid on a phone: no sideways scroll, axe clean', async () => {
  const { page, context } = await app.open({ viewport: { width: 390, height: 844 }, bypassCSP: true });
  await loadDemoAs(page, /Марина Волкова/);
  for (const [hash, name] of [['#/overview', 'overview'], ['#/settings', 'settings']]) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.locator('main h1').first().waitFor();
    if (name === 'overview') await page.getByTestId('overview-funnel').waitFor();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `${name}: ${wide} px wide`);
    assert.deepEqual(await axe(page), [], `${name} at 390 px`);
    if (name === 'overview') {
      await page.screenshot({ path: `${SHOTS}/director-overview-390.png`, fullPage: true });
    } else {
      await page.getByTestId('plans-grid').screenshot({ path: `${SHOTS}/director-settings-plans-390.png` });
      await page.getByTestId('forecast-editor').screenshot({ path: `${SHOTS}/director-settings-forecast-390.png` });
    }
  }
  await context.close();
});
