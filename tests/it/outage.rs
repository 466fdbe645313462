//! Issue 10, "Fast and durable": a database that goes away answers 503 at once and the
//! server recovers when it returns; a server killed under load keeps every write it had
//! acknowledged.

use std::io::ErrorKind;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::helpers::*;
use crate::postgres::TestDatabase;

/// A TCP proxy in front of PostgreSQL that a test cuts and restores. Cut, it does to the
/// server what a stopped PostgreSQL does: open connections break, new ones are refused. The
/// shared test database stays up for everyone else.
struct DatabaseProxy {
    /// The database URL through the proxy.
    url: String,
    port: u16,
    upstream: String,
    /// Both ends of every connection carried, to break them on `cut`.
    open: Arc<Mutex<Vec<TcpStream>>>,
    acceptor: Option<(Arc<AtomicBool>, JoinHandle<()>)>,
}

impl DatabaseProxy {
    fn start(database_url: &str) -> DatabaseProxy {
        let mut url = url::Url::parse(database_url).unwrap();
        let upstream = format!(
            "{}:{}",
            url.host_str().unwrap(),
            url.port_or_known_default().unwrap_or(5432)
        );
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        url.set_host(Some("127.0.0.1")).unwrap();
        url.set_port(Some(port)).unwrap();
        let mut proxy = DatabaseProxy {
            url: url.to_string(),
            port,
            upstream,
            open: Arc::default(),
            acceptor: None,
        };
        proxy.serve(listener);
        proxy
    }

    fn serve(&mut self, listener: TcpListener) {
        // Non-blocking, so the acceptor notices `cut` and drops the listener.
        listener.set_nonblocking(true).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let (upstream, open) = (self.upstream.clone(), self.open.clone());
        let acceptor = std::thread::spawn({
            let stop = stop.clone();
            move || {
                while !stop.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((client, _)) => {
                            client.set_nonblocking(false).unwrap();
                            let Ok(server) = TcpStream::connect(&upstream) else {
                                continue;
                            };
                            let mut open = open.lock().unwrap();
                            open.push(client.try_clone().unwrap());
                            open.push(server.try_clone().unwrap());
                            pipe(client.try_clone().unwrap(), server.try_clone().unwrap());
                            pipe(server, client);
                        }
                        Err(err) if err.kind() == ErrorKind::WouldBlock => {
                            std::thread::sleep(Duration::from_millis(5));
                        }
                        Err(err) => panic!("the proxy cannot accept: {err}"),
                    }
                }
            }
        });
        self.acceptor = Some((stop, acceptor));
    }

    /// Stops listening and breaks every open connection.
    fn cut(&mut self) {
        if let Some((stop, acceptor)) = self.acceptor.take() {
            stop.store(true, Ordering::SeqCst);
            acceptor.join().unwrap();
        }
        for stream in self.open.lock().unwrap().drain(..) {
            stream.shutdown(Shutdown::Both).ok();
        }
    }

    /// Listens again on the same port: the database is back.
    fn restore(&mut self) {
        // std sets SO_REUSEADDR on Unix, so the port's closed connections do not block it.
        let listener = TcpListener::bind(("127.0.0.1", self.port))
            .unwrap_or_else(|err| panic!("the proxy's port {} is taken: {err}", self.port));
        self.serve(listener);
    }
}

impl Drop for DatabaseProxy {
    fn drop(&mut self) {
        self.cut();
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        std::io::copy(&mut from, &mut to).ok();
        to.shutdown(Shutdown::Write).ok();
    });
}

const DATABASE_DOWN: &str = "cannot reach its database; try again in a minute or tell its operator";

