// dist/ served the way a static host serves it: gzip-compressed when the browser accepts it,
// with the right types (application/wasm, so the wasm compiles while it streams), files with a
// content hash in their names cached for a year and the rest (index.html, sw.js) revalidated.
// For Lighthouse's first-load measurement.
//
// It also sends at a steady rate (by default 10 Mbit/s, the throughput of Lighthouse's desktop
// preset), as a host reached over a real network would, instead of loopback's gigabytes per
// second. Lighthouse's
// simulation takes its figures from its own network model, not from these timings, but it reads
// from the observed load which requests finished before the largest paint and counts those as
// needed for it: on loopback the 680 KB wasm is there within ~70 ms, before the shell's first
// paint, and would be counted towards an LCP that in fact never waits for it.
import { once } from 'node:events';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg']);

const sleep = (ms) => new Promise((ok) => { setTimeout(ok, ms); });

/** Writes `body` at `bytesPerSecond` (all at once when 0). */
async function send(res, body, bytesPerSecond) {
  if (!bytesPerSecond) {
    res.end(body);
    return;
  }
  const chunk = 16 * 1024;
  const started = Date.now();
  for (let sent = 0; sent < body.length; sent += chunk) {
    const wait = started + (sent / bytesPerSecond) * 1000 - Date.now();
    if (wait > 0) await sleep(wait);
    if (res.destroyed) return;
    if (!res.write(body.subarray(sent, sent + chunk))) await once(res, 'drain');
  }
  res.end();
}

/** `gzip: false` serves everything uncompressed (for comparison); `mbps: 0` does not pace. */
export async function serveGzip(root = resolve(process.cwd(), 'dist'), { port = 0, gzip = true, mbps = 10 } = {}) {
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const ext = extname(file);
      let body = await readFile(file);
      const headers = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        // Trunk and the post-build hook put a content hash in the names of the big files.
        'cache-control': /-[0-9a-f]{12,16}(_bg)?\.\w+$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        vary: 'Accept-Encoding',
      };
      if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
        body = compressed.get(file);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') res.end();
      else await send(res, body, (mbps * 1e6) / 8);
    } catch {
      if (res.headersSent) res.destroy();
      else res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
