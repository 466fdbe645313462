//! Messages for people (issue 11): operations on record in the audit log by id, library text
//! replaced by what went wrong and what to do, words instead of identifiers, `-v` traces
//! and `-q` silence, local times and readable sizes, and the second-factor flows at a
//! terminal (attempts left, clock skew, lockout end, QR code, SMS resends).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use expectrl::{Eof, Session, WaitStatus};
use serde_json::Value;

use crate::helpers::*;
use crate::two_factor::{Person, avoid_step_end, person, wrong_code};

/// `padlock ARGS` as `user` in a PTY, as a person at a terminal runs it.
fn at_a_terminal(user: &User, args: &[&str]) -> Session {
    let mut cmd = user.std_cmd();
    cmd.args(args)
        .env("TERM", "xterm")
        .env("COLUMNS", "200")
        .env_remove("NO_COLOR");
    let mut session = Session::spawn(cmd).expect("padlock starts in a PTY");
    session.set_expect_timeout(Some(Duration::from_secs(60)));
    session
}

/// Reads the rest of a PTY session and returns it with the exit code.
fn finish(session: &mut Session) -> (String, i32) {
    let rest = session.expect(Eof).expect("padlock ends");
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => (rest, code),
        other => panic!("padlock ended with {other:?}; output {rest}"),
    }
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

// ---- the audit log knows operations by id ---------------------------------------------

/// The attempt that started an operation is on record with the operation's id: in the JSON
/// (`operation_id`), in the text table, and `--operation ID` finds exactly its events.
#[test]
fn audit_events_of_an_operation_carry_its_id() {
    let server = Server::start();
    let admin = server.admin();
    let restart = [
        "env", "restart", "--app", "demo", "--env", "test", "--detach",
    ];
    // One operation per environment at a time: the second starts once the first has ended.
    let first = admin.json(&restart)["id"].as_i64().unwrap();
    admin.wait_operation(first);
    let second = admin.json(&restart)["id"].as_i64().unwrap();
    admin.wait_operation(second);

    let events = admin.audit(&["--operation", &second.to_string()]);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["operation_id"], second, "{events:?}");
    assert_eq!(events[0]["action"], "restart");
    assert_eq!(events[0]["outcome"], "allowed");
    assert_eq!(events[0]["env"], "test");

    let all = admin.audit(&[]);
    let ids: Vec<i64> = all
        .iter()
        .filter_map(|e| e["operation_id"].as_i64())
        .collect();
    assert_eq!(ids, [first, second], "{all:?}");

    let text = admin
        .cmd()
        .args(["audit", "--operation", &first.to_string()])
        .output()
        .unwrap();
    assert!(text.status.success(), "{text:?}");
    let text = stdout(&text);
    assert!(text.contains("OPERATION"), "{text}");
    let row = text.lines().nth(1).unwrap_or_default();
    assert!(
        row.contains("restart") && row.trim_end().ends_with(&first.to_string()),
        "{text}"
    );
}

// ---- library text replaced by messages for people --------------------------------------

/// A web server that is not padlock: it answers every request with an HTML page.
fn web_site() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let page = format!(
                "<!DOCTYPE html><html><head><title>Intranet portal</title></head><body>{}</body></html>",
                "<p>Welcome to our portal.</p>".repeat(200)
            );
            let _ = write!(
                stream,
                "HTTP/1.1 404 Not Found\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{page}",
                page.len()
            );
        }
    });
    url
}

