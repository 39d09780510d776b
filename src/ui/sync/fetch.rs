//! Sends the engine's requests with the browser's `fetch` and runs a round to its end. The
//! session is CouchDB's `AuthSession` cookie, which the browser keeps and sends
//! (`credentials: include`); the password only goes into [`log_in`] and is never stored.

use crate::domain::workspace::Workspace;
use crate::sync::{
    login_outcome, LoginOutcome, Method, Progress, Request, Response, RoundReport, Session, Step,
    SyncRound, SyncState, PAGE_SIZE,
};
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, RequestMode};

/// Why a request got no answer: no network, the server unreachable or refusing CORS. The
/// round ends; what was not sent goes up next time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offline(pub String);

impl From<JsValue> for Offline {
    fn from(error: JsValue) -> Self {
        Offline(error.as_string().unwrap_or_else(|| format!("{error:?}")))
    }
}

/// Sends one request to `server` (its origin, e.g. `https://couch.example.ru`).
pub async fn send(server: &str, req: &Request) -> Result<Response, Offline> {
    let init = RequestInit::new();
    init.set_method(req.method.as_str());
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Include);
    let headers = web_sys::Headers::new()?;
    headers.set("Accept", "application/json")?;
    if let Some(body) = &req.body {
        headers.set("Content-Type", "application/json")?;
        init.set_body(&JsValue::from_str(&body.to_string()));
    }
    init.set_headers(&headers);
    let url = format!("{server}{}", req.path);
    let request = web_sys::Request::new_with_str_and_init(&url, &init)?;
    let window = web_sys::window().ok_or_else(|| Offline("no window".into()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_request(&request))
        .await?
        .dyn_into()?;
    let text = JsFuture::from(response.text()?).await?;
    let body = text
        .as_string()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or(Value::Null);
    Ok(Response {
        status: response.status(),
        body,
    })
}

/// Runs one sync round on the live workspace: each step reads and changes it in place, with no
/// copy (the person may edit between two requests; the round's next step sees the edit).
/// Nothing is notified here: the caller notifies once when [`SyncRound::touched`] says the round
/// changed the workspace, also when it ended without network. `progress` follows the round
/// while it pulls or pushes more than a page.
pub async fn run_round(
    state: &mut SyncState,
    round: &mut SyncRound,
    ws: RwSignal<Workspace>,
    progress: RwSignal<Option<Progress>>,
) -> Result<RoundReport, Offline> {
    let server = state.server.clone();
    let mut response = None;
    loop {
        let step = ws
            .try_update_untracked(|ws| round.step(state, ws, response.take()))
            .ok_or_else(|| Offline("the page is closing".into()))?;
        let shown = round.progress().filter(|p| p.total > PAGE_SIZE);
        if progress.get_untracked() != shown {
            progress.set(shown);
        }
        match step {
            Step::Send(req) => response = Some(send(&server, &req).await?),
            Step::Yield => breathe().await?,
            Step::Done(report) => return Ok(report),
        }
    }
}

/// Lets the page paint and handle input between two long steps (a zero-delay timeout: a new
/// task, after what is queued).
async fn breathe() -> Result<(), Offline> {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    JsFuture::from(promise).await?;
    Ok(())
}

/// Logs in with `POST /_session`; `Ok(Err(outcome))` when the server said no, by its status
/// (a wrong name or password, or a server error).
pub async fn log_in(
    server: &str,
    name: &str,
    password: &str,
) -> Result<Result<Session, LoginOutcome>, Offline> {
    let req = Request {
        method: Method::Post,
        path: "/_session".into(),
        body: Some(json!({ "name": name, "password": password })),
    };
    let res = send(server, &req).await?;
    match login_outcome(res.status) {
        LoginOutcome::LoggedIn => {}
        refused => return Ok(Err(refused)),
    }
    // Logged in but no user in the session's answer: as good as a refused login.
    Ok(current_session(server)
        .await?
        .ok_or(LoginOutcome::WrongPassword))
}

/// The session the browser's cookie holds (`GET /_session`), `None` when logged out.
pub async fn current_session(server: &str) -> Result<Option<Session>, Offline> {
    let req = Request {
        method: Method::Get,
        path: "/_session".into(),
        body: None,
    };
    let res = send(server, &req).await?;
    Ok(Session::of_user_ctx(&res.body["userCtx"]))
}

/// Ends the session (`DELETE /_session`): the server clears the cookie.
pub async fn log_out(server: &str) -> Result<(), Offline> {
    let req = Request {
        method: Method::Delete,
        path: "/_session".into(),
        body: None,
    };
    send(server, &req).await.map(|_| ())
}
