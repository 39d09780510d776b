// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, never a
// downloaded browser, and the release build served from dist/.
import { chromium } from 'playwright-core';
import { serveDist } from './server.mjs';
import { inflateRawSync } from 'node:zlib';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

/** Starts the server (on `dist`, default dist/) and the browser; returns helpers and a `close`. */
export async function start({ dist } = {}) {
  const server = await serveDist(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  // Every uncaught error or console error of every page; a test file fails if any occurred.
  const pageErrors = [];
  return {
    server,
    browser,
    /**
     * A fresh browser profile (empty localStorage) with one page on the app. `clock`, a Date,
     * installs Playwright's fake clock at that moment before the page loads (timers then follow
     * it: `page.clock.fastForward` fires the ones due); `options.timezoneId` sets the zone.
     */
    async open(options = {}, { clock } = {}) {
      const context = await browser.newContext({ locale: 'ru-RU', ...options });
      if (clock) await context.clock.install({ time: clock });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => { errors.push(String(e)); pageErrors.push(String(e)); });
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        errors.push(m.text());
        // A storage test provokes a quota error on purpose; the app reports it in its own UI.
        if (!m.text().includes('QuotaExceeded')) pageErrors.push(m.text());
      });
      await page.goto(server.url);
      // The static shell has a top bar too: wait for the app's, which replaces the shell (#boot).
      await page.waitForFunction(() => !document.getElementById('boot'));
      await page.locator('header.shell-topbar').waitFor();
      return { context, page, errors };
    },
    async close() {
      await browser.close();
      await server.close();
      if (pageErrors.length) throw new Error(`errors in the page:\n${pageErrors.join('\n')}`);
    },
  };
}

/** Waits until the pending change is written to localStorage. */
export async function saved(page) {
  await page.locator('[data-save-state="saved"]').waitFor();
}

/** Replaces the visible text's non-breaking spaces with plain ones. */
export function plain(text) {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** Loads the demo data and picks the given team member as "me". */
export async function loadDemoAs(page, name) {
  await loadDemoHome(page, name);
  // The person lands on her role's home (a farmer's «Мои клиенты», the director's team); the
  // tests written for the board go there by its address.
  if (!(await page.locator('.board').count())) {
    await page.evaluate(() => { location.hash = '#/'; });
  }
  await page.locator('.board').waitFor();
  await saved(page);
}

/** Loads the demo and picks `name`, who lands on her role's home screen. */
export async function loadDemoHome(page, name) {
  await page.getByTestId('load-demo').click();
  await page.getByTestId('whoami').waitFor();
  await page.getByRole('button', { name }).click();
  await page.locator('.board, [data-testid="my-clients"], .team-page, [data-testid="my-tasks"]').first().waitFor();
  await saved(page);
}

/**
 * The workspace envelope as stored: unpacks the deflated Latin-1 value the app writes, either
 * one stream (`SDZ1<revision>:`) or pieces (`SDZ2<revision>:<length>,…;`, see
 * src/format/packed.rs), each inflated on its own and joined.
 */
export async function readStored(page) {
  const raw = await page.evaluate(() => localStorage.getItem('salesdesk.workspace'));
  return raw === null ? null : unpackStored(raw);
}

/** The JSON envelope inside a stored value. */
export function unpackStored(raw) {
  const one = raw.match(/^SDZ1(\d+):/);
  if (one) return JSON.parse(inflateRawSync(Buffer.from(raw.slice(one[0].length), 'latin1')).toString('utf8'));
  const pieces = raw.match(/^SDZ2(\d+):([\d,]*);/);
  if (!pieces) return JSON.parse(raw);
  const body = Buffer.from(raw.slice(pieces[0].length), 'latin1');
  let at = 0;
  const parts = pieces[2].split(',').filter(Boolean).map((length) => {
    const part = inflateRawSync(body.subarray(at, at + Number(length)));
    at += Number(length);
    return part;
  });
  return JSON.parse(Buffer.concat(parts).toString('utf8'));
}

/** The Russian (or English) form of a word for `n`, by the browser's own CLDR plural rules. */
export function pluralForm(lang, n, forms) {
  const category = new Intl.PluralRules(lang).select(Number(n));
  return lang === 'ru'
    ? { one: forms[0], few: forms[1], many: forms[2] }[category]
    : { one: forms[0], other: forms[1] }[category];
}

/** Creates a lead through the form and returns its id (from the address of its card). */
export async function newLead(page, name) {
  await page.evaluate(() => { location.hash = '#/clients/new'; });
  await page.getByTestId('client-name').fill(name);
  await page.getByTestId('save-client').click();
  await page.getByTestId('client-title').waitFor();
  await saved(page);
  return page.evaluate(() => decodeURIComponent(location.hash.split('/').pop()));
}
