// Another tab's save at 5 000 clients / 100 000 orders: two pages of one browser profile (tab A
// and tab B, same origin) hold the full-size value (target/release/bench_storage --write), both
// on the same client's card. Each run renames that client in A («Сохранить»); A's debounced save
// writes the value, and B — which must take it in — is watched:
// - frozen: B's longest long task (PerformanceObserver 'longtask', 50 ms or more; 0 when none)
//   from the `storage` event in B until B shows the new name, plus a settle time;
// - shown: from the `storage` event in B (A's write, on B's clock) until the first animation
//   frame of B with the new name in the card's title;
// - gap: B's longest gap between animation frames over the same window;
// - the app's own longest task of each stage of the stepped job (window.__salesdeskTimings:
//   other_tab_read_ms, other_tab_merge_ms, other_tab_adopt_ms; the adopting stage's figure is
//   its Rust part, without the page's re-render that follows the change);
// - B wrote back: whether the stored revision went past A's after B took A's value in (it should
//   not: nothing of B's is missing from A's value).
// min / median / max over RUNS runs per build. Several builds run back to back under the same
// machine load: every folder named in DIST (comma-separated, default dist/) gets its own server
// and profile, and the runs alternate between them.
// Usage: DIST=target/dist-main,dist node scripts/bench-other-tab.mjs [RUNS]   (default 5)
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { start } from '../tests/e2e/helpers.mjs';

const runs = Number(process.argv[2] ?? 5);
const dists = (process.env.DIST ?? 'dist').split(',').map((d) => d.trim()).filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'salesdesk-other-tab-'));
const bigFile = join(dir, 'big.bin');
execFileSync('target/release/bench_storage', ['--write', bigFile]);
const packed = readFileSync(bigFile).toString('latin1');
const SETTLE_MS = 500;
const TIMEOUT_MS = 120_000;

