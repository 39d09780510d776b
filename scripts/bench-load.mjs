// The cold load alone at 5 000 clients / 100 000 orders, with where its time goes: the full-size
// value stored (target/release/bench_storage --write), «Андрей Лебедев» chosen, then RUNS reloads
// on the board, each timed from navigation start until the board's first cards show (the same
// figures as bench-actions.mjs's «cold load» row: scripts/bench-actions-page.mjs's measureLoad).
//
// Several builds can be compared back to back under the same machine load: every folder named
// in DIST (comma-separated, default dist/) gets its own server and profile, and the runs
// alternate between them (run 1 of each, then run 2 of each, …).
//
// Per phase (ms from navigation start, min / median / max):
// - the page's own files from Resource Timing: the HTML, the JS glue and the wasm (fetched, and
//   whether the service worker served them);
// - the wasm compiled (WebAssembly.compileStreaming / compile resolved, watched from an init
//   script), the shell's paint the loader waits for (largest-contentful-paint in #main), the
//   loader's `salesdesk:start` mark (all of these in), and WebAssembly.instantiate resolved;
// - with a build made with the `testkit` feature (`trunk build --release --features testkit
//   --dist target/dist-trace`), the app's own marks (`src/trace.rs`): main started, the stored
//   value read out of localStorage, unpacked (inflated), parsed (strict JSON), migrated, typed,
//   the tree dropped, the order books unpacked, checked, guarded, loaded (prefs too), the bytes
//   used counted, statuses refreshed, mounted; a release build without it shows none of these;
// - shown: the first animation frame with a card of the board; painted: that frame's style, layout
//   and paint done (the board is on the screen); frozen: the longest long task.
// - with BENCH_CPU=1, from a Chromium trace of each load: the longest main-thread task's wall
//   and thread CPU time, and the CPU of every task of 50 ms or more (tracing costs a little).
// Usage: DIST=dist,target/dist-main [BENCH_CPU=1] node scripts/bench-load.mjs [RUNS]   (default 5)
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { start } from '../tests/e2e/helpers.mjs';
import { instrument, measureLoad } from './bench-actions-page.mjs';

const runs = Number(process.argv[2] ?? 5);
const dists = (process.env.DIST ?? 'dist').split(',').map((d) => d.trim()).filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'salesdesk-load-'));
const bigFile = join(dir, 'big.bin');
execFileSync('target/release/bench_storage', ['--write', bigFile]);
const packed = readFileSync(bigFile).toString('latin1');

/** Installed before every document: when the wasm is compiled and instantiated, and the
 * shell's largest paint. */
function watchPhases() {
  const p = (window.__phases = {});
  const wrap = (name, key) => {
    const original = WebAssembly[name];
    if (!original) return;
    WebAssembly[name] = function (...args) {
      p[`${key}Called`] ??= performance.now();
      return original.apply(this, args).then((out) => {
        p[key] ??= performance.now();
        return out;
      });
    };
  };
  wrap('compileStreaming', 'compiled');
  wrap('compile', 'compiled');
  wrap('instantiate', 'instantiated');
  wrap('instantiateStreaming', 'instantiated');
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.element?.closest?.('#main')) p.shellPaint ??= e.startTime;
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch { /* no LCP */ }
}

/** Read in the page after the board showed: every phase in ms from navigation start. */
function readPhases() {
  const out = { ...window.__phases };
  const nav = performance.getEntriesByType('navigation')[0];
  out.html = nav?.responseEnd;
  for (const r of performance.getEntriesByType('resource')) {
    const kind = r.name.endsWith('.wasm') ? 'wasm' : /salesdesk-[0-9a-f]+\.js$/.test(r.name) ? 'glue' : null;
    if (!kind) continue;
    out[`${kind}Start`] = r.startTime;
    out[kind] = r.responseEnd;
    out[`${kind}Sw`] = r.workerStart > 0;
  }
  for (const m of performance.getEntriesByType('mark')) {
    if (m.name === 'salesdesk:start' || m.name.startsWith('sd:')) out[m.name] = m.startTime;
  }
  out.timings = window.__salesdeskTimings?.load_ms;
  return out;
}

const PHASES = [
  ['html', 'HTML received'],
  ['glueStart', 'JS glue requested'],
  ['glue', 'JS glue received'],
  ['wasmStart', 'wasm requested'],
  ['wasm', 'wasm received'],
  ['compiled', 'wasm compiled'],
  ['shellPaint', 'shell painted (LCP in #main)'],
  ['salesdesk:start', 'loader starts the app'],
  ['instantiated', 'wasm instantiated'],
  ['sd:start', 'main() starts'],
  ['sd:read', 'localStorage.getItem done'],
  ['sd:unpacked', 'inflated'],
  ['sd:parsed', 'strict JSON parsed'],
  ['sd:migrated', 'migrated'],
  ['sd:typed', 'typed read'],
  ['sd:dropped', 'JSON tree dropped'],
  ['sd:books', 'order books unpacked'],
  ['sd:checked', 'records checked'],
  ['sd:guarded', 'last guard'],
  ['sd:loaded', 'load done (prefs too)'],
  ['sd:used-bytes', 'storage use counted'],
  ['sd:statuses', 'statuses refreshed'],
  ['sd:board-model-start', 'board\'s cards worked out: start'],
  ['sd:board-model', 'board\'s cards worked out (every deal\'s card data)'],
  ['sd:mounted', 'app mounted (board rendered)'],
  ['shown', 'board shown (first frame with a card)'],
  ['painted', 'board painted (that frame rendered)'],
];

