//! The padlock holds under attack (issue 9): throttled password guessing that cannot lock the
//! owner out, an audit log that does not grow with a flood of unknown usernames, SMS budgets
//! that one account cannot spend for another, and client addresses behind a reverse proxy.
//!
//! Clients come from different loopback addresses (Linux routes all of 127.0.0.0/8 to `lo`),
//! so the server sees real, distinct peers.

use std::net::IpAddr;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use serde_json::{Value, json};

use crate::helpers::*;
use crate::postgres::{TestDatabase, replicas};
use crate::two_factor::{Answer, api, api_verify};

const PHONE: &str = "+4915112345678";

/// A login through the raw API from the loopback address `from`, with an optional
/// `X-Forwarded-For`.
fn login_from(
    url: &str,
    from: &str,
    username: &str,
    password: &str,
    forwarded: Option<&str>,
) -> Answer {
    let client = reqwest::blocking::Client::builder()
        .local_address(from.parse::<IpAddr>().unwrap())
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let mut request = client
        .post(format!("{url}/v1/sessions"))
        .json(&json!({"username": username, "password": password}));
    if let Some(forwarded) = forwarded {
        request = request.header("x-forwarded-for", forwarded);
    }
    let response = request.send().unwrap();
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|value| value.to_str().unwrap().parse().unwrap());
    Answer {
        status,
        body: response.json().unwrap(),
        retry_after,
    }
}

/// `(status, code)` of an answer, `code` empty on success.
fn outcome(answer: &Answer) -> (u16, &str) {
    (answer.status, answer.code())
}

const WRONG: (u16, &str) = (401, "invalid_credentials");
const REFUSED: (u16, &str) = (429, "rate_limited");

/// The `login` events of `actor` in the audit log, read by admin.
fn login_events(admin: &User, actor: &str) -> Vec<Value> {
    admin
        .audit(&[])
        .into_iter()
        .filter(|e| e["action"] == "login" && e["actor"] == actor)
        .collect()
}

/// Fires `n` wrong logins for `username` from `from` at once, spread over `urls`, and
/// returns how many were evaluated (401) and how many refused (429).
fn burst(urls: &[&str], from: &str, username: &str, n: usize) -> (usize, usize) {
    let barrier = Arc::new(Barrier::new(n));
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let (barrier, url) = (barrier.clone(), urls[i % urls.len()].to_owned());
            let (from, username) = (from.to_owned(), username.to_owned());
            std::thread::spawn(move || {
                barrier.wait();
                let answer = login_from(&url, &from, &username, &format!("guess-{i}"), None);
                (answer.status, answer.code().to_owned())
            })
        })
        .collect();
    let answers: Vec<(u16, String)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let count = |(status, code): (u16, &str)| {
        answers
            .iter()
            .filter(|(s, c)| *s == status && c == code)
            .count()
    };
    let (evaluated, refused) = (count(WRONG), count(REFUSED));
    assert_eq!(evaluated + refused, n, "only 401s and 429s: {answers:?}");
    (evaluated, refused)
}

