// The server's validate_doc_update run on the table of write cases the app's own rules
// (src/sync/rules.rs, `may_write`) are unit-tested on: the same table, so the screens that show a
// record read-only and the server that refuses the write cannot drift apart unnoticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const table = JSON.parse(readFileSync(new URL('./write_cases.json', import.meta.url), 'utf8'));
const source = readFileSync(new URL('../../scripts/sync/validate_doc_update.js', import.meta.url), 'utf8')
  .replace(/var TEAM = \{\};[^\n]*/, `var TEAM = ${JSON.stringify(table.team)};`);
const validate = new Function(`${source}\nreturn validate;`)();

function run(c) {
  const id = `${c.kind}:x`;
  const oldDoc = c.old && { _id: id, _rev: '1-a', kind: c.kind, ...c.old, record: {} };
  const newDoc = c.new ? { _id: id, kind: c.kind, ...c.new, record: {} } : { _id: id, _deleted: true };
  const roles = [c.role, c.member && `member:${c.member}`].filter(Boolean);
  try {
    validate(newDoc, oldDoc, { name: 'u', roles });
    return null;
  } catch (e) {
    if (!e.forbidden) throw e;
    return e.forbidden;
  }
}

test('the validation function decides every case of the shared table as the table says', () => {
  assert.ok(table.cases.length > 50);
  for (const c of table.cases) assert.equal(run(c), c.refused, c.name);
});
