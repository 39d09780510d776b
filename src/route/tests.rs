//! Routes read from and written to the address, and where each role's app opens.

use super::*;

fn client(id: &str) -> Route {
    Route::Client(Id::from_raw(id))
}

/// The ids of issue 10 that used to open the wrong screen, and their neighbours.
const AWKWARD: &[&str] = &[
    "new",
    "a/b",
    "a b",
    "клиент-1",
    "%41",
    "?x",
    "#y",
    "",
    "id",
    "id/",
    "id/new",
    "/",
    "//",
    "%",
    "%%",
    "%2",
    "%zz",
    "new/",
    "/new",
    "clients",
    "..",
    ".",
    "a+b",
    "a&b=c",
    "😀",
    "e\u{301}",
    "\u{0}",
    "\t\n",
    " ",
    "#/clients/new",
    "ü",
    "~-._",
];

#[test]
fn each_role_opens_at_home_unless_the_address_names_a_screen() {
    assert_eq!(home(Some(Role::Hunter)), Route::Board);
    assert_eq!(home(Some(Role::Farmer)), Route::MyClients);
    assert_eq!(home(Some(Role::Director)), Route::Team);
    assert_eq!(home(None), Route::Board);
    // A hunter with something overdue opens on «Мои дела»; the others' homes stay.
    assert_eq!(home_with_tasks(Some(Role::Hunter), true), Route::Tasks);
    assert_eq!(home_with_tasks(Some(Role::Hunter), false), Route::Board);
    assert_eq!(home_with_tasks(Some(Role::Farmer), true), Route::MyClients);
    assert_eq!(home_with_tasks(Some(Role::Director), true), Route::Team);
    assert_eq!(
        opening_with_tasks("", Some(Role::Hunter), true),
        Route::Tasks
    );
    assert_eq!(
        opening_with_tasks("#/", Some(Role::Hunter), true),
        Route::Board
    );
    assert_eq!(route("#/tasks"), Route::Tasks);
    for empty in ["", "#"] {
        assert!(names_no_screen(empty));
        assert_eq!(opening(empty, Some(Role::Farmer)), Route::MyClients);
        assert_eq!(opening(empty, Some(Role::Director)), Route::Team);
        assert_eq!(opening(empty, None), Route::Board);
    }
    // An explicit address wins, the board's own `#/` included.
    assert!(!names_no_screen("#/"));
    assert_eq!(opening("#/", Some(Role::Farmer)), Route::Board);
    assert_eq!(opening("#/clients", Some(Role::Director)), Route::Clients);
    assert_eq!(opening("#/team", Some(Role::Hunter)), Route::Team);
    assert_eq!(
        opening("#/my-clients", Some(Role::Hunter)),
        Route::MyClients
    );
    assert_eq!(opening("#/nowhere", Some(Role::Farmer)), Route::Board);
}

#[test]
fn hashes_map_to_screens() {
    assert_eq!(route(""), Route::Board);
    assert_eq!(route("#"), Route::Board);
    assert_eq!(route("#/"), Route::Board);
    assert_eq!(route("#/clients"), Route::Clients);
    assert_eq!(route("#/clients/"), Route::Clients);
    assert_eq!(route("#/clients/new"), Route::NewClient);
    assert_eq!(route("#/clients/abc123"), client("abc123"));
    assert_eq!(route("#/team"), Route::Team);
    assert_eq!(route("#/settings"), Route::Settings);
    assert_eq!(route("#/transfers"), Route::Transfers);
    assert_eq!(route("#/overview"), Route::Overview);
    assert_eq!(route("#/data"), Route::Data);
    assert_eq!(route("#/my-clients"), Route::MyClients);
    assert_eq!(route("#/nonsense/deep/path"), Route::Board);
}

#[test]
fn ordinary_ids_keep_their_addresses() {
    // Generated ids and the demo's ids: bookmarks made before ids were encoded still open.
    for id in ["demo-c02", "lq3k2v9x000000abc12", "x1"] {
        assert_eq!(href(&client(id)), format!("#/clients/{id}"));
        assert_eq!(route(&format!("#/clients/{id}")), client(id));
    }
}

#[test]
fn awkward_ids_have_addresses_of_their_own() {
    assert_eq!(href(&Route::NewClient), "#/clients/new");
    assert_eq!(href(&client("new")), "#/clients/id/new");
    assert_eq!(href(&client("")), "#/clients/id/");
    assert_eq!(href(&client("id")), "#/clients/id");
    assert_eq!(href(&client("a/b")), "#/clients/a%2Fb");
    assert_eq!(href(&client("a b")), "#/clients/a%20b");
    assert_eq!(
        href(&client("клиент-1")),
        "#/clients/%D0%BA%D0%BB%D0%B8%D0%B5%D0%BD%D1%82-1"
    );
    assert_eq!(href(&client("%41")), "#/clients/%2541");
    assert_eq!(href(&client("?x")), "#/clients/%3Fx");
    assert_eq!(href(&client("#y")), "#/clients/%23y");
    for id in AWKWARD {
        let r = client(id);
        assert_eq!(route(&href(&r)), r, "id {id:?}");
    }
    // No two of them share an address, and none is taken by another screen.
    let mut seen = std::collections::HashSet::new();
    for r in AWKWARD.iter().map(|id| client(id)).chain(screens()) {
        assert!(seen.insert(href(&r)), "{r:?} shares its address");
    }
}