#[test]
fn password_guessing_is_throttled_without_locking_the_owner_out() {
    let server = Server::start_with(
        &[],
        &[
            ("PADLOCK_LOGIN_WINDOW", "1h"),
            ("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT_ADDRESS", "3"),
            ("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT", "5"),
            ("PADLOCK_LOGIN_FAILURES_PER_ADDRESS", "8"),
        ],
    );
    let admin = server.admin();
    let password = server.create_user(&admin, "bob");
    let url = server.url.as_str();
    // Bob logs in from his own address once: it becomes a known one.
    assert_eq!(
        outcome(&login_from(url, "127.0.0.1", "bob", &password, None)),
        (200, "")
    );

    // One attacker address: three guesses, then refused, the right password too (the
    // attempt is refused before the password is looked at).
    for _ in 0..3 {
        assert_eq!(
            outcome(&login_from(url, "127.0.0.2", "bob", "guess", None)),
            WRONG
        );
    }
    let sent = std::time::Instant::now();
    let refused = login_from(url, "127.0.0.2", "bob", "guess", None);
    assert_eq!(outcome(&refused), REFUSED, "{}", refused.body);
    assert!(
        sent.elapsed() >= Duration::from_millis(950),
        "a refused login is answered a second late: {:?}",
        sent.elapsed()
    );
    let retry_after = refused.retry_after.expect("a Retry-After header");
    assert!((3000..=3600).contains(&retry_after), "{retry_after}");
    assert_eq!(refused.body["error"]["retry_after"], retry_after);
    assert_eq!(
        outcome(&login_from(url, "127.0.0.2", "bob", &password, None)),
        REFUSED
    );

    // Another address: the account's counter for unknown addresses (5) fills up.
    for _ in 0..2 {
        assert_eq!(
            outcome(&login_from(url, "127.0.0.3", "bob", "guess", None)),
            WRONG
        );
    }
    assert_eq!(
        outcome(&login_from(url, "127.0.0.3", "bob", "guess", None)),
        REFUSED
    );
    assert_eq!(
        outcome(&login_from(url, "127.0.0.4", "bob", &password, None)),
        REFUSED,
        "an address bob never logged in from is held back"
    );

    // Bob, at his own address, is not.
    assert_eq!(
        outcome(&login_from(url, "127.0.0.1", "bob", &password, None)),
        (200, "")
    );

    // Spraying: one address, a guess each for many usernames, existing or not.
    for i in 0..8 {
        let name = if i == 0 {
            "bob".to_owned()
        } else {
            format!("user{i}")
        };
        let answer = login_from(url, "127.0.0.5", &name, "guess", None);
        let expected = if i == 0 { REFUSED } else { WRONG };
        assert_eq!(outcome(&answer), expected, "{name}: {}", answer.body);
    }
    // bob's guess above was refused before it counted: one more slot for a new name.
    assert_eq!(
        outcome(&login_from(url, "127.0.0.5", "user8", "guess", None)),
        WRONG
    );
    let sprayed = login_from(url, "127.0.0.5", "user9", "guess", None);
    assert_eq!(outcome(&sprayed), REFUSED, "{}", sprayed.body);

    // Every guess that was evaluated against bob's password is in the audit log.
    let denied = login_events(&admin, "bob")
        .into_iter()
        .filter(|e| e["reason"] == "invalid_credentials")
        .count();
    assert_eq!(denied, 5);
}

#[test]
fn a_burst_of_parallel_guesses_is_evaluated_no_more_than_the_limit() {
    let server = Server::start_with(
        &[],
        &[
            ("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT_ADDRESS", "5"),
            ("PADLOCK_LOGIN_FAILURES_PER_ADDRESS", "1000"),
            // Every guess waits for a hashing thread rather than being turned away busy.
            ("PADLOCK_PASSWORD_QUEUE", "1000"),
            ("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT", "1000"),
        ],
    );
    let admin = server.admin();
    server.create_user(&admin, "bob");
    let (evaluated, refused) = burst(&[&server.url], "127.0.0.2", "bob", 100);
    assert_eq!((evaluated, refused), (5, 95));
    let denied: Vec<Value> = login_events(&admin, "bob")
        .into_iter()
        .filter(|e| e["reason"] == "invalid_credentials")
        .collect();
    assert_eq!(denied.len(), 5, "{denied:#?}");
}

