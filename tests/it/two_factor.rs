//! Two-factor authentication and grants (issue 4): what is padlocked, the scripting
//! contract of enrollment, TOTP rules (window, single use, order, concurrency), lockout,
//! code sources, grants (expiry, logout, support's reset, binding to the session) and
//! secrets at rest.

use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use data_encoding::BASE32_NOPAD;
use serde_json::{Value, json};

use crate::helpers::*;

/// Someone with an account and an app of their own (they are its technical contact, so
/// they may transport and read node details there), logged in through the CLI.
pub struct Person {
    pub user: User,
    pub name: String,
    pub password: String,
    pub app: String,
}

pub fn person(server: &Server, admin: &User, name: &str) -> Person {
    let password = server.create_user(admin, name);
    let app = format!("{name}-app");
    admin.json(&["admin", "apps", "create", &app, "--contact", name]);
    let user = server.user();
    user.login(name, &password);
    Person {
        user,
        name: name.to_owned(),
        password,
        app,
    }
}

impl Person {
    /// Logs out and in again: a new session, and no grant cached.
    pub fn relogin(&self) {
        self.user.cmd().arg("logout").assert().success();
        self.user.login(&self.name, &self.password);
    }
}

/// Waits for the next step when the current one ends in less than five seconds, so a code
/// computed now is still of the step the server sees.
pub fn avoid_step_end() {
    if unix_now() % 30 >= 25 {
        wait_next_step();
    }
}

/// Enrolls TOTP with the code of the *previous* step (accepted: one step of skew), so the
/// current step's code is still unused afterwards. Returns the secret; the user holds a
/// grant.
pub fn enroll_totp_behind(user: &User) -> String {
    let setup = user.json(&["2fa", "setup", "--method", "totp", "--no-input"]);
    let secret = setup["secret"].as_str().unwrap().to_owned();
    avoid_step_end();
    user.cmd()
        .args([
            "2fa",
            "confirm",
            "--otp",
            &totp_at(&secret, unix_now() - 30),
        ])
        .assert()
        .success();
    secret
}

/// A well-formed code that is none of the codes of `secret` two steps around now.
pub fn wrong_code(secret: &str) -> String {
    let now = unix_now();
    let near: Vec<String> = (0..5).map(|i| totp_at(secret, now + i * 30 - 60)).collect();
    (0..10)
        .map(|d| d.to_string().repeat(6))
        .find(|code| !near.contains(code))
        .unwrap()
}

/// Writes a small package and uploads it to `app`; returns its id.
pub fn upload_package(user: &User, app: &str) -> i64 {
    let file = user.config_dir().join("release-1.mda");
    std::fs::write(&file, b"padlock test package\n").unwrap();
    let package = user.json(&["packages", "upload", "--app", app, file.to_str().unwrap()]);
    package["id"].as_i64().unwrap()
}

/// A raw API answer: status, JSON body (Null when empty), `Retry-After` header.
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub retry_after: Option<u64>,
}

impl Answer {
    pub fn code(&self) -> &str {
        self.body["error"]["code"].as_str().unwrap_or("")
    }
}

/// One raw request under `/v1` with a session token and optionally a grant.
pub fn api(
    server: &Server,
    method: &str,
    path: &str,
    session: &str,
    grant: Option<&str>,
    body: Option<Value>,
) -> Answer {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = http()
        .request(method, format!("{}/v1{path}", server.url))
        .bearer_auth(session);
    if let Some(grant) = grant {
        request = request.header("padlock-grant", grant);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().unwrap();
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().parse().unwrap());
    let text = response.text().unwrap();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {text}"))
    };
    Answer {
        status,
        body,
        retry_after,
    }
}

pub fn api_verify(server: &Server, session: &str, code: &str) -> Answer {
    api(
        server,
        "POST",
        "/2fa/verify",
        session,
        None,
        Some(json!({ "code": code })),
    )
}

/// `GET /v1/apps/APP/node`, padlocked for everyone.
fn api_node(server: &Server, app: &str, session: &str, grant: Option<&str>) -> Answer {
    api(
        server,
        "GET",
        &format!("/apps/{app}/node"),
        session,
        grant,
        None,
    )
}

fn secret_str<'a>(secrets: &'a Value, key: &str) -> &'a str {
    secrets[key]
        .as_str()
        .unwrap_or_else(|| panic!("no {key} stored: {secrets}"))
}

