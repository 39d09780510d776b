// Registers the service worker (release builds only: the build step adds this script) and tells
// the app when a new version is ready. The app shows a banner; the switch happens only when the
// user presses it, never in the middle of an edit.
if ('serviceWorker' in navigator) {
  const announce = () => {
    window.__salesdeskUpdateReady = true;
    window.dispatchEvent(new CustomEvent('salesdesk:update-ready'));
  };
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    if (registration.waiting && navigator.serviceWorker.controller) announce();
    registration.addEventListener('updatefound', () => {
      const next = registration.installing;
      next?.addEventListener('statechange', () => {
        if (next.state === 'installed' && navigator.serviceWorker.controller) announce();
      });
    });
    window.addEventListener('salesdesk:apply-update', () => {
      const waiting = registration.waiting;
      if (!waiting) return;
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    });
    // Look for a new release whenever the app comes back to the foreground.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }).catch(() => {});
}
