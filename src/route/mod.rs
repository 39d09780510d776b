//! Screens addressed by the URL hash. Hash routing keeps the built `dist/` working from any static
//! host or sub-path, with no server rewrite rules.
//!
//! A record id may be any string a snapshot carries (`new`, `a/b`, `клиент-1`, `%41`, `?x`, `#y`,
//! the empty string), so a client's path carries its id percent-encoded: every byte outside the
//! unreserved ASCII characters (`A–Z a–z 0–9 - . _ ~`) becomes `%XX`. An encoded id never holds
//! `/`, `#`, `?` or a space, so it is always exactly one path segment and the browser keeps it
//! as written. A client's card is `#/clients/<encoded id>`, which keeps the address of every
//! ordinary id unchanged. Two ids would read as something else there: `new` (the new-client
//! form, `#/clients/new`) and the empty id (the client list, `#/clients/`); they take the
//! explicit form `#/clients/id/<encoded id>`, which is read for any id. `route(&href(r)) == r`
//! holds for every route and every id.

use crate::domain::{Id, Role};

/// A screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The pipeline board (the home screen).
    Board,
    /// The client list.
    Clients,
    /// The form for a new client.
    NewClient,
    /// One client's card.
    Client(Id),
    /// The team page.
    Team,
    /// Team settings (the qualification model, catalogue, transfer rule).
    Settings,
    /// The transfer queue, log and farmer metrics.
    Transfers,
    /// The director's dashboard («Обзор»): the period's figures as charts.
    Overview,
    /// Export, import and the backup.
    Data,
    /// A farmer's regular clients: «Мои клиенты».
    MyClients,
    /// The signed-in person's tasks and deals' next steps: «Мои дела».
    Tasks,
}

/// Where the app opens for a person of `role` when the address names no screen: a hunter on
/// the board, a farmer on «Мои клиенты», the director on the team view (nobody chosen yet: the
/// board).
pub fn home(role: Option<Role>) -> Route {
    home_with_tasks(role, false)
}

/// Like [`home`], knowing whether the person has anything overdue: a hunter with an overdue task
/// or next step opens on «Мои дела» instead of the board.
pub fn home_with_tasks(role: Option<Role>, overdue: bool) -> Route {
    match role {
        Some(Role::Hunter) if overdue => Route::Tasks,
        Some(Role::Farmer) => Route::MyClients,
        Some(Role::Director) => Route::Team,
        Some(Role::Hunter) | None => Route::Board,
    }
}

/// Whether `hash` names no screen at all (`""` or `"#"`), so the person's [`home`] is shown.
/// `#/`, the board's own address, is explicit.
pub fn names_no_screen(hash: &str) -> bool {
    hash.strip_prefix('#').unwrap_or(hash).is_empty()
}

/// The screen to open at `hash` for a person of `role`: the hash when it names one, else the
/// person's [`home`]. An explicit address always wins.
pub fn opening(hash: &str, role: Option<Role>) -> Route {
    opening_with_tasks(hash, role, false)
}

/// Like [`opening`], with [`home_with_tasks`] as the home.
pub fn opening_with_tasks(hash: &str, role: Option<Role>, overdue: bool) -> Route {
    if names_no_screen(hash) {
        home_with_tasks(role, overdue)
    } else {
        route(hash)
    }
}

/// The path segment of the new-client form under `clients/`.
const NEW: &str = "new";
/// The prefix, under `clients/`, of the explicit form of a client's path.
const EXPLICIT: &str = "id/";

/// The screen for a location hash such as `#/clients/abc`; unknown hashes show the board.
pub fn route(hash: &str) -> Route {
    let path = hash
        .strip_prefix('#')
        .unwrap_or(hash)
        .trim_start_matches('/');
    // The explicit form: everything after `clients/id/` is the encoded id, even nothing.
    if let Some(encoded) = path
        .strip_prefix("clients/")
        .and_then(|rest| rest.strip_prefix(EXPLICIT))
    {
        return Route::Client(Id::from_raw(decode(encoded)));
    }
    let mut parts = path.split('/').filter(|p| !p.is_empty());
    match (parts.next(), parts.next(), parts.next()) {
        (Some("clients"), None, None) => Route::Clients,
        (Some("clients"), Some(NEW), None) => Route::NewClient,
        (Some("clients"), Some(id), None) => Route::Client(Id::from_raw(decode(id))),
        (Some("team"), None, None) => Route::Team,
        (Some("settings"), None, None) => Route::Settings,
        (Some("transfers"), None, None) => Route::Transfers,
        (Some("overview"), None, None) => Route::Overview,
        (Some("data"), None, None) => Route::Data,
        (Some("my-clients"), None, None) => Route::MyClients,
        (Some("tasks"), None, None) => Route::Tasks,
        _ => Route::Board,
    }
}

/// The hash that leads to `route`; `route(&href(r)) == r` for every screen and every id.
pub fn href(route: &Route) -> String {
    match route {
        Route::Board => "#/".to_owned(),
        Route::Clients => "#/clients".to_owned(),
        Route::NewClient => format!("#/clients/{NEW}"),
        Route::Client(id) => {
            let encoded = encode(id.as_str());
            if encoded.is_empty() || encoded == NEW {
                format!("#/clients/{EXPLICIT}{encoded}")
            } else {
                format!("#/clients/{encoded}")
            }
        }
        Route::Team => "#/team".to_owned(),
        Route::Settings => "#/settings".to_owned(),
        Route::Transfers => "#/transfers".to_owned(),
        Route::Overview => "#/overview".to_owned(),
        Route::Data => "#/data".to_owned(),
        Route::MyClients => "#/my-clients".to_owned(),
        Route::Tasks => "#/tasks".to_owned(),
    }
}

/// `text` with every byte outside the unreserved ASCII characters written as `%XX`.
fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
    out
}

/// The text `encoded` stands for: each `%XX` becomes its byte; anything else, such as a `%`
/// not followed by two hex digits in a hand-typed address, is kept as it is. Bytes that are not
/// UTF-8 (only a hand-typed address has them) become U+FFFD, which leads to «not found».
fn decode(encoded: &str) -> String {
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i..i + 3) {
            Some([b'%', hi, lo]) => hex(*hi).zip(hex(*lo)).map(|(hi, lo)| (hi << 4) | lo),
            _ => None,
        };
        match escaped {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn hex(digit: u8) -> Option<u8> {
    char::from(digit).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests;
