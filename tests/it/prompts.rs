//! Second-factor prompts under a real pseudo-terminal (issue 4): just-in-time enrollment
//! that lets the operation go on, the code prompt and its retry, and no prompt while a
//! grant is cached.

use std::time::Duration;

use expectrl::{Eof, Regex, Session, WaitStatus};

use crate::helpers::*;
use crate::two_factor::{Person, avoid_step_end, person, upload_package, wrong_code};

/// `padlock ARGS` as `user`, in a PTY with a fixed terminal type and a wide window.
fn spawn(user: &User, args: &[&str]) -> Session {
    let mut cmd = user.std_cmd();
    cmd.args(args)
        .env("TERM", "xterm")
        .env("COLUMNS", "200")
        .env("LINES", "50");
    let mut session = Session::spawn(cmd).expect("padlock starts in a PTY");
    session.get_process_mut().set_window_size(200, 50).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session
}

/// Reads everything up to the end, and returns it with the exit code.
fn finish(session: &mut Session) -> (String, i32) {
    let rest = session.expect(Eof).expect("padlock ends");
    let rest = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => (rest, code),
        other => panic!("padlock ended with {other:?}; output {rest}"),
    }
}

fn text(captures: &expectrl::Captures) -> String {
    String::from_utf8_lossy(captures.as_bytes()).into_owned()
}

