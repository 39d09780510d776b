#!/usr/bin/env node
// Sets up a team database for Salesdesk's live sync on CouchDB 3.x (or pouchdb-server in the
// tests): the database, its `_security` (members: the app's roles; admins: the director role),
// one CouchDB user per person, and `_design/salesdesk` whose `validate_doc_update`
// (validate_doc_update.js beside this file) makes the server enforce who may change what.
// Running it again updates everything in place (passwords, roles, the design document).
//
// Usage:
//   node scripts/sync/setup-team.mjs --url https://couch.example.ru --admin root:secret \
//     --origin https://salesdesk.example.ru team.json
// `--origin` (the app's own origin) turns CORS on for exactly that origin, with credentials (the
// session cookie goes with the app's `fetch`): CouchDB 3's `/_node/_local/_config`, or
// pouchdb-server's `/_config`.
// The team file (JSON):
//   { "db": "team",
//     "users": [ { "name": "anna", "password": "…", "role": "hunter", "member": "m-anna" }, … ] }
// `role` is hunter, farmer or director; `member` is the person's id in the app's team roster.
// The admin credentials may also come from the SYNC_ADMIN environment variable (name:password).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HERE = new URL('.', import.meta.url);
const ROLES = ['hunter', 'farmer', 'director'];
const REVS_LIMIT = 100;

/** The validation function's source with the team roster (member id → role) inlined. */
export function validationSource(users) {
  const team = Object.fromEntries(users.map((u) => [u.member, u.role]));
  const source = readFileSync(new URL('validate_doc_update.js', HERE), 'utf8');
  const line = /var TEAM = \{\};[^\n]*/;
  if (!line.test(source)) throw new Error('validate_doc_update.js: the TEAM line is missing');
  const start = source.indexOf('function validate(');
  return source.slice(start).replace(line, `var TEAM = ${JSON.stringify(team)};`);
}

/** Checks the team file and gives its database name and users. */
export function readTeam(team) {
  const db = team.db ?? 'team';
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(db)) throw new Error(`bad database name: ${db}`);
  if (!Array.isArray(team.users) || team.users.length === 0) throw new Error('no users in the team file');
  for (const u of team.users) {
    for (const key of ['name', 'password', 'member']) {
      if (typeof u[key] !== 'string' || u[key] === '') throw new Error(`user ${JSON.stringify(u.name)}: ${key} missing`);
    }
    if (!ROLES.includes(u.role)) throw new Error(`user ${u.name}: role must be one of ${ROLES.join(', ')}`);
  }
  return { db, users: team.users };
}

/** Creates or updates the team database on `url` as the server admin `admin` ("name:password"). */
export async function setupTeam({ url, admin, team, origin, log = () => {} }) {
  const { db, users } = readTeam(team);
  const base = url.replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(admin).toString('base64')}`;
  async function call(method, path, body) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json };
  }
  async function must(method, path, body) {
    const res = await call(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }
  /** PUTs a document, carrying the current revision when it already exists. */
  async function upsert(path, doc) {
    const old = await call('GET', path);
    const rev = old.status === 200 ? { _rev: old.json._rev } : {};
    return must('PUT', path, { ...doc, ...rev });
  }

  if (origin) await allowOrigin(origin);
  /** CORS for the app's origin only, with credentials (never `*`). */
  async function allowOrigin(appOrigin) {
    const couch = (await call('GET', '/_node/_local/_config/cors')).status === 200;
    const config = couch ? '/_node/_local/_config' : '/_config';
    await must('PUT', `${config}/httpd/enable_cors`, 'true');
    if (couch) await must('PUT', `${config}/chttpd/enable_cors`, 'true');
    await must('PUT', `${config}/cors/origins`, appOrigin);
    await must('PUT', `${config}/cors/credentials`, 'true');
    if (couch) {
      await must('PUT', `${config}/cors/methods`, 'GET, POST, DELETE');
      await must('PUT', `${config}/cors/headers`, 'accept, content-type, origin');
    }
    log(`CORS: only ${appOrigin}, with credentials`);
  }
  const created = await call('PUT', `/${encodeURIComponent(db)}`);
  if (created.status !== 201 && created.status !== 412) {
    throw new Error(`PUT /${db}: ${created.status} ${JSON.stringify(created.json)}`);
  }
  log(created.status === 201 ? `database ${db} created` : `database ${db} exists`);
  await must('PUT', `/${encodeURIComponent(db)}/_security`, {
    admins: { names: [], roles: ['director'] },
    members: { names: [], roles: ROLES },
  });
  log('_security set');
  // Devices write in client mode and never need old revisions' history: keep 100, not CouchDB's
  // 1000. pouchdb-server has no `_revs_limit`; there it is left as it is.
  const limit = await call('PUT', `/${encodeURIComponent(db)}/_revs_limit`, REVS_LIMIT);
  log(limit.status < 300 ? `_revs_limit ${REVS_LIMIT}` : `_revs_limit not supported here (${limit.status})`);
  for (const u of users) {
    const id = `org.couchdb.user:${u.name}`;
    await upsert(`/_users/${encodeURIComponent(id)}`, {
      _id: id,
      name: u.name,
      password: u.password,
      roles: [u.role, `member:${u.member}`],
      type: 'user',
    });
    log(`user ${u.name} (${u.role}, member ${u.member})`);
  }
  await upsert(`/${encodeURIComponent(db)}/_design/salesdesk`, {
    _id: '_design/salesdesk',
    language: 'javascript',
    validate_doc_update: validationSource(users),
  });
  log('_design/salesdesk written');
  return { db };
}

function parseArgs(argv) {
  const args = { url: process.env.SYNC_URL, admin: process.env.SYNC_ADMIN, file: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--url') args.url = argv[++i];
    else if (argv[i] === '--admin') args.admin = argv[++i];
    else if (argv[i] === '--origin') args.origin = argv[++i];
    else args.file = argv[i];
  }
  if (!args.url || !args.admin || !args.file) {
    throw new Error('usage: setup-team.mjs --url URL --admin NAME:PASSWORD [--origin APP_ORIGIN] team.json');
  }
  return args;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { url, admin, file, origin } = parseArgs(process.argv.slice(2));
    const team = JSON.parse(readFileSync(file, 'utf8'));
    await setupTeam({ url, admin, team, origin, log: (line) => console.log(`[setup-team] ${line}`) });
  } catch (e) {
    console.error(`[setup-team] ${e.message}`);
    process.exit(1);
  }
}