#[test]
fn a_database_outage_answers_503_at_once_and_the_server_recovers_without_a_restart() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let mut proxy = DatabaseProxy::start(&db.url);
    let server = Server::start_with(&["--database-url", &proxy.url], &[]);
    let admin = server.admin_password_only();
    admin.json(&["apps", "list"]);
    let token = admin.session_token();

    proxy.cut();
    let started = Instant::now();
    let response = http()
        .get(format!("{}/v1/apps", server.url))
        .bearer_auth(&token)
        .send()
        .unwrap();
    let api_wait = started.elapsed();
    assert_eq!(response.status(), 503, "{response:?}");
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry_after), "Retry-After {retry_after}");
    let body: Value = response.json().unwrap();
    assert_eq!(body["error"]["code"], "database_unavailable", "{body}");
    assert_eq!(body["error"]["retry_after"], retry_after, "{body}");
    // The pool gives up after its 2 s acquire timeout, not sqlx's default 30 s.
    assert!(api_wait < Duration::from_secs(6), "503 after {api_wait:?}");

    let ready = http().get(format!("{}/readyz", server.url)).send().unwrap();
    assert_eq!(ready.status(), 503);

    let started = Instant::now();
    let out = admin.cmd().args(["apps", "list"]).output().unwrap();
    let cli_wait = started.elapsed();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "error: the padlock server at {} {DATABASE_DOWN}\n",
            server.url
        )
    );
    assert!(
        cli_wait < Duration::from_secs(8),
        "CLI ended after {cli_wait:?}"
    );
    let err = admin.error(&["apps", "list"], 1);
    assert_eq!(err["code"], "database_unavailable", "{err}");

    proxy.restore();
    let restored = Instant::now();
    let apps = poll_until(30, "the server to serve again", || {
        let out = admin
            .cmd()
            .args(["apps", "list", "--output", "json"])
            .output()
            .unwrap();
        out.status
            .success()
            .then(|| serde_json::from_slice::<Value>(&out.stdout).unwrap())
    });
    let recovery = restored.elapsed();
    assert_eq!(apps[0]["name"], "demo", "{apps}");
    let ready = http().get(format!("{}/readyz", server.url)).send().unwrap();
    assert_eq!(ready.status(), 200);
    eprintln!(
        "database outage: API 503 after {api_wait:?}, CLI exit 1 after {cli_wait:?}; served again {recovery:?} after the database returned"
    );
}

// ---- crash safety under load ----------------------------------------------------------

/// What the load sent and what the server answered before it was killed.
#[derive(Default)]
struct Load {
    wrong_codes_sent: usize,
    wrong_codes_refused: usize,
    node_shows_sent: usize,
    node_shows_answered: usize,
    transports_sent: usize,
    operation_ids: Vec<i64>,
    /// A user's session token and the code the server accepted from it, and when.
    accepted_codes: Vec<(String, String, Instant)>,
}

/// Someone logged in with an authenticator, for raw API requests.
struct TotpUser {
    token: String,
    secret: String,
}

fn totp_user(server: &Server, admin: &User, name: &str) -> TotpUser {
    let password = server.create_user(admin, name);
    let user = server.user();
    user.login(name, &password);
    let secret = user.enroll_totp();
    TotpUser {
        token: user.session_token(),
        secret,
    }
}

/// A six-digit code that is none of the three `secret` accepts now.
fn wrong_code(secret: &str, n: usize) -> String {
    let now = unix_now();
    let valid = [now - 30, now, now + 30].map(|t| totp_at(secret, t));
    (n..)
        .map(|k| format!("{:06}", k % 1_000_000))
        .find(|code| !valid.contains(code))
        .unwrap()
}

/// Runs `request` over and over in a thread until the server stops answering (it was
/// killed), counting what was sent; `answered` records each acknowledged answer.
fn hammer(
    request: impl Fn(&reqwest::blocking::Client, usize) -> reqwest::Result<reqwest::blocking::Response>
    + Send
    + 'static,
    answered: impl Fn(u16, Value) + Send + 'static,
) -> JoinHandle<usize> {
    std::thread::spawn(move || {
        let client = http();
        let mut sent = 0;
        loop {
            sent += 1;
            let Ok(response) = request(&client, sent) else {
                return sent;
            };
            let status = response.status().as_u16();
            let Ok(body) = response.json::<Value>() else {
                return sent;
            };
            answered(status, body);
        }
    })
}

