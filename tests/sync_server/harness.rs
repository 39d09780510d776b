//! The sync tests' world: a pouchdb-server in memory on 127.0.0.1 (a free port, a temporary
//! folder for the config.json and log.txt it writes, stopped when dropped), the team set up by
//! `scripts/sync/setup-team.mjs`, and devices that log in with a CouchDB session and drive the
//! engine over a small blocking HTTP client (ureq) — the browser drives the same engine with
//! `fetch`.

// Each test file uses part of it.
#![allow(dead_code)]

use salesdesk::domain::workspace::Workspace;
use salesdesk::sync::{
    LocalCut, Method, Request, Response, RoundReport, Step, SyncRound, SyncState,
};
use serde_json::{json, Value};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The team of every test: a director, two hunters and a farmer (login, password, role, member).
pub const TEAM: [(&str, &str, &str, &str); 4] = [
    ("marina", "m-pass", "director", "m-dir"),
    ("anna", "a-pass", "hunter", "m-anna"),
    ("boris", "b-pass", "hunter", "m-boris"),
    ("fedor", "f-pass", "farmer", "m-fedor"),
];
pub const DB: &str = "team";
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// A running pouchdb-server; dropping it stops the server.
pub struct Server {
    child: Child,
    dir: PathBuf,
    /// `http://127.0.0.1:<port>`.
    pub url: String,
}

impl Server {
    /// Starts the server (from `$POUCHDB_SERVER` or `node_modules/.bin`), makes the admin
    /// `root`/`secret` and sets up [`TEAM`].
    pub fn start() -> Server {
        let bin = std::env::var("POUCHDB_SERVER")
            .unwrap_or_else(|_| format!("{ROOT}/node_modules/.bin/pouchdb-server"));
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let dir =
            std::env::temp_dir().join(format!("salesdesk-pouchdb-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let child = Command::new(&bin)
            .args([
                "--in-memory",
                "--host",
                "127.0.0.1",
                "--port",
                &port.to_string(),
            ])
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{bin}: {e} (run scripts/setup.sh)"));
        let server = Server {
            child,
            dir,
            url: format!("http://127.0.0.1:{port}"),
        };
        let started = Instant::now();
        while agent().get(&server.url).call().is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "pouchdb-server did not start"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
        let made = agent()
            .put(format!("{}/_config/admins/root", server.url))
            .send("\"secret\"")
            .expect("the admin");
        assert_eq!(made.status().as_u16(), 200);
        server.set_up_team();
        server
    }

    fn set_up_team(&self) {
        let users: Vec<Value> = TEAM
            .iter()
            .map(|(name, password, role, member)| {
                json!({"name": name, "password": password, "role": role, "member": member})
            })
            .collect();
        let file = self.dir.join("team.json");
        std::fs::write(&file, json!({"db": DB, "users": users}).to_string()).unwrap();
        let out = Command::new("node")
            .arg(format!("{ROOT}/scripts/sync/setup-team.mjs"))
            .args(["--url", &self.url, "--admin", "root:secret"])
            .arg(&file)
            .output()
            .expect("node");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// One person's browser: a session cookie, the sync state and the workspace.
pub struct Device {
    agent: ureq::Agent,
    url: String,
    cookie: String,
    /// The engine's state (what storage would keep).
    pub state: SyncState,
    /// The person's workspace.
    pub ws: Workspace,
    /// Requests sent, for the round-trip figures.
    pub requests: usize,
    /// The workspace as the last push cut it, handed from round to round as the app does, so
    /// these tests run the incremental cut.
    cut: LocalCut,
}

impl Device {
    /// Logs `name` in (`POST /_session`) with an empty workspace.
    pub fn login(server: &Server, name: &str) -> Device {
        let password = TEAM.iter().find(|t| t.0 == name).expect("a team member").1;
        let agent = agent();
        let res = agent
            .post(format!("{}/_session", server.url))
            .content_type("application/json")
            .send(json!({"name": name, "password": password}).to_string())
            .expect("a session");
        assert_eq!(res.status().as_u16(), 200, "login of {name}");
        let cookie = res
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .expect("AuthSession cookie")
            .to_owned();
        Device {
            agent,
            url: server.url.clone(),
            cookie,
            state: SyncState::new(&server.url, DB),
            ws: Workspace::default(),
            requests: 0,
            cut: LocalCut::new(),
        }
    }

    /// Sends one of the engine's requests.
    pub fn send(&mut self, req: &Request) -> Response {
        self.requests += 1;
        let started = Instant::now();
        let url = format!("{}{}", self.url, req.path);
        let res = match (req.method, &req.body) {
            (Method::Get, _) => self.agent.get(&url).header("Cookie", &self.cookie).call(),
            (Method::Delete, _) => self
                .agent
                .delete(&url)
                .header("Cookie", &self.cookie)
                .call(),
            (Method::Post, body) => self
                .agent
                .post(&url)
                .header("Cookie", &self.cookie)
                .content_type("application/json")
                .send(body.clone().unwrap_or(Value::Null).to_string()),
        };
        let mut res = res.unwrap_or_else(|e| panic!("{} {url}: {e}", req.method.as_str()));
        let status = res.status().as_u16();
        let text = res
            .body_mut()
            .with_config()
            .limit(1 << 30)
            .read_to_string()
            .expect("a body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        if std::env::var_os("SYNC_TRACE").is_some() {
            let path: String = req.path.chars().take(60).collect();
            let ms = started.elapsed().as_millis();
            eprintln!(
                "{} {path} → {status}, {} KB, {ms} ms",
                req.method.as_str(),
                text.len() / 1024
            );
        }
        Response { status, body }
    }

    /// Runs one whole round.
    pub fn sync(&mut self) -> RoundReport {
        let mut round = SyncRound::new().with_cut(std::mem::take(&mut self.cut));
        let mut response = None;
        loop {
            match round.step(&mut self.state, &mut self.ws, response.take()) {
                Step::Send(req) => response = Some(self.send(&req)),
                Step::Yield => {}
                Step::Done(report) => {
                    self.cut = round.take_cut();
                    return report;
                }
            }
        }
    }

    /// Reads a document from the server as this person.
    pub fn get(&mut self, id: &str) -> Value {
        let req = Request {
            method: Method::Get,
            path: format!("/{DB}/{}", salesdesk::sync::encode_component(id)),
            body: None,
        };
        self.send(&req).body
    }
}
