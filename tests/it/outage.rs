//! Issue 10, "Fast and durable": a database that goes away answers 503 at once and the
//! server recovers when it returns.

use std::io::ErrorKind;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::Value;

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