/// Each mistake gets what is wrong and what to do, never the library's words.
#[test]
fn mistakes_are_told_in_words_not_library_text() {
    let server = Server::start();
    let admin = server.admin();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("demo-1.0.mda"), b"a build").unwrap();

    // A file name where a package id goes.
    let out = admin
        .cmd()
        .current_dir(dir.path())
        .args(["transport", "--app", "demo", "--to", "test"])
        .args(["--package", "demo-1.0.mda"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let text = stderr(&out);
    assert!(!text.contains("invalid digit"), "{text}");
    assert!(text.contains("not the id of a package"), "{text}");
    assert!(
        text.contains("padlock packages upload --app APP demo-1.0.mda"),
        "{text}"
    );

    // https:// against a plain-HTTP server.
    let https = server.url.replacen("http://", "https://", 1);
    let user = User::new(&https);
    let out = user.cmd().args(["login", "admin"]).output().unwrap();
    assert_eq!(out.status.code(), Some(6), "{out:?}");
    let text = stderr(&out);
    assert!(!text.contains("InvalidContentType"), "{text}");
    assert!(!text.contains("corrupt message"), "{text}");
    assert!(text.contains("does not answer in HTTPS"), "{text}");
    assert!(text.contains(&format!("use {}", server.url)), "{text}");

    // No scheme.
    let bare = server.url.trim_start_matches("http://").to_owned();
    let out = User::new(&bare)
        .cmd()
        .args(["login", "admin"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let text = stderr(&out);
    assert!(!text.contains("relative URL"), "{text}");
    assert!(
        text.contains(&format!("has no scheme: write it as https://{bare}")),
        "{text}"
    );

    // Not a padlock server: a few words about the page, not the page.
    let site = web_site();
    let out = User::new(&site)
        .cmd()
        .args(["login", "admin"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = stderr(&out);
    assert!(
        !text.contains("<html") && !text.contains("Welcome"),
        "{text}"
    );
    assert!(text.contains("is not a padlock server"), "{text}");
    assert!(
        text.contains("a web page titled \"Intranet portal\""),
        "{text}"
    );
    assert!(text.contains("/v1/version"), "{text}");
    let err = User::new(&site).error(&["login", "admin"], 1);
    assert_eq!(err["code"], "bad_answer", "the scripting code stays: {err}");
}

/// `login` says the server cannot be reached before anyone types a username or password.
#[test]
fn login_checks_the_server_before_asking_for_a_password() {
    let dead = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", listener.local_addr().unwrap())
    };
    let user = User::new(&dead);
    let mut session = at_a_terminal(&user, &["login"]);
    let (all, exit) = finish(&mut session);
    assert_eq!(exit, 6, "{all}");
    assert!(all.contains("connection refused"), "{all}");
    assert!(
        !all.contains("Username") && !all.contains("Password"),
        "{all}"
    );
}

// ---- words instead of identifiers ------------------------------------------------------

/// A member without the permission learns which one is missing and who can grant it (the
/// app's technical contacts, by name, with the command); the code stays `forbidden`. A
/// padlocked operation without a grant says so in words.
#[test]
fn denials_name_the_missing_permission_and_who_can_grant_it() {
    let server = Server::start();
    let admin = server.admin();
    let carl = person(&server, &admin, "carl");
    carl.user.enroll_totp();
    let dan_password = server.create_user(&admin, "dan");
    carl.user.team_add(&carl.app, "dan", "deploy");
    carl.user.json(&[
        "permissions",
        "grant",
        "--app",
        &carl.app,
        "--env",
        "test",
        "--user",
        "dan",
        "--allow",
        "view",
    ]);
    let dan = server.user();
    dan.login("dan", &dan_password);

    let err = dan.error(&["env", "restart", "--app", &carl.app, "--env", "test"], 4);
    assert_eq!(err["code"], "forbidden", "{err}");
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("restarting {}/test", carl.app)),
        "{message}"
    );
    assert!(message.contains("the manage permission"), "{message}");
    assert!(
        message.contains(&format!("a technical contact of {} (carl)", carl.app)),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "padlock permissions grant --app {} --env test --user dan --allow manage",
            carl.app
        )),
        "{message}"
    );

    // Padlocked, no grant: words, not `backup_create` or "no valid grant was presented".
    carl.relogin();
    let err = carl.user.error(
        &[
            "backups",
            "create",
            "--app",
            &carl.app,
            "--env",
            "production",
        ],
        3,
    );
    assert_eq!(err["code"], "second_factor_required", "{err}");
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains(&format!(
            "creating a backup of {}/production is padlocked",
            carl.app
        )),
        "{message}"
    );
    assert!(
        message.contains("a code from your authenticator app"),
        "{message}"
    );
    assert!(!message.contains("backup_create"), "{message}");
    assert!(!message.contains("no valid grant"), "{message}");
}

// ---- -v and -q -------------------------------------------------------------------------

