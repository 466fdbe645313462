//! SMS as a second factor (issue 4): enrollment through the dev outbox, tries, expiry and
//! the throttles against SMS pumping; the Twilio and webhook providers against a local
//! stand-in for the carrier.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::two_factor::{Answer, api, api_verify, person};

pub const PHONE: &str = "+4915112345678";

/// One HTTP request as the carrier received it.
#[derive(Debug, Clone)]
pub struct Received {
    method: String,
    path: String,
    /// Names in lower case.
    headers: Vec<(String, String)>,
    pub body: String,
}

impl Received {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The six-digit code inside the message text.
    fn code_in(text: &str) -> String {
        text.as_bytes()
            .windows(6)
            .position(|w| w.iter().all(u8::is_ascii_digit))
            .map(|at| text[at..at + 6].to_owned())
            .unwrap_or_else(|| panic!("no code in {text:?}"))
    }
}

/// A local stand-in for the SMS carrier: one HTTP request per connection, recorded, and
/// answered with the next queued status (201 when the queue is empty).
pub struct Carrier {
    pub url: String,
    received: Arc<Mutex<Vec<Received>>>,
    statuses: Arc<Mutex<VecDeque<u16>>>,
}

impl Carrier {
    pub fn start() -> Carrier {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let received = Arc::new(Mutex::new(Vec::new()));
        let statuses = Arc::new(Mutex::new(VecDeque::new()));
        let (log, queue) = (Arc::clone(&received), Arc::clone(&statuses));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                if let Some(request) = read_request(&stream) {
                    let status = queue.lock().unwrap().pop_front().unwrap_or(201);
                    log.lock().unwrap().push(request);
                    answer(stream, status);
                }
            }
        });
        Carrier {
            url,
            received,
            statuses,
        }
    }

    fn fail_next(&self, status: u16) {
        self.statuses.lock().unwrap().push_back(status);
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

fn read_request(stream: &TcpStream) -> Option<Received> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let path = parts.next()?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_lowercase(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map_or(0, |(_, v)| v.parse().unwrap());
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Received {
        method,
        path,
        headers,
        body: String::from_utf8(body).unwrap(),
    })
}

fn answer(mut stream: TcpStream, status: u16) {
    let (reason, body) = match status {
        200 | 201 => (
            "OK",
            r#"{"sid":"SM00000000000000000000000000000000","status":"queued"}"#,
        ),
        _ => ("Internal Server Error", r#"{"message":"carrier down"}"#),
    };
    let response = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes());
}

fn twilio_env(carrier: &Carrier) -> Vec<(&'static str, String)> {
    vec![
        ("PADLOCK_SMS_PROVIDER", "twilio".into()),
        ("PADLOCK_SMS_TWILIO_BASE_URL", carrier.url.clone()),
        (
            "PADLOCK_SMS_TWILIO_ACCOUNT_SID",
            "AC0123456789abcdef".into(),
        ),
        ("PADLOCK_SMS_TWILIO_AUTH_TOKEN", "twilio-auth-token".into()),
        ("PADLOCK_SMS_TWILIO_FROM", "+15005550006".into()),
    ]
}

pub fn webhook_env(carrier: &Carrier) -> Vec<(&'static str, String)> {
    vec![
        ("PADLOCK_SMS_PROVIDER", "webhook".into()),
        (
            "PADLOCK_SMS_WEBHOOK_URL",
            format!("{}/hooks/sms", carrier.url),
        ),
        ("PADLOCK_SMS_WEBHOOK_TOKEN", "hook-bearer-token".into()),
    ]
}

