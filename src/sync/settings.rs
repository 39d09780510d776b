//! Where this device syncs: the server's origin and the team database, a device preference
//! (kept with the other preferences, never in the workspace or a snapshot). Both are checked
//! here, in the core, because the page's Content-Security-Policy is built from the stored
//! origin before the app starts (`shell/csp.js` repeats [`parse_origin`]'s rule): whatever is
//! stored must be a bare origin, nothing that could widen the policy.

use serde::{Deserialize, Serialize};

/// The sync server and database of this device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncSettings {
    /// The server's origin, `https://couch.example.ru` or `http://127.0.0.1:5984` (no path).
    pub server: String,
    /// The team database's name.
    pub db: String,
}

/// Why a server address or database name is not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingsError {
    /// Not `http(s)://host[:port]`.
    BadServer,
    /// Not a CouchDB database name (lower-case letter first, then `a-z 0-9 _ $ ( ) + - /`).
    BadDatabase,
}

/// The origin of a server address as typed: scheme and host lower-cased, a trailing `/`
/// dropped. Only `http://` or `https://`, a host of letters, digits, dots and hyphens (or
/// `[IPv6]`), and an optional port; no path, query, user or wildcard.
pub fn parse_origin(text: &str) -> Result<String, SettingsError> {
    let text = text.trim().trim_end_matches('/');
    let lower = text.to_ascii_lowercase();
    let rest = (lower.strip_prefix("https://"))
        .map(|r| ("https", r))
        .or_else(|| lower.strip_prefix("http://").map(|r| ("http", r)));
    let Some((scheme, rest)) = rest else {
        return Err(SettingsError::BadServer);
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !h.ends_with(']') || rest.starts_with('[') => {
            if h.starts_with('[') && !h.ends_with(']') {
                (rest, None)
            } else {
                (h, Some(p))
            }
        }
        _ => (rest, None),
    };
    let host_ok = if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !v6.is_empty()
            && v6
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    } else {
        !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    };
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    if !host_ok || !port_ok {
        return Err(SettingsError::BadServer);
    }
    Ok(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}

/// Whether `name` is a CouchDB database name.
pub fn valid_database(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c))
}

impl SyncSettings {
    /// Settings from what was typed; both empty means sync is off (`Ok(None)`).
    pub fn from_input(server: &str, db: &str) -> Result<Option<SyncSettings>, SettingsError> {
        let (server, db) = (server.trim(), db.trim());
        if server.is_empty() && db.is_empty() {
            return Ok(None);
        }
        let server = parse_origin(server)?;
        if !valid_database(db) {
            return Err(SettingsError::BadDatabase);
        }
        Ok(Some(SyncSettings {
            server,
            db: db.to_owned(),
        }))
    }
}

/// Who the server says you are: the CouchDB user, the app role and the team member id (from the
/// roles `hunter` / `farmer` / `director` and `member:<id>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The CouchDB user name.
    pub name: String,
    /// The app role, if the user has one.
    pub role: Option<String>,
    /// The team member id.
    pub member: Option<String>,
}

impl Session {
    /// The session of a `GET /_session` answer's `userCtx`; `None` when nobody is logged in.
    pub fn of_user_ctx(user_ctx: &serde_json::Value) -> Option<Session> {
        let name = user_ctx["name"].as_str()?.to_owned();
        let roles: Vec<&str> = (user_ctx["roles"].as_array()?.iter())
            .filter_map(serde_json::Value::as_str)
            .collect();
        let role = (roles.iter())
            .find(|r| ["hunter", "farmer", "director"].contains(r))
            .map(|r| (*r).to_owned());
        let member = (roles.iter()).find_map(|r| r.strip_prefix("member:").map(str::to_owned));
        Some(Session { name, role, member })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_origin_is_scheme_host_and_port_only() {
        assert_eq!(
            parse_origin(" https://Couch.Example.ru/ "),
            Ok("https://couch.example.ru".into())
        );
        assert_eq!(
            parse_origin("http://127.0.0.1:5984"),
            Ok("http://127.0.0.1:5984".into())
        );
        assert_eq!(
            parse_origin("http://[::1]:5984"),
            Ok("http://[::1]:5984".into())
        );
        for bad in [
            "",
            "couch.example.ru",
            "ftp://couch.example.ru",
            "https://couch.example.ru/team",
            "https://*.example.ru",
            "https://a b",
            "https://x.ru; script-src *",
            "https://user@x.ru",
            "https://x.ru:",
            "https://x.ru:99999a",
            "https://x.ru?q",
        ] {
            assert_eq!(parse_origin(bad), Err(SettingsError::BadServer), "{bad}");
        }
    }

    #[test]
    fn settings_are_both_fields_or_none() {
        assert_eq!(SyncSettings::from_input(" ", ""), Ok(None));
        assert_eq!(
            SyncSettings::from_input("http://127.0.0.1:5984/", "team"),
            Ok(Some(SyncSettings {
                server: "http://127.0.0.1:5984".into(),
                db: "team".into()
            }))
        );
        assert_eq!(
            SyncSettings::from_input("http://x.ru", ""),
            Err(SettingsError::BadDatabase)
        );
        assert_eq!(
            SyncSettings::from_input("http://x.ru", "Team"),
            Err(SettingsError::BadDatabase)
        );
        assert_eq!(
            SyncSettings::from_input("", "team"),
            Err(SettingsError::BadServer)
        );
    }

    #[test]
    fn the_session_names_the_role_and_the_member() {
        let s =
            Session::of_user_ctx(&json!({"name": "anna", "roles": ["hunter", "member:m-anna"]}));
        assert_eq!(
            s,
            Some(Session {
                name: "anna".into(),
                role: Some("hunter".into()),
                member: Some("m-anna".into())
            })
        );
        assert_eq!(
            Session::of_user_ctx(&json!({"name": null, "roles": []})),
            None
        );
    }
}
