// What the page benchmarks share: the stored value of 5 000 clients / 100 000 orders (written by
// target/release/bench_storage --write, as the capacity test stores it) and a page opened on it
// as the director, Андрей Лебедев, on the board.
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The full-size workspace as the app stores it (one byte per character). */
export function fullSizeValue() {
  const file = join(mkdtempSync(join(tmpdir(), 'salesdesk-')), 'big.bin');
  execFileSync('target/release/bench_storage', ['--write', file]);
  return readFileSync(file).toString('latin1');
}

/** A new page of `app` holding `packed`, opened by its address on the board (the director would
 * otherwise open on his home, the team) and signed in as the director. */
export async function openAsDirector(app, packed) {
  const opened = await app.open();
  const { page } = opened;
  await page.evaluate((value) => localStorage.setItem('salesdesk.workspace', value), packed);
  await page.evaluate(() => { location.hash = '#/'; });
  await page.reload();
  await page.getByTestId('whoami').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: /Андрей Лебедев/ }).click();
  return opened;
}
