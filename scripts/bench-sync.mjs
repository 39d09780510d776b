// The first sync of a full-size team in Chromium against a local pouchdb-server (in memory on
// 127.0.0.1, the team made by scripts/sync/setup-team.mjs): the director's browser holds 5 000
// clients / 100 000 orders (the value target/release/bench_storage writes) and pushes them all;
// a hunter's empty browser then pulls everything. Per run: the time from the login to
// «Синхронизировано» and the longest task (PerformanceObserver `longtask`) on each side; then
// one edit on the director's side until the hunter shows it (the round trip), the longest frame
// on the director's page during that edit with sync on, and the main thread a poll that pulls
// nothing takes on the hunter's page (the longest frame gap while it runs), and the hunter's
// longest task while the edit arrives (merged and shown). Needs dist/ (trunk
// build --release) and target/release/bench_storage (cargo build --release --features testkit
// --bin bench_storage). Usage: node scripts/bench-sync.mjs [RUNS]   (default 3; min / median / max);
// EDIT_ONLY=1 measures only the same edit with sync off, for comparison.
import { mkdirSync } from 'node:fs';
import { start, unpackStored } from '../tests/e2e/helpers.mjs';
import { fullSizeValue } from './bench-full-size.mjs';
import { startServer, ADMIN } from '../tests/sync/server.mjs';
import { setupTeam } from './sync/setup-team.mjs';

const runs = Number(process.argv[2] ?? 3);
// Screenshots of the progress in the top bar, with SHOTS=1 (target/screenshots/).
const SHOTS = process.env.SHOTS ? new URL('../target/screenshots/', import.meta.url).pathname : null;
const DB = 'team';
const packed = fullSizeValue();
const members = unpackStored(packed).workspace.members;
// The synthetic team: the first member is the director, the second a hunter.
const director = members[0].id;
const hunter = members[1].id;
const TEAM = {
  db: DB,
  users: [
    { name: 'director', password: 'director-pw', role: 'director', member: director },
    { name: 'hunter', password: 'hunter-pw', role: 'hunter', member: hunter },
  ],
};
const app = await start();

/** Installs the long-task and frame recorders before the app runs, in every page of `context`. */
async function recorders(context) {
  await context.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  });
}

/** A page of a fresh profile with the sync settings (and `workspace`, if given) stored, logged in. */
async function device(couch, name, workspace) {
  const context = await app.browser.newContext({ locale: 'ru-RU', viewport: { width: 1366, height: 900 } });
  await recorders(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${name}] ${e}`));
  await page.goto(app.server.url);
  await page.waitForFunction(() => !document.getElementById('boot'));
  await page.evaluate(({ server, db, me, value }) => {
    localStorage.setItem('salesdesk.prefs', JSON.stringify({ lang: 'ru', me, sync: { server, db } }));
    if (value) localStorage.setItem('salesdesk.workspace', value);
  }, { server: couch.url, db: DB, me: name === 'director' ? director : hunter, value: workspace });
  await page.reload();
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 120_000 });
  const status = page.getByTestId('sync-status');
  await status.waitFor({ timeout: 120_000 });
  await page.evaluate(() => { window.__long = []; });
  const started = Date.now();
  await status.click();
  await page.getByTestId('sync-user').fill(name);
  await page.getByTestId('sync-password').fill(TEAM.users.find((u) => u.name === name).password);
  await page.getByTestId('sync-login-submit').click();
  // The progress shows while the pages go («Синхронизация: 34 000 из 115 148 документов»).
  let progress = '';
  for (;;) {
    const state = await status.getAttribute('data-sync-state').catch(() => null);
    if (state === 'synced') break;
    if (state === 'failed') throw new Error(`[${name}] ${await status.getAttribute('title')}`);
    const text = await status.innerText().catch(() => '');
    if (/ из /.test(text)) {
      if (!progress && SHOTS) {
        // The top bar with the progress, wide and on a phone (the first time it shows).
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}sync-progress-${name}-1366.png` });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: `${SHOTS}sync-progress-${name}-390.png` });
        await page.setViewportSize({ width: 1366, height: 900 });
      }
      progress = text;
    }
    if (Date.now() - started > 900_000) throw new Error(`[${name}] no sync in 15 min`);
    await page.waitForTimeout(250);
  }
  const time = Date.now() - started;
  const longest = await page.evaluate(() => Math.max(0, ...window.__long));
  return { context, page, time, longest, progress };
}

