//! What went wrong, decided on the HTTP status rather than on words: a round's error carries
//! the status as a field ([`RoundError`]), and [`trouble_of`] / [`login_outcome`] say what the
//! person is told («Ошибка входа» or «Ошибка синхронизации», a wrong password or a server error).

use std::fmt;

/// Why a round stopped early.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundError {
    /// The HTTP status of the answer the round could not go on with; `None` when the round
    /// stopped for a reason of its own (conflicts remaining after the last push).
    pub status: Option<u16>,
    /// What happened, for the status's tooltip: the request and the server's reason.
    pub message: String,
}

impl RoundError {
    /// An answer with status `status` to the request `what`.
    pub fn http(what: &str, status: u16, reason: &str) -> Self {
        RoundError {
            status: Some(status),
            message: format!("{what}: HTTP {status} {reason}")
                .trim_end()
                .to_owned(),
        }
    }

    /// A stop with no HTTP answer behind it.
    pub fn other(message: impl Into<String>) -> Self {
        RoundError {
            status: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for RoundError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What the top bar says about a round's error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// The session is gone (`401`): «Ошибка входа», log in again.
    Session,
    /// Anything else: «Ошибка синхронизации», the server's words in the tooltip.
    Sync,
}

/// The trouble a round's error means.
pub fn trouble_of(error: &RoundError) -> Trouble {
    match error.status {
        Some(401) => Trouble::Session,
        _ => Trouble::Sync,
    }
}

/// What a `POST /_session` answer means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginOutcome {
    /// `200`: logged in.
    LoggedIn,
    /// `401` (or `400`, a name or password missing): wrong name or password.
    WrongPassword,
    /// Any other status: the server failed, the password may well be right.
    ServerError(u16),
}

/// The outcome of a login answered with `status`.
pub fn login_outcome(status: u16) -> LoginOutcome {
    match status {
        200 => LoginOutcome::LoggedIn,
        400 | 401 => LoginOutcome::WrongPassword,
        other => LoginOutcome::ServerError(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_401_is_a_login_error() {
        let unauthorized = RoundError::http("_changes", 401, "You are not authorized");
        assert_eq!(trouble_of(&unauthorized), Trouble::Session);
        // Words mentioning 401 do not make one: the status decides.
        let words = RoundError {
            status: Some(500),
            message: "_bulk_docs: HTTP 401 in the reason".into(),
        };
        assert_eq!(trouble_of(&words), Trouble::Sync);
        for status in [400, 403, 404, 409, 500, 503] {
            assert_eq!(
                trouble_of(&RoundError::http("x", status, "")),
                Trouble::Sync,
                "{status}"
            );
        }
        assert_eq!(
            trouble_of(&RoundError::other("conflicts remain")),
            Trouble::Sync
        );
        assert_eq!(
            RoundError::http("_changes", 503, "").to_string(),
            "_changes: HTTP 503"
        );
    }

    #[test]
    fn a_login_answer_is_read_by_its_status() {
        assert_eq!(login_outcome(200), LoginOutcome::LoggedIn);
        assert_eq!(login_outcome(401), LoginOutcome::WrongPassword);
        assert_eq!(login_outcome(400), LoginOutcome::WrongPassword);
        assert_eq!(login_outcome(500), LoginOutcome::ServerError(500));
        assert_eq!(login_outcome(404), LoginOutcome::ServerError(404));
    }
}
