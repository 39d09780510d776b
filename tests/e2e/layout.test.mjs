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
    // The board scrolls inside itself, column by column.
    await page.evaluate(() => { location.hash = '#/'; });
    await page.locator('.board').waitFor();
    const board = await page.evaluate(() => {
      const b = document.querySelector('.board');
      return { scroll: b.scrollWidth, client: b.clientWidth };
    });
    if (name === 'phone') assert.ok(board.scroll > board.client, 'columns scroll sideways on a phone');
    await page.screenshot({ path: `test-results/board-${name}.png` });
    await context.close();
  });
}