/** The longest gap between two animation frames while `action` runs in the page, less a frame. */
async function busiest(page, action, settle) {
  await page.evaluate(() => {
    window.__gap = 0;
    window.__frames = true;
    let last = performance.now();
    const tick = (now) => {
      window.__gap = Math.max(window.__gap, now - last);
      last = now;
      if (window.__frames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__long = [];
  });
  await page.waitForTimeout(300);
  await action();
  await settle();
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    window.__frames = false;
    return { gap: window.__gap, longest: Math.max(0, ...window.__long) };
  });
}

/** The same edit on a page of the full-size workspace with sync off: the longest task and frame
 * gap while it is saved (what the edit itself costs, for comparison). */
async function editWithoutSync(target) {
  const context = await app.browser.newContext({ locale: 'ru-RU', viewport: { width: 1366, height: 900 } });
  await recorders(context);
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.waitForFunction(() => !document.getElementById('boot'));
  await page.evaluate(({ me, value }) => {
    localStorage.setItem('salesdesk.prefs', JSON.stringify({ lang: 'ru', me }));
    localStorage.setItem('salesdesk.workspace', value);
  }, { me: director, value: packed });
  await page.reload();
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 120_000 });
  await page.evaluate((to) => { location.hash = to; }, `#/clients/${target}`);
  await page.getByTestId('client-title').waitFor({ timeout: 60_000 });
  // A first edit and save (the page's first save writes every piece), then the measured one.
  await page.getByTestId('client-notes').fill(`разогрев ${Date.now()}`);
  await page.getByTestId('save-client').click();
  await page.locator('[data-save-state="saved"]').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1_500);
  await page.getByTestId('client-notes').fill(`правка ${Date.now()}`);
  const edit = await busiest(
    page,
    () => page.getByTestId('save-client').click(),
    async () => {
      await page.locator('[data-save-state="saved"]').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1_500);
    },
  );
  await context.close();
  return edit;
}

if (process.env.EDIT_ONLY) {
  const target = unpackStored(packed).workspace.clients.find((c) => c.owner_id === hunter).id;
  for (let r = 0; r < runs; r++) {
    const edit = await editWithoutSync(target);
    console.log(`edit without sync: longest task ${Math.round(edit.longest)} ms, longest frame gap ${Math.round(edit.gap)} ms`);
  }
  await app.close();
  process.exit(0);
}

