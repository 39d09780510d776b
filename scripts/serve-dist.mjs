// Serves the built release in dist/ the way a static host does: the files as they are, with no
// live-reload script injected (the page's Content-Security-Policy allows only its own files, so
// `trunk serve`'s injected script was refused and logged a console error on every load).
// PORT picks the port (8080; 0 takes a free one). Used by scripts/serve.sh.
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { serveDist } from '../tests/e2e/server.mjs';

const root = resolve(new URL('..', import.meta.url).pathname, 'dist');
if (!existsSync(resolve(root, 'index.html'))) {
  console.error('dist/ has no build yet: run `trunk build --release --offline` (scripts/serve.sh does).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 8080);
const server = await serveDist(root, { port, host: process.env.HOST ?? '127.0.0.1' });
console.log(`Salesdesk is served at ${server.url} (Ctrl+C stops it)`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close().then(() => process.exit(0)));
}
