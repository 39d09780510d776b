// The import preview is worked out in slices against the data as it is; «Загрузить» writes
// exactly the merge the preview showed, as one change, and refuses when the data changed after
// the preview (another tab saved): then the preview is worked out again on the new data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, saved, loadDemoAs, readStored } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

const revision = async (page) => Number((await page.evaluate(() => localStorage.getItem('salesdesk.workspace'))).match(/^SDZ\d(\d+):/)[1]);
const clientName = async (page, id) => (await readStored(page)).workspace.clients.find((c) => c.id === id)?.name;

test('«Загрузить» refuses when another tab saved after the preview, then merges the new preview as one change', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  await page.goto(`${app.server.url}#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const json = JSON.parse(await readFile(await download.path(), 'utf8'));
  // The file brings one client more.
  json.workspace.clients.push({ ...json.workspace.clients[0], id: 'file-client', name: 'ООО «Из файла»', inn: null });
  await page.getByTestId('import-file').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await page.getByTestId('import-preview').waitFor();
  const addedClients = page.locator('[data-testid="preview-table"] tr[data-kind="Client"] td').nth(2);
  assert.equal(await addedClients.innerText(), '1');

  // Another tab renames a client and saves while the preview is on screen.
  const other = await context.newPage();
  await other.goto(`${app.server.url}#/clients/demo-c03`);
  await other.getByTestId('client-name').fill('Переименован в другой вкладке');
  await other.getByTestId('save-client').click();
  await saved(other);
  await page.waitForTimeout(500);
  const storedBefore = await revision(page);

  // Nothing is written; the preview comes back, worked out again, with the reason.
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-preview').waitFor();
  await page.locator('[data-testid="import-preview"] .field-error', { hasText: 'ваши данные изменились' }).waitFor();
  assert.equal(await page.getByTestId('import-report').count(), 0);
  assert.equal(await revision(page), storedBefore);
  assert.equal(await clientName(page, 'file-client'), undefined);

  // Confirmed again on the new preview: one change holding both the other tab's rename and the
  // file's client.
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-report').waitFor();
  await saved(page);
  assert.equal(await revision(page), storedBefore + 1);
  assert.equal(await clientName(page, 'file-client'), 'ООО «Из файла»');
  assert.equal(await clientName(page, 'demo-c03'), 'Переименован в другой вкладке');
  await context.close();
});