/** Installed before every document: long tasks, the workspace's storage events, the revision. */
function watchTab() {
  const w = (window.__other = { long: [], events: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.long.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  window.addEventListener('storage', (e) => {
    if (e.key !== 'salesdesk.workspace') return;
    const m = e.newValue && /^SDZ\d(\d+):/.exec(e.newValue.slice(0, 32));
    w.events.push([performance.now(), m ? Number(m[1]) : -1]);
  });
  w.revision = () => {
    const v = localStorage.getItem('salesdesk.workspace');
    const m = v && /^SDZ\d(\d+):/.exec(v.slice(0, 32));
    return m ? Number(m[1]) : -1;
  };
  /** Watches for `name` in the card's title from now on, frame by frame. */
  w.arm = (name) => {
    const a = (w.armed = { name, from: w.events.length, shownAt: null, frames: [], base: w.revision() });
    const frame = (now) => {
      if (w.armed !== a) return;
      a.frames.push(now);
      const title = document.querySelector('[data-testid="client-title"]');
      if (a.shownAt === null && title && title.textContent.includes(name)) a.shownAt = performance.now();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  w.state = () => {
    const e = w.events[w.armed.from];
    return { shownAt: w.armed.shownAt, eventAt: e ? e[0] : null, eventRevision: e ? e[1] : null, now: performance.now() };
  };
  w.finish = (from, to) => {
    const a = w.armed;
    w.armed = null;
    const inWindow = w.long.filter(([s]) => s >= from - 1 && s <= to);
    // From the last frame before the event: a frozen task right after it counts in the gap.
    const before = a.frames.filter((f) => f < from).pop();
    const frames = [...(before === undefined ? [] : [before]), ...a.frames.filter((f) => f >= from && f <= to)];
    let gap = 0;
    for (let i = 1; i < frames.length; i++) gap = Math.max(gap, frames[i] - frames[i - 1]);
    return {
      frozen: Math.max(0, ...inWindow.map(([, d]) => d)),
      tasks: inWindow.map(([s, d]) => `${Math.round(s - from)}+${Math.round(d)}`).join(' '),
      gap,
      revision: w.revision(),
    };
  };
}

async function setUp(dist) {
  const app = await start({ dist: resolve(dist) });
  const { page: a, context } = await app.open();
  await context.addInitScript(watchTab);
  await a.evaluate((v) => localStorage.setItem('salesdesk.workspace', v), packed);
  await a.reload();
  await a.getByTestId('whoami').waitFor({ timeout: TIMEOUT_MS });
  await a.getByRole('button', { name: /Андрей Лебедев/ }).click();
  await a.evaluate(() => { location.hash = '#/clients'; });
  const href = await a.locator('.clients-link').first().getAttribute('href', { timeout: TIMEOUT_MS });
  const card = href.slice(href.indexOf('#'));
  await a.evaluate((h) => { location.hash = h; }, card);
  await a.getByTestId('client-name').waitFor({ timeout: TIMEOUT_MS });
  await a.locator('[data-save-state="saved"]').waitFor({ timeout: TIMEOUT_MS });
  const b = await context.newPage();
  await b.goto(app.server.url + card);
  await b.getByTestId('client-title').waitFor({ timeout: TIMEOUT_MS });
  await b.waitForTimeout(1500);
  return { dist, app, context, a, b, out: [] };
}

/** One run: the client renamed in A, B watched until it shows the new name. */
async function measure(build, run) {
  const { a, b } = build;
  const name = `ООО «Замер ${run + 1}»`;
  await b.bringToFront();
  await b.evaluate((n) => { window.__salesdeskTimings = {}; window.__other.arm(n); }, name);
  await a.getByTestId('client-name').fill(name);
  await a.getByTestId('save-client').click();
  const started = Date.now();
  let st;
  for (;;) {
    st = await b.evaluate(() => window.__other.state());
    if (st.shownAt !== null && st.eventAt !== null) break;
    if (Date.now() - started > TIMEOUT_MS) throw new Error(`B did not show the change: ${JSON.stringify(st)}`);
    await b.waitForTimeout(20);
  }
  await b.waitForTimeout(SETTLE_MS + Math.max(0, st.shownAt - st.now));
  const fin = await b.evaluate(([f, t]) => window.__other.finish(f, t), [st.eventAt, st.shownAt + SETTLE_MS]);
  // The app's own longest task of each stage (builds with the stepped job only).
  const own = await b.evaluate(() => ({ ...window.__salesdeskTimings }));
  await a.locator('[data-save-state="saved"]').waitFor({ timeout: TIMEOUT_MS });
  await b.locator('[data-save-state="saved"]').waitFor({ timeout: TIMEOUT_MS });
  return {
    shown: st.shownAt - st.eventAt,
    frozen: fin.frozen,
    gap: fin.gap,
    tasks: fin.tasks,
    echo: fin.revision > st.eventRevision,
    read: own.other_tab_read_ms,
    merge: own.other_tab_merge_ms,
    adopt: own.other_tab_adopt_ms,
  };
}

const builds = [];
for (const dist of dists) builds.push(await setUp(dist));
const load = [loadavg()[0]];
for (let r = 0; r < runs; r++) {
  for (const build of builds) {
    await build.a.waitForTimeout(800);
    build.out.push(await measure(build, r));
  }
}
load.push(loadavg()[0]);
for (const build of builds) {
  await build.context.close();
  await build.app.close();
}

const stat = (list, k) => {
  const v = list.map((o) => o[k]).filter((x) => typeof x === 'number').map(Math.round).sort((x, y) => x - y);
  if (!v.length) return '—';
  return `${v[0]} / ${v[Math.floor(v.length / 2)]} / ${v[v.length - 1]}`;
};
console.log(`another tab's save at 5 000 / 100 000, ${runs} runs per build, min / median / max ms in tab B (load average ${load.map((l) => l.toFixed(2)).join(' → ')})`);
console.log('| build | longest task in B | shown in B | frame gap in B | B wrote back |');
console.log('| --- | --- | --- | --- | --- |');
for (const build of builds) {
  console.log(`| ${build.dist} | ${stat(build.out, 'frozen')} | ${stat(build.out, 'shown')} | ${stat(build.out, 'gap')} | ${build.out.filter((o) => o.echo).length} of ${build.out.length} |`);
}
console.log('\nthe app\'s own longest task per stage in B (reading, merging, comparing and adopting; builds with the stepped job)');
for (const build of builds) {
  console.log(`${build.dist}: reading ${stat(build.out, 'read')}, merging ${stat(build.out, 'merge')}, adopting ${stat(build.out, 'adopt')}`);
}
for (const build of builds) {
  const median = [...build.out].sort((x, y) => x.frozen - y.frozen)[Math.floor(build.out.length / 2)];
  console.log(`${build.dist}: long tasks of the median run (ms after the event + duration): ${median.tasks || 'none'}`);
}
