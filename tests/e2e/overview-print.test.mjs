// «Обзор» on paper for the Monday meeting: Chromium's print-to-PDF on A4 landscape. In print
// media the top bar and every control are hidden and the charts and tables fit the A4 width; the
// PDF has a sensible number of pages. The PDF lands in target/screenshots/ to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { start, loadDemoAs, newLead } from './helpers.mjs';

const SHOTS = 'target/screenshots';
// A4 landscape less the page's 12 mm margins (the print CSS's @page), in CSS pixels (96 per inch).
const PRINT_WIDTH = Math.floor(((297 - 24) / 25.4) * 96);
const PRINT_HEIGHT = Math.floor(((210 - 24) / 25.4) * 96);
let app;
before(async () => { app = await start(); await mkdir(SHOTS, { recursive: true }); });
after(async () => { await app.close(); });

/** The pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

test('«Обзор» prints on A4 landscape without the top bar and controls, charts inside the page', async () => {
  const { page, context } = await app.open({ viewport: { width: 1366, height: 900 } });
  await loadDemoAs(page, /Марина Волкова/);
  // «Что изменилось» prints with its report: last week's file, and a client added since.
  await page.evaluate(() => { location.hash = '#/data'; });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  await newLead(page, 'ООО «Новый к понедельнику»');
  await page.evaluate(() => { location.hash = '#/overview'; });
  await page.getByTestId('abc-matrix').waitFor();
  await page.getByTestId('changes-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: await readFile(await download.path()) });
  await page.getByTestId('changes-report').waitFor();
  // The queue and the farmers' table come after the first frame: wait for them too.
  await page.waitForFunction(() => !document.querySelector('[data-testid="overview-queue"]')?.innerText.includes('…'));

  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: PRINT_WIDTH, height: PRINT_HEIGHT });
  const hidden = await page.evaluate(() => {
    const shown = [];
    for (const sel of ['header.shell-topbar', '.overview-controls', '.overview-chart-tools', '.overview-changes-tools', '.overview-changes-actions', 'nav']) {
      for (const el of document.querySelectorAll(sel)) {
        // No boxes: display:none on itself or on something around it.
        if (el.getClientRects().length > 0) shown.push(sel);
      }
    }
    return shown;
  });
  assert.deepEqual(hidden, [], 'nothing of the top bar and no control is printed');
  assert.ok(await page.getByTestId('changes-report').isVisible(), 'the report of «Что изменилось» is printed');
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  await writeFile(`${SHOTS}/overview-print.pdf`, pdf);
  const wide = await page.evaluate((width) => {
    const out = [];
    for (const el of document.querySelectorAll('main .overview-panel, main svg.overview-chart-svg, main table, main .overview-changes')) {
      // A chart's table for screen readers is clipped to nothing on paper as on screen.
      if (el.closest('.visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      const where = el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
      if (r.width > 0 && r.right > width + 1) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class')} in ${where}: right ${Math.round(r.right)}`);
    }
    return out;
  }, PRINT_WIDTH);
  assert.deepEqual(wide, [], `everything fits ${PRINT_WIDTH}px`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= PRINT_WIDTH);
  const contentHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(pdf.length > 10_000, `the PDF has content (${pdf.length} B)`);
  const pages = pageCount(pdf);
  // Panels never split (break-inside: avoid) so a page may end early, but not by more than one
  // page per panel row: at most twice the pages the content's height fills.
  const least = Math.ceil(contentHeight / PRINT_HEIGHT);
  assert.ok(pages >= 1 && pages <= least * 2, `${pages} pages for ${contentHeight}px of content (${least} full pages)`);
  console.log(`overview print: ${pages} A4 landscape pages, ${pdf.length} B, content ${contentHeight}px high`);
  await page.emulateMedia({ media: 'screen' });
  await context.close();
});