#[test]
fn login_throttles_are_shared_by_replicas() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let (a, b) = replicas(
        &db,
        &[
            ("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT_ADDRESS", "5"),
            ("PADLOCK_LOGIN_FAILURES_PER_ADDRESS", "1000"),
            // Every guess waits for a hashing thread rather than being turned away busy.
            ("PADLOCK_PASSWORD_QUEUE", "1000"),
            ("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT", "8"),
        ],
    );
    let admin = User::new(&a.url);
    admin.login("admin", &b.admin_password);
    let password = b.create_user(&admin, "bob");
    assert_eq!(
        outcome(&login_from(&a.url, "127.0.0.1", "bob", &password, None)),
        (200, "")
    );

    let (evaluated, refused) = burst(&[&a.url, &b.url], "127.0.0.2", "bob", 100);
    assert_eq!((evaluated, refused), (5, 95), "one limit for both replicas");
    // The account's counter (8) is shared too: 5 + 3 from another address, then refused
    // at either replica, while bob's known address still gets in at both.
    for url in [&a.url, &b.url, &a.url] {
        assert_eq!(
            outcome(&login_from(url, "127.0.0.3", "bob", "guess", None)),
            WRONG
        );
    }
    assert_eq!(
        outcome(&login_from(&b.url, "127.0.0.3", "bob", "guess", None)),
        REFUSED
    );
    assert_eq!(
        outcome(&login_from(&a.url, "127.0.0.4", "bob", &password, None)),
        REFUSED
    );
    for url in [&a.url, &b.url] {
        assert_eq!(
            outcome(&login_from(url, "127.0.0.1", "bob", &password, None)),
            (200, "")
        );
    }
}

