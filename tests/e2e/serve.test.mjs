// `bash scripts/serve.sh` serves the release build like a static host: the page loads with a
// clean console (no live-reload script for the CSP to refuse) and works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './helpers.mjs';

const root = new URL('../../', import.meta.url).pathname;
let served;
let url;

before(async () => {
  // --no-build: the suite runs after `trunk build --release`; PORT=0 takes a free port.
  served = spawn('bash', ['scripts/serve.sh', '--no-build'], {
    cwd: root,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  url = await new Promise((ok, fail) => {
    let out = '';
    served.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (found) ok(found[0]);
    });
    served.once('exit', (code) => fail(new Error(`serve.sh exited with ${code}: ${out}`)));
  });
});

after(() => {
  served.kill('SIGTERM');
});

test('the served page has no live-reload script and logs nothing to the console', async () => {
  const html = await (await fetch(url)).text();
  assert.match(html, /Content-Security-Policy/);
  assert.doesNotMatch(html, /livereload|__trunk|new WebSocket/i);

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless'], headless: true });
  try {
    const context = await browser.newContext({ locale: 'ru-RU' });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(String(e)));
    // A refused script or connection fires a CSP violation event before any console line.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(url);
    await page.getByTestId('load-demo').waitFor();
    await page.reload();
    await page.getByTestId('load-demo').waitFor();
    // Let late errors (a failed socket, a service worker) surface.
    await page.waitForTimeout(1_000);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
