//! Issue 9, exhaustion: a flood of logins or of slow clients must leave the server small and
//! answering for everyone else. Each test configures small limits so it runs in seconds.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::helpers::*;

/// Wrong-password logins sent as fast as the server answers, from `connections` threads,
/// each with its own keep-alive connection.
struct Flood {
    stop: Arc<AtomicBool>,
    statuses: Arc<Mutex<BTreeMap<u16, usize>>>,
    threads: Vec<JoinHandle<()>>,
}

impl Flood {
    fn start(server: &Server, connections: usize) -> Flood {
        let stop = Arc::new(AtomicBool::new(false));
        let statuses = Arc::new(Mutex::new(BTreeMap::new()));
        let threads = (0..connections)
            .map(|_| {
                let (stop, statuses) = (Arc::clone(&stop), Arc::clone(&statuses));
                let url = format!("{}/v1/sessions", server.url);
                std::thread::spawn(move || {
                    let client = http();
                    let body = json!({"username": "admin", "password": "not the password"});
                    while !stop.load(Ordering::Relaxed) {
                        let status = client
                            .post(&url)
                            .json(&body)
                            .send()
                            .map_or(0, |response| response.status().as_u16());
                        *statuses.lock().unwrap().entry(status).or_default() += 1;
                        if status == 0 {
                            // No answer: retrying at once would only spin and starve the
                            // machine (and its ephemeral ports) of what the server needs.
                            std::thread::sleep(Duration::from_millis(20));
                        }
                    }
                })
            })
            .collect();
        Flood {
            stop,
            statuses,
            threads,
        }
    }

    /// How many answers of each status the flood has had so far.
    fn seen(&self) -> BTreeMap<u16, usize> {
        self.statuses.lock().unwrap().clone()
    }

    /// Stops the flood and returns how many answers of each status it got (0: no answer).
    fn stop(self) -> BTreeMap<u16, usize> {
        self.stop.store(true, Ordering::Relaxed);
        for thread in self.threads {
            thread.join().unwrap();
        }
        Arc::try_unwrap(self.statuses)
            .unwrap()
            .into_inner()
            .unwrap()
    }
}

/// Waits (up to 10 s) for the server's memory to settle after start-up and a login.
fn settled_rss_kib(pid: u32) -> u64 {
    let mut last = rss_kib(pid);
    for _ in 0..20 {
        std::thread::sleep(Duration::from_millis(500));
        let now = rss_kib(pid);
        if now.abs_diff(last) < 512 {
            return now;
        }
        last = now;
    }
    last
}

#[test]
fn a_login_flood_keeps_memory_flat_and_the_server_answering() {
    let server = Server::start_with(
        &[],
        &[
            ("PADLOCK_PASSWORD_THREADS", "2"),
            ("PADLOCK_PASSWORD_QUEUE", "4"),
        ],
    );
    let pid = server.pid();
    let session = api_login(&server, "admin", &server.admin_password);
    let idle = settled_rss_kib(pid);

    let flood = Flood::start(&server, 16);
    let client = http();
    let mut peak = idle;
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        peak = peak.max(rss_kib(pid));
        let health = client
            .get(format!("{}/healthz", server.url))
            .send()
            .unwrap();
        assert_eq!(health.status(), 200, "/healthz during the flood");
        let me = client
            .get(format!("{}/v1/me", server.url))
            .bearer_auth(&session)
            .send()
            .unwrap();
        assert_eq!(
            me.status(),
            200,
            "an authenticated request during the flood"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let statuses = flood.stop();

    // Two hashing threads hold 2 × 19 MiB; unbounded hashing grew by gigabytes.
    let bound = idle + 80 * 1024;
    assert!(
        peak < bound,
        "the flood grew the server from {idle} KiB to {peak} KiB (bound {bound} KiB)"
    );
    assert!(
        statuses.get(&401).is_some_and(|&n| n > 0),
        "passwords were checked during the flood: {statuses:?}"
    );
    assert!(
        statuses
            .keys()
            .all(|status| [401, 429, 503].contains(status)),
        "a flooding login is refused, never dropped: {statuses:?}"
    );
    // A refusal is answered once its Retry-After (1 s) has passed: each flooding connection
    // gets about one a second, where answering at once let it ask thousands of times.
    let refused = statuses.get(&503).copied().unwrap_or(0);
    let flood_seconds = started.elapsed().as_secs() as usize + 1;
    assert!(
        refused <= 16 * flood_seconds,
        "{refused} refusals in {flood_seconds} s from 16 connections: {statuses:?}"
    );
    let after = poll_until(
        10,
        "the server's memory to come back after the flood",
        || {
            let now = rss_kib(pid);
            (now < idle + 8 * 1024).then_some(now)
        },
    );
    eprintln!("rss idle {idle} KiB, peak {peak} KiB, after {after} KiB; answers {statuses:?}");
}

#[test]
fn a_full_password_queue_answers_503_with_retry_after() {
    let server = Server::start_with(
        &[],
        &[
            ("PADLOCK_PASSWORD_THREADS", "1"),
            ("PADLOCK_PASSWORD_QUEUE", "1"),
            // Only the queue may refuse here: the login throttle would answer the flood's
            // wrong passwords with 429 once refusals no longer come back at once.
            ("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT_ADDRESS", "1000000"),
            ("PADLOCK_LOGIN_FAILURES_PER_ADDRESS", "1000000"),
            ("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT", "1000000"),
        ],
    );
    // Enough parallel logins that the queue is full most of the time, even while refused
    // ones wait out their second: a login that meets a free slot is answered, not refused.
    let flood = Flood::start(&server, 16);
    let client = http();
    let (busy, answered_after) = (0..200)
        .find_map(|_| {
            let sent = Instant::now();
            let response = client
                .post(format!("{}/v1/sessions", server.url))
                .json(&json!({"username": "nobody", "password": "whatever"}))
                .send()
                .unwrap();
            (response.status() == 503).then(|| (response, sent.elapsed()))
        })
        .unwrap_or_else(|| {
            panic!(
                "one hashing thread and a queue of one refuse none of 17 parallel logins; \
                 the flood's answers by status (0: none): {:?}",
                flood.seen()
            )
        });
    assert!(
        answered_after >= Duration::from_millis(950),
        "a refusal waits out its Retry-After before it is answered: {answered_after:?}"
    );
    assert_eq!(
        busy.headers()["retry-after"],
        "1",
        "503 says when to come back"
    );
    let body: Value = busy.json().unwrap();
    assert_eq!(body["error"]["code"], "server_busy", "{body}");
    assert_eq!(body["error"]["retry_after"], 1, "{body}");

    // The CLI says what happened and exits 1.
    let mut outcomes = Vec::new();
    let error = (0..60)
        .find_map(|_| {
            let out = padlock()
                .args([
                    "login",
                    "--server",
                    &server.url,
                    "admin",
                    "--password-stdin",
                ])
                .args(["--output", "json"])
                .env("PADLOCK_CONFIG_DIR", tempfile::tempdir().unwrap().path())
                .env("PADLOCK_CREDENTIAL_STORE", "file")
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .and_then(|mut child| {
                    child
                        .stdin
                        .take()
                        .unwrap()
                        .write_all(b"not the password\n")?;
                    child.wait_with_output()
                })
                .unwrap();
            outcomes.push((
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            ));
            (out.status.code() == Some(1))
                .then(|| json_error(&out, 1, "login while busy"))
                .filter(|error| error["code"] == "server_busy")
        })
        .unwrap_or_else(|| panic!("a login during the flood meets a busy server: {outcomes:?}"));
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("too busy"), "{message}");
    assert!(message.contains("try again in 1 s"), "{message}");
    let statuses = flood.stop();
    assert!(statuses.contains_key(&503), "{statuses:?}");
}

