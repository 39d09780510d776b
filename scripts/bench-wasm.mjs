// Runs the orders-core benchmark (src/bin/bench_wasm.rs) in Debian's Chromium, headless, through
// playwright-core (never a downloaded browser), and prints the medians.
// Usage: node scripts/bench-wasm.mjs DIR [RUNS] [WHICH]   (DIR holds bench_wasm.js, its .wasm and
// the page; WHICH: core, dashboard or all, the default: the orders core and/or the director's
// dashboard at 5 000 clients / 100 000 orders, min / median / max per period choice)
// scripts/bench-wasm.sh builds DIR first; run that rather than this.
// BENCH_PROFILE=1 also samples the run with Chromium's CPU profiler and prints the functions
// with the most self time (the wasm needs its name section: bench-wasm.sh keeps it then);
// BENCH_PROFILE=NAME counts only the samples under functions whose name contains NAME.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dir = resolve(process.argv[2] ?? 'target/bench-wasm');
const runs = Number(process.argv[3] ?? 21);
const which = process.argv[4] ?? 'all';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

// A page loaded from file:// may not fetch its wasm, so a tiny server on a free loopback port.
// It sends the cross-origin isolation headers: an isolated page gets a finer performance.now()
// (5 µs instead of 100 µs), which the incremental steps need.
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  const file = join(dir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(dir)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.benchReady);
  await page.evaluate(() => window.benchReady);
  const isolated = await page.evaluate(() => window.crossOriginIsolated);
  const version = browser.version();
  const profiling = Boolean(process.env.BENCH_PROFILE);
  const cdp = profiling ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const report = which === 'dashboard' ? null : await page.evaluate((n) => window.runBench(n), runs);
  const dash = which === 'core' ? null : await page.evaluate((n) => window.runDashboardBench(n), runs);
  if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
  if (errors.length) throw new Error(`errors in the page:\n${errors.join('\n')}`);
  console.log(`Chromium ${version} (headless), wasm32, cross-origin isolated: ${isolated}`);
  if (report) {
    console.log(
      `data: ${report.clients} clients (${report.clients_with_orders} with orders), ` +
        `${report.orders} orders, ${report.lines} lines; ${report.eligible} eligible; ` +
        `${report.runs} runs per step\n`,
    );
    console.log(`${'step'.padEnd(60)} ${'median, ms'.padStart(11)} ${'min, ms'.padStart(11)}`);
    console.log('-'.repeat(84));
    for (const t of report.timings) {
      console.log(
        `${t.step.padEnd(60)} ${t.median_ms.toFixed(3).padStart(11)} ${t.min_ms.toFixed(3).padStart(11)}`,
      );
    }
  }
  if (dash) {
    console.log(`\ndashboard: ${dash.data}; ${dash.runs} runs per step\n`);
    console.log(`${'step'.padEnd(52)} ${'min, ms'.padStart(9)} ${'median, ms'.padStart(11)} ${'max, ms'.padStart(9)}`);
    console.log('-'.repeat(84));
    for (const t of dash.timings) {
      console.log(
        `${t.step.padEnd(52)} ${t.min_ms.toFixed(1).padStart(9)} ${t.median_ms.toFixed(1).padStart(11)} ${t.max_ms.toFixed(1).padStart(9)}`,
      );
    }
  }
} finally {
  await browser.close();
  await new Promise((ok) => server.close(ok));
}

/** Prints the 30 functions with the most self time in a CDP CPU profile, counting only samples
 * under a function whose name contains BENCH_PROFILE unless that is "1". */
function printProfile(profile) {
  const filter = process.env.BENCH_PROFILE === '1' ? null : process.env.BENCH_PROFILE;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  const visit = (node, inside) => {
    const name = node.callFrame.functionName || '(anonymous)';
    const counted = inside || !filter || name.includes(filter);
    if (counted) {
      self.set(name, (self.get(name) ?? 0) + (node.hitCount ?? 0));
      total += node.hitCount ?? 0;
    }
    for (const child of node.children ?? []) visit(byId.get(child), counted);
  };
  visit(profile.nodes[0], false);
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  console.log(`\nself time, % of ${total} samples${filter ? ` under ${filter}` : ''}:`);
  for (const [name, n] of top) console.log(`${((100 * n) / total).toFixed(1).padStart(6)}  ${name}`);
  console.log('');
}
