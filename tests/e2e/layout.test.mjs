// Field reps use phones: the app must fit a phone-width screen without sideways page scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, loadDemoAs } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1440, height: 900 }]]) {
  test(`every screen fits a ${name} width (${viewport.width}px)`, async () => {
    const { page, context } = await app.open({ viewport, hasTouch: name === 'phone', isMobile: name === 'phone' });
    await loadDemoAs(page, /Алексей Смирнов/);
    for (const hash of ['#/', '#/my-clients', '#/clients', '#/clients/demo-c01', '#/clients/new', '#/team', '#/transfers', '#/settings', '#/data', '#/overview']) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.locator('main h1').first().waitFor();
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${hash} overflows by ${overflow}px at ${viewport.width}px`);
      // No table cell hides past the right edge inside a box that scrolls on its own: wide
      // tables turn into cards on a phone.
      const hidden = await page.evaluate(() => [...document.querySelectorAll('main td, main th')]
        .filter((c) => c.offsetParent !== null && !c.closest('.visually-hidden')
          && c.getBoundingClientRect().right > window.innerWidth + 1)
        .map((c) => c.textContent.trim().slice(0, 30)));
      assert.deepEqual(hidden, [], `${hash}: cells off-screen at ${viewport.width}px`);
    }
    // A phone's board shows one stage under a strip of tabs with counts (the strip scrolls
    // inside itself); a wider screen shows every column and no tabs.
    await page.evaluate(() => { location.hash = '#/'; });
    await page.locator('.board').waitFor();
    const board = await page.evaluate(() => ({
      tabs: document.querySelector('[data-testid="board-tabs"]').offsetParent !== null,
      columns: [...document.querySelectorAll('section.board-column')].filter((c) => c.offsetParent !== null).length,
      counts: [...document.querySelectorAll('.board-tab-count')].every((c) => /^\d+$/.test(c.textContent)),
    }));
    if (name === 'phone') assert.deepEqual(board, { tabs: true, columns: 1, counts: true });
    else assert.equal(board.tabs, false);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) <= 0);
    await page.screenshot({ path: `test-results/board-${name}.png` });
    await context.close();
  });
}