fn crash_under_load(mut server: Server) {
    let admin = server.admin();
    let secrets = admin.stored_secrets();
    let (session, grant) = (
        secrets["session"].as_str().unwrap().to_owned(),
        secrets["grant"].as_str().unwrap().to_owned(),
    );
    let package_dir = tempfile::tempdir().unwrap();
    let package_file = package_dir.path().join("load.mda");
    std::fs::write(&package_file, b"load").unwrap();
    let package = admin.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        package_file.to_str().unwrap(),
    ]);
    let package_id = package["id"].as_i64().unwrap();
    let guesser = totp_user(&server, &admin, "guesser");
    let verifiers: Vec<TotpUser> = (0..3)
        .map(|i| totp_user(&server, &admin, &format!("verifier{i}")))
        .collect();

    let load = Arc::new(Mutex::new(Load::default()));
    let url = server.url.clone();
    let mut threads = Vec::new();

    // Wrong codes: each refusal is a failure counted and an audit event written first.
    threads.push(hammer(
        {
            let (url, token, secret) = (url.clone(), guesser.token.clone(), guesser.secret);
            move |client, n| {
                client
                    .post(format!("{url}/v1/2fa/verify"))
                    .bearer_auth(&token)
                    .json(&json!({"code": wrong_code(&secret, n)}))
                    .send()
            }
        },
        {
            let load = load.clone();
            move |status, body| {
                assert_eq!(status, 401, "{body}");
                assert_eq!(body["error"]["code"], "invalid_code", "{body}");
                load.lock().unwrap().wrong_codes_refused += 1;
            }
        },
    ));
    // Node details: padlocked, so every read goes through the gate and writes its audit event.
    threads.push(hammer(
        {
            let (url, session, grant) = (url.clone(), session.clone(), grant.clone());
            move |client, _| {
                client
                    .get(format!("{url}/v1/apps/demo/node"))
                    .bearer_auth(&session)
                    .header("padlock-grant", &grant)
                    .send()
            }
        },
        {
            let load = load.clone();
            move |status, body| {
                assert_eq!(status, 200, "{body}");
                load.lock().unwrap().node_shows_answered += 1;
            }
        },
    ));
    // Transports to test: one runs at a time, the others are told `busy`.
    threads.push(hammer(
        {
            let (url, session) = (url.clone(), session.clone());
            move |client, _| {
                client
                    .post(format!("{url}/v1/apps/demo/envs/test/operations"))
                    .bearer_auth(&session)
                    .json(&json!({"kind": "transport", "package_id": package_id}))
                    .send()
            }
        },
        {
            let load = load.clone();
            move |status, body| match status {
                200..=299 => load
                    .lock()
                    .unwrap()
                    .operation_ids
                    .push(body["id"].as_i64().unwrap()),
                _ => assert_eq!(body["error"]["code"], "busy", "{body}"),
            }
        },
    ));
    // Right codes, one per user: the next step's, which the one step of skew accepts
    // although enrollment used the current one.
    let verify = {
        let (url, load) = (url.clone(), load.clone());
        std::thread::spawn(move || {
            let client = http();
            for user in verifiers {
                std::thread::sleep(Duration::from_millis(300));
                let code = totp_at(&user.secret, unix_now() + 30);
                let response = client
                    .post(format!("{url}/v1/2fa/verify"))
                    .bearer_auth(&user.token)
                    .json(&json!({"code": code}))
                    .send()
                    .unwrap();
                assert_eq!(response.status(), 200, "{:?}", response.text());
                load.lock()
                    .unwrap()
                    .accepted_codes
                    .push((user.token, code, Instant::now()));
            }
        })
    };

    std::thread::sleep(Duration::from_secs(3));
    server.kill9();
    let sent: Vec<usize> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    verify.join().unwrap();
    let mut load = std::mem::take(&mut *load.lock().unwrap());
    (
        load.wrong_codes_sent,
        load.node_shows_sent,
        load.transports_sent,
    ) = (sent[0], sent[1], sent[2]);
    assert!(load.wrong_codes_refused > 0 && load.node_shows_answered > 0);
    assert!(!load.operation_ids.is_empty());

    server.restart();
    let admin = server.admin_password_only();
    let events = admin.audit(&["--limit", "100000"]);
    let count = |actor: &str, action: &str, reason: Value| {
        events
            .iter()
            .filter(|e| e["actor"] == actor && e["action"] == action && e["reason"] == reason)
            .count()
    };
    // At least every acknowledged request, at most every request sent (the last ones may
    // have been written without their answer getting out).
    let refusals = count("guesser", "2fa_verify", json!("invalid_code"));
    assert!(
        (load.wrong_codes_refused..=load.wrong_codes_sent).contains(&refusals),
        "{} wrong codes refused, {} sent, {refusals} audited",
        load.wrong_codes_refused,
        load.wrong_codes_sent
    );
    let node_shows = count("admin", "node_show", Value::Null);
    assert!(
        (load.node_shows_answered..=load.node_shows_sent).contains(&node_shows),
        "{} node reads answered, {} sent, {node_shows} audited",
        load.node_shows_answered,
        load.node_shows_sent
    );
    let transports = events
        .iter()
        .filter(|e| e["action"] == "transport" && e["outcome"] == "allowed")
        .count();
    assert!(
        (load.operation_ids.len()..=load.transports_sent).contains(&transports),
        "{} operations acknowledged, {transports} allowed transports audited",
        load.operation_ids.len()
    );

    let token = admin.session_token();
    let client = http();
    for id in &load.operation_ids {
        let response = client
            .get(format!("{}/v1/operations/{id}", server.url))
            .bearer_auth(&token)
            .send()
            .unwrap();
        assert_eq!(response.status(), 200, "operation {id} is lost");
    }

    for (token, code, accepted_at) in &load.accepted_codes {
        // Still inside the code's window, so only its used step can refuse it.
        assert!(accepted_at.elapsed() < Duration::from_secs(25));
        let response = client
            .post(format!("{}/v1/2fa/verify", server.url))
            .bearer_auth(token)
            .json(&json!({"code": code}))
            .send()
            .unwrap();
        assert_eq!(response.status(), 401, "a replay after the crash");
        let body: Value = response.json().unwrap();
        assert_eq!(body["error"]["code"], "invalid_code", "{body}");
    }
    eprintln!(
        "crash under load: {}/{} wrong codes refused/sent ({refusals} audited), {}/{} node reads ({node_shows} audited), {} operations of {} transports sent ({transports} audited), {} accepted codes refused as replays",
        load.wrong_codes_refused,
        load.wrong_codes_sent,
        load.node_shows_answered,
        load.node_shows_sent,
        load.operation_ids.len(),
        load.transports_sent,
        load.accepted_codes.len()
    );
}

/// Lockouts would turn the guesser's refusals into `locked_out`; this test is about
/// durability, not lockouts.
const NO_LOCKOUT: (&str, &str) = ("PADLOCK_LOCKOUT_FAILURES", "1000000");

#[test]
fn a_kill9_under_load_loses_no_acknowledged_write_on_sqlite() {
    crash_under_load(Server::start_with(&[], &[NO_LOCKOUT]));
}

#[test]
fn a_kill9_under_load_loses_no_acknowledged_write_on_postgres() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    crash_under_load(Server::start_with(
        &["--database-url", &db.url],
        &[NO_LOCKOUT],
    ));
}