async function setUp(dist) {
  const app = await start({ dist: resolve(dist) });
  const { page, context } = await app.open();
  await context.addInitScript(instrument);
  await context.addInitScript(watchPhases);
  await page.evaluate((v) => localStorage.setItem('salesdesk.workspace', v), packed);
  await page.reload();
  await page.getByTestId('whoami').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: /Андрей Лебедев/ }).click();
  await page.evaluate(() => { location.hash = '#/'; });
  await page.locator('.board .board-card').first().waitFor({ timeout: 120_000 });
  await page.locator('[data-save-state="saved"]').waitFor({ timeout: 120_000 });
  return { dist, app, page, context, out: [] };
}

// BENCH_CPU=1: a Chromium trace of each load gives the page's main-thread CPU time, which the
// other builds and helpers sharing this 2-core machine do not inflate as they do the wall time.
const cpu = Boolean(process.env.BENCH_CPU);
/** The longest task on the page's main thread (wall and thread CPU ms), and the CPU of all its
 * tasks of 50 ms or more. */
function mainThreadCpu(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`) && e.dur >= 50_000);
  const longest = tasks.reduce((a, t) => (t.dur > (a?.dur ?? 0) ? t : a), null);
  return {
    longestWall: (longest?.dur ?? 0) / 1000,
    longestCpu: (longest?.tdur ?? 0) / 1000,
    longCpu: tasks.reduce((sum, t) => sum + (t.tdur ?? 0), 0) / 1000,
  };
}

const builds = [];
for (const dist of dists) builds.push(await setUp(dist));
const load = [loadavg()[0]];
for (let r = 0; r < runs; r++) {
  for (const b of builds) {
    await b.page.waitForTimeout(800);
    if (cpu) await b.app.browser.startTracing(b.page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    const m = await measureLoad(b.page);
    const used = cpu ? mainThreadCpu(await b.app.browser.stopTracing()) : {};
    const phases = await b.page.evaluate(readPhases);
    b.out.push({ ...phases, ...used, shown: m.shown, painted: m.painted, frozen: m.frozen, gap: m.gap, longTasks: await b.page.evaluate(() => window.__bench.long.map(([s, d]) => `${Math.round(s)}+${Math.round(d)}`).join(' ')) });
    await b.page.locator('[data-save-state="saved"]').waitFor({ timeout: 120_000 });
  }
}
load.push(loadavg()[0]);
for (const b of builds) {
  await b.context.close();
  await b.app.close();
}

const stat = (list, k) => {
  const v = list.map((o) => o[k]).filter((x) => typeof x === 'number').map(Math.round).sort((a, b) => a - b);
  if (!v.length) return null;
  return `${v[0]} / ${v[Math.floor(v.length / 2)]} / ${v[v.length - 1]}`;
};
console.log(`cold load at 5 000 / 100 000, ${runs} runs per build, min / median / max ms from navigation start (load average ${load.map((l) => l.toFixed(2)).join(' → ')})`);
for (const b of builds) {
  console.log(`\n${b.dist}: wasm from the service worker: ${b.out.map((o) => (o.wasmSw ? 'yes' : 'no')).join(' ')}`);
  console.log('| phase | at (min / median / max) | its own time, median |');
  console.log('| --- | --- | --- |');
  let before = null;
  for (const [key, name] of PHASES) {
    const s = stat(b.out, key);
    if (!s) continue;
    // The phase's own time: from the previous phase present in the same run, median over runs.
    const own = before === null ? null : stat(b.out.map((o) => ({ d: o[key] - o[before] })), 'd')?.split(' / ')[1];
    console.log(`| ${name} | ${s} | ${own ?? ''} |`);
    before = key;
  }
  console.log(`| frozen (longest task) | ${stat(b.out, 'frozen')} | |`);
  console.log(`| frame gap | ${stat(b.out, 'gap')} | |`);
  if (cpu) {
    console.log(`| longest task in the trace, wall | ${stat(b.out, 'longestWall')} | |`);
    console.log(`| longest task, main-thread CPU | ${stat(b.out, 'longestCpu')} | |`);
    console.log(`| every task of 50 ms or more, main-thread CPU | ${stat(b.out, 'longCpu')} | |`);
  }
  const median = [...b.out].sort((x, y) => x.shown - y.shown)[Math.floor(b.out.length / 2)];
  console.log(`long tasks of the median run (start+duration): ${median.longTasks}`);
}
