// The page's one inline script (allowed by its hash in the CSP), run in <head> before the body is
// parsed. scripts/first-paint.mjs fills in the file names and minifies it. It
//  - picks the static shell's language and screen (html[lang], html[data-screen]) from what this
//    browser remembers, so the first paint is the right one with no script touching the body;
//  - starts the rest of the styles without blocking that paint;
//  - fetches the wasm at once (a preload hint asks for it even earlier), counts the bytes for the
//    progress line and compiles it while it streams; the app is started once the wasm, its JS
//    glue and the styles are all there, so it never paints unstyled;
//  - says so plainly when loading fails (offline on a first visit: one online visit is needed);
//  - registers the service worker only after the app has started, so its precache downloads do
//    not compete with the first load.
(() => {
  const JS = '__JS__';
  const WASM = '__WASM__';
  const CSS = '__CSS__';
  const WASM_SIZE = __WASM_SIZE__;
  const d = document;
  const root = d.documentElement;
  const read = (key) => {
    try { return localStorage.getItem(key); } catch { return null; }
  };
  let prefs = {};
  try { prefs = JSON.parse(read('salesdesk.prefs')) || {}; } catch { /* the app falls back too */ }
  // Whether there is a workspace, without reading it (it can be megabytes): the keys only.
  let hasData = false;
  try {
    for (let i = 0; i < localStorage.length; i += 1) hasData ||= localStorage.key(i) === 'salesdesk.workspace';
  } catch { /* no storage: a first start */ }
  const setLang = (lang) => {
    root.lang = lang;
    for (const el of d.querySelectorAll('[data-en-aria-label]')) {
      el.setAttribute('aria-label', el.getAttribute(`data-${lang}-aria-label`));
    }
  };
  // The same choices as the app's: the route of src/route.rs (it marks the top bar's link) and
  // the screen of src/ui/mod.rs (the first start and «who are you» come before any route). An
  // address naming no screen opens the person's home there, which needs the workspace's team
  // (not read here): the shell then shows the board, a hunter's home.
  const route = () => {
    const [a, b, c] = location.hash.replace(/^#/, '').split('/').filter(Boolean);
    if (a === 'clients' && !c) return !b ? 'clients' : b === 'new' ? 'new-client' : 'client';
    if (!b && ['team', 'settings', 'transfers', 'overview', 'data', 'my-clients', 'tasks'].includes(a)) return a;
    return 'board';
  };
  const place = () => {
    const here = route();
    root.dataset.route = here;
    root.dataset.screen = here === 'data' ? here : !hasData ? 'welcome' : !prefs.me ? 'whoami' : here;
  };
  root.lang = prefs.lang === 'en' ? 'en' : 'ru';
  place();
  if (hasData && prefs.me) root.dataset.me = '';
  addEventListener('hashchange', place);

  const dom = new Promise((ok) => {
    if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', ok, { once: true });
    else ok();
  });
  const $ = (selector) => d.querySelector(selector);
  dom.then(() => {
    setLang(root.lang);
    $('[data-shell-skip]')?.addEventListener('click', (event) => {
      event.preventDefault();
      $('#main')?.focus({ preventScroll: true });
      scrollTo(0, 0);
    });
    $('[data-shell-lang]')?.addEventListener('click', () => {
      const lang = root.lang === 'en' ? 'ru' : 'en';
      setLang(lang);
      try {
        const stored = JSON.parse(read('salesdesk.prefs')) || {};
        localStorage.setItem('salesdesk.prefs', JSON.stringify({ ...stored, lang }));
      } catch { /* not remembered: the app still starts */ }
    });
    $('[data-shell-retry]')?.addEventListener('click', () => location.reload());
  });

  // The rest of the styles: a stylesheet added by script does not block rendering.
  const css = new Promise((ok) => {
    const link = d.createElement('link');
    link.rel = 'stylesheet';
    link.href = CSS;
    link.onload = link.onerror = ok;
    d.head.appendChild(link);
  });

  // Progress: a line under the top bar, and after a second a line of text (see shell.css).
  let received = 0;
  let stalled;
  const show = (state) => dom.then(() => { root.dataset.boot = state; });
  // Drawn once a frame at most, however many pieces of the wasm arrive in between.
  let drawing = false;
  const draw = () => {
    drawing = false;
    const share = Math.min(1, received / WASM_SIZE);
    const bar = $('.sh-progress');
    if (!bar) return;
    bar.setAttribute('aria-valuenow', String(Math.round(share * 100)));
    bar.firstElementChild.style.transform = `scaleX(${share})`;
    $('[data-shell-percent]').textContent = `${Math.round(share * 100)} %`;
  };
  const progress = () => {
    if (drawing) return;
    drawing = true;
    dom.then(() => requestAnimationFrame(draw));
  };
  const watch = () => {
    clearTimeout(stalled);
    stalled = setTimeout(() => show('slow'), 8000);
  };
  show('loading');
  watch();
  // The compiler reads the response itself (the browser feeds it without passing every piece
  // through script); a copy of it is read only to count the bytes for the progress line.
  const count = async (copy) => {
    const reader = copy.body?.getReader();
    if (!reader) return;
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true }));
      if (done) return;
      received += value.byteLength;
      watch();
      progress();
    }
  };
  const compiled = fetch(WASM).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status} ${WASM}`);
    count(response.clone());
    return /^application\/wasm\b/.test(response.headers.get('content-type') ?? '')
      ? WebAssembly.compileStreaming(response)
      : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
  });
  const glue = import(JS);

  const fail = (error) => {
    clearTimeout(stalled);
    // A network error with no service worker behind the page: this browser has never had a
    // complete online visit (or lost its copy), so say what is needed.
    const firstVisit = !navigator.serviceWorker?.controller;
    const offline = !navigator.onLine || error instanceof TypeError;
    dom.then(() => {
      root.dataset.failed = firstVisit && offline ? 'offline' : 'other';
      root.dataset.boot = 'failed';
      const detail = $('[data-shell-detail]');
      if (detail) detail.textContent = String(error?.message ?? error);
      $('[data-shell-retry]')?.focus();
    });
  };

  // The shell is on screen before the app replaces it, however fast the wasm came (from the
  // service worker, say): its paint is the page's largest, and the app's identical text is not
  // larger. The browser reports that paint only once it is presented, and forgets it if the
  // element is gone by then, so the app waits for the report (or two frames where there is no
  // such report), however long a busy phone takes to paint. A hidden tab paints nothing and the
  // browser stops reporting paints after the first input: then it starts at once; the timer is
  // only a safety net.
  const painted = dom.then(() => new Promise((ok) => {
    setTimeout(ok, 3000);
    addEventListener('pointerdown', ok, { once: true });
    addEventListener('keydown', ok, { once: true });
    const hidden = () => d.visibilityState === 'hidden' && ok();
    hidden();
    d.addEventListener('visibilitychange', hidden);
    if (PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) {
      // The screen's text, not an earlier paint of the top bar alone.
      new PerformanceObserver((list, observer) => {
        if (!list.getEntries().some((entry) => entry.element?.closest('#main'))) return;
        observer.disconnect();
        ok();
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    } else {
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)));
    }
  }));

  Promise.all([glue, compiled, css, painted])
    .then(([bindings, module]) => {
      clearTimeout(stalled);
      received = WASM_SIZE;
      progress();
      show('starting');
      // The app removes #boot and mounts itself in the same task: no frame shows neither.
      performance.mark('salesdesk:start');
      return bindings.default({ module_or_path: module });
    })
    .then(() => {
      performance.measure('salesdesk:start', 'salesdesk:start');
      root.dataset.boot = 'done';
      import('./register-sw.js').catch(() => {});
    }, fail);
})();