#[test]
fn hand_typed_and_browser_encoded_addresses_are_read() {
    // The browser percent-encodes what a user types into the address bar.
    assert_eq!(
        route("#/clients/%D0%BA%D0%BB%D0%B8%D0%B5%D0%BD%D1%82-1"),
        client("клиент-1")
    );
    assert_eq!(route("#/clients/%d0%ba"), client("к"));
    assert_eq!(route("#/clients/клиент-1"), client("клиент-1"));
    assert_eq!(route("#/clients/id/a/b"), client("a/b"));
    assert_eq!(route("#/clients/%6Eew"), client("new"));
    assert_eq!(route("/clients/x"), client("x"));
    // Broken escapes are kept as text; bytes that are not UTF-8 lead to a missing client.
    assert_eq!(route("#/clients/%zz"), client("%zz"));
    assert_eq!(route("#/clients/50%"), client("50%"));
    assert_eq!(route("#/clients/%4"), client("%4"));
    assert_eq!(route("#/clients/%FF"), client("\u{FFFD}"));
    assert_eq!(route("#/clients/a/b"), Route::Board);
}

fn screens() -> Vec<Route> {
    vec![
        Route::Board,
        Route::Clients,
        Route::NewClient,
        Route::Team,
        Route::Settings,
        Route::Transfers,
        Route::Overview,
        Route::Data,
        Route::MyClients,
        Route::Tasks,
    ]
}

#[test]
fn href_round_trips() {
    for r in screens().into_iter().chain([client("x1")]) {
        assert_eq!(route(&href(&r)), r);
    }
}

/// SplitMix64: a small deterministic generator, so a failure repeats.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A string of 0–12 pieces: the characters routing cares about, escapes, words that are
    /// routes themselves, Cyrillic, emoji, combining marks and any other code point.
    fn id(&mut self) -> String {
        const PIECES: &[&str] = &[
            "/",
            " ",
            "%",
            "#",
            "?",
            "&",
            "=",
            "+",
            ".",
            "..",
            "~",
            "-",
            "_",
            "new",
            "id",
            "clients",
            "%41",
            "%2F",
            "%%",
            "%z",
            "к",
            "лиент",
            "Ё",
            "😀",
            "e\u{301}",
            "\u{0}",
            "\t",
            "\n",
            "\\",
            "\"",
            "'",
            "<",
            ">",
            "`",
            "{",
            "|",
            "^",
            "[",
            "]",
            "a",
            "Z",
            "0",
            "9",
            "F",
        ];
        let len = self.below(13);
        let mut text = String::new();
        for _ in 0..len {
            if self.below(8) == 0 {
                // Any Unicode scalar value, surrogates skipped.
                let c = loop {
                    if let Some(c) = char::from_u32((self.next() % 0x11_0000) as u32) {
                        break c;
                    }
                };
                text.push(c);
            } else {
                text.push_str(PIECES[self.below(PIECES.len())]);
            }
        }
        text
    }
}

#[test]
fn every_generated_id_round_trips_as_one_segment() {
    let mut g = Gen(0x5A1E_5DE5);
    let mut empty = 0;
    for _ in 0..50_000 {
        let id = g.id();
        empty += usize::from(id.is_empty());
        let r = client(&id);
        let h = href(&r);
        assert_eq!(route(&h), r, "id {id:?} via {h:?}");
        // Only unreserved ASCII and escapes: the browser keeps the address as written.
        let tail = h.strip_prefix("#/clients/").expect("a client path");
        assert!(
            tail.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%/".contains(&b)),
            "{h:?}"
        );
        let segment = tail.strip_prefix(EXPLICIT).unwrap_or(tail);
        assert!(!segment.contains('/'), "{h:?}");
        assert_ne!(route(&h), Route::NewClient);
        assert_ne!(route(&h), Route::Clients);
    }
    assert!(empty > 0, "the empty id was generated too");
}

#[test]
fn any_hash_gives_a_screen_and_its_own_address_leads_back() {
    let mut g = Gen(7);
    for _ in 0..20_000 {
        let prefix = ["#/clients/", "#/clients/id/", "#/", "#", ""][g.below(5)];
        let hash = format!("{prefix}{}", g.id());
        let r = route(&hash);
        assert_eq!(route(&href(&r)), r, "hash {hash:?}");
    }
}
