//! Screens addressed by the URL hash. Hash routing keeps the built `dist/` working from any static
//! host or sub-path, with no server rewrite rules.

use crate::domain::Id;

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
    /// Export, import and the backup.
    Data,
}

/// The screen for a location hash such as `#/clients/abc`; unknown hashes show the board.
pub fn route(hash: &str) -> Route {
    let path = hash.trim_start_matches('#').trim_matches('/');
    let mut parts = path.split('/').filter(|p| !p.is_empty());
    match (parts.next(), parts.next(), parts.next()) {
        (Some("clients"), None, None) => Route::Clients,
        (Some("clients"), Some("new"), None) => Route::NewClient,
        (Some("clients"), Some(id), None) => Route::Client(Id::from_raw(id)),
        (Some("team"), None, None) => Route::Team,
        (Some("settings"), None, None) => Route::Settings,
        (Some("transfers"), None, None) => Route::Transfers,
        (Some("data"), None, None) => Route::Data,
        _ => Route::Board,
    }
}

/// The hash that leads to `route`; `route(&href(r)) == r` for every screen.
pub fn href(route: &Route) -> String {
    match route {
        Route::Board => "#/".to_owned(),
        Route::Clients => "#/clients".to_owned(),
        Route::NewClient => "#/clients/new".to_owned(),
        Route::Client(id) => format!("#/clients/{id}"),
        Route::Team => "#/team".to_owned(),
        Route::Settings => "#/settings".to_owned(),
        Route::Transfers => "#/transfers".to_owned(),
        Route::Data => "#/data".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_map_to_screens() {
        assert_eq!(route(""), Route::Board);
        assert_eq!(route("#/"), Route::Board);
        assert_eq!(route("#/clients"), Route::Clients);
        assert_eq!(route("#/clients/"), Route::Clients);
        assert_eq!(route("#/clients/new"), Route::NewClient);
        assert_eq!(
            route("#/clients/abc123"),
            Route::Client(Id::from_raw("abc123"))
        );
        assert_eq!(route("#/team"), Route::Team);
        assert_eq!(route("#/settings"), Route::Settings);
        assert_eq!(route("#/transfers"), Route::Transfers);
        assert_eq!(route("#/data"), Route::Data);
        assert_eq!(route("#/nonsense/deep/path"), Route::Board);
    }

    #[test]
    fn href_round_trips() {
        for r in [
            Route::Board,
            Route::Clients,
            Route::NewClient,
            Route::Client(Id::from_raw("x1")),
            Route::Team,
            Route::Settings,
            Route::Transfers,
            Route::Data,
        ] {
            assert_eq!(route(&href(&r)), r);
        }
    }
}
