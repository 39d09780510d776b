// The team database's rules, checked on a real pouchdb-server (in memory, 127.0.0.1): the set-up
// script (scripts/sync/setup-team.mjs) and its validate_doc_update refuse what a person's role
// does not allow, with the reason in Russian words, through the same `_bulk_docs` the app uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ADMIN } from './server.mjs';
import { setupTeam } from '../../scripts/sync/setup-team.mjs';

const TEAM = {
  db: 'team',
  users: [
    { name: 'marina', password: 'm-pass', role: 'director', member: 'm-dir' },
    { name: 'anna', password: 'a-pass', role: 'hunter', member: 'm-anna' },
    { name: 'boris', password: 'b-pass', role: 'hunter', member: 'm-boris' },
    { name: 'fedor', password: 'f-pass', role: 'farmer', member: 'm-fedor' },
  ],
};
const PASSWORDS = Object.fromEntries(TEAM.users.map((u) => [u.name, u.password]));
let server;

before(async () => {
  server = await startServer();
  await setupTeam({ url: server.url, admin: ADMIN, team: TEAM });
});
after(async () => server && (await server.stop()));

async function call(user, method, path, body) {
  const headers = { 'content-type': 'application/json' };
  if (user) headers.authorization = `Basic ${Buffer.from(`${user}:${PASSWORDS[user]}`).toString('base64')}`;
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

/** Writes docs as `user` with `_bulk_docs` (the app's call); gives the one doc's result. */
async function write(user, doc) {
  const res = await call(user, 'POST', '/team/_bulk_docs', { docs: [doc] });
  assert.equal(res.status, 201, JSON.stringify(res.json));
  return res.json[0];
}
async function get(id) {
  return (await call('marina', 'GET', `/team/${encodeURIComponent(id)}`)).json;
}
function assertRefused(result, words) {
  assert.equal(result.error, 'forbidden', JSON.stringify(result));
  assert.match(result.reason, words);
}
function client(id, owner, name) {
  return { _id: `clients:${id}`, kind: 'clients', owner, record: { id, name, owner_id: owner } };
}

test('running the set-up again updates in place', async () => {
  await setupTeam({ url: server.url, admin: ADMIN, team: TEAM });
  const ddoc = await get('_design/salesdesk');
  assert.match(ddoc.validate_doc_update, /"m-fedor":"farmer"/);
  const security = await call('marina', 'GET', '/team/_security');
  assert.deepEqual(security.json.admins.roles, ['director']);
  assert.deepEqual(security.json.members.roles, ['hunter', 'farmer', 'director']);
});

test('a session login tells who you are; a wrong password is refused', async () => {
  const res = await fetch(`${server.url}/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'anna', password: 'a-pass' }),
  });
  assert.equal(res.status, 200);
  const cookie = res.headers.get('set-cookie');
  assert.match(cookie, /AuthSession=/);
  const session = await fetch(`${server.url}/_session`, { headers: { cookie: cookie.split(';')[0] } });
  const { userCtx } = await session.json();
  assert.equal(userCtx.name, 'anna');
  assert.ok(userCtx.roles.includes('hunter') && userCtx.roles.includes('member:m-anna'));
  const wrong = await fetch(`${server.url}/_session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'anna', password: 'nope' }),
  });
  assert.equal(wrong.status, 401);
  assert.equal((await call(null, 'GET', '/team/_all_docs')).status, 401);
});

test('a hunter writes her own client; another hunter is refused', async () => {
  const made = await write('anna', client('c1', 'm-anna', 'ООО Ромашка'));
  assert.ok(made.ok, JSON.stringify(made));
  const edited = await write('anna', { ...client('c1', 'm-anna', 'ООО «Ромашка»'), _rev: made.rev });
  assert.ok(edited.ok, JSON.stringify(edited));
  const foreign = await write('boris', { ...client('c1', 'm-anna', 'Захват'), _rev: edited.rev });
  assertRefused(foreign, /только её владелец или директор/);
  const deleted = await write('boris', { _id: 'clients:c1', _rev: edited.rev, _deleted: true });
  assertRefused(deleted, /только её владелец или директор/);
  const onSomeoneElse = await write('boris', client('c2', 'm-anna', 'Подброс'));
  assertRefused(onSomeoneElse, /только на себя/);
  assert.equal((await get('clients:c1')).record.name, 'ООО «Ромашка»');
});

