// Trunk post-build hook (see Trunk.toml). For release builds it
//  1. builds the first paint (scripts/first-paint.mjs): the static shell, one critical style block
//     plus one stylesheet loaded without blocking, preload hints, the minified JS glue, and the
//     loader script that replaces Trunk's (it registers the service worker once the app runs),
//  2. adds the Content-Security-Policy: it allows only the app's own files, wasm, and the inline
//     loader script and critical style block (by their hashes), and in connect-src the app's own
//     origin plus exactly the team sync server's origin if one is configured. The address is
//     chosen at run time, so the page's first script (shell/csp.js) writes the meta tag from
//     the stored address before anything else runs; with scripts off a <noscript> copy of the
//     base policy applies (see docs/sync.md),
//  3. writes sw.js with the list of every built file and a version derived from their contents.
// Debug builds (trunk serve) get none of it, so development never fights a stale cache.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { firstPaint } from './first-paint.mjs';

const stage = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!stage) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

copyFileSync(join(source, 'pwa/register-sw.js'), join(stage, 'register-sw.js'));

const indexPath = join(stage, 'index.html');
const paint = await firstPaint({ stage, source, html: readFileSync(indexPath, 'utf8') });
let html = paint.html;
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${paint.scriptHash}'`,
  `style-src 'self' 'sha256-${paint.styleHash}'`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// The first script runs before any policy exists (so it needs no hash of its own); comments and
// indentation are dropped, the code itself is kept as written.
const cspScript = readFileSync(join(source, 'shell/csp.js'), 'utf8')
  .split('\n')
  .filter((line) => !line.trim().startsWith('//'))
  .map((line) => line.trim())
  .join('')
  .replace('__POLICY__', () => csp.replace(/'/g, "\\'"));
html = html.replace('<meta charset="utf-8">', () => `<meta charset="utf-8">\n    <script>${cspScript}</script>\n    <noscript><meta http-equiv="Content-Security-Policy" content="${csp}"></noscript>`);
writeFileSync(indexPath, html);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk(stage)
  .map((path) => relative(stage, path).split('\\').join('/'))
  .filter((name) => name !== 'sw.js')
  .sort();
const version = createHash('sha256');
for (const name of files) version.update(name).update(readFileSync(join(stage, name)));
const precache = ['./', ...files.map((name) => `./${name}`)];
const sw = readFileSync(join(source, 'pwa/sw.js'), 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__PRECACHE__', JSON.stringify(precache, null, 2));
writeFileSync(join(stage, 'sw.js'), sw);
console.log(`post-build: first paint (critical CSS ${paint.sizes.critical} B, rest ${paint.sizes.rest} B, loader ${paint.sizes.loader} B, shell ${paint.sizes.shell} B); CSP added; service worker precaches ${precache.length} entries`);
