// The measuring half of scripts/bench-actions.mjs: what runs inside the page, and `measure()`,
// which times one user action from Node.
//
// Figures, all in ms and on the page's own clock (performance.now()):
// - t0: the `timeStamp` of the user's event (the click, or the file input's change), caught by a
//   capturing listener on window before any app handler runs; for a cold load, 0 = navigation start.
// - shown: the first animation frame at which the result is in the DOM (checked on every
//   requestAnimationFrame callback, i.e. at the start of the frame that paints it), minus t0.
// - painted: when that frame's rendering (style, layout, paint on the main thread) is done: a
//   message posted from the frame's callback, which runs only after the frame's own work. For a
//   large page the browser's layout of it comes after `shown`, and this counts it.
// - save: the first moment the revision in `localStorage['salesdesk.workspace']`'s prefix
//   (`SDZ<format digit><revision>:`) is higher than before the action, polled every 10 ms inside
//   the page, minus t0. It includes the app's 400 ms save debounce (SAVE_DELAY).
// - app save_ms: `window.__salesdeskTimings.save_ms`, the app's own timing of that write
//   (encode + deflate + setItem, no debounce).
// - frozen: the longest long task (PerformanceObserver 'longtask', tasks of 50 ms or more; 0 when
//   none) that starts between t0 and the end of the action (the later of shown and save) plus a
//   settle time. The longest gap between animation frames over the same window is recorded too
//   ("frame gap" in the report): it also counts rendering work and shorter back-to-back tasks that
//   the long-task API does not report one by one, so it is the upper bound of what a person feels.

/** Installed before every document of the page (page.addInitScript): long tasks from the first
 * script on, the save poll, the frame watcher and the condition checker. */