/// Runs a command that must fail at once without a terminal, and returns its JSON error.
fn fails_at_once(user: &User, args: &[&str], exit: i32) -> Value {
    let started = Instant::now();
    let out = user
        .cmd()
        .args(args)
        .args(["--output", "json"])
        .output()
        .unwrap();
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(5),
        "padlock {args:?} took {took:?}"
    );
    json_error(&out, exit, &format!("padlock {args:?}"))
}

/// The same command in text mode: its `error:` line on stderr.
fn text_error(user: &User, args: &[&str], exit: i32) -> String {
    let out = user.cmd().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(exit), "padlock {args:?}: {out:?}");
    assert!(out.stdout.is_empty(), "padlock {args:?}: {out:?}");
    String::from_utf8(out.stderr).unwrap()
}

fn assert_names_the_ways_out(message: &str, what: &str) {
    for way in ["--otp", "--otp-command", "PADLOCK_GRANT"] {
        assert!(message.contains(way), "{what}: no {way} in {message:?}");
    }
}

#[test]
fn padlock_applies_to_production_and_node_details_not_to_test() {
    let server = Server::start();
    let admin = server.admin_password_only();
    let package = upload_package(&admin, "demo");
    let package = package.to_string();

    // Not padlocked: no second factor needed, none asked for.
    let op = admin.json(&[
        "transport",
        "--app",
        "demo",
        "--package",
        &package,
        "--to",
        "test",
    ]);
    assert_eq!(op["state"], "succeeded", "{op}");

    // Padlocked, and admin has no second factor: enrollment is needed and there is no
    // terminal to do it on.
    let production = [
        "transport",
        "--app",
        "demo",
        "--package",
        &package,
        "--to",
        "production",
    ];
    let err = fails_at_once(&admin, &production, 3);
    assert_eq!(err["code"], "enrollment_required", "{err}");
    let message = err["message"].as_str().unwrap();
    assert_names_the_ways_out(message, "enrollment, JSON");
    assert!(message.contains("2fa setup"), "{message}");
    let text = text_error(&admin, &production, 3);
    assert_names_the_ways_out(&text, "enrollment, text");
    // Node details are padlocked even for the technical contact.
    let err = fails_at_once(&admin, &["node", "show", "--app", "demo"], 3);
    assert_eq!(err["code"], "enrollment_required", "{err}");
    // Nothing ran on production.
    let envs = admin.json(&["envs", "list", "--app", "demo"]);
    let production_env = envs
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "production")
        .unwrap();
    assert_ne!(
        production_env["package_id"].as_i64(),
        Some(package.parse::<i64>().unwrap()),
        "{envs}"
    );

    // A user with a second factor but no grant: a code is needed and cannot be asked for.
    let admin = server.admin();
    let alice = person(&server, &admin, "alice");
    enroll_totp_behind(&alice.user);
    alice.relogin();
    let package = upload_package(&alice.user, &alice.app).to_string();
    let production = [
        "transport",
        "--app",
        &alice.app,
        "--package",
        &package,
        "--to",
        "production",
    ];
    let err = fails_at_once(&alice.user, &production, 3);
    assert_eq!(err["code"], "second_factor_required", "{err}");
    assert_names_the_ways_out(err["message"].as_str().unwrap(), "verify, JSON");
    let text = text_error(&alice.user, &production, 3);
    assert_names_the_ways_out(&text, "verify, text");
    // --no-input never prompts either, and the test environment still needs nothing.
    let err = fails_at_once(
        &alice.user,
        &["node", "show", "--app", &alice.app, "--no-input"],
        3,
    );
    assert_eq!(err["code"], "second_factor_required", "{err}");
    let op = alice.user.json(&[
        "transport",
        "--app",
        &alice.app,
        "--package",
        &package,
        "--to",
        "test",
    ]);
    assert_eq!(op["state"], "succeeded", "{op}");
}

