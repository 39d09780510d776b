// Starts pouchdb-server in memory on 127.0.0.1 and a free port for one test file, makes the
// server admin, and stops it afterwards. It runs in a temporary folder: pouchdb-server writes
// its config.json and log.txt into the folder it runs in.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
export const ADMIN = 'root:secret';

/** A port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the server; resolves to { url, stop } once it answers. */
export async function startServer() {
  const bin = process.env.POUCHDB_SERVER ?? join(ROOT, 'node_modules/.bin/pouchdb-server');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run scripts/setup.sh`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'salesdesk-pouchdb-'));
  const child = spawn(bin, ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited: ${output}`);
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`pouchdb-server did not answer within 30 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const [name, password] = ADMIN.split(':');
  const made = await fetch(`${url}/_config/admins/${name}`, { method: 'PUT', body: JSON.stringify(password) });
  if (!made.ok) throw new Error(`making the admin: ${made.status} ${await made.text()}`);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, stop };
}
