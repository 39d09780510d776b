// Trunk post-build hook (see Trunk.toml). For release builds it
//  1. writes sw.js with the list of every built file and a version derived from their contents,
//  2. adds register-sw.js and its <script> tag to index.html,
//  3. adds a Content-Security-Policy meta tag that allows only the app's own files, wasm, and
//     Trunk's inline loader script (by its hash).
// Debug builds (trunk serve) get none of it, so development never fights a stale cache.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!stage) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

copyFileSync(join(source, 'pwa/register-sw.js'), join(stage, 'register-sw.js'));

const indexPath = join(stage, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!inline) throw new Error('Trunk\'s inline loader script was not found in index.html');
const loaderHash = createHash('sha256').update(inline[1], 'utf8').digest('base64');
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${loaderHash}'`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html
  .replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace('</head>', '<script type="module" src="./register-sw.js"></script></head>');
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
console.log(`post-build: service worker precaches ${precache.length} entries; CSP added`);