const results = { idleGap: [], push: [], pushLongest: [], pull: [], pullLongest: [], roundTrip: [], editLongest: [], editGap: [], pollGap: [], pollLongest: [], receiveLongest: [] };
for (let r = 0; r < runs; r++) {
  const couch = await startServer();
  try {
    await setupTeam({ url: couch.url, admin: ADMIN, team: TEAM, origin: new URL(app.server.url).origin });
    const d = await device(couch, 'director', packed);
    console.log(`run ${r + 1}: the director's first push ${d.time} ms, longest task ${Math.round(d.longest)} ms (${d.progress})`);
    const h = await device(couch, 'hunter', null);
    console.log(`run ${r + 1}: the hunter's first pull ${h.time} ms, longest task ${Math.round(h.longest)} ms (${h.progress})`);
    results.push.push(d.time);
    results.pushLongest.push(d.longest);
    results.pull.push(h.time);
    results.pullLongest.push(h.longest);

    // Both workspaces stored first (the hunter's is saved after the pull), so the saves do not
    // fall into what is measured next; and the frame gap of an idle page, for comparison.
    await h.page.locator('[data-save-state="saved"]').waitFor({ timeout: 120_000 });
    await d.page.locator('[data-save-state="saved"]').waitFor({ timeout: 120_000 });
    const idle = await busiest(h.page, async () => {}, () => h.page.waitForTimeout(500));
    results.idleGap.push(idle.gap);
    // A poll that pulls nothing: the hunter's next round (the `online` event starts one).
    const poll = await busiest(
      h.page,
      () => h.page.evaluate(() => window.dispatchEvent(new Event('online'))),
      () => h.page.locator('[data-sync-state="synced"]').waitFor(),
    );
    results.pollGap.push(poll.gap);
    results.pollLongest.push(poll.longest);

    // One edit of one of the hunter's clients by the director, until the hunter's page has it.
    // One of the hunter's own clients (the director may edit any).
    const target = unpackStored(packed).workspace.clients.find((c) => c.owner_id === hunter).id;
    const notes = `правка ${Date.now()}`;
    await d.page.evaluate((to) => { location.hash = to; }, `#/clients/${target}`);
    await d.page.getByTestId('client-title').waitFor({ timeout: 60_000 });
    await h.page.evaluate((to) => { location.hash = to; }, `#/clients/${target}`);
    await h.page.getByTestId('client-title').waitFor({ timeout: 60_000 });
    // A first edit and save on the director's page (a page's first save writes every piece of
    // the workspace), synced; then the measured one.
    await d.page.getByTestId('client-notes').fill(`разогрев ${Date.now()}`);
    await d.page.getByTestId('save-client').click();
    await d.page.locator('[data-save-state="saved"]').waitFor({ timeout: 60_000 });
    await d.page.waitForTimeout(1_000);
    await d.page.locator('[data-sync-state="synced"]').waitFor({ timeout: 60_000 });
    await d.page.getByTestId('client-notes').fill(notes);
    // The receiving side too: the hunter's longest task while the edit arrives (merged, shown).
    await h.page.evaluate(() => { window.__long = []; });
    let started;
    const edit = await busiest(
      d.page,
      async () => {
        started = Date.now();
        await d.page.getByTestId('save-client').click();
      },
      async () => {
        // The hunter's next round (started at once, as a poll would) shows it.
        for (;;) {
          const shown = await h.page.evaluate((n) => document.querySelector('[data-testid="client-notes"]')?.value === n, notes);
          if (shown) break;
          if (Date.now() - started > 120_000) throw new Error('the edit never arrived');
          await h.page.evaluate(() => window.dispatchEvent(new Event('online')));
          await h.page.waitForTimeout(100);
        }
        results.roundTrip.push(Date.now() - started);
      },
    );
    results.editGap.push(edit.gap);
    results.editLongest.push(edit.longest);
    results.receiveLongest.push(await h.page.evaluate(() => Math.max(0, ...window.__long)));
    console.log(`run ${r + 1}: the hunter's page while the edit arrived: longest task ${Math.round(results.receiveLongest.at(-1))} ms`);
    console.log(`run ${r + 1}: edit → visible ${results.roundTrip.at(-1)} ms; director's page during it: longest frame gap ${Math.round(edit.gap)} ms, longest task ${Math.round(edit.longest)} ms; a poll pulling nothing: frame gap ${Math.round(poll.gap)} ms, longest task ${Math.round(poll.longest)} ms (idle page: frame gap ${Math.round(idle.gap)} ms)`);
    await d.context.close();
    await h.context.close();
  } finally {
    await couch.stop();
  }
}
await app.close();

const stat = (list) => {
  const s = [...list].sort((a, b) => a - b);
  const r = (x) => Math.round(x).toLocaleString('ru-RU');
  return `min ${r(s[0])} / median ${r(s[Math.floor(s.length / 2)])} / max ${r(s.at(-1))} ms`;
};
console.log(`\n${runs} runs, 5 000 clients / 100 000 orders:`);
console.log(`the director's first push: ${stat(results.push)}; longest task ${stat(results.pushLongest)}`);
console.log(`a hunter's first pull:     ${stat(results.pull)}; longest task ${stat(results.pullLongest)}`);
console.log(`one edit → visible:        ${stat(results.roundTrip)}`);
console.log(`the edit's page (sync on): longest frame gap ${stat(results.editGap)}; longest task ${stat(results.editLongest)}`);
console.log(`the hunter's page as it arrives: longest task ${stat(results.receiveLongest)}`);
console.log(`a poll pulling nothing:    longest frame gap ${stat(results.pollGap)}; longest task ${stat(results.pollLongest)}`);
console.log(`an idle page:              longest frame gap ${stat(results.idleGap)}`);