/// `-v` shows each request (method, path, status, time) and never a token; `-vv` adds the
/// query; `-q` wins over `-v` and silences notes and warnings, not errors.
#[test]
fn verbose_traces_requests_and_quiet_silences_notes() {
    let server = Server::start_with(&[], &[("PADLOCK_GRANT_TTL", "10m")]);
    let admin = server.admin();
    let token = admin.session_token();
    let grant = admin.stored_secrets()["grant"].as_str().unwrap().to_owned();

    let out = admin
        .cmd()
        .args(["-v", "envs", "--app", "demo"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let trace = stderr(&out);
    let line = trace
        .lines()
        .find(|l| l.starts_with("> GET /v1/apps/demo/envs -> 200 OK ("))
        .unwrap_or_else(|| panic!("no trace line: {trace}"));
    assert!(line.ends_with(" ms)"), "{line}");
    assert!(
        !trace.contains(&token) && !trace.contains(&grant),
        "{trace}"
    );
    assert!(!trace.contains("Bearer"), "{trace}");

    let out = admin
        .cmd()
        .args(["-vv", "audit", "--limit", "3"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let trace = stderr(&out);
    assert!(trace.contains("> GET /v1/audit?since="), "{trace}");
    assert!(trace.contains("limit=3"), "{trace}");
    assert!(!trace.contains(&token), "{trace}");
    let quiet = admin.cmd().args(["-v", "-q", "apps"]).output().unwrap();
    assert!(quiet.status.success(), "{quiet:?}");
    assert_eq!(stderr(&quiet), "", "-q wins over -v");

    // A 10-minute grant is short for an operation: a warning, which -q silences.
    let restart = ["env", "restart", "--app", "demo", "--env", "production"];
    let loud = admin.cmd().args(restart).output().unwrap();
    assert!(loud.status.success(), "{loud:?}");
    assert!(
        stderr(&loud).contains("warning: the grant in force expires in"),
        "{loud:?}"
    );
    let quiet = admin.cmd().args(restart).arg("-q").output().unwrap();
    assert!(quiet.status.success(), "{quiet:?}");
    assert_eq!(stderr(&quiet), "", "{quiet:?}");
    // Errors still reach stderr.
    let failed = admin
        .cmd()
        .args(["-q", "envs", "--app", "no-such-app"])
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1), "{failed:?}");
    assert!(stderr(&failed).starts_with("error: "), "{failed:?}");
}

// ---- times, sizes, duplicates ------------------------------------------------------------

/// Tables show local times (`TZ`) and readable sizes while the JSON keeps RFC 3339 UTC and
/// bytes; uploading the same bytes again names the package that already holds them.
#[test]
fn tables_show_local_times_and_sizes_and_uploads_name_duplicates() {
    let server = Server::start();
    let admin = server.admin();
    let file = admin.config_dir().join("shop-2.0.mda");
    std::fs::write(&file, vec![b'x'; 3 * 1024 + 512]).unwrap();
    let first = admin.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        file.to_str().unwrap(),
    ]);
    let uploaded_at = first["uploaded_at"].as_str().unwrap().to_owned();
    assert!(uploaded_at.ends_with('Z'), "JSON stays UTC: {uploaded_at}");
    assert_eq!(first["size"], 3 * 1024 + 512);

    let again = admin
        .cmd()
        .args([
            "packages",
            "upload",
            "--app",
            "demo",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(again.status.success(), "{again:?}");
    let note = stderr(&again);
    assert!(
        note.contains(&format!(
            "identical to package {} (shop-2.0.mda",
            first["id"]
        )),
        "{note}"
    );
    assert!(stdout(&again).contains("(3.5 KiB, sha256"), "{again:?}");

    // POSIX TZ "UTC-2" is two hours east of UTC.
    let list = admin
        .cmd()
        .env("TZ", "UTC-2")
        .args(["packages", "list", "--app", "demo"])
        .output()
        .unwrap();
    assert!(list.status.success(), "{list:?}");
    let table = stdout(&list);
    let at =
        time::OffsetDateTime::parse(&uploaded_at, &time::format_description::well_known::Rfc3339)
            .unwrap()
            .to_offset(time::UtcOffset::from_hms(2, 0, 0).unwrap());
    let local = format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute()
    );
    assert!(
        table.contains(&format!("{local} by admin")),
        "{local}: {table}"
    );
    assert!(table.contains("3.5 KiB"), "{table}");
    assert!(!table.contains(&uploaded_at), "{table}");
}

// ---- the TOTP flow -----------------------------------------------------------------------

/// A wrong code says how many more may be tried before the lockout (the API's
/// `attempts_left`); the lockout says the local clock time it ends and that support helps.
#[test]
fn wrong_codes_count_down_to_a_lockout_that_says_when_it_ends() {
    let server = Server::start_with(&[], &[("PADLOCK_LOCKOUT_FAILURES", "3")]);
    let admin = server.admin();
    let eve = person(&server, &admin, "eve");
    let secret = eve.user.enroll_totp();
    eve.relogin();
    let node = ["node", "show", "--app", &eve.app];
    let wrong = wrong_code(&secret);

    let answer = http()
        .post(format!("{}/v1/2fa/verify", server.url))
        .bearer_auth(eve.user.session_token())
        .json(&serde_json::json!({ "code": wrong }))
        .send()
        .unwrap();
    assert_eq!(answer.status(), 401);
    let body: Value = answer.json().unwrap();
    assert_eq!(body["error"]["code"], "invalid_code", "{body}");
    assert_eq!(body["error"]["attempts_left"], 2, "{body}");

    let err = eve.user.error(&[&node[..], &["--otp", &wrong]].concat(), 1);
    assert_eq!(err["code"], "invalid_code", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("1 more wrong code before"),
        "{err}"
    );

    let out = eve
        .user
        .cmd()
        .args(node)
        .args(["--otp", &wrong])
        .env("TZ", "UTC-3")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = stderr(&out);
    let until = time::OffsetDateTime::now_utc()
        .to_offset(time::UtcOffset::from_hms(3, 0, 0).unwrap())
        + Duration::from_secs(15 * 60);
    let hour_minute = format!("{:02}:{:02}", until.hour(), until.minute());
    assert!(text.contains("locked until "), "{text}");
    assert!(
        text.contains(&format!("until {hour_minute}"))
            || text.contains(&format!("until {:02}:", until.hour())),
        "local end time {hour_minute}: {text}"
    );
    assert!(text.contains("contact support"), "{text}");
    let err = eve.user.error(&[&node[..], &["--otp", &wrong]].concat(), 1);
    assert_eq!(err["code"], "locked_out", "the code stays: {err}");
}

/// A proxy in front of the server that shifts the `Date` header of every answer by
/// `shift` seconds, as a server whose clock is off would send it.
fn clock_shifting_proxy(upstream: &str, shift: i64) -> String {
    let upstream = upstream.trim_start_matches("http://").to_owned();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(client) = client else { return };
            let upstream = upstream.clone();
            std::thread::spawn(move || relay(client, &upstream, shift));
        }
    });
    url
}