#[test]
fn a_flood_of_unknown_usernames_does_not_grow_the_audit_log() {
    let server = Server::start_with(
        &[],
        &[
            ("PADLOCK_LOGIN_FAILURES_PER_ADDRESS", "1000"),
            ("PADLOCK_PASSWORD_QUEUE", "1000"),
        ],
    );
    let admin = server.admin();
    let password = server.create_user(&admin, "bob");
    let url = server.url.clone();
    let attempts_per_thread = 15;
    let handles: Vec<_> = (0..8)
        .map(|t| {
            let url = url.clone();
            std::thread::spawn(move || {
                for i in 0..attempts_per_thread {
                    let name = format!("nobody-{t}-{i}");
                    let answer = login_from(&url, "127.0.0.2", &name, "guess", None);
                    assert_eq!(outcome(&answer), WRONG, "{}", answer.body);
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    // Known usernames' failures stay recorded one by one.
    for _ in 0..3 {
        assert_eq!(
            outcome(&login_from(&url, "127.0.0.2", "bob", "guess", None)),
            WRONG
        );
    }
    assert_eq!(
        outcome(&login_from(&url, "127.0.0.2", "bob", &password, None)),
        (200, "")
    );

    let from_attacker: Vec<Value> = admin
        .audit(&[])
        .into_iter()
        .filter(|e| e["action"] == "login" && e["client"] == "127.0.0.2")
        .collect();
    let unknown: Vec<&str> = from_attacker
        .iter()
        .filter(|e| e["actor"] != "bob")
        .map(|e| e["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        unknown,
        [
            "unknown_user: 1 from this address in this window",
            "unknown_user: 10 from this address in this window",
            "unknown_user: 100 from this address in this window",
        ],
        "120 failed logins for unknown usernames"
    );
    let bob: Vec<(&str, &str)> = from_attacker
        .iter()
        .filter(|e| e["actor"] == "bob")
        .map(|e| {
            (
                e["outcome"].as_str().unwrap(),
                e["reason"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        bob,
        [
            ("denied", "invalid_credentials"),
            ("denied", "invalid_credentials"),
            ("denied", "invalid_credentials"),
            ("allowed", ""),
        ]
    );
}

/// `POST /v1/2fa/setup` for SMS to `phone`.
fn enroll_sms(server: &Server, session: &str, phone: &str) -> Answer {
    api(
        server,
        "POST",
        "/2fa/setup",
        session,
        None,
        Some(json!({"method": "sms", "phone": phone})),
    )
}

#[test]
fn enrolling_someone_elses_number_does_not_stop_its_owner() {
    someone_elses_number(&[]);
}

#[test]
fn enrolling_someone_elses_number_does_not_stop_its_owner_on_postgres() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    someone_elses_number(&["--database-url", &db.url]);
}

fn someone_elses_number(args: &[&str]) {
    // No resend wait, so an attacker can spend a budget within the test.
    let server = Server::start_with(args, &[("PADLOCK_SMS_RESEND_WAIT", "0s")]);
    let admin = server.admin();
    let bob_password = server.create_user(&admin, "bob");
    let bob = server.user();
    bob.login("bob", &bob_password);
    bob.json(&[
        "2fa",
        "setup",
        "--method",
        "sms",
        "--phone",
        PHONE,
        "--no-input",
    ]);
    let code = server.sms_codes(PHONE).pop().unwrap();
    bob.cmd()
        .args(["2fa", "confirm", "--otp", &code])
        .assert()
        .success();

    // Mallory aims enrollment at bob's number until her own hourly budget is spent.
    let mallory_password = server.create_user(&admin, "mallory");
    let mallory = api_login(&server, "mallory", &mallory_password);
    let answers: Vec<(u16, String)> = (0..6)
        .map(|_| {
            let answer = enroll_sms(&server, &mallory, PHONE);
            (answer.status, answer.code().to_owned())
        })
        .collect();
    let sent = answers.iter().filter(|(status, _)| *status == 200).count();
    assert_eq!(sent, 5, "{answers:?}");
    assert_eq!(answers[5], (429, "rate_limited".to_owned()));

    // Bob still gets a code, and it works.
    let bob_session = bob.session_token();
    let sent_to_bob = server.sms_codes(PHONE).len();
    let answer = api(
        &server,
        "POST",
        "/2fa/sms",
        &bob_session,
        None,
        Some(json!({})),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(server.sms_codes(PHONE).len(), sent_to_bob + 1);
    let code = server.sms_codes(PHONE).pop().unwrap();
    assert_eq!(api_verify(&server, &bob_session, &code).status, 200);

    // A second account gets only what is left of the number's ceiling for enrollments
    // (10 an hour: bob's own enrollment and mallory's five came first) …
    let eve_password = server.create_user(&admin, "eve");
    let eve = api_login(&server, "eve", &eve_password);
    let statuses: Vec<u16> = (0..5)
        .map(|_| enroll_sms(&server, &eve, PHONE).status)
        .collect();
    assert_eq!(statuses, [200, 200, 200, 200, 429]);
    // … and bob is still not held back.
    let answer = api(
        &server,
        "POST",
        "/2fa/sms",
        &bob_session,
        None,
        Some(json!({})),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
}

/// The hourly SMS budget of an account holds by itself: five enrollment codes to five
/// different numbers (each number far below its own ceiling) spend it, and a sixth number
/// gets nothing.
#[test]
fn an_account_gets_five_sms_an_hour_whatever_the_numbers() {
    let server = Server::start_with(&[], &[("PADLOCK_SMS_RESEND_WAIT", "0s")]);
    let admin = server.admin();
    let password = server.create_user(&admin, "mallory");
    let mallory = api_login(&server, "mallory", &password);
    let numbers: Vec<String> = (0..6).map(|i| format!("+491511234567{i}")).collect();
    let answers: Vec<(u16, String)> = numbers
        .iter()
        .map(|number| {
            let answer = enroll_sms(&server, &mallory, number);
            (answer.status, answer.code().to_owned())
        })
        .collect();
    let sent: Vec<usize> = numbers
        .iter()
        .map(|number| server.sms_codes(number).len())
        .collect();
    assert_eq!(sent, [1, 1, 1, 1, 1, 0], "{answers:?}");
    assert_eq!(answers[5], (429, "rate_limited".to_owned()), "{answers:?}");
}

/// The hourly budget of a number for codes to its owners holds by itself: two accounts
/// with the same number share it, though neither has spent its own budget.
#[test]
fn a_number_gets_five_sms_an_hour_whoever_owns_it() {
    let server = Server::start_with(&[], &[("PADLOCK_SMS_RESEND_WAIT", "0s")]);
    let admin = server.admin();
    let owners: Vec<String> = ["bob", "carol"]
        .into_iter()
        .map(|name| {
            let password = server.create_user(&admin, name);
            let user = server.user();
            user.login(name, &password);
            // Enrollment sends are budgeted apart from codes to an active factor.
            user.json(&[
                "2fa",
                "setup",
                "--method",
                "sms",
                "--phone",
                PHONE,
                "--no-input",
            ]);
            let code = server.sms_codes(PHONE).pop().unwrap();
            user.cmd()
                .args(["2fa", "confirm", "--otp", &code])
                .assert()
                .success();
            user.session_token()
        })
        .collect();
    // bob 3, carol 2: five codes to the number, each account at most four sends in all.
    let mut statuses = Vec::new();
    for session in [&owners[0], &owners[0], &owners[0], &owners[1], &owners[1]] {
        statuses.push(api(&server, "POST", "/2fa/sms", session, None, Some(json!({}))).status);
    }
    assert_eq!(statuses, [200; 5]);
    let answer = api(
        &server,
        "POST",
        "/2fa/sms",
        &owners[1],
        None,
        Some(json!({})),
    );
    assert_eq!(
        (answer.status, answer.code()),
        (429, "rate_limited"),
        "carol sent 3 of her 5, but the number had its 5: {}",
        answer.body
    );
    assert_eq!(server.sms_codes(PHONE).len(), 2 + 5);
}

#[test]
fn forwarded_for_is_believed_only_from_trusted_proxies() {
    let limits = [
        ("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT_ADDRESS", "2"),
        ("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT", "100"),
    ];
    // The proxy talks to the server from 127.0.0.2; direct clients are not trusted.
    let mut envs = limits.to_vec();
    envs.push(("PADLOCK_TRUSTED_PROXIES", "127.0.0.2, 10.0.0.0/8"));
    let proxied = Server::start_with(&[], &envs);
    let admin = proxied.admin();
    proxied.create_user(&admin, "bob");
    let url = proxied.url.as_str();
    let via_proxy = |forwarded| login_from(url, "127.0.0.2", "bob", "guess", Some(forwarded));
    // The client wrote the left part; the proxies (10.0.0.7 is one) appended the rest.
    for _ in 0..2 {
        assert_eq!(outcome(&via_proxy("6.6.6.6, 203.0.113.9, 10.0.0.7")), WRONG);
    }
    assert_eq!(
        outcome(&via_proxy("7.7.7.7, 203.0.113.9")),
        REFUSED,
        "same client, new forgery"
    );
    assert_eq!(outcome(&via_proxy("203.0.113.10")), WRONG, "another client");
    let forged = login_from(url, "127.0.0.3", "bob", "guess", Some("203.0.113.11"));
    assert_eq!(outcome(&forged), WRONG);
    let clients: Vec<String> = login_events(&admin, "bob")
        .iter()
        .map(|e| e["client"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        clients,
        [
            "203.0.113.9",
            "203.0.113.9",
            "203.0.113.9",
            "203.0.113.10",
            "127.0.0.3"
        ]
    );

    // Without the setting, the header is the client's word and ignored.
    let direct = Server::start_with(&[], &limits);
    let admin = direct.admin();
    direct.create_user(&admin, "bob");
    let url = direct.url.as_str();
    let forging = |forwarded| login_from(url, "127.0.0.2", "bob", "guess", Some(forwarded));
    assert_eq!(outcome(&forging("203.0.113.9")), WRONG);
    assert_eq!(outcome(&forging("203.0.113.10")), WRONG);
    assert_eq!(outcome(&forging("203.0.113.11")), REFUSED);
    let clients: Vec<String> = login_events(&admin, "bob")
        .iter()
        .map(|e| e["client"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(clients, ["127.0.0.2", "127.0.0.2", "127.0.0.2"]);
}