test('the owner hands a client to a farmer only with a transfer record; the director changes any owner', async () => {
  const made = await write('anna', client('c3', 'm-anna', 'ООО Лютик'));
  const toHunter = await write('anna', { ...client('c3', 'm-boris', 'ООО Лютик'), _rev: made.rev });
  assertRefused(toHunter, /сменить владельца может только директор/);
  const bare = await write('anna', { ...client('c3', 'm-fedor', 'ООО Лютик'), _rev: made.rev });
  assertRefused(bare, /сменить владельца может только директор/);
  const log = await write('anna', {
    _id: 'transfers:t1',
    kind: 'transfers',
    owner: 'm-anna',
    record: { id: 't1', client_id: 'c3', from_member_id: 'm-anna', to_member_id: 'm-fedor' },
  });
  assert.ok(log.ok, JSON.stringify(log));
  const handed = await write('anna', { ...client('c3', 'm-fedor', 'ООО Лютик'), handover: 't1', _rev: made.rev });
  assert.ok(handed.ok, JSON.stringify(handed));
  const after = await write('anna', { ...client('c3', 'm-fedor', 'ООО Лютик!'), handover: 't1', _rev: handed.rev });
  assertRefused(after, /только её владелец или директор/);
  // The client's orders follow it, naming the same transfer record.
  const order = (owner, extra = {}) => ({ _id: 'orders:o3', kind: 'orders', owner, record: { id: 'o3', client_id: 'c3' }, ...extra });
  const made3 = await write('anna', order('m-anna'));
  assertRefused(await write('anna', { ...order('m-fedor'), _rev: made3.rev }), /сменить владельца/);
  assert.ok((await write('anna', { ...order('m-fedor', { handover: 't1' }), _rev: made3.rev })).ok);
  const byDirector = await write('marina', { ...client('c3', 'm-boris', 'ООО Лютик'), _rev: handed.rev });
  assert.ok(byDirector.ok, JSON.stringify(byDirector));
});

test('the transfer rule, scoring model, stages, catalogue and roster: the director only', async () => {
  const rule = { _id: 'transfer_policy', kind: 'transfer_policy', record: { rule: { conditions: [] } } };
  assertRefused(await write('anna', rule), /только директор меняет правило передачи/);
  assertRefused(await write('fedor', rule), /только директор меняет правило передачи/);
  assert.ok((await write('marina', rule)).ok);
  const cases = [
    [{ _id: 'scoring_model', kind: 'scoring_model', record: {} }, /модель квалификации/],
    [{ _id: 'stages:lead', kind: 'stages', record: { id: 'lead' } }, /этапы воронки/],
    [{ _id: 'pipeline_settings', kind: 'pipeline_settings', record: {} }, /настройки воронки/],
    [{ _id: 'products:p1', kind: 'products', record: { id: 'p1' } }, /каталог/],
    [{ _id: 'product_groups:g1', kind: 'product_groups', record: { id: 'g1' } }, /каталог/],
    [{ _id: 'members:m-x', kind: 'members', record: { id: 'm-x' } }, /состав команды/],
  ];
  for (const [doc, words] of cases) {
    assertRefused(await write('boris', doc), words);
    assert.ok((await write('marina', doc)).ok, doc._id);
  }
});

test('the transfer log and stage history are append-only, even for the director', async () => {
  for (const kind of ['transfers', 'stage_history']) {
    const made = await write('boris', { _id: `${kind}:x1`, kind, owner: 'm-boris', record: { id: 'x1' } });
    assert.ok(made.ok, JSON.stringify(made));
    const changed = await write('marina', { _id: `${kind}:x1`, kind, owner: 'm-boris', record: { id: 'x1', at: 1 }, _rev: made.rev });
    assertRefused(changed, /не исправляют и не удаляют/);
    const deleted = await write('boris', { _id: `${kind}:x1`, _rev: made.rev, _deleted: true });
    assertRefused(deleted, /не исправляют и не удаляют/);
  }
});

test('a deletion mark is written by the removed record\'s owner or the director', async () => {
  const mark = (owner) => ({ _id: 'removed:c1', kind: 'removed', owner, record: { id: 'c1', removed_at: 'x' } });
  assertRefused(await write('boris', mark('m-anna')), /только её владелец или директор/);
  assert.ok((await write('anna', mark('m-anna'))).ok);
});

test('a document whose kind does not match its id is refused', async () => {
  const doc = { _id: 'clients:c9', kind: 'transfers', owner: 'm-anna', record: { id: 'c9' } };
  assertRefused(await write('anna', doc), /вида записи/);
});
