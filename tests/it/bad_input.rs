//! SPEC section 8: bad input gets a 4xx with the one error shape and its code, never a 5xx;
//! faults (no server, corrupt files) get one clear message and the matching exit code.

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::*;

/// What a case sends as its body.
enum Body {
    None,
    /// JSON text, sent as `application/json`.
    Json(String),
    /// Bytes with the given content type (or none).
    Raw(Vec<u8>, Option<&'static str>),
}

/// Who a case is sent as.
#[derive(Clone, Copy)]
enum As {
    Nobody,
    Admin,
    /// A user with a password and no second factor yet.
    Newcomer,
    Bearer(&'static str),
}

struct Case {
    description: &'static str,
    method: Method,
    path: String,
    who: As,
    body: Body,
    status: u16,
    code: &'static str,
}

fn case(
    description: &'static str,
    method: Method,
    path: impl Into<String>,
    who: As,
    body: Body,
    status: u16,
    code: &'static str,
) -> Case {
    Case {
        description,
        method,
        path: path.into(),
        who,
        body,
        status,
        code,
    }
}

fn json_body(value: Value) -> Body {
    Body::Json(value.to_string())
}

/// Sends every case and checks its status and the one error shape with its code.
/// The credentials cases are sent with. `admin` goes with its grant where it has one:
/// creating apps is padlocked.
struct Callers {
    admin: String,
    admin_grant: Option<String>,
    newcomer: Option<String>,
}

fn check(server: &Server, callers: &Callers, cases: Vec<Case>) {
    let client = http();
    for case in cases {
        let mut request =
            client.request(case.method.clone(), format!("{}{}", server.url, case.path));
        request = match case.who {
            As::Nobody => request,
            As::Admin => match &callers.admin_grant {
                Some(grant) => request
                    .bearer_auth(&callers.admin)
                    .header("padlock-grant", grant),
                None => request.bearer_auth(&callers.admin),
            },
            As::Newcomer => request.bearer_auth(callers.newcomer.as_deref().unwrap()),
            As::Bearer(token) => request.bearer_auth(token),
        };
        request = match case.body {
            Body::None => request,
            Body::Json(text) => request
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(text),
            Body::Raw(bytes, content_type) => {
                let request = request.body(bytes);
                match content_type {
                    Some(kind) => request.header(reqwest::header::CONTENT_TYPE, kind),
                    None => request,
                }
            }
        };
        let response = request
            .send()
            .unwrap_or_else(|err| panic!("{}: no answer: {err}", case.description));
        let status = response.status().as_u16();
        let text = response.text().unwrap_or_default();
        assert!(
            status < 500,
            "{}: the server answered {status} (a 5xx): {text}",
            case.description
        );
        assert_eq!(status, case.status, "{}: {text}", case.description);
        let body: Value = serde_json::from_str(&text).unwrap_or_else(|err| {
            panic!(
                "{}: the error is not the JSON shape ({err}): {text:?}",
                case.description
            )
        });
        assert_eq!(
            body["error"]["code"], case.code,
            "{}: {body}",
            case.description
        );
        assert!(
            body["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{}: a message for people: {body}",
            case.description
        );
    }
    let health = client
        .get(format!("{}/healthz", server.url))
        .send()
        .expect("the server is still up");
    assert_eq!(health.status(), 200);
}

/// The table of SPEC section 8's bad input, against every kind of route.
#[test]
fn bad_requests_get_a_4xx_and_their_code() {
    use Method as M;
    let server = Server::start();
    let admin_user = server.admin();
    let newcomer_password = server.create_user(&admin_user, "newcomer");
    let callers = Callers {
        admin: admin_user.session_token(),
        admin_grant: admin_user.stored_secrets()["grant"]
            .as_str()
            .map(str::to_owned),
        newcomer: Some(api_login(&server, "newcomer", &newcomer_password)),
    };
    let login = |fields: Value| json_body(fields);
    let oversized = format!(
        r#"{{"username":"admin","password":"{}"}}"#,
        "x".repeat(100 * 1024)
    );
    let valid_login = json!({"username": "admin", "password": "x"}).to_string();
    let ops = "/v1/apps/demo/envs/test/operations";
    let cases = vec![
        // Malformed and mistyped JSON.
        case(
            "malformed JSON",
            M::POST,
            "/v1/sessions",
            As::Nobody,
            Body::Json(r#"{"username": "admin", "password": "#.into()),
            400,
            "bad_request",
        ),
        case(
            "a form instead of JSON",
            M::POST,
            "/v1/sessions",
            As::Nobody,
            Body::Json("username=admin&password=x".into()),
            400,
            "bad_request",
        ),
        case(
            "wrong types",
            M::POST,
            "/v1/sessions",
            As::Nobody,
            login(json!({"username": 7, "password": true})),
            422,
            "bad_request",
        ),
        case(
            "a missing field",
            M::POST,
            "/v1/sessions",
            As::Nobody,
            login(json!({"username": "admin"})),
            422,
            "bad_request",
        ),
        case(
            "an unknown field",
            M::POST,
            "/v1/sessions",
            As::Nobody,
            login(json!({"username": "admin", "password": "x", "otp": "123456"})),
            422,
            "bad_request",
        ),
        case(
            "JSON that is not an object",
            M::POST,
            "/v1/sessions",
            As::Nobody,
            login(json!("admin:x")),
            422,
            "bad_request",
        ),
        case(
            "no content type",
            M::POST,
            "/v1/sessions",
            As::Nobody,
            Body::Raw(valid_login.clone().into_bytes(), None),
            415,
            "bad_request",
        ),
        case(
            "a text/plain content type",
            M::POST,
            "/v1/sessions",
            As::Nobody,
            Body::Raw(valid_login.into_bytes(), Some("text/plain")),
            415,
            "bad_request",
        ),
        case(
            "an oversized JSON body",
            M::POST,
            "/v1/sessions",
            As::Nobody,
            Body::Json(oversized.clone()),
            413,
            "payload_too_large",
        ),
        case(
            "an oversized JSON body, logged in",
            M::POST,
            "/v1/admin/users",
            As::Admin,
            Body::Json(oversized),
            413,
            "payload_too_large",
        ),
        case(
            "a wrong type to an admin route",
            M::POST,
            "/v1/admin/users",
            As::Admin,
            json_body(json!({"username": "eve", "support": "yes"})),
            422,
            "bad_request",
        ),
        case(
            "an invalid username",
            M::POST,
            "/v1/admin/users",
            As::Admin,
            json_body(json!({"username": "eve smith!"})),
            400,
            "bad_request",
        ),
        case(
            "a short password",
            M::POST,
            "/v1/admin/users",
            As::Admin,
            json_body(json!({"username": "eve", "password": "short"})),
            400,
            "bad_request",
        ),
        case(
            "an invalid environment name",
            M::POST,
            "/v1/admin/apps",
            As::Admin,
            json_body(json!({"name": "shop", "contacts": ["admin"],
                             "environments": [{"name": "pro duction"}]})),
            400,
            "bad_request",
        ),
        // Unknown names.
        case(
            "an unknown contact",
            M::POST,
            "/v1/admin/apps",
            As::Admin,
            json_body(json!({"name": "shop", "contacts": ["nobody"]})),
            404,
            "not_found",
        ),
        case(
            "an unknown app",
            M::GET,
            "/v1/apps/nope/envs",
            As::Admin,
            Body::None,
            404,
            "not_found",
        ),
        case(
            "an unknown app's packages",
            M::GET,
            "/v1/apps/nope/packages",
            As::Admin,
            Body::None,
            404,
            "not_found",
        ),
        case(
            "an unknown environment filter",
            M::GET,
            "/v1/apps/demo/permissions?env=nope",
            As::Admin,
            Body::None,
            404,
            "not_found",
        ),
        case(
            "an unknown query parameter",
            M::GET,
            "/v1/apps/demo/permissions?colour=red",
            As::Admin,
            Body::None,
            400,
            "bad_request",
        ),
        case(
            "an unknown user to grant to",
            M::POST,
            "/v1/apps/demo/permissions/grant",
            As::Admin,
            json_body(json!({"user": "nobody", "env": "test", "allow": ["view"]})),
            404,
            "not_found",
        ),
        case(
            "an unknown permission",
            M::POST,
            "/v1/apps/demo/permissions/grant",
            As::Admin,
            json_body(json!({"user": "admin", "env": "test", "allow": ["deploy"]})),
            400,
            "bad_request",
        ),
        case(
            "a permission list that is a string",
            M::POST,
            "/v1/apps/demo/permissions/grant",
            As::Admin,
            json_body(json!({"user": "admin", "env": "test", "allow": "view"})),
            422,
            "bad_request",
        ),
        case(
            "an unknown environment",
            M::POST,
            "/v1/apps/demo/envs/nope/operations",
            As::Admin,
            json_body(json!({"kind": "start"})),
            404,
            "not_found",
        ),
        case(
            "an unknown app to operate on",
            M::POST,
            "/v1/apps/nope/envs/test/operations",
            As::Admin,
            json_body(json!({"kind": "start"})),
            404,
            "not_found",
        ),
        case(
            "an unknown operation",
            M::POST,
            ops,
            As::Admin,
            json_body(json!({"kind": "explode"})),
            400,
            "bad_request",
        ),
        case(
            "a package id that is a string",
            M::POST,
            ops,
            As::Admin,
            json_body(json!({"kind": "transport", "package_id": "one"})),
            422,
            "bad_request",
        ),
        case(
            "an unknown package",
            M::POST,
            ops,
            As::Admin,
            json_body(json!({"kind": "transport", "package_id": 424242})),
            404,
            "not_found",
        ),
        case(
            "a transport of nothing",
            M::POST,
            ops,
            As::Admin,
            json_body(json!({"kind": "transport"})),
            400,
            "bad_request",
        ),
        case(
            "an unknown user to reset",
            M::POST,
            "/v1/admin/users/nobody/reset-2fa",
            As::Admin,
            Body::None,
            404,
            "not_found",
        ),
        // Second factors.
        case(
            "a phone number without +",
            M::POST,
            "/v1/2fa/setup",
            As::Newcomer,
            json_body(json!({"method": "sms", "phone": "015112345678"})),
            400,
            "bad_request",
        ),
        case(
            "a phone number too short",
            M::POST,
            "/v1/2fa/setup",
            As::Newcomer,
            json_body(json!({"method": "sms", "phone": "+1 555"})),
            400,
            "bad_request",
        ),
        case(
            "a phone number of no country",
            M::POST,
            "/v1/2fa/setup",
            As::Newcomer,
            json_body(json!({"method": "sms", "phone": "+99912345678"})),
            400,
            "bad_request",
        ),
        case(
            "letters for a phone number",
            M::POST,
            "/v1/2fa/setup",
            As::Newcomer,
            json_body(json!({"method": "sms", "phone": "+call-me"})),
            400,
            "bad_request",
        ),
        case(
            "SMS without a phone number",
            M::POST,
            "/v1/2fa/setup",
            As::Newcomer,
            json_body(json!({"method": "sms"})),
            400,
            "bad_request",
        ),
        case(
            "an unknown method",
            M::POST,
            "/v1/2fa/setup",
            As::Newcomer,
            json_body(json!({"method": "email"})),
            400,
            "bad_request",
        ),
        case(
            "a code with no enrollment pending",
            M::POST,
            "/v1/2fa/confirm",
            As::Newcomer,
            json_body(json!({"code": "123456"})),
            409,
            "no_pending_enrollment",
        ),
        case(
            "verifying with no second factor",
            M::POST,
            "/v1/2fa/verify",
            As::Newcomer,
            json_body(json!({"code": "123456"})),
            401,
            "enrollment_required",
        ),
        // Routes and ids.
        case(
            "a non-numeric operation id",
            M::GET,
            "/v1/operations/abc",
            As::Admin,
            Body::None,
            404,
            "not_found",
        ),
        case(
            "an operation id beyond i64",
            M::GET,
            "/v1/operations/99999999999999999999",
            As::Admin,
            Body::None,
            404,
            "not_found",
        ),
        case(
            "an unknown operation id",
            M::GET,
            "/v1/operations/4242",
            As::Admin,
            Body::None,
            404,
            "not_found",
        ),
        case(
            "a negative log offset",
            M::GET,
            "/v1/operations/1?log_offset=-1",
            As::Admin,
            Body::None,
            400,
            "bad_request",
        ),
        case(
            "an unknown API route",
            M::GET,
            "/v1/nope",
            As::Admin,
            Body::None,
            404,
            "not_found",
        ),
        case(
            "an unknown route outside the API",
            M::GET,
            "/nope",
            As::Nobody,
            Body::None,
            404,
            "not_found",
        ),
        case(
            "a method a route does not have",
            M::DELETE,
            "/v1/apps",
            As::Admin,
            Body::None,
            405,
            "method_not_allowed",
        ),
        case(
            "a since that is no time",
            M::GET,
            "/v1/audit?since=yesterday",
            As::Admin,
            Body::None,
            400,
            "bad_request",
        ),
        case(
            "a limit that is no number",
            M::GET,
            "/v1/audit?limit=many",
            As::Admin,
            Body::None,
            400,
            "bad_request",
        ),
        // Who is calling.
        case(
            "no credentials",
            M::GET,
            "/v1/apps",
            As::Nobody,
            Body::None,
            401,
            "unauthenticated",
        ),
        case(
            "a bearer token of no kind",
            M::GET,
            "/v1/apps",
            As::Bearer("hunter2"),
            Body::None,
            401,
            "unauthenticated",
        ),
        case(
            "a forged session token",
            M::GET,
            "/v1/apps",
            As::Bearer("plk_sess_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            Body::None,
            401,
            "unauthenticated",
        ),
        case(
            "a forged CI grant",
            M::GET,
            "/v1/apps",
            As::Bearer("plk_ci_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            Body::None,
            401,
            "unauthenticated",
        ),
    ];
    check(&server, &callers, cases);
    // None of it left an app, account or enrollment behind.
    let users = admin_user.json(&["admin", "users", "list"]);
    // Two accounts of the test and the demo team's dana and devi.
    assert_eq!(users.as_array().unwrap().len(), 4, "{users}");
    assert_eq!(
        admin_user.json(&["apps", "list"]).as_array().unwrap().len(),
        1
    );
    assert_eq!(users[1]["second_factor"], Value::Null, "{users}");
}

/// Malformed codes are refused as `invalid_code` with a 400, both when confirming an
/// enrollment and when verifying, before anything is compared; wrong types are 422.
#[test]
fn malformed_codes_are_refused() {
    let server = Server::start();
    let admin = api_login(&server, "admin", &server.admin_password);
    let client = http();
    let post = |token: &str, path: &str, body: Value| {
        let response = client
            .post(format!("{}{path}", server.url))
            .bearer_auth(token)
            .json(&body)
            .send()
            .unwrap();
        let status = response.status().as_u16();
        let body: Value = response.json().unwrap();
        (status, body)
    };
    let (status, created) = post(&admin, "/v1/admin/users", json!({"username": "eve"}));
    assert_eq!(status, 201, "{created}");
    let eve = api_login(&server, "eve", created["password"].as_str().unwrap());
    let (status, setup) = post(&eve, "/v1/2fa/setup", json!({"method": "totp"}));
    assert_eq!(status, 200, "{setup}");
    let secret = setup["secret"].as_str().unwrap().to_owned();

    let malformed = [
        ("letters", json!({"code": "12ab56"})),
        ("five digits", json!({"code": "12345"})),
        ("seven digits", json!({"code": "1234567"})),
        ("empty", json!({"code": ""})),
        ("full-width digits", json!({"code": "１２３４５６"})),
        ("a space inside", json!({"code": "123 456"})),
    ];
    let mistyped = [
        ("a number", json!({"code": 123456})),
        ("no code", json!({})),
        (
            "an extra field",
            json!({"code": "123456", "method": "totp"}),
        ),
    ];
    for path in ["/v1/2fa/confirm", "/v1/2fa/verify"] {
        for (description, body) in &malformed {
            let (status, answer) = post(&eve, path, body.clone());
            assert_eq!(status, 400, "{path} {description}: {answer}");
            assert_eq!(
                answer["error"]["code"], "invalid_code",
                "{path} {description}"
            );
        }
        for (description, body) in &mistyped {
            let (status, answer) = post(&eve, path, body.clone());
            assert_eq!(status, 422, "{path} {description}: {answer}");
            assert_eq!(
                answer["error"]["code"], "bad_request",
                "{path} {description}"
            );
        }
        if path == "/v1/2fa/confirm" {
            // None of that counted as a failed attempt: the right code still activates.
            let (status, grant) = post(&eve, path, json!({"code": totp_now(&secret)}));
            assert_eq!(status, 200, "{grant}");
            assert!(grant["token"].as_str().unwrap().starts_with("plk_grant_"));
        }
    }
}

/// Package uploads with a file name that is not a plain file name, or with nothing in them,
/// are refused and leave nothing behind.
#[test]
fn bad_package_uploads_are_refused() {
    let server = Server::start();
    let admin = api_login(&server, "admin", &server.admin_password);
    let upload = |query: &str| format!("/v1/apps/demo/packages{query}");
    let bytes = || Body::Raw(b"package".to_vec(), Some("application/octet-stream"));
    let long = format!("?filename={}", "a".repeat(300));
    let cases = vec![
        case(
            "a parent directory",
            Method::POST,
            upload("?filename=../evil.mda"),
            As::Admin,
            bytes(),
            400,
            "bad_request",
        ),
        case(
            "a path",
            Method::POST,
            upload("?filename=dir/evil.mda"),
            As::Admin,
            bytes(),
            400,
            "bad_request",
        ),
        case(
            "a Windows path",
            Method::POST,
            upload("?filename=dir%5Cevil.mda"),
            As::Admin,
            bytes(),
            400,
            "bad_request",
        ),
        case(
            "dot-dot",
            Method::POST,
            upload("?filename=.."),
            As::Admin,
            bytes(),
            400,
            "bad_request",
        ),
        case(
            "an empty name",
            Method::POST,
            upload("?filename="),
            As::Admin,
            bytes(),
            400,
            "bad_request",
        ),
        case(
            "a newline",
            Method::POST,
            upload("?filename=evil%0A.mda"),
            As::Admin,
            bytes(),
            400,
            "bad_request",
        ),
        case(
            "a NUL byte",
            Method::POST,
            upload("?filename=evil%00.mda"),
            As::Admin,
            bytes(),
            400,
            "bad_request",
        ),
        case(
            "300 bytes",
            Method::POST,
            upload(&long),
            As::Admin,
            bytes(),
            400,
            "bad_request",
        ),
        case(
            "no file name",
            Method::POST,
            upload(""),
            As::Admin,
            bytes(),
            400,
            "bad_request",
        ),
        case(
            "an unknown query parameter",
            Method::POST,
            upload("?filename=a.mda&sha=1"),
            As::Admin,
            bytes(),
            400,
            "bad_request",
        ),
        case(
            "an empty package",
            Method::POST,
            upload("?filename=empty.mda"),
            As::Admin,
            Body::Raw(Vec::new(), Some("application/octet-stream")),
            400,
            "bad_request",
        ),
        case(
            "an unknown app",
            Method::POST,
            "/v1/apps/nope/packages?filename=a.mda",
            As::Admin,
            bytes(),
            404,
            "not_found",
        ),
        case(
            "no credentials",
            Method::POST,
            upload("?filename=a.mda"),
            As::Nobody,
            bytes(),
            401,
            "unauthenticated",
        ),
    ];
    check(
        &server,
        &Callers {
            admin,
            admin_grant: None,
            newcomer: None,
        },
        cases,
    );
    let admin_user = server.admin();
    assert_eq!(
        admin_user.json(&["packages", "list", "--app", "demo"]),
        json!([])
    );
    let left: Vec<_> = std::fs::read_dir(server.data_dir.join("packages"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "nothing stored: {left:?}");

    // The CLI checks what it can before sending anything.
    let out = admin_user
        .cmd()
        .args(["packages", "upload", "--app", "demo", "/no/such/file.mda"])
        .args(["--output", "json"])
        .output()
        .unwrap();
    let err = json_error(&out, 2, "upload of a missing file");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("/no/such/file.mda"),
        "{err}"
    );
}

/// With `--output json`, a failing command prints one JSON error on stderr and nothing on
/// stdout, whatever failed: the server, the CLI's own checks, or the command line itself.
#[test]
fn json_errors_go_to_stderr() {
    let server = Server::start();
    let admin = server.admin();
    let stranger = server.user();
    let cases: [(&User, &[&str], i32, &str); 6] = [
        (&admin, &["envs", "list", "--app", "nope"], 1, "not_found"),
        (&admin, &["audit", "--since", "yesterday"], 2, "usage"),
        (&stranger, &["apps", "list"], 1, "unauthenticated"),
        (&stranger, &["login", "admin"], 2, "usage"),
        (&admin, &["envs", "list"], 2, "usage"),
        (
            &admin,
            &[
                "transport",
                "--app",
                "demo",
                "--package",
                "one",
                "--to",
                "test",
            ],
            2,
            "usage",
        ),
    ];
    for (user, args, exit, code) in cases {
        let err = user.error(args, exit);
        assert_eq!(err["code"], code, "{args:?}: {err}");
    }
    // PADLOCK_OUTPUT=json counts as much as the flag.
    let out = admin
        .cmd()
        .args(["envs", "list", "--app", "nope"])
        .env("PADLOCK_OUTPUT", "json")
        .output()
        .unwrap();
    assert_eq!(
        json_error(&out, 1, "PADLOCK_OUTPUT=json")["code"],
        "not_found"
    );
    // Text mode: one line for people, on stderr.
    let out = admin
        .cmd()
        .args(["envs", "list", "--app", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("nope"),
        "{stderr}"
    );
}

/// A URL whose port refuses connections for as long as the returned socket lives: the
/// socket is bound, so no other process can take the port, but never listens, so every
/// connection is refused.
fn dead_url() -> (String, tokio::net::TcpSocket) {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let port = socket.local_addr().unwrap().port();
    (format!("http://127.0.0.1:{port}"), socket)
}

/// No server at the address: exit 6 within seconds, with the server named. Also when the
/// server goes away after login.
#[test]
fn unreachable_server_exits_6() {
    let (dead, _bound) = dead_url();
    let user = User::new(&dead);
    let started = Instant::now();
    let out = user
        .cmd()
        .args(["login", "admin", "--password-stdin"])
        .write_stdin("password\n")
        .output()
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(out.status.code(), Some(6), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&dead) && stderr.contains("cannot reach"),
        "{stderr}"
    );
    let out = user
        .cmd()
        .args(["login", "admin", "--output", "json"])
        .env("PADLOCK_PASSWORD", "password")
        .output()
        .unwrap();
    assert_eq!(
        json_error(&out, 6, "login to a dead server")["code"],
        "unreachable"
    );

    let mut server = Server::start();
    let admin = server.admin();
    server.kill9();
    // Keep its port refusing, as `dead_url` does, so no other server takes it meanwhile.
    let _bound = tokio::net::TcpSocket::new_v4().unwrap();
    let address = server.url.trim_start_matches("http://").parse().unwrap();
    _bound
        .bind(address)
        .unwrap_or_else(|err| panic!("{address} was taken at once by another process: {err}"));
    let started = Instant::now();
    let err = admin.error(&["apps", "list"], 6);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(err["code"], "unreachable");
    assert!(
        err["message"].as_str().unwrap().contains(&server.url),
        "{err}"
    );

    // Not an http(s) URL at all: a usage error, not a connection attempt.
    let bad = User::new("padlock.example.com");
    assert_eq!(
        bad.fails(&["login", "admin", "--password-stdin"], 2),
        "usage"
    );
}

fn assert_no_panic(out: &std::process::Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
    assert_ne!(out.status.code(), Some(101), "a panic: {stderr}");
}

/// A corrupt state file or credentials file: exit 1 and a message naming the file and what
/// to do, no panic.
#[test]
fn corrupt_local_files_are_reported() {
    let server = Server::start();
    let admin = server.admin();
    let credentials = admin.config_dir().join("credentials.json");
    let state = admin.config_dir().join("state.json");
    let saved_credentials = std::fs::read(&credentials).unwrap();

    std::fs::write(&credentials, "{not json").unwrap();
    let out = admin
        .cmd()
        .args(["apps", "list", "--output", "json"])
        .output()
        .unwrap();
    assert_no_panic(&out);
    let err = json_error(&out, 1, "corrupt credentials.json");
    assert_eq!(err["code"], "credential_store");
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains(&credentials.display().to_string()) && message.contains("Delete it"),
        "{message}"
    );
    std::fs::write(&credentials, saved_credentials).unwrap();

    for junk in ["{\"user\": ", "not json at all", "[1, 2]", "{\"user\": 42}"] {
        std::fs::write(&state, junk).unwrap();
        for args in [
            &["status"][..],
            &["apps", "list"],
            &["login", "admin", "--password-stdin"],
        ] {
            let out = admin
                .cmd()
                .args(args)
                .write_stdin(format!("{}\n", server.admin_password))
                .output()
                .unwrap();
            assert_no_panic(&out);
            assert_eq!(out.status.code(), Some(1), "{junk:?} {args:?}: {out:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                stderr.contains(&state.display().to_string())
                    && stderr.contains("corrupt")
                    && stderr.contains("delete it"),
                "{junk:?} {args:?}: {stderr}"
            );
        }
    }
}

/// `padlock server --config FILE` with a broken file: a message naming the file, a non-zero
/// exit, no panic, and no server listening.
#[test]
fn corrupt_server_config_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "broken TOML",
            "listen = \"127.0.0.1:0\nmaster_key_file = ",
            "line 1",
        ),
        ("an unknown key", "grant_tll = \"8h\"\n", "grant_tll"),
        (
            "a duration that is none",
            "grant_ttl = \"eight hours\"\n",
            "eight hours",
        ),
        (
            "a wrong type",
            "lockout_failures = \"five\"\n",
            "lockout_failures",
        ),
        (
            "an unknown hook field",
            "[[hooks]]\noperation = \"transport\"\ncommand = \"true\"\nshell = \"bash\"\n",
            "shell",
        ),
    ];
    for (description, text, detail) in cases {
        let path = dir.path().join("bad.toml");
        std::fs::write(&path, text).unwrap();
        let out = assert_cmd::Command::from_std(padlock())
            .args(["server", "--listen", "127.0.0.1:0", "--config"])
            .arg(&path)
            .arg("--data-dir")
            .arg(dir.path().join("data"))
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        assert_no_panic(&out);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{description}: {stderr}");
        assert!(
            out.stdout.is_empty(),
            "{description}: it must not start: {out:?}"
        );
        assert!(
            stderr.contains(&path.display().to_string()) && stderr.contains(detail),
            "{description}: {stderr}"
        );
    }
    let missing = dir.path().join("missing.toml");
    let out = assert_cmd::Command::from_std(padlock())
        .args(["server", "--listen", "127.0.0.1:0", "--config"])
        .arg(&missing)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&missing.display().to_string()), "{stderr}");
}