/// One request: read it, send it upstream with `connection: close`, shift the answer's
/// `Date` and pass it back.
fn relay(mut client: TcpStream, upstream: &str, shift: i64) {
    let mut reader = BufReader::new(client.try_clone().unwrap());
    let mut head = Vec::new();
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let lower = line.to_lowercase();
        if let Some(value) = lower.strip_prefix("content-length:") {
            length = value.trim().parse().unwrap_or(0);
        }
        if lower.starts_with("connection:") {
            continue;
        }
        if line == "\r\n" {
            head.extend_from_slice(b"connection: close\r\n\r\n");
            break;
        }
        head.extend_from_slice(line.as_bytes());
    }
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body).unwrap();
    let mut server = TcpStream::connect(upstream).unwrap();
    server.write_all(&head).unwrap();
    server.write_all(&body).unwrap();
    let mut answer = Vec::new();
    server.read_to_end(&mut answer).unwrap();
    let split = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let (head, body) = answer.split_at(split);
    let shifted = String::from_utf8_lossy(head)
        .lines()
        .map(|line| match line.to_lowercase().strip_prefix("date:") {
            Some(_) => format!("date: {}", http_date(unix_now() as i64 + shift)),
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\r\n");
    let _ = client.write_all(shifted.trim_end().as_bytes());
    let _ = client.write_all(b"\r\n\r\n");
    let _ = client.write_all(body);
}

fn http_date(unix: i64) -> String {
    let format = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    time::OffsetDateTime::from_unix_timestamp(unix)
        .unwrap()
        .format(format)
        .unwrap()
}

/// When the server's clock is more than 15 s from this machine's, a refused authenticator
/// code says so; within 15 s it does not.
#[test]
fn a_refused_code_names_a_clock_difference_with_the_server() {
    let server = Server::start();
    let admin = server.admin();
    let fay = person(&server, &admin, "fay");
    let secret = fay.user.enroll_totp();
    let wrong = wrong_code(&secret);
    for (shift, said) in [(-90, true), (5, false)] {
        let proxy = clock_shifting_proxy(&server.url, shift);
        let through = User::new(&proxy);
        through.login("fay", &fay.password);
        let out = through
            .cmd()
            .args(["node", "show", "--app", &fay.app, "--otp", &wrong])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let text = stderr(&out);
        assert!(text.contains("wrong, expired or already used"), "{text}");
        assert_eq!(
            text.contains("this machine's clock is 90 s ahead of the server's"),
            said,
            "shift {shift}: {text}"
        );
        assert_eq!(text.contains("clock"), said, "shift {shift}: {text}");
    }
}

/// Starting TOTP setup again before confirming warns that the first authenticator entry no
/// longer works; the otpauth label names the server's host.
#[test]
fn a_second_setup_warns_and_the_label_names_the_host() {
    let server = Server::start();
    let admin = server.admin();
    let gus = person(&server, &admin, "gus");
    let setup = ["2fa", "setup", "--method", "totp", "--no-input"];
    let first = gus.user.cmd().args(setup).output().unwrap();
    assert!(first.status.success(), "{first:?}");
    assert!(!stderr(&first).contains("no longer works"), "{first:?}");
    let again = gus.user.cmd().args(setup).output().unwrap();
    assert!(again.status.success(), "{again:?}");
    assert!(
        stderr(&again).contains(
            "the padlock entry that setup added to your authenticator app no longer works"
        ),
        "{again:?}"
    );
    let json = gus.user.json(&setup);
    let uri = json["otpauth_uri"].as_str().unwrap();
    assert!(
        uri.starts_with("otpauth://totp/padlock%20%28127.0.0.1%29:gus?"),
        "{uri}"
    );
    assert!(uri.contains("issuer=padlock%20%28127.0.0.1%29"), "{uri}");
}

/// The QR code at a terminal sets both colours of every module (black on white, with a
/// quiet zone), so it does not depend on the terminal's theme.
#[test]
fn the_qr_code_has_explicit_colours_and_a_quiet_zone() {
    let server = Server::start();
    let admin = server.admin();
    let hal = person(&server, &admin, "hal");
    let mut session = at_a_terminal(&hal.user, &["2fa", "setup", "--method", "totp"]);
    let shown = session.expect("Key: ").expect("the key is shown");
    let text = String::from_utf8_lossy(shown.before()).into_owned();
    let rows: Vec<&str> = text.lines().filter(|l| l.contains('▀')).collect();
    assert!(rows.len() > 10, "{text}");
    let white = "\x1b[38;5;231;48;5;231m▀";
    // The quiet zone: the first row is white throughout, and every row starts white.
    assert!(
        rows[0]
            .trim_end_matches("\x1b[0m")
            .split('▀')
            .all(|cell| cell.is_empty() || cell.ends_with("\x1b[38;5;231;48;5;231m")),
        "{:?}",
        rows[0]
    );
    for row in &rows {
        assert!(row.trim_start().starts_with(&white.repeat(4)), "{row:?}");
    }
    assert!(
        text.contains("\x1b[38;5;16;48;5;16m▀"),
        "dark modules: {text}"
    );
    // Quit without confirming.
    session.send("\x03").unwrap();
}

// ---- the SMS flow ------------------------------------------------------------------------

const PHONE: &str = "+4915112345670";

/// At a terminal a badly formatted number is asked again, with an example; during the
/// enrollment `resend` sends a new code once the wait is over.
#[test]
fn sms_enrollment_asks_again_for_a_bad_number_and_can_resend() {
    let server = Server::start_with(&[], &[("PADLOCK_SMS_RESEND_WAIT", "2s")]);
    let admin = server.admin();
    let ida = person(&server, &admin, "ida");
    let mut session = at_a_terminal(&ida.user, &["2fa", "setup", "--method", "sms"]);
    session.expect("Phone number").unwrap();
    session.send_line("0151 not a number").unwrap();
    session.expect("try again").expect("the refusal is shown");
    session
        .expect("e.g. +4915112345678")
        .expect("the number is asked again, with an example");
    session.send_line(PHONE).unwrap();
    session.expect("A code was sent to").unwrap();
    session
        .expect("r: new code")
        .expect("the prompt offers a resend");
    std::thread::sleep(Duration::from_millis(2500));
    session.send_line("resend").unwrap();
    session
        .expect("A code was sent to")
        .expect("resend sends one");
    let codes = poll_until(10, "the resent code", || {
        let codes = server.sms_codes(PHONE);
        (codes.len() == 2).then_some(codes)
    });
    session.send_line(codes.last().unwrap()).unwrap();
    let (rest, exit) = finish(&mut session);
    assert_eq!(exit, 0, "{rest}");
    assert!(rest.contains("Second factor active"), "{rest}");
}

/// Enrolls SMS for a person through the scripting contract; they then hold no grant.
fn sms_person(server: &Server, admin: &User, name: &str, phone: &str) -> Person {
    let someone = person(server, admin, name);
    someone.user.json(&[
        "2fa",
        "setup",
        "--method",
        "sms",
        "--phone",
        phone,
        "--no-input",
    ]);
    let code = server.sms_codes(phone).pop().unwrap();
    someone.user.json(&["2fa", "confirm", "--otp", &code]);
    someone.relogin();
    someone
}

/// After Ctrl-C at the SMS prompt, a rerun within the resend wait sends nothing new and
/// takes the code already sent; the prompt says from when a new one can be sent.
#[test]
fn after_ctrl_c_the_code_already_sent_can_be_typed() {
    let server = Server::start();
    let admin = server.admin();
    let phone = "+4915112345671";
    let jo = sms_person(&server, &admin, "jo", phone);
    let node = ["node", "show", "--app", &jo.app];

    let mut session = at_a_terminal(&jo.user, &node);
    session.expect("A code was sent to").unwrap();
    session
        .expect(expectrl::Regex(r"r: new code from \d\d:\d\d:\d\d"))
        .expect("the prompt says from when a new code can be sent");
    session.send("\x03").unwrap();
    let _ = finish_any(&mut session);
    let sent = server.sms_codes(phone);
    assert_eq!(sent.len(), 2, "{sent:?}");

    let mut session = at_a_terminal(&jo.user, &node);
    session
        .expect("still valid: type it")
        .expect("the rerun says the code sent is still good");
    session.expect("SMS code").unwrap();
    session.send_line("r").unwrap();
    session
        .expect("A new code can be sent from")
        .expect("an early r is refused politely");
    session.send_line(sent.last().unwrap()).unwrap();
    let (rest, exit) = finish(&mut session);
    assert_eq!(exit, 0, "{rest}");
    assert!(rest.contains("production"), "{rest}");
    assert_eq!(server.sms_codes(phone).len(), 2, "no SMS beyond the first");
}

/// Reads a PTY session to its end whatever its exit (Ctrl-C ends it with a signal or 130).
fn finish_any(session: &mut Session) -> String {
    let rest = session.expect(Eof).map(|c| c.as_bytes().to_vec());
    let _ = session.get_process().wait();
    String::from_utf8_lossy(&rest.unwrap_or_default()).into_owned()
}

/// The attempts left reach a person at the prompt too.
#[test]
fn the_prompt_says_how_many_attempts_are_left() {
    let server = Server::start();
    let admin = server.admin();
    let kim = person(&server, &admin, "kim");
    let secret = kim.user.enroll_totp();
    kim.relogin();
    let mut session = at_a_terminal(&kim.user, &["node", "show", "--app", &kim.app]);
    session.expect("Code from your authenticator app").unwrap();
    session.send_line(wrong_code(&secret)).unwrap();
    session
        .expect("4 more wrong codes before second-factor checks are locked")
        .expect("the attempts left are shown");
    session.expect("Try again.").unwrap();
    avoid_step_end();
    session
        .send_line(totp_at(&secret, unix_now() + 30))
        .unwrap();
    let (rest, exit) = finish(&mut session);
    assert_eq!(exit, 0, "{rest}");
}