export function instrument() {
  const b = (window.__bench = { long: [], armed: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch { /* no long-task API: frozen reads 0 */ }
  b.revision = () => {
    const v = localStorage.getItem('salesdesk.workspace');
    const m = v && /^SDZ\d(\d+):/.exec(v.slice(0, 32));
    return m ? Number(m[1]) : -1;
  };
  // Every condition must hold: {sel} exists, {sel, text} has that text, {sel, atLeast} matches at
  // least that many elements, {absent} matches nothing.
  b.holds = (conds) => conds.every((c) => {
    if (c.absent) return !document.querySelector(c.absent);
    if (c.atLeast !== undefined) return document.querySelectorAll(c.sel).length >= c.atLeast;
    const el = document.querySelector(c.sel);
    if (!el) return false;
    return c.text === undefined || el.textContent.trim() === c.text;
  });
  const watch = (a) => {
    let last = performance.now();
    const frame = (now) => {
      if (b.armed !== a) return;
      a.maxGap = Math.max(a.maxGap, now - last);
      last = now;
      if (a.shownAt === null && a.shown && a.t0 !== null && b.holds(a.shown)) {
        a.shownAt = performance.now();
        const done = new MessageChannel();
        done.port1.onmessage = () => { a.paintedAt = performance.now(); };
        done.port2.postMessage(null);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  /** Starts watching one action: `event` is the DOM event that is the user's action ('click',
   * 'change'), or null for a page load (t0 = 0); `shown` the conditions of its visible result. */
  b.arm = (event, shown, save) => {
    const a = { t0: event ? null : 0, shown, shownAt: null, paintedAt: null, maxGap: 0, save, savedAt: null, base: b.revision() };
    b.armed = a;
    if (window.__salesdeskTimings) delete window.__salesdeskTimings.save_ms;
    if (event) {
      const on = (e) => { if (a.t0 === null) a.t0 = e.timeStamp; window.removeEventListener(event, on, true); };
      window.addEventListener(event, on, true);
    }
    if (save) {
      const poll = setInterval(() => {
        if (b.armed !== a) return clearInterval(poll);
        if (a.t0 !== null && b.revision() > a.base) { a.savedAt = performance.now(); clearInterval(poll); }
      }, 10);
    }
    watch(a);
  };
  b.state = () => {
    const a = b.armed;
    return a && { t0: a.t0, shownAt: a.shownAt, paintedAt: a.paintedAt, savedAt: a.savedAt, origin: performance.timeOrigin, now: performance.now() };
  };
  /** Ends the watch: the figures of the action, with `end` the end of its frozen window. */
  b.finish = (end) => {
    const a = b.armed;
    b.armed = null;
    const inWindow = b.long.filter(([start]) => start >= a.t0 - 1 && start <= end);
    return {
      frozen: Math.max(0, ...inWindow.map(([, d]) => d)),
      // Every task of 100 ms or more, as [start after the event, duration], for BENCH_TASKS.
      tasks: inWindow.filter(([, d]) => d >= 100).map(([s, d]) => [s - a.t0, d]),
      gap: a.maxGap,
      paintedAt: a.paintedAt,
      appSave: window.__salesdeskTimings?.save_ms,
    };
  };
  // A reload marked by the benchmark arms itself before the app starts.
  if (sessionStorage.getItem('bench.load')) {
    sessionStorage.removeItem('bench.load');
    b.arm(null, [{ sel: '.board .board-card' }], false);
  }
}

const SETTLE_MS = 500;
const TIMEOUT_MS = 120_000;

/**
 * Times one action. `act` performs it (after the watch is armed); `event` is the DOM event that
 * marks its start; `shown` the conditions of its visible result (or null when `download` is set:
 * then the result is the browser starting the download); `save` whether it changes the workspace.
 * Returns { frozen, gap, shown, painted, save, appSave } in ms (save and appSave null when not saved).
 */
export async function measure(page, { event, shown = null, save = false, act, download = false }) {
  await page.evaluate(([e, s, v]) => window.__bench.arm(e, s, v), [event, shown, save]);
  let downloadAt = null;
  const downloaded = download
    ? page.waitForEvent('download', { timeout: TIMEOUT_MS }).then((d) => { downloadAt = Date.now(); return d; })
    : null;
  await act();
  const file = downloaded && (await downloaded);
  const started = Date.now();
  let st;
  for (;;) {
    st = await page.evaluate(() => window.__bench.state());
    const shownDone = download || st.shownAt !== null;
    if (st.t0 !== null && shownDone && (!save || st.savedAt !== null)) break;
    if (Date.now() - started > TIMEOUT_MS) throw new Error(`action timed out: ${JSON.stringify({ event, shown, st })}`);
    await page.waitForTimeout(20);
  }
  // The download event reaches Node from the browser process; put it on the page's clock.
  const shownAt = download ? downloadAt - st.origin : st.shownAt;
  const end = Math.max(shownAt, st.savedAt ?? 0);
  await page.waitForTimeout(SETTLE_MS + Math.max(0, end - st.now));
  const fin = await page.evaluate((e) => window.__bench.finish(e), end + SETTLE_MS);
  return {
    frozen: fin.frozen,
    gap: fin.gap,
    shown: shownAt - st.t0,
    painted: download || fin.paintedAt === null ? null : fin.paintedAt - st.t0,
    save: save ? st.savedAt - st.t0 : null,
    appSave: save ? fin.appSave ?? null : null,
    tasks: fin.tasks,
    file,
  };
}

/** Reloads the page and times it until the board's cards are on screen (t0 = navigation start). */
export async function measureLoad(page) {
  await page.evaluate(() => sessionStorage.setItem('bench.load', '1'));
  await page.reload();
  const started = Date.now();
  let st;
  for (;;) {
    st = await page.evaluate(() => window.__bench.state()).catch(() => null);
    if (st && st.shownAt !== null && st.paintedAt !== null) break;
    if (Date.now() - started > TIMEOUT_MS) throw new Error('the board did not show after a reload');
    await page.waitForTimeout(20);
  }
  await page.waitForTimeout(SETTLE_MS);
  const fin = await page.evaluate((e) => window.__bench.finish(e), st.shownAt + SETTLE_MS);
  return { frozen: fin.frozen, gap: fin.gap, shown: st.shownAt, painted: st.paintedAt, save: null, appSave: null, tasks: fin.tasks };
}
