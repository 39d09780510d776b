// Shared steps of the live-sync browser tests (sync*.test.mjs): the demo team's accounts, devices
// (fresh browser profiles with their console errors collected), joining the team server through
// «Настройки» → «Синхронизация» and the login dialog, waiting for rounds, reading the server.
import assert from 'node:assert/strict';
import { start, saved, loadDemoHome } from './helpers.mjs';
import { startServer, ADMIN } from '../sync/server.mjs';
import { setupTeam } from '../../scripts/sync/setup-team.mjs';

/** The size of the stored sync state (IndexedDB `salesdesk-sync`, the compact form), 0 if none. */
export async function storedSyncBytes(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('salesdesk-sync', 1);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction('state').objectStore('state').get('state');
      get.onsuccess = () => { resolve(get.result ? get.result.byteLength : 0); open.result.close(); };
      get.onerror = () => reject(get.error);
    };
  }));
}

/** The demo's people with server accounts: demo-m1 Марина Волкова (director), demo-m2 Алексей
 * Смирнов, demo-m3 Дарья Кузнецова and demo-m4 Игорь (hunters), demo-m5 Елена Морозова and
 * demo-m6 Сергей Новиков (farmers). */
const DEMO_USERS = {
  marina: { password: 'director-pw-1', role: 'director', member: 'demo-m1' },
  alexey: { password: 'hunter-pw-2', role: 'hunter', member: 'demo-m2' },
  darya: { password: 'hunter-pw-3', role: 'hunter', member: 'demo-m3' },
  igor: { password: 'hunter-pw-4', role: 'hunter', member: 'demo-m4' },
  elena: { password: 'farmer-pw-5', role: 'farmer', member: 'demo-m5' },
  sergey: { password: 'farmer-pw-6', role: 'farmer', member: 'demo-m6' },
};

/** The team database `db` with accounts for the demo people `names`, and `extra` accounts. */
export function demoTeam(db, names, extra = []) {
  return { db, users: [...names.map((name) => ({ name, ...DEMO_USERS[name] })), ...extra] };
}

/** The steps for one test file: `env` holds { app, couch, team, db, unexpected, expected }. */
export function syncKit(env) {
  const password = (name) => env.team.users.find((u) => u.name === name).password;
  const status = (page) => page.getByTestId('sync-status');

  /** A fresh browser profile on the app, its console errors collected. */
  async function openDevice(options = {}) {
    const context = await env.app.browser.newContext({ locale: 'ru-RU', viewport: { width: 1366, height: 900 }, ...options });
    const page = await context.newPage();
    page.on('pageerror', (e) => env.unexpected.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' && !env.expected.some((re) => re.test(m.text()))) env.unexpected.push(m.text());
    });
    await page.goto(env.app.server.url);
    await page.waitForFunction(() => !document.getElementById('boot'));
    await page.locator('header.shell-topbar').waitFor();
    return { context, page };
  }

  /** Waits for «Синхронизировано HH:MM» in the top bar. */
  async function synced(page, timeout = 30_000) {
    await page.locator('[data-testid="sync-status"][data-sync-state="synced"]').waitFor({ timeout });
  }

  async function logIn(page, user) {
    await status(page).click();
    await page.getByTestId('sync-login-dialog').waitFor();
    await page.getByTestId('sync-user').fill(user);
    await page.getByTestId('sync-password').fill(password(user));
    await page.getByTestId('sync-login-submit').click();
    await page.getByTestId('sync-login-dialog').waitFor({ state: 'detached' });
  }

  /** Enters the server in «Настройки» → «Синхронизация», reloads and logs in. */
  async function connect(page, user) {
    await page.evaluate(() => { location.hash = '#/settings'; });
    await page.getByTestId('sync-server').fill(env.couch.url);
    await page.getByTestId('sync-db').fill(env.db);
    await page.getByTestId('sync-save').click();
    await page.getByTestId('sync-reload-needed').waitFor();
    await page.getByTestId('sync-reload').click();
    await page.waitForFunction(() => !document.getElementById('boot'));
    await status(page).waitFor();
    assert.equal(await status(page).innerText(), 'Войти');
    await logIn(page, user);
  }

  /** Asks a device to sync now, as its next poll would (the `online` event starts a round). */
  async function nudge(page) {
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
  }

  /** Nudges `page` until `check` holds in it; returns the milliseconds it took. */
  async function until(page, check, arg, what, timeout = 30_000) {
    const started = Date.now();
    for (;;) {
      if (await page.evaluate(check, arg)) return Date.now() - started;
      if (Date.now() - started > timeout) throw new Error(`not seen in ${timeout} ms: ${what}`);
      await nudge(page);
      await page.waitForTimeout(150);
    }
  }

  async function openCard(page, id) {
    await page.evaluate((to) => { location.hash = to; }, `#/clients/${id}`);
    await page.getByTestId('client-title').waitFor();
  }

  async function saveNotes(page, notes) {
    await page.getByTestId('client-notes').fill(notes);
    await page.getByTestId('save-client').click();
    await saved(page);
  }

  /** The server's copy of a document, read as the admin. */
  async function serverDoc(id) {
    const res = await fetch(`${env.couch.url}/${env.db}/${encodeURIComponent(id)}`, {
      headers: { authorization: `Basic ${Buffer.from(ADMIN).toString('base64')}` },
    });
    return res.ok ? res.json() : null;
  }

  /** Waits until the server's copy of a document satisfies `check`. */
  async function serverUntil(id, check, what, timeout = 30_000) {
    const started = Date.now();
    for (;;) {
      const doc = await serverDoc(id);
      if (doc && check(doc)) return doc;
      if (Date.now() - started > timeout) throw new Error(`the server never had ${what}: ${JSON.stringify(doc?.record)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** Starts the app and a pouchdb-server with the team's database, accounts and rules. */
  async function startTeam() {
    env.app = await start();
    env.couch = await startServer();
    await setupTeam({ url: env.couch.url, admin: ADMIN, team: env.team, origin: new URL(env.app.server.url).origin });
  }

  /** `name` on a new device, joined and synced; with `demo` (the person's name) the demo data
   * is loaded first, so the device shares it with the team. */
  async function join(name, demo = null, timeout = 60_000) {
    const device = await openDevice();
    if (demo) await loadDemoHome(device.page, demo);
    await connect(device.page, name);
    await synced(device.page, timeout);
    return device;
  }

  /** Closes every device in `devices`, the app and the server, and checks the pages had no
   * unexpected errors. */
  async function stopTeam(devices) {
    for (const d of Object.values(devices)) await d?.context?.close();
    await env.app?.close();
    await env.couch?.stop();
    assert.deepEqual(env.unexpected, [], 'errors in the pages');
  }

  return { storedSyncBytes, password, status, openDevice, synced, logIn, connect, nudge, until, openCard, saveNotes, serverDoc, serverUntil, startTeam, join, stopTeam };
}
