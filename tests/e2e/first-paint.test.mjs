// First paint: the static shell in index.html shows the top bar and the screen being opened from
// HTML and CSS alone while the wasm is on its way, shows how far loading is, says plainly when it
// fails, and gives way to the app with nothing moving. Also the keyboard: the skip link and the
// top bar's focus ring. Screenshots of the shell land in target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start, loadDemoAs } from './helpers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = 'target/screenshots';
let app;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await start();
});
after(async () => { await app.close(); });

/** A fresh profile whose .wasm request waits until `release()`; layout shifts are recorded. */
async function heldPage(options = {}) {
  const context = await app.browser.newContext({ locale: 'ru-RU', ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  let release;
  const held = new Promise((ok) => { release = ok; });
  const wasmRequests = [];
  await page.route('**/*.wasm', async (route) => {
    wasmRequests.push(route.request().url());
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push({ value: entry.value, input: entry.hadRecentInput });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { context, page, errors, release: () => release(), wasmRequests };
}

/** Where the visible top bar and first-start texts are, inside `root`. */
function boxes(page, root) {
  return page.evaluate((root) => {
    const scope = document.querySelector(root);
    const out = {};
    for (const selector of ['header.shell-topbar', '.shell-brand', '.shell-topnav', '.shell-topnav-link', '.shell-lang-switch',
      '.welcome h1', '.welcome-lead', '.welcome-points li']) {
      out[selector] = [...scope.querySelectorAll(selector)]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10);
        });
    }
    return out;
  }, root);
}

for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 900 }]) {
  test(`${viewport.width} px: the shell paints at once while the wasm is held back, then the app takes its place without a shift`, async () => {
    const { context, page, errors, release, wasmRequests } = await heldPage({ viewport });
    await page.goto(app.server.url);
    const shell = page.locator('#boot');
    await shell.locator('header.shell-topbar').waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.boot === 'loading');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    assert.equal(await shell.locator('.sh-welcome h1').innerText(), 'Salesdesk — рабочий стол отдела продаж');
    assert.ok(await shell.locator('.welcome-lead').isVisible());
    assert.equal(await shell.getByRole('link', { name: 'Воронка' }).count(), 1);
    assert.ok(wasmRequests.length >= 1, 'the wasm was requested while the page was still showing the shell');
    // The loading state: a progress line under the top bar and, after a second, a line of text.
    assert.ok(await page.locator('.sh-progress').isVisible());
    assert.equal(await page.getByRole('progressbar', { name: 'Загрузка приложения' }).count(), 1);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.sh-status')).opacity === '1');
    assert.match(await page.locator('.sh-status').innerText(), /Загружается приложение…/);
    // The shell's own skip link is the first Tab stop too.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'shell-skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    assert.doesNotMatch(page.url(), /#main/, 'the skip link does not change the route');
    await page.screenshot({ path: `${SHOTS}/shell-${viewport.width}.png` });
    const before = await boxes(page, '#boot');

    release();
    await page.waitForFunction(() => !document.getElementById('boot'));
    await page.getByTestId('welcome').waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.boot === 'done');
    await page.screenshot({ path: `${SHOTS}/app-${viewport.width}.png` });
    const afterwards = await boxes(page, 'body');
    assert.deepEqual(afterwards, before, 'the top bar and the first-start texts stay exactly where the shell drew them');
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts.filter((s) => !s.input), [], 'no layout shift');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a returning English user on a phone gets the English shell of the screen being opened', async () => {
  // A first visit leaves data and preferences behind; the second start is held back.
  const seed = await app.open({ viewport: { width: 390, height: 844 } });
  await loadDemoAs(seed.page, /Алексей Смирнов/);
  await seed.page.getByTestId('lang-switch').click();
  const storage = await seed.context.storageState();
  await seed.context.close();

  const { context, page, errors, release } = await heldPage({ viewport: { width: 390, height: 844 }, storageState: storage });
  await page.goto(`${app.server.url}#/clients`);
  await page.locator('#boot header.shell-topbar').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('#boot .sh-clients h1').innerText(), 'Clients');
  assert.ok(await page.locator('#boot .sh-clients').isVisible());
  assert.ok(!(await page.locator('#boot .sh-welcome').isVisible()));
  assert.equal(await page.locator('#boot .shell-topnav').getAttribute('aria-label'), 'Sections');
  const active = page.locator('#boot [data-nav="clients"]');
  assert.equal(await active.innerText(), 'Clients');
  assert.equal(await active.evaluate((el) => getComputedStyle(el).fontWeight), '600');
  await page.screenshot({ path: `${SHOTS}/shell-390-en-clients.png` });
  const bar = await page.locator('#boot header.shell-topbar').boundingBox();
  const nav = await page.locator('#boot .shell-topnav').boundingBox();

  release();
  await page.getByTestId('client-count').waitFor();
  assert.deepEqual(await page.locator('header.shell-topbar').boundingBox(), bar, 'the top bar keeps its size');
  assert.deepEqual(await page.locator('.shell-topnav').boundingBox(), nav);
  assert.equal(await page.locator('main h1').first().innerText(), 'Clients');
  const shifts = await page.evaluate(() => window.__shifts);
  assert.deepEqual(shifts.filter((s) => !s.input), [], 'no layout shift');
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline on the very first visit: the shell says one online visit is needed', async () => {
  const context = await app.browser.newContext({ locale: 'ru-RU', bypassCSP: true });
  const page = await context.newPage();
  await page.route('**/*.wasm', async (route) => {
    await context.setOffline(true);
    await route.abort('internetdisconnected');
  });
  await page.goto(app.server.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Salesdesk не загрузился/);
  assert.match(await alert.innerText(), /нужно один раз открыть при подключении к интернету — после этого он работает и без сети/);
  assert.ok(!(await page.locator('.sh-progress').isVisible()), 'the progress line is gone');
  assert.ok(!(await page.locator('.sh-welcome').isVisible()));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'ПовторитьRetry');
  await page.screenshot({ path: `${SHOTS}/shell-offline-first-visit.png` });
  // The failure screen is accessible too (axe-core, as in a11y.test.mjs).
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  })).violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`));
  assert.deepEqual(violations, []);
  // Back online, «Повторить» loads the app.
  await page.unroute('**/*.wasm');
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Повторить' }).click();
  await page.getByTestId('welcome').waitFor();
  await context.close();
});

test('with scripts off the page still shows the top bar and asks to turn JavaScript on', async () => {
  const context = await app.browser.newContext({ locale: 'ru-RU', javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(app.server.url);
  assert.ok(await page.locator('header.shell-topbar').isVisible());
  assert.match(await page.locator('main').innerText(), /Salesdesk работает в браузере: включите JavaScript\./);
  assert.ok(!(await page.locator('.sh-welcome').isVisible()), 'no screen is pretended without scripts');
  assert.ok(!(await page.locator('.sh-progress').isVisible()));
  await page.screenshot({ path: `${SHOTS}/shell-390-no-js.png` });
  await context.close();
});

test('the skip link is the first Tab stop and leads past the top bar; the bar\'s focus ring is ≥ 3:1', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Марина Волкова/);
  // A person opening the app: a fresh page, nothing focused yet, so Tab starts at the top of the
  // document (after a click, Chromium starts from where the click was, wherever that node went).
  await page.reload();
  await page.locator('.board').waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Перейти к содержимому' });
  assert.ok(await skip.evaluate((el) => el === document.activeElement));
  const box = await skip.boundingBox();
  assert.ok(box && box.y >= 0 && box.height > 20, 'it is visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.doesNotMatch(page.url(), /#main/, 'the route is unchanged');
  await page.locator('.board').waitFor();
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => Boolean(document.activeElement.closest('main'))), 'the next stop is on the screen');

  // The ring on the dark top bar: Tab from the skip link reaches the brand link.
  await skip.focus();
  await page.keyboard.press('Tab');
  const ratio = await page.evaluate(() => {
    const el = document.activeElement;
    const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
    const lum = (c) => {
      const [r, g, b] = rgb(c).map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ring = lum(getComputedStyle(el).outlineColor);
    const bar = lum(getComputedStyle(el.closest('header')).backgroundColor);
    return { className: el.className, style: getComputedStyle(el).outlineStyle, value: (Math.max(ring, bar) + 0.05) / (Math.min(ring, bar) + 0.05) };
  });
  assert.equal(ratio.className, 'shell-brand');
  assert.equal(ratio.style, 'solid');
  assert.ok(ratio.value >= 3, `focus ring contrast ${ratio.value.toFixed(2)}:1`);
  await context.close();
});
