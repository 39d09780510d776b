// Records whose ids are awkward in an address (issue 10, scenario 9): clients imported from a
// snapshot with ids such as `new`, `a/b`, `клиент-1`, `%41`, `?x`, `#y` or the empty string are
// opened from the client list and from the board, edited, reloaded and deleted like any other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, saved, loadDemoAs, readStored } from './helpers.mjs';

let app;
before(async () => { app = await start(); });
after(async () => { await app.close(); });

const AWKWARD = ['new', 'a/b', 'a b', 'клиент-1', '%41', '?x', '#y', '', 'id', '..'];
const nameOf = (i) => `ООО «Странный id ${String(i + 1).padStart(2, '0')}»`;
const titleOf = (i) => `Сделка странного id ${String(i + 1).padStart(2, '0')}`;

async function exportFile(page) {
  await page.goto(`${app.server.url}#/data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

/** Waits (up to 5 s) until the stored workspace satisfies `ok`. */
async function storedUntil(page, ok, what) {
  for (let i = 0; i < 50; i += 1) {
    if (ok((await readStored(page)).workspace)) return;
    await page.waitForTimeout(100);
  }
  assert.fail(`stored data never showed: ${what}`);
}

/** The demo's own export with one client (and one deal) per awkward id added. */
function withAwkwardClients(file) {
  const snapshot = structuredClone(file);
  const ws = snapshot.workspace;
  const me = file.exported_by.id;
  const now = new Date().toISOString();
  AWKWARD.forEach((id, i) => {
    ws.clients.push({
      ...structuredClone(ws.clients[0]), id, name: nameOf(i), owner_id: me, notes: '',
      created_at: now, updated_at: now,
    });
    ws.deals.push({
      ...structuredClone(ws.deals[0]), id: `${id}·deal`, client_id: id, title: titleOf(i), owner_id: me,
      stage_id: ws.deals[0].stage_id, created_at: now, updated_at: now,
    });
  });
  return snapshot;
}

test('clients with awkward ids import, open, edit, survive a reload and delete', async () => {
  const { page, context } = await app.open();
  await loadDemoAs(page, /Алексей Смирнов/);
  const exported = await exportFile(page);
  const snapshot = withAwkwardClients(exported);

  // Data → import → «Объединить» (merge is the default mode).
  await page.getByTestId('import-file').setInputFiles({
    name: 'awkward-ids.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(snapshot)),
  });
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('confirm-import').click();
  await page.getByTestId('import-report').waitFor();
  await saved(page);
  const storedIds = (await readStored(page)).workspace.clients.map((c) => c.id);
  for (const id of AWKWARD) assert.ok(storedIds.includes(id), `client ${JSON.stringify(id)} imported`);

  // The new-client form is still the form, even with a client whose id is `new`.
  await page.goto(`${app.server.url}#/clients/new`);
  await page.getByTestId('new-client-form').waitFor();

  let left = 36 + AWKWARD.length;
  for (const [i, id] of AWKWARD.entries()) {
    const what = `id ${JSON.stringify(id)}`;
    const name = nameOf(i);

    // From the board: the deal card's client link opens this client's card.
    await page.goto(`${app.server.url}#/`);
    await page.locator('.board').waitFor();
    const card = page.locator('.board-card', { hasText: titleOf(i) });
    await card.locator('.board-card-client').click();
    await page.getByTestId('client-title').waitFor();
    assert.equal(await page.getByTestId('client-title').innerText(), name, `${what} from the board`);

    // From the client list.
    await page.goto(`${app.server.url}#/clients`);
    await page.getByTestId('client-count').waitFor();
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByTestId('client-title').waitFor();
    assert.equal(await page.getByTestId('client-title').innerText(), name, what);
    assert.equal(await page.getByTestId('client-name').inputValue(), name, what);
    await page.locator('.client-card-deal-item', { hasText: titleOf(i) }).waitFor();

    // Edit a field and save.
    const notes = `Заметка для ${what}`;
    await page.getByTestId('client-notes').fill(notes);
    await page.getByTestId('save-client').click();
    await page.getByText('Изменения сохранены').first().waitFor();
    await saved(page);
    await storedUntil(page, (ws) => ws.clients.find((c) => c.id === id)?.notes === notes, `${what} edited`);

    // The address survives a reload and the edit is there.
    const url = page.url();
    await page.reload();
    await page.getByTestId('client-title').waitFor();
    assert.equal(page.url(), url, what);
    assert.equal(await page.getByTestId('client-title').innerText(), name, `${what} after reload`);
    assert.equal(await page.getByTestId('client-notes').inputValue(), notes, `${what} after reload`);

    // Delete it (and its deal).
    await page.getByTestId('delete-client').click();
    await page.getByTestId('confirm').click();
    await page.getByTestId('client-count').waitFor();
    left -= 1;
    assert.equal(await page.getByTestId('client-count').innerText(), `${left} из ${left}`, what);
    await saved(page);
    await storedUntil(page, (ws) => !ws.clients.some((c) => c.id === id), `${what} deleted`);
    assert.ok(!(await readStored(page)).workspace.deals.some((d) => d.client_id === id), `${what}: its deal deleted`);
  }

  // Nothing else was touched: the demo's 36 clients are all still there.
  assert.deepEqual(
    (await readStored(page)).workspace.clients.map((c) => c.id).sort(),
    exported.workspace.clients.map((c) => c.id).sort(),
  );
  await context.close();
});
