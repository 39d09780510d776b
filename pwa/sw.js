// Salesdesk service worker: the whole app shell is precached at install and served cache-first,
// so after one visit the app starts and works with no network. The build step
// (scripts/post-build.mjs) fills in VERSION and PRECACHE; a new release therefore has a new
// cache name, installs beside the old one, and waits until the user chooses to switch.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `salesdesk-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
  // No skipWaiting here: the page asks the user first, so nobody is reloaded mid-edit.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith('salesdesk-') && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  if (event.data && event.data.type === 'VERSION') event.source.postMessage({ type: 'VERSION', version: VERSION });
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Every page of the app is the same index.html (screens live in the URL hash).
    const key = request.mode === 'navigate' ? './index.html' : request;
    const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
    return hit ?? fetch(request);
  })());
});
