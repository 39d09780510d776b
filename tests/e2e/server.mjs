// A tiny static file server for the built dist/ folder, on a free loopback port (or the one
// given). `bash scripts/serve.sh` serves the app with it too (scripts/serve-dist.mjs).
// It also records every request, so tests can check that the page fetches only its own files.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export async function serveDist(root = resolve(process.cwd(), 'dist'), { port = 0, host = '127.0.0.1' } = {}) {
  const requests = [];
  // Tests may rewrite a file on the fly, e.g. to publish a "new release" of sw.js.
  const rewrites = new Map();
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const rewrite = rewrites.get(path);
      if (rewrite) body = Buffer.from(rewrite(body.toString('utf8')));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const url = `http://${host}:${server.address().port}/`;
  return {
    url,
    requests,
    rewrites,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