fn start_server(envs: &[(&'static str, String)]) -> Server {
    let envs: Vec<(&str, &str)> = envs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Server::start_with(&[], &envs)
}

pub fn setup_sms(user: &User) -> Value {
    user.json(&[
        "2fa",
        "setup",
        "--method",
        "sms",
        "--phone",
        PHONE,
        "--no-input",
    ])
}

/// `POST /v1/2fa/sms`: a new code to the account's number.
fn send_code(server: &Server, session: &str) -> Answer {
    api(server, "POST", "/2fa/sms", session, None, Some(json!({})))
}

fn other_code(code: &str) -> String {
    if code == "000000" { "111111" } else { "000000" }.to_owned()
}

#[test]
fn sms_enrollment_tries_and_burnt_codes() {
    // Wrong codes here are about the five tries per code, not the account lockout.
    let server = Server::start_with(&[], &[("PADLOCK_LOCKOUT_FAILURES", "50")]);
    let admin = server.admin();
    let quinn = person(&server, &admin, "quinn");

    let setup = setup_sms(&quinn.user);
    assert_eq!(setup["method"], "sms", "{setup}");
    assert_eq!(setup["phone"], "+49*********78", "{setup}");
    let codes = server.sms_codes(PHONE);
    assert_eq!(codes.len(), 1, "one code sent: {codes:?}");
    assert_eq!(quinn.user.json(&["2fa", "status"])["active"], false);
    quinn
        .user
        .cmd()
        .args(["2fa", "confirm", "--otp", &codes[0]])
        .assert()
        .success();
    let status = quinn.user.json(&["status"]);
    assert_eq!(status["second_factor"], "sms", "{status}");
    assert!(status["grant_seconds_left"].as_i64().unwrap() > 7 * 3600);
    let two_fa = quinn.user.json(&["2fa", "status"]);
    assert_eq!(two_fa["active"], true, "{two_fa}");
    assert_eq!(two_fa["phone"], "+49*********78", "{two_fa}");
    quinn.user.json(&["node", "show", "--app", &quinn.app]);

    // After a used code, a new one is sent at once. Four wrong tries leave it good.
    let session = quinn.user.session_token();
    let sent = send_code(&server, &session);
    assert_eq!(sent.status, 200, "{}", sent.body);
    let code = server.sms_codes(PHONE).pop().unwrap();
    for n in 1..=4 {
        let answer = api_verify(&server, &session, &other_code(&code));
        assert_eq!(
            (answer.status, answer.code()),
            (401, "invalid_code"),
            "try {n}"
        );
    }
    let answer = api_verify(&server, &session, &code);
    assert_eq!(answer.status, 200, "the fifth try: {}", answer.body);
    // A used code is used.
    let answer = api_verify(&server, &session, &code);
    assert_eq!(
        (answer.status, answer.code()),
        (401, "invalid_code"),
        "reuse"
    );

    // Five wrong tries burn the code: the right one is refused afterwards.
    let sent = send_code(&server, &session);
    assert_eq!(sent.status, 200, "{}", sent.body);
    let code = server.sms_codes(PHONE).pop().unwrap();
    for n in 1..=5 {
        let answer = api_verify(&server, &session, &other_code(&code));
        assert_eq!(
            (answer.status, answer.code()),
            (401, "invalid_code"),
            "try {n}"
        );
    }
    let answer = api_verify(&server, &session, &code);
    assert_eq!(
        (answer.status, answer.code()),
        (401, "invalid_code"),
        "a burnt code: {}",
        answer.body
    );
    assert_eq!(server.sms_codes(PHONE).len(), 3);

    // A burnt code is as good as used: a new one goes out at once, and works.
    let sent = send_code(&server, &session);
    assert_eq!(
        sent.status, 200,
        "a new code after a burnt one: {}",
        sent.body
    );
    let fresh = server.sms_codes(PHONE).pop().unwrap();
    let answer = api_verify(&server, &session, &fresh);
    assert_eq!(answer.status, 200, "{}", answer.body);
}

#[test]
fn sms_codes_expire() {
    let server = Server::start_with(&[], &[("PADLOCK_SMS_CODE_TTL", "2s")]);
    let admin = server.admin();
    let rosa = person(&server, &admin, "rosa");
    setup_sms(&rosa.user);
    let code = server.sms_codes(PHONE).pop().unwrap();
    std::thread::sleep(Duration::from_secs(3));
    let err = rosa.user.error(&["2fa", "confirm", "--otp", &code], 1);
    assert_eq!(err["code"], "invalid_code", "{err}");

    // An expired code is not pending: a new one goes out at once, and works.
    let sent = send_code(&server, &rosa.user.session_token());
    assert_eq!(sent.status, 200, "{}", sent.body);
    let lifetime = unix(&sent.body["expires_at"]) - unix_now() as i64;
    assert!((0..=2).contains(&lifetime), "a 2 s code: {}", sent.body);
    let codes = server.sms_codes(PHONE);
    assert_eq!(codes.len(), 2);
    rosa.user
        .cmd()
        .args(["2fa", "confirm", "--otp", &codes[1]])
        .assert()
        .success();
}

#[test]
fn sms_resend_of_a_pending_code_waits() {
    let server = Server::start();
    let admin = server.admin();
    let sam = person(&server, &admin, "sam");
    setup_sms(&sam.user);
    let answer = send_code(&server, &sam.user.session_token());
    assert_eq!(
        (answer.status, answer.code()),
        (429, "rate_limited"),
        "{}",
        answer.body
    );
    let retry_after = answer.body["error"]["retry_after"].as_u64().unwrap();
    assert!((1..=30).contains(&retry_after), "{}", answer.body);
    assert_eq!(answer.retry_after, Some(retry_after));
    assert_eq!(server.sms_codes(PHONE).len(), 1, "no second SMS");
    // The pending code still works.
    let code = server.sms_codes(PHONE).pop().unwrap();
    sam.user
        .cmd()
        .args(["2fa", "confirm", "--otp", &code])
        .assert()
        .success();
}

#[test]
fn sms_sends_are_limited_per_hour_per_account_and_number() {
    let carrier = Carrier::start();
    let mut envs = webhook_env(&carrier);
    // Codes expire at once, so only the hourly budget holds sends back.
    envs.push(("PADLOCK_SMS_CODE_TTL", "1s".into()));
    let server = start_server(&envs);
    let admin = server.admin();
    let tara = person(&server, &admin, "tara");
    setup_sms(&tara.user);
    let session = tara.user.session_token();
    for n in 2..=5 {
        std::thread::sleep(Duration::from_millis(1200));
        let answer = send_code(&server, &session);
        assert_eq!(answer.status, 200, "send {n}: {}", answer.body);
    }
    assert_eq!(carrier.received().len(), 5);
    std::thread::sleep(Duration::from_millis(1200));
    let answer = send_code(&server, &session);
    assert_eq!(
        (answer.status, answer.code()),
        (429, "rate_limited"),
        "the sixth send: {}",
        answer.body
    );
    let retry_after = answer.body["error"]["retry_after"].as_u64().unwrap();
    assert!((3000..=3600).contains(&retry_after), "{}", answer.body);
    assert_eq!(carrier.received().len(), 5, "the carrier was not called");

    // Another account's sends to the number are budgeted apart (issue 9: else anyone could
    // spend a number's budget and keep its owner from getting codes), up to the number's
    // ceiling for enrollments; see tests/it/throttles.rs.
    let uma = person(&server, &admin, "uma");
    setup_sms(&uma.user);
    assert_eq!(carrier.received().len(), 6);
}

#[test]
fn invalid_phone_numbers_are_refused_with_a_4xx() {
    let server = Server::start();
    let admin = server.admin();
    let vic = person(&server, &admin, "vic");
    let session = vic.user.session_token();
    for phone in [
        json!("015112345678"),
        json!("+"),
        json!("+0000"),
        json!("+1 555"),
        json!("+49 abc"),
        json!("hello"),
        json!(""),
        json!(4915112345678u64),
        Value::Null,
    ] {
        let answer = api(
            &server,
            "POST",
            "/2fa/setup",
            &session,
            None,
            Some(json!({"method": "sms", "phone": phone})),
        );
        assert!(
            (400..500).contains(&answer.status),
            "{phone}: {} {}",
            answer.status,
            answer.body
        );
        assert_eq!(answer.code(), "bad_request", "{phone}: {}", answer.body);
    }
    let code = vic.user.fails(
        &[
            "2fa",
            "setup",
            "--method",
            "sms",
            "--phone",
            "015112345678",
            "--no-input",
        ],
        2,
    );
    assert_eq!(code, "bad_request");
    assert!(
        std::fs::read_to_string(&server.outbox)
            .unwrap_or_default()
            .is_empty(),
        "no SMS was sent"
    );
}

#[test]
fn twilio_provider_gets_a_correct_request() {
    let carrier = Carrier::start();
    let server = start_server(&twilio_env(&carrier));
    let admin = server.admin();
    let walt = person(&server, &admin, "walt");
    setup_sms(&walt.user);

    let received = carrier.received();
    assert_eq!(received.len(), 1, "{received:?}");
    let request = &received[0];
    assert_eq!(request.method, "POST");
    assert_eq!(
        request.path,
        "/2010-04-01/Accounts/AC0123456789abcdef/Messages.json"
    );
    let basic =
        base64::engine::general_purpose::STANDARD.encode("AC0123456789abcdef:twilio-auth-token");
    assert_eq!(
        request.header("authorization"),
        Some(format!("Basic {basic}").as_str())
    );
    assert!(
        request
            .header("content-type")
            .unwrap()
            .starts_with("application/x-www-form-urlencoded"),
        "{request:?}"
    );
    let fields: Vec<(String, String)> = url::form_urlencoded::parse(request.body.as_bytes())
        .into_owned()
        .collect();
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("no {name} in {fields:?}"))
    };
    assert_eq!(field("To"), PHONE);
    assert_eq!(field("From"), "+15005550006");
    let code = Received::code_in(&field("Body"));
    assert!(
        server.sms_codes(PHONE).is_empty(),
        "nothing in the dev outbox"
    );

    // The code in the message is the one the server expects.
    walt.user
        .cmd()
        .args(["2fa", "confirm", "--otp", &code])
        .assert()
        .success();
}