/// Opens a connection and sends `bytes`, leaving the request unfinished.
fn partial_request(server: &Server, bytes: &[u8]) -> TcpStream {
    let addr = server.url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(bytes).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    stream
}

/// Reads until the server closes the connection; returns what it sent and when it closed.
fn read_until_closed(stream: &mut TcpStream) -> (String, Duration) {
    let started = Instant::now();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(err) if err.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(err) => panic!("the server kept the connection open: {err}"),
        }
    }
    (
        String::from_utf8_lossy(&answer).into_owned(),
        started.elapsed(),
    )
}

#[test]
fn slow_clients_are_cut_off_and_connections_capped() {
    let server = Server::start_with(
        &[],
        &[
            ("PADLOCK_HEADER_READ_TIMEOUT", "3s"),
            ("PADLOCK_BODY_READ_TIMEOUT", "2s"),
            ("PADLOCK_MAX_CONNECTIONS", "6"),
        ],
    );
    let started = Instant::now();
    let mut slow: Vec<TcpStream> = (0..6)
        .map(|_| partial_request(&server, b"GET /healthz HTTP/1.1\r\nHost: padlock\r\n"))
        .collect();
    std::thread::sleep(Duration::from_millis(300));

    // Past the cap, a connection is closed without an answer.
    let mut extra = partial_request(
        &server,
        b"GET /healthz HTTP/1.1\r\nHost: padlock\r\nConnection: close\r\n\r\n",
    );
    let (answer, _) = read_until_closed(&mut extra);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the connection over the cap was closed at once, not after the slow ones"
    );
    assert_eq!(answer, "", "no answer past the cap");

    // Unfinished headers are cut off after the header timeout.
    for stream in &mut slow {
        read_until_closed(stream);
    }
    let held = started.elapsed();
    assert!(
        held >= Duration::from_millis(2500) && held < Duration::from_secs(10),
        "partial headers were held {held:?} with a 3 s timeout"
    );

    // With the slow clients gone, requests are served again.
    let health = http()
        .get(format!("{}/healthz", server.url))
        .send()
        .unwrap();
    assert_eq!(health.status(), 200);

    // A body that stalls is cut off after the body timeout...
    let body = br#"{"username":"admin","password":"not the password"}"#;
    let mut stalled = partial_request(
        &server,
        format!(
            "POST /v1/sessions HTTP/1.1\r\nHost: padlock\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{{\"user",
            body.len()
        )
        .as_bytes(),
    );
    let (answer, held) = read_until_closed(&mut stalled);
    assert!(
        held >= Duration::from_millis(1500) && held < Duration::from_secs(8),
        "a stalled body was held {held:?} with a 2 s timeout: {answer}"
    );

    // ...but a body that keeps coming, slower than that in total, is not.
    let mut steady = partial_request(
        &server,
        format!(
            "POST /v1/sessions HTTP/1.1\r\nHost: padlock\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    );
    for piece in body.chunks(body.len() / 4 + 1) {
        std::thread::sleep(Duration::from_millis(900));
        steady.write_all(piece).unwrap();
    }
    let (answer, _) = read_until_closed(&mut steady);
    assert!(
        answer.starts_with("HTTP/1.1 401") && answer.contains("invalid_credentials"),
        "a slow but steady body is read whole: {answer}"
    );
}