#[test]
fn scripted_enrollment_yields_an_eight_hour_grant() {
    let server = Server::start();
    let admin = server.admin();
    let bob = person(&server, &admin, "bob");

    let setup = bob
        .user
        .json(&["2fa", "setup", "--method", "totp", "--no-input"]);
    let mut keys: Vec<&str> = setup
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(keys, ["method", "otpauth_uri", "secret"], "{setup}");
    assert_eq!(setup["method"], "totp");
    let secret = setup["secret"].as_str().unwrap();
    let bytes = BASE32_NOPAD
        .decode(secret.as_bytes())
        .unwrap_or_else(|e| panic!("{secret:?} is not base32: {e}"));
    assert_eq!(bytes.len() * 8, 160, "{secret}");
    let uri = setup["otpauth_uri"].as_str().unwrap();
    assert!(uri.starts_with("otpauth://totp/"), "{uri}");
    assert!(uri.contains(&format!("secret={secret}")), "{uri}");
    assert!(uri.contains("bob"), "{uri}");
    // The authenticator app names the server as the CLI reached it, without the port.
    let issuer = url::Url::parse(uri)
        .unwrap()
        .query_pairs()
        .find(|(key, _)| key == "issuer")
        .map(|(_, value)| value.into_owned());
    assert_eq!(issuer.as_deref(), Some("padlock (127.0.0.1)"), "{uri}");
    // Not active before the first code: padlocked commands still need enrollment.
    let err = bob.user.error(&["node", "show", "--app", &bob.app], 3);
    assert_eq!(err["code"], "enrollment_required", "{err}");

    avoid_step_end();
    let confirmed = bob
        .user
        .json(&["2fa", "confirm", "--otp", &totp_now(secret)]);
    assert!(confirmed["id"].is_i64(), "{confirmed}");
    assert!(
        confirmed.get("token").is_none(),
        "the grant token is not printed: {confirmed}"
    );
    let stored = bob.user.stored_secrets();
    assert!(
        secret_str(&stored, "grant").starts_with("plk_grant_"),
        "{stored}"
    );

    let status = bob.user.json(&["status"]);
    assert_eq!(status["second_factor"], "totp", "{status}");
    let left = status["grant_seconds_left"].as_i64().unwrap();
    assert!(
        (8 * 3600 - 120..=8 * 3600).contains(&left),
        "grant_seconds_left {left}"
    );
    assert!(status["grant_expires_at"].is_string(), "{status}");
    let two_fa = bob.user.json(&["2fa", "status"]);
    assert_eq!(two_fa["active"], true, "{two_fa}");
    assert_eq!(two_fa["method"], "totp", "{two_fa}");
    // The server's view of the grant agrees with what the CLI kept of it.
    assert_eq!(two_fa["grant_state"], "valid", "{two_fa}");
    assert_eq!(
        two_fa["grant_expires_at"], status["grant_expires_at"],
        "{two_fa} {status}"
    );

    // The grant is used: no code, no terminal, and the padlocked operation succeeds.
    let package = upload_package(&bob.user, &bob.app).to_string();
    let op = bob.user.json(&[
        "transport",
        "--app",
        &bob.app,
        "--package",
        &package,
        "--to",
        "production",
    ]);
    assert_eq!(op["state"], "succeeded", "{op}");
    let node = bob.user.json(&["node", "show", "--app", &bob.app]);
    let production = node["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["env"] == "production")
        .unwrap();
    assert_eq!(production["package"]["id"].to_string(), package, "{node}");
}

#[test]
fn totp_window_single_use_and_order() {
    let server = Server::start();
    let admin = server.admin();
    let carol = person(&server, &admin, "carol");
    let setup = carol
        .user
        .json(&["2fa", "setup", "--method", "totp", "--no-input"]);
    let secret = setup["secret"].as_str().unwrap().to_owned();
    let confirm = |code: &str| {
        carol
            .user
            .cmd()
            .args(["2fa", "confirm", "--otp", code])
            .ok()
    };
    let verify_ok = |code: &str| carol.user.json(&["2fa", "verify", "--otp", code]);
    let verify_refused = |code: &str, what: &str| {
        let err = carol.user.error(&["2fa", "verify", "--otp", code], 1);
        assert_eq!(err["code"], "invalid_code", "{what}: {err}");
    };

    // T-2 is outside the window (checked while no step was used yet, so only the window
    // can refuse it); T-1 is inside.
    avoid_step_end();
    let now = unix_now();
    let err = carol
        .user
        .error(&["2fa", "confirm", "--otp", &totp_at(&secret, now - 60)], 1);
    assert_eq!(err["code"], "invalid_code", "T-2: {err}");
    confirm(&totp_at(&secret, now - 30)).expect("T-1 is accepted");

    // In a later step, T-1 (a step never used) is accepted by verify too.
    wait_next_step();
    let now = unix_now();
    let previous = totp_at(&secret, now - 30);
    let grant = verify_ok(&previous);
    assert!(grant["id"].is_i64(), "{grant}");
    // The same code again: refused, whatever the window says.
    verify_refused(&previous, "replay");
    // T+1 is accepted; after it, the current step (older) is refused.
    verify_ok(&totp_at(&secret, now + 30));
    verify_refused(&totp_at(&secret, now), "older step after a newer one");
    verify_refused(&wrong_code(&secret), "wrong code");
}

#[test]
fn fifty_concurrent_submissions_of_one_code_yield_one_grant() {
    // Replays count as failures; keep the lockout out of the way.
    let server = Server::start_with(&[], &[("PADLOCK_LOCKOUT_FAILURES", "1000")]);
    let admin = server.admin();
    let dave = person(&server, &admin, "dave");
    let secret = dave.user.enroll_totp();
    let sessions: Vec<String> = std::thread::scope(|scope| {
        let logins: Vec<_> = (0..5)
            .map(|_| {
                scope.spawn(|| {
                    (0..10)
                        .map(|_| api_login(&server, &dave.name, &dave.password))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        logins.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(sessions.len(), 50);

    // T+1: valid, and newer than the step the enrollment used.
    let code = totp_at(&secret, unix_now() + 30);
    let barrier = Arc::new(Barrier::new(sessions.len()));
    let url = format!("{}/v1/2fa/verify", server.url);
    let handles: Vec<_> = sessions
        .iter()
        .map(|session| {
            let client = http();
            let request = client
                .post(&url)
                .bearer_auth(session)
                .json(&json!({ "code": code }))
                .build()
                .unwrap();
            let barrier = Arc::clone(&barrier);
            let session = session.clone();
            std::thread::spawn(move || {
                barrier.wait();
                let response = client.execute(request).unwrap();
                let status = response.status().as_u16();
                let body: Value = response.json().unwrap();
                (session, status, body)
            })
        })
        .collect();
    let answers: Vec<(String, u16, Value)> =
        handles.into_iter().map(|h| h.join().unwrap()).collect();

    let granted: Vec<&(String, u16, Value)> = answers
        .iter()
        .filter(|(_, status, _)| *status == 200)
        .collect();
    assert_eq!(granted.len(), 1, "exactly one grant: {answers:?}");
    for (_, status, body) in answers.iter().filter(|(_, status, _)| *status != 200) {
        assert_eq!(*status, 401, "{body}");
        assert_eq!(body["error"]["code"], "invalid_code", "{body}");
    }
    let (session, _, grant) = granted[0];
    let token = grant["token"].as_str().unwrap();
    assert!(token.starts_with("plk_grant_"), "{grant}");
    let node = api_node(&server, &dave.app, session, Some(token));
    assert_eq!(node.status, 200, "{}", node.body);
}

/// A code that is not six digits is refused as bad input before it is checked: it costs
/// none of the wrong codes the lockout allows.
#[test]
fn malformed_codes_are_refused_before_they_count() {
    let server = Server::start_with(&[], &[("PADLOCK_LOCKOUT_FAILURES", "3")]);
    let admin = server.admin();
    let fay = person(&server, &admin, "fay");
    let secret = fay.user.enroll_totp();
    fay.relogin();
    let session = fay.user.session_token();
    for code in ["12345", "1234567", "12a456", "abcdef", ""] {
        let answer = api_verify(&server, &session, code);
        assert_eq!(
            (answer.status, answer.code()),
            (400, "invalid_code"),
            "{code:?}: {}",
            answer.body
        );
        assert_eq!(answer.body["error"]["message"], "a code is six digits");
    }
    let answer = api_verify(&server, &session, &wrong_code(&secret));
    assert_eq!(answer.status, 401, "{}", answer.body);
    assert_eq!(answer.body["error"]["attempts_left"], 2, "{}", answer.body);
}

#[test]
fn lockout_after_failures_from_any_session_survives_a_restart() {
    let mut server = Server::start_with(
        &[],
        &[
            ("PADLOCK_LOCKOUT_FAILURES", "3"),
            ("PADLOCK_LOCKOUT_DURATION", "10m"),
        ],
    );
    let admin = server.admin();
    let erin = person(&server, &admin, "erin");
    let secret = erin.user.enroll_totp();
    let first = api_login(&server, &erin.name, &erin.password);
    let second = api_login(&server, &erin.name, &erin.password);
    let wrong = wrong_code(&secret);

    for (n, session) in [&first, &second].into_iter().enumerate() {
        let answer = api_verify(&server, session, &wrong);
        assert_eq!(
            (answer.status, answer.code()),
            (401, "invalid_code"),
            "failure {}: {}",
            n + 1,
            answer.body
        );
    }
    let locked = api_verify(&server, &first, &wrong);
    assert_eq!(
        (locked.status, locked.code()),
        (429, "locked_out"),
        "{}",
        locked.body
    );
    let retry_after = locked.body["error"]["retry_after"].as_u64().unwrap();
    assert!((540..=600).contains(&retry_after), "{}", locked.body);
    assert_eq!(locked.retry_after, Some(retry_after));

    // A valid code (T+1, never used) is refused while locked, from any session and the CLI.
    let valid = totp_at(&secret, unix_now() + 30);
    let answer = api_verify(&server, &second, &valid);
    assert_eq!(
        (answer.status, answer.code()),
        (429, "locked_out"),
        "{}",
        answer.body
    );
    let err = erin.user.error(&["2fa", "verify", "--otp", &valid], 1);
    assert_eq!(err["code"], "locked_out", "{err}");

    server.restart();
    let answer = api_verify(&server, &first, &valid);
    assert_eq!(
        (answer.status, answer.code()),
        (429, "locked_out"),
        "after a restart: {}",
        answer.body
    );
    let fresh = api_login(&server, &erin.name, &erin.password);
    let answer = api_verify(&server, &fresh, &valid);
    assert_eq!(
        (answer.status, answer.code()),
        (429, "locked_out"),
        "{}",
        answer.body
    );
}

#[test]
fn lockout_lifts_after_its_duration() {
    let server = Server::start_with(
        &[],
        &[
            ("PADLOCK_LOCKOUT_FAILURES", "3"),
            ("PADLOCK_LOCKOUT_DURATION", "3s"),
        ],
    );
    let admin = server.admin();
    let frank = person(&server, &admin, "frank");
    let secret = frank.user.enroll_totp();
    let session = api_login(&server, &frank.name, &frank.password);
    let wrong = wrong_code(&secret);
    api_verify(&server, &session, &wrong);
    api_verify(&server, &session, &wrong);
    let locked = api_verify(&server, &session, &wrong);
    assert_eq!(
        (locked.status, locked.code()),
        (429, "locked_out"),
        "{}",
        locked.body
    );
    // The lock is set by this code, now: all of its 3 s are left.
    let retry_after = locked.retry_after.unwrap();
    assert_eq!(retry_after, 3, "{}", locked.body);
    let valid = totp_at(&secret, unix_now() + 30);
    let answer = api_verify(&server, &session, &valid);
    assert_eq!(
        (answer.status, answer.code()),
        (429, "locked_out"),
        "{}",
        answer.body
    );
    // A code refused while locked says what is left of the same lock.
    let left = answer.retry_after.unwrap();
    assert!((2..=3).contains(&left), "{}", answer.body);
    assert_eq!(answer.body["error"]["retry_after"], left, "{}", answer.body);

    std::thread::sleep(Duration::from_secs(retry_after + 1));
    // The count starts again: one wrong code is just wrong, not a lockout.
    let answer = api_verify(&server, &session, &wrong);
    assert_eq!(
        (answer.status, answer.code()),
        (401, "invalid_code"),
        "{}",
        answer.body
    );
    let valid = totp_at(&secret, unix_now() + 30);
    let answer = api_verify(&server, &session, &valid);
    assert_eq!(answer.status, 200, "{}", answer.body);
}

#[test]
fn otp_command_and_padlock_otp_supply_the_code() {
    let server = Server::start();
    let admin = server.admin();
    let gina = person(&server, &admin, "gina");
    let secret = enroll_totp_behind(&gina.user);
    gina.relogin();
    let node = ["node", "show", "--app", &gina.app];

    // A command that fails, or prints nothing, is reported as such.
    let out = gina
        .user
        .cmd()
        .args(node)
        .args(["--otp-command", "echo no authenticator here >&2; exit 7"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--otp-command"), "{stderr}");
    assert!(stderr.contains("failed"), "{stderr}");
    assert!(stderr.contains("no authenticator here"), "{stderr}");
    let err = gina.user.error(
        &["node", "show", "--app", &gina.app, "--otp-command", "true"],
        2,
    );
    assert!(
        err["message"].as_str().unwrap().contains("printed no code"),
        "{err}"
    );
    let err = gina.user.error(
        &[
            "node",
            "show",
            "--app",
            &gina.app,
            "--otp-command",
            "/nonexistent/authenticator",
        ],
        2,
    );
    assert!(
        err["message"].as_str().unwrap().contains("--otp-command"),
        "{err}"
    );

    // A command that prints the current code: its code is used, and the grant kept.
    avoid_step_end();
    let code_file = gina.user.config_dir().join("code.txt");
    std::fs::write(&code_file, format!("{}\n", totp_now(&secret))).unwrap();
    let command = format!("cat '{}'", code_file.display());
    let shown = gina.user.json(&[
        "node",
        "show",
        "--app",
        &gina.app,
        "--otp-command",
        &command,
    ]);
    assert_eq!(shown["app"], gina.app.as_str(), "{shown}");
    assert!(
        gina.user.stored_secrets()["grant"].is_string(),
        "the grant is kept"
    );

    // PADLOCK_OTP, for another user.
    let hank = person(&server, &admin, "hank");
    let secret = enroll_totp_behind(&hank.user);
    hank.relogin();
    let out = hank
        .user
        .cmd()
        .args(["node", "show", "--app", &hank.app, "--output", "json"])
        .env("PADLOCK_OTP", totp_now(&secret))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    // A wrong PADLOCK_OTP is a wrong code, not a prompt.
    hank.relogin();
    let out = hank
        .user
        .cmd()
        .args(["node", "show", "--app", &hank.app, "--output", "json"])
        .env("PADLOCK_OTP", wrong_code(&secret))
        .output()
        .unwrap();
    let err = json_error(&out, 1, "wrong PADLOCK_OTP");
    assert_eq!(err["code"], "invalid_code", "{err}");
}

/// oathtool, the authenticator the README suggests for `--otp-command`, and an independent
/// implementation of RFC 6238: its codes are accepted.
#[test]
fn otp_command_runs_oathtool() {
    if !prerequisite(missing_programs(&["oathtool"])) {
        return;
    }
    let server = Server::start();
    let admin = server.admin();
    let gina = person(&server, &admin, "gina");
    let secret = enroll_totp_behind(&gina.user);
    gina.relogin();
    let command = format!("oathtool --totp -b {secret}");
    let shown = gina.user.json(&[
        "node",
        "show",
        "--app",
        &gina.app,
        "--otp-command",
        &command,
    ]);
    assert_eq!(shown["app"], gina.app.as_str(), "{shown}");
}

#[test]
fn grants_expire_at_their_ttl() {
    // Long enough for admin's setup and ivan's first commands to run on a loaded machine;
    // the test then waits for the expiry the grant itself states, not a guess.
    let server = Server::start_with(&[], &[("PADLOCK_GRANT_TTL", "20s")]);
    let admin = server.admin();
    let ivan = person(&server, &admin, "ivan");
    let secret = ivan.user.enroll_totp();
    let status = ivan.user.json(&["status"]);
    let left = status["grant_seconds_left"].as_u64().unwrap();
    assert!((1..=20).contains(&left), "{status}");
    ivan.user.json(&["node", "show", "--app", &ivan.app]);
    let stored = ivan.user.stored_secrets();
    let (session, grant) = (secret_str(&stored, "session"), secret_str(&stored, "grant"));

    std::thread::sleep(Duration::from_secs(left + 1));
    let err = fails_at_once(&ivan.user, &["node", "show", "--app", &ivan.app], 3);
    assert_eq!(err["code"], "second_factor_required", "{err}");
    // The server itself refuses the expired grant (the CLI does not merely skip it).
    let answer = api_node(&server, &ivan.app, session, Some(grant));
    assert_eq!(
        (answer.status, answer.code()),
        (401, "second_factor_required"),
        "{}",
        answer.body
    );
    assert!(
        answer.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("expired"),
        "{}",
        answer.body
    );
    // A code renews it.
    let code = totp_at(&secret, unix_now() + 30);
    ivan.user
        .json(&["node", "show", "--app", &ivan.app, "--otp", &code]);
}

#[test]
fn logout_revokes_the_grant() {
    let server = Server::start();
    let admin = server.admin();
    let judy = person(&server, &admin, "judy");
    judy.user.enroll_totp();
    let stored = judy.user.stored_secrets();
    let (session, grant) = (secret_str(&stored, "session"), secret_str(&stored, "grant"));
    let answer = api_node(&server, &judy.app, session, Some(grant));
    assert_eq!(answer.status, 200, "{}", answer.body);

    judy.user.cmd().arg("logout").assert().success();
    let answer = api_node(&server, &judy.app, session, Some(grant));
    assert_eq!(answer.status, 401, "{}", answer.body);
    // Nor does the grant work beside a new session.
    let new_session = api_login(&server, &judy.name, &judy.password);
    let answer = api_node(&server, &judy.app, &new_session, Some(grant));
    assert_eq!(
        (answer.status, answer.code()),
        (401, "second_factor_required"),
        "{}",
        answer.body
    );
}

#[test]
fn support_reset_revokes_grants_and_starts_enrollment_again() {
    let server = Server::start();
    let admin = server.admin();
    let kim = person(&server, &admin, "kim");
    let leo = person(&server, &admin, "leo");
    let old_secret = kim.user.enroll_totp();
    kim.user.json(&["node", "show", "--app", &kim.app]);
    let stored = kim.user.stored_secrets();
    let (old_session, old_grant) = (
        secret_str(&stored, "session").to_owned(),
        secret_str(&stored, "grant").to_owned(),
    );

    // The reset is padlocked for support too.
    let err = fails_at_once(
        &server.admin_password_only(),
        &["admin", "reset-2fa", "kim"],
        3,
    );
    assert_eq!(err["code"], "second_factor_required", "{err}");
    // A user who is not support may not reset, grant or not.
    leo.user.enroll_totp();
    let err = leo.user.error(&["admin", "reset-2fa", "kim"], 4);
    assert_eq!(err["code"], "forbidden", "{err}");
    kim.user.json(&["node", "show", "--app", &kim.app]);

    let reset = admin.json(&["admin", "reset-2fa", "kim"]);
    assert_eq!(reset["username"], "kim", "{reset}");
    assert_eq!(reset["second_factor"], Value::Null, "{reset}");

    // Kim's cached grant no longer helps: the next padlocked command needs enrollment.
    let err = fails_at_once(&kim.user, &["node", "show", "--app", &kim.app], 3);
    assert_eq!(err["code"], "enrollment_required", "{err}");
    // Kim enrolls again, with a new key.
    let new_secret = kim.user.enroll_totp();
    assert_ne!(new_secret, old_secret);
    kim.user.json(&["node", "show", "--app", &kim.app]);
    // The grant from before the reset stays revoked.
    let answer = api_node(&server, &kim.app, &old_session, Some(&old_grant));
    assert_eq!(
        (answer.status, answer.code()),
        (401, "second_factor_required"),
        "{}",
        answer.body
    );
    assert!(
        answer.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("revoked"),
        "{}",
        answer.body
    );
}

#[test]
fn owners_cannot_change_their_second_factor() {
    let server = Server::start();
    let admin = server.admin();
    let mia = person(&server, &admin, "mia");
    let secret = mia.user.enroll_totp();
    let code = mia
        .user
        .fails(&["2fa", "setup", "--method", "totp", "--no-input"], 1);
    assert_eq!(code, "already_enrolled");
    let code = mia.user.fails(
        &[
            "2fa",
            "setup",
            "--method",
            "sms",
            "--phone",
            "+4915112345678",
            "--no-input",
        ],
        1,
    );
    assert_eq!(code, "already_enrolled");
    assert!(server.sms_codes("+4915112345678").is_empty());
    let code = mia
        .user
        .fails(&["2fa", "confirm", "--otp", &wrong_code(&secret)], 1);
    assert_eq!(code, "already_enrolled");
    // The authenticator still works after all that.
    mia.relogin();
    let code = totp_at(&secret, unix_now() + 30);
    mia.user
        .json(&["node", "show", "--app", &mia.app, "--otp", &code]);
    assert_eq!(mia.user.json(&["2fa", "status"])["method"], "totp");
}

#[test]
fn a_grant_works_only_beside_its_own_session() {
    let server = Server::start();
    let admin = server.admin();
    let ned = person(&server, &admin, "ned");
    let ola = person(&server, &admin, "ola");
    ned.user.enroll_totp();
    ola.user.enroll_totp();
    let ned_secrets = ned.user.stored_secrets();
    let ola_secrets = ola.user.stored_secrets();
    let ned_grant = secret_str(&ned_secrets, "grant");
    let ola_session = secret_str(&ola_secrets, "session");

    let answer = api_node(
        &server,
        &ned.app,
        secret_str(&ned_secrets, "session"),
        Some(ned_grant),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let answer = api_node(
        &server,
        &ola.app,
        ola_session,
        Some(secret_str(&ola_secrets, "grant")),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);

    // Ned's grant beside Ola's session, on Ola's app: no grant at all.
    let answer = api_node(&server, &ola.app, ola_session, Some(ned_grant));
    assert_eq!(
        (answer.status, answer.code()),
        (401, "second_factor_required"),
        "{}",
        answer.body
    );
    // Nor beside another session of Ned's own.
    let other = api_login(&server, &ned.name, &ned.password);
    let answer = api_node(&server, &ned.app, &other, Some(ned_grant));
    assert_eq!(
        (answer.status, answer.code()),
        (401, "second_factor_required"),
        "{}",
        answer.body
    );
}

/// Nothing secret is in the database files in any encoding a careless change would use:
/// TOTP secrets are sealed, SMS codes kept as HMAC, session, grant and CI-grant tokens as
/// hashes, passwords as Argon2 hashes, and the master key nowhere.
#[test]
fn secrets_are_sealed_hashed_or_absent_at_rest() {
    let master_key = "5c".repeat(32);
    let server = Server::start_with(&[], &[("PADLOCK_MASTER_KEY", &master_key)]);
    let admin = server.admin();
    let pia = person(&server, &admin, "pia");
    let secret = pia.user.enroll_totp();
    pia.user.json(&["node", "show", "--app", &pia.app]);
    let stored = pia.user.stored_secrets();
    let session = secret_str(&stored, "session").to_owned();
    let grant = secret_str(&stored, "grant").to_owned();
    let ci_grant = pia.user.issue_ci_grant(&[
        "--app",
        &pia.app,
        "--env",
        "production",
        "--allow",
        "transport",
        "--label",
        "at rest",
    ]);
    let ci_token = ci_grant["token"].as_str().unwrap().to_owned();
    // Used once, so its row has been read and written since.
    CiJob::new(&server.url, &ci_token).json(&[
        "can-i",
        "transport",
        "--app",
        &pia.app,
        "--env",
        "production",
    ]);
    // An SMS code pending (sent, not yet used) and one used.
    let quinn = person(&server, &admin, "quinn");
    quinn.user.json(&[
        "2fa",
        "setup",
        "--method",
        "sms",
        "--phone",
        "+4915112345678",
        "--no-input",
    ]);
    let used_code = server.sms_codes("+4915112345678").pop().unwrap();
    quinn
        .user
        .cmd()
        .args(["2fa", "confirm", "--otp", &used_code])
        .assert()
        .success();
    let answer = api(
        &server,
        "POST",
        "/2fa/sms",
        &quinn.user.session_token(),
        None,
        Some(json!({})),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    let pending_code = server.sms_codes("+4915112345678").pop().unwrap();
    assert_ne!(pending_code, used_code);

    let mut db = Vec::new();
    for name in ["padlock.db", "padlock.db-wal", "padlock.db-shm"] {
        if let Ok(bytes) = std::fs::read(server.data_dir.join(name)) {
            db.extend(bytes);
        }
    }
    let contains = |needle: &[u8]| db.windows(needle.len()).any(|w| w == needle);
    // We are looking where the data is.
    assert!(contains(b"pia-app"), "the database holds pia's app");
    assert!(contains(b"at rest"), "the database holds the CI grant");

    let raw_secret = BASE32_NOPAD.decode(secret.as_bytes()).unwrap();
    let raw_key = hex::decode(&master_key).unwrap();
    let mut secrets: Vec<(&str, Vec<u8>)> = vec![
        ("TOTP secret", raw_secret.clone()),
        ("TOTP secret (base32)", secret.as_bytes().to_vec()),
        ("master key", raw_key),
        ("pia's password", pia.password.as_bytes().to_vec()),
        ("quinn's password", quinn.password.as_bytes().to_vec()),
    ];
    for (what, token) in [
        ("session", &session),
        ("grant", &grant),
        ("CI grant", &ci_token),
    ] {
        secrets.push((what, token.as_bytes().to_vec()));
        // The random part alone, as a change that dropped the prefix would store it.
        let body = &token[token.rfind('_').unwrap() + 1..];
        secrets.push((what, body.as_bytes().to_vec()));
    }
    for (what, code) in [
        ("used SMS code", &used_code),
        ("pending SMS code", &pending_code),
    ] {
        secrets.push((what, code.as_bytes().to_vec()));
    }
    for (what, bytes) in &secrets {
        for form in encodings(bytes) {
            assert!(
                !contains(&form),
                "{what} in the database as {:?}",
                String::from_utf8_lossy(&form)
            );
        }
    }
}

/// `bytes` as they would be stored raw or encoded: as they are, upper- and lower-case hex,
/// base32 both cases, and base64 (standard and URL-safe, padded or not: what `seal()` and
/// most encoders produce). Only forms of at least six bytes, so no short form matches by
/// chance.
fn encodings(bytes: &[u8]) -> Vec<Vec<u8>> {
    use base64::Engine;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    let mut forms = vec![
        bytes.to_vec(),
        hex(bytes).into_bytes(),
        hex(bytes).to_uppercase().into_bytes(),
        BASE32_NOPAD.encode(bytes).into_bytes(),
        BASE32_NOPAD.encode(bytes).to_lowercase().into_bytes(),
    ];
    if let Ok(text) = std::str::from_utf8(bytes) {
        forms.push(text.to_lowercase().into_bytes());
        forms.push(text.to_uppercase().into_bytes());
    }
    for engine in [&STANDARD, &STANDARD_NO_PAD, &URL_SAFE, &URL_SAFE_NO_PAD] {
        forms.push(engine.encode(bytes).into_bytes());
    }
    forms.retain(|form| form.len() >= 6);
    forms.sort();
    forms.dedup();
    forms
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