#[test]
fn webhook_provider_gets_json_and_the_bearer_token() {
    let carrier = Carrier::start();
    let server = start_server(&webhook_env(&carrier));
    let admin = server.admin();
    let xena = person(&server, &admin, "xena");
    setup_sms(&xena.user);

    let received = carrier.received();
    assert_eq!(received.len(), 1, "{received:?}");
    let request = &received[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/hooks/sms");
    assert_eq!(
        request.header("authorization"),
        Some("Bearer hook-bearer-token")
    );
    assert!(
        request
            .header("content-type")
            .unwrap()
            .starts_with("application/json"),
        "{request:?}"
    );
    let body: Value = serde_json::from_str(&request.body).unwrap();
    let mut keys: Vec<&str> = body
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(keys, ["code", "message", "to"], "{body}");
    assert_eq!(body["to"], PHONE);
    let code = body["code"].as_str().unwrap();
    assert_eq!(code.len(), 6, "{body}");
    assert!(body["message"].as_str().unwrap().contains(code), "{body}");

    xena.user
        .cmd()
        .args(["2fa", "confirm", "--otp", code])
        .assert()
        .success();
}

#[test]
fn a_failed_send_is_sms_failed_and_leaves_no_code_pending() {
    let carrier = Carrier::start();
    let server = start_server(&webhook_env(&carrier));
    let admin = server.admin();
    let yuri = person(&server, &admin, "yuri");

    carrier.fail_next(500);
    let err = yuri.user.error(
        &[
            "2fa",
            "setup",
            "--method",
            "sms",
            "--phone",
            PHONE,
            "--no-input",
        ],
        1,
    );
    assert_eq!(err["code"], "sms_failed", "{err}");
    assert_eq!(carrier.received().len(), 1);
    let failed_code: Value = serde_json::from_str(&carrier.received()[0].body).unwrap();
    let failed_code = failed_code["code"].as_str().unwrap().to_owned();

    // Nothing pending: a send goes out at once, and the failed code never works.
    let session = yuri.user.session_token();
    let sent = send_code(&server, &session);
    assert_eq!(sent.status, 200, "{}", sent.body);
    let received = carrier.received();
    assert_eq!(received.len(), 2);
    let body: Value = serde_json::from_str(&received[1].body).unwrap();
    let code = body["code"].as_str().unwrap();
    if failed_code != code {
        let answer = api(
            &server,
            "POST",
            "/2fa/confirm",
            &session,
            None,
            Some(json!({"code": failed_code})),
        );
        assert_eq!(answer.code(), "invalid_code", "{}", answer.body);
    }
    yuri.user
        .cmd()
        .args(["2fa", "confirm", "--otp", code])
        .assert()
        .success();

    // A failure on a later send (an active factor) is reported the same way.
    carrier.fail_next(500);
    let answer = send_code(&server, &session);
    assert_eq!(answer.code(), "sms_failed", "{}", answer.body);
    assert!((500..600).contains(&answer.status), "{}", answer.body);
    let answer = send_code(&server, &session);
    assert_eq!(answer.status, 200, "{}", answer.body);
}
