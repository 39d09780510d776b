//! Live team sync in the browser (issue 16): the `fetch` driver of the core's sans-IO engine
//! ([`crate::sync`]). No screens yet: login, the status in the top bar and the server address in
//! «Настройки» come next, and until then nothing calls this, so the app makes no request.

mod fetch;
