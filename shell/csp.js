// The page's first script, run in <head> before anything else (scripts/post-build.mjs puts it
// right after <meta charset> and fills in __POLICY__). It writes the page's
// Content-Security-Policy: the base policy, whose connect-src allows only the app's own origin,
// plus the team sync server's origin when «Настройки» → «Синхронизация» stored one. A policy can
// only be narrowed once it exists, so nothing before this script sets one; a changed address
// takes effect after a reload. The stored address is taken only if it is a bare origin (the
// same rule as `sync::parse_origin` in the app), so it cannot smuggle anything else into the
// policy. Sync off (no address): connect-src stays 'self' and the app makes no request anywhere.
(() => {
  let origin = '';
  try {
    const prefs = JSON.parse(localStorage.getItem('salesdesk.prefs') || '{}');
    const server = prefs && prefs.sync && prefs.sync.server;
    if (typeof server === 'string'
      && /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9][a-z0-9.-]*)(:[0-9]{1,5})?$/.test(server)) {
      origin = ' ' + server;
    }
  } catch {
    // No storage (or unreadable preferences): the base policy.
  }
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = '__POLICY__'.replace("connect-src 'self'", "connect-src 'self'" + origin);
  document.head.appendChild(meta);
})();