#[test]
fn enrollment_at_a_terminal_then_the_operation_goes_on() {
    let server = Server::start();
    let admin = server.admin();
    let zoe = person(&server, &admin, "zoe");
    let package = upload_package(&zoe.user, &zoe.app).to_string();

    let mut session = spawn(
        &zoe.user,
        &[
            "transport",
            "--app",
            &zoe.app,
            "--package",
            &package,
            "--to",
            "production",
        ],
    );
    session
        .expect("Choose your second factor")
        .expect("the method is asked for");
    session.expect("Authenticator app").unwrap();
    // Enter takes the highlighted default, the authenticator app.
    session.send("\r").unwrap();
    let shown = session
        .expect(Regex(r"Key: ((?:[A-Z2-7]{4} ){7}[A-Z2-7]{4})"))
        .expect("the key is shown");
    let shown_text = text(&shown);
    // The QR code is drawn with half-block characters above the key.
    assert!(
        shown_text.contains('▀') || shown_text.contains('▄') || shown_text.contains('█'),
        "no QR code: {shown_text}"
    );
    let key: String = String::from_utf8_lossy(shown.get(1).unwrap())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert_eq!(key.len(), 32, "{key}");
    session.expect("otpauth://totp/").unwrap();
    session
        .expect("Code shown by your authenticator app")
        .expect("the first code is asked for");
    avoid_step_end();
    session.send_line(totp_now(&key)).unwrap();

    // Nothing more is typed: a second prompt would leave padlock waiting, never ending.
    let (rest, exit) = finish(&mut session);
    assert_eq!(exit, 0, "{rest}");
    assert!(rest.contains("Second factor active"), "{rest}");
    assert!(
        !rest.contains("Code from your authenticator app"),
        "a second prompt: {rest}"
    );
    assert!(rest.contains("dev hook"), "the transport ran: {rest}");

    let status = zoe.user.json(&["status"]);
    assert_eq!(status["second_factor"], "totp", "{status}");
    assert!(status["grant_seconds_left"].as_i64().unwrap() > 7 * 3600);
    let node = zoe.user.json(&["node", "show", "--app", &zoe.app]);
    let production = node["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["env"] == "production")
        .unwrap();
    assert_eq!(production["package"]["id"].to_string(), package, "{node}");
}

/// Enrolls `who` through the scripting contract, then drops the grant (a new session).
fn enrolled_without_grant(server: &Server, admin: &User, who: &str) -> (Person, String) {
    let someone = person(server, admin, who);
    let secret = someone.user.enroll_totp();
    someone.relogin();
    (someone, secret)
}

#[test]
fn code_prompt_asks_again_after_a_wrong_code_and_not_while_a_grant_is_cached() {
    let server = Server::start();
    let admin = server.admin();
    let (abe, secret) = enrolled_without_grant(&server, &admin, "abe");

    let mut session = spawn(&abe.user, &["node", "show", "--app", &abe.app]);
    session
        .expect("Code from your authenticator app")
        .expect("a code is asked for");
    session.send_line(wrong_code(&secret)).unwrap();
    session
        .expect("the code is wrong, expired or already used; ")
        .expect("the wrong code is reported");
    session.expect("Try again.").unwrap();
    session
        .expect("Code from your authenticator app")
        .expect("the code is asked for again");
    // T+1: valid, and newer than the step the enrollment used.
    session
        .send_line(totp_at(&secret, unix_now() + 30))
        .unwrap();
    // dialoguer redraws an answered prompt once with its answer; a third prompt would wait.
    let (rest, exit) = finish(&mut session);
    assert_eq!(exit, 0, "{rest}");
    assert!(rest.contains("ENVIRONMENT"), "the node table: {rest}");
    assert!(rest.contains("production"), "{rest}");
    assert!(
        !rest.contains("Try again"),
        "the right code was refused: {rest}"
    );

    // The grant is cached now: nothing is asked.
    let mut session = spawn(&abe.user, &["node", "show", "--app", &abe.app]);
    let (all, exit) = finish(&mut session);
    assert_eq!(exit, 0, "{all}");
    assert!(all.contains("production"), "{all}");
    assert!(!all.contains("Code from"), "a prompt with a grant: {all}");
}

#[test]
fn a_wrong_code_at_every_prompt_fails_after_three() {
    let server = Server::start();
    let admin = server.admin();
    let (bea, secret) = enrolled_without_grant(&server, &admin, "bea");
    let wrong = wrong_code(&secret);
    let mut session = spawn(&bea.user, &["node", "show", "--app", &bea.app]);
    for n in 1..=3 {
        session
            .expect("Code from your authenticator app")
            .unwrap_or_else(|e| panic!("prompt {n}: {e}"));
        session.send_line(&wrong).unwrap();
    }
    // A fourth prompt would wait for an answer that never comes.
    let (rest, exit) = finish(&mut session);
    assert_eq!(exit, 1, "{rest}");
    assert!(
        rest.contains("error: the code is wrong, expired or already used"),
        "{rest}"
    );
    assert!(!rest.contains("ENVIRONMENT"), "node details shown: {rest}");
}

#[test]
fn sms_prompt_counts_down_to_a_resend_and_sends_one_on_r() {
    // Resends wait two seconds here, so the countdown ends within the test.
    let server = Server::start_with(&[], &[("PADLOCK_SMS_RESEND_WAIT", "2s")]);
    let admin = server.admin();
    let sam = person(&server, &admin, "sam");
    let phone = "+4915112345679";
    sam.user.json(&[
        "2fa",
        "setup",
        "--method",
        "sms",
        "--phone",
        phone,
        "--no-input",
    ]);
    let first = server.sms_codes(phone).pop().unwrap();
    sam.user
        .cmd()
        .args(["2fa", "confirm", "--otp", &first])
        .assert()
        .success();
    // A new session holds no grant: the next padlocked command asks for a code.
    sam.user.login("sam", &sam.password);

    let mut session = spawn(&sam.user, &["node", "show", "--app", &sam.app]);
    session
        .expect("A code was sent to +49")
        .expect("the CLI sends a code itself");
    session
        .expect("r: new code from")
        .expect("the prompt says from when a new code can be sent");
    session.send_line("r").unwrap();
    session
        .expect("A new code can be sent from")
        .expect("an early r is refused, politely");
    std::thread::sleep(Duration::from_millis(2500));
    session.send_line("r").unwrap();
    session
        .expect("A code was sent to +49")
        .expect("after the wait, r sends a new code");
    let codes = poll_until(10, "the resent code", || {
        let codes = server.sms_codes(phone);
        (codes.len() == 3).then_some(codes)
    });
    session.send_line(codes.last().unwrap()).unwrap();
    let (rest, code) = finish(&mut session);
    assert_eq!(code, 0, "{rest}");
    assert!(
        rest.contains("production"),
        "the node details follow: {rest}"
    );
}
