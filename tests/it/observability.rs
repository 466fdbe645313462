//! Operating the server: Prometheus metrics on a listener of their own, JSON logs with one
//! event per request under the request id the client gets back, and no secret in any log
//! line even at `RUST_LOG=debug`.

use std::collections::BTreeMap;

use base64::Engine;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::sms::{Carrier, setup_sms, webhook_env};
use crate::two_factor::{api, api_verify, person, wrong_code};

// ---- metrics --------------------------------------------------------------------------

/// The sum of the samples of `name` whose labels include `labels` (0 when there is none).
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> f64 {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (series, value) = line.rsplit_once(' ')?;
            let (series_name, series_labels) = match series.split_once('{') {
                Some((n, rest)) => (n, parse_labels(rest.strip_suffix('}')?)),
                None => (series, BTreeMap::new()),
            };
            let wanted = series_name == name
                && labels
                    .iter()
                    .all(|(k, v)| series_labels.get(*k).map(String::as_str) == Some(*v));
            wanted.then(|| value.parse::<f64>().unwrap())
        })
        .sum()
}

/// `a="1",b="x"` (values in this exposition never hold a comma or an escaped quote).
fn parse_labels(text: &str) -> BTreeMap<String, String> {
    text.split("\",")
        .filter_map(|pair| {
            let (k, v) = pair.split_once("=\"")?;
            Some((k.to_owned(), v.trim_end_matches('"').to_owned()))
        })
        .collect()
}

fn scrape(server: &Server) -> String {
    let url = server
        .metrics_url
        .as_deref()
        .expect("the server was started with PADLOCK_METRICS_LISTEN");
    let response = http().get(url).send().unwrap();
    assert_eq!(response.status(), 200, "{url}");
    let content_type = response.headers()["content-type"].to_str().unwrap();
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    response.text().unwrap()
}

#[test]
fn metrics_are_off_by_default_and_never_on_the_public_listener() {
    let server = Server::start();
    let start: Value = serde_json::from_str(&server.start_line).unwrap();
    assert_eq!(start["metrics_url"], Value::Null, "{start}");
    let public = http()
        .get(format!("{}/metrics", server.url))
        .send()
        .unwrap();
    assert_eq!(public.status(), 404, "no metrics without metrics_listen");
    drop(server);

    let server = Server::start_with(&[], &[("PADLOCK_METRICS_LISTEN", "127.0.0.1:0")]);
    let metrics_url = server.metrics_url.clone().unwrap();
    assert!(
        !metrics_url.starts_with(&server.url),
        "{metrics_url} is a listener of its own, not {}",
        server.url
    );
    for path in ["/metrics", "/v1/metrics"] {
        let public = http().get(format!("{}{path}", server.url)).send().unwrap();
        assert_eq!(public.status(), 404, "{path} on the public listener");
    }
    let text = scrape(&server);
    assert!(
        text.contains("# TYPE padlock_active_grants gauge"),
        "{text}"
    );
}

#[test]
fn metrics_count_requests_checks_lockouts_throttles_grants_and_operations() {
    let hooks = HookDir::new();
    hooks.script("restart.sh", "echo restarting; sleep 0.2");
    let config = hooks.config(&[HookSpec {
        app: "demo",
        env: "test",
        operation: "restart",
        script: "restart.sh",
        timeout: None,
    }]);
    let server = Server::start_with(
        &["--config", config.to_str().unwrap()],
        &[
            ("PADLOCK_METRICS_LISTEN", "127.0.0.1:0"),
            ("PADLOCK_LOCKOUT_FAILURES", "2"),
            ("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT_ADDRESS", "1"),
        ],
    );
    let before = scrape(&server);
    assert_eq!(sample(&before, "padlock_active_grants", &[]), 0.0);

    // TOTP: two enrollments accepted (admin's and pia's), then two wrong codes lock pia.
    let admin = server.admin();
    let pia = person(&server, &admin, "pia");
    let secret = pia.user.enroll_totp();
    pia.relogin();
    let session = pia.user.session_token();
    let wrong = wrong_code(&secret);
    let answers: Vec<u16> = (0..3)
        .map(|_| api_verify(&server, &session, &wrong).status)
        .collect();
    assert_eq!(answers, [401, 429, 429], "wrong, wrong and locked, locked");

    // Failed logins past the limit are refused unchecked.
    let logins: Vec<u16> = (0..3)
        .map(|_| {
            http()
                .post(format!("{}/v1/sessions", server.url))
                .json(&json!({"username": "pia", "password": "not her password"}))
                .send()
                .unwrap()
                .status()
                .as_u16()
        })
        .collect();
    assert_eq!(logins, [401, 429, 429]);

    // A CI grant, and an operation whose hook runs.
    admin.issue_ci_grant(&[
        "--app", "demo", "--env", "test", "--allow", "manage", "--label", "nightly",
    ]);
    admin
        .cmd()
        .args(["env", "restart", "--app", "demo", "--env", "test"])
        .assert()
        .success();
    admin.json(&["envs", "list", "--app", "demo"]);

    let text = scrape(&server);
    let checks = |outcome| {
        sample(
            &text,
            "padlock_second_factor_checks_total",
            &[("method", "totp"), ("outcome", outcome)],
        )
    };
    assert_eq!(checks("accepted"), 2.0, "{text}");
    assert_eq!(checks("rejected"), 2.0, "{text}");
    assert_eq!(checks("locked"), 1.0, "{text}");
    assert_eq!(sample(&text, "padlock_lockouts_total", &[]), 1.0, "{text}");
    assert_eq!(
        sample(&text, "padlock_logins_throttled_total", &[]),
        2.0,
        "{text}"
    );
    // admin's grant (pia's ended with her session) and the CI grant.
    assert_eq!(
        sample(&text, "padlock_active_grants", &[("kind", "grant")]),
        1.0,
        "{text}"
    );
    assert_eq!(
        sample(&text, "padlock_active_grants", &[("kind", "ci")]),
        1.0,
        "{text}"
    );
    assert_eq!(
        sample(
            &text,
            "padlock_operations_total",
            &[("kind", "restart"), ("outcome", "succeeded")]
        ),
        1.0,
        "{text}"
    );
    let hook_seconds = sample(
        &text,
        "padlock_hook_duration_seconds_sum",
        &[("kind", "restart")],
    );
    assert!(hook_seconds >= 0.2, "the hook slept 0.2 s: {hook_seconds}");
    assert_eq!(
        sample(
            &text,
            "padlock_hook_duration_seconds_count",
            &[("kind", "restart")]
        ),
        1.0
    );

    // Requests by route pattern and status: never the raw path.
    let requests = |method, route, status| {
        sample(
            &text,
            "padlock_http_requests_total",
            &[("method", method), ("route", route), ("status", status)],
        )
    };
    assert_eq!(requests("POST", "/v1/2fa/verify", "401"), 1.0, "{text}");
    assert_eq!(requests("POST", "/v1/2fa/verify", "429"), 2.0, "{text}");
    assert_eq!(requests("POST", "/v1/sessions", "429"), 2.0, "{text}");
    assert!(
        requests("GET", "/v1/apps/{app}/envs", "200") >= 1.0,
        "{text}"
    );
    assert!(
        !text.contains("/v1/apps/demo"),
        "raw paths are no labels: {text}"
    );
}

// ---- JSON logs and request ids --------------------------------------------------------

/// The JSON objects of the server's log; every line must be one.
fn json_log(server: &Server) -> Vec<Value> {
    server
        .log()
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            serde_json::from_str(line)
                .unwrap_or_else(|err| panic!("a log line is not JSON ({err}): {line}"))
        })
        .collect()
}

#[test]
fn json_logs_have_one_event_per_request_under_the_request_id_the_client_got() {
    let server = Server::start_with(&[], &[("PADLOCK_LOG_FORMAT", "json"), ("RUST_LOG", "info")]);
    let me = |id: Option<&str>| {
        let mut request = http().get(format!("{}/v1/me", server.url));
        if let Some(id) = id {
            request = request.header("x-request-id", id);
        }
        let response = request.send().unwrap();
        assert_eq!(response.status(), 401);
        response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    let made = me(None);
    assert!(
        made.len() == 32 && made.bytes().all(|b| b.is_ascii_hexdigit()),
        "{made}"
    );
    assert_ne!(me(None), made, "each request gets its own id");
    let kept = me(Some("deploy-42/job.7"));
    assert_eq!(kept, "deploy-42/job.7", "a sane id from the client is kept");
    let too_long = "x".repeat(65);
    for insane in [too_long.as_str(), "two words", "tab\there"] {
        let replaced = me(Some(insane));
        assert_ne!(replaced, insane);
        assert_eq!(replaced.len(), 32, "{replaced}");
    }
    let unmatched = {
        let response = http()
            .get(format!("{}/v1/no/such/route", server.url))
            .send()
            .unwrap();
        assert_eq!(response.status(), 404);
        response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_owned()
    };

    let events = poll_until(10, "the request events", || {
        let events = json_log(&server);
        events
            .iter()
            .any(|e| e["request_id"] == unmatched.as_str())
            .then_some(events)
    });
    let requests: Vec<&Value> = events
        .iter()
        .filter(|e| e["target"] == "padlock::request")
        .collect();
    for id in [&made, &kept, &unmatched] {
        let mine: Vec<&&Value> = requests
            .iter()
            .filter(|e| e["request_id"] == id.as_str())
            .collect();
        assert_eq!(mine.len(), 1, "one event for request {id}: {requests:?}");
    }
    let event = requests
        .iter()
        .find(|e| e["request_id"] == kept.as_str())
        .unwrap();
    assert_eq!(event["level"], "INFO", "{event}");
    assert_eq!(event["method"], "GET", "{event}");
    assert_eq!(event["route"], "/v1/me", "{event}");
    assert_eq!(event["status"], 401, "{event}");
    assert!(event["duration_ms"].is_number(), "{event}");
    assert!(event["timestamp"].is_string(), "{event}");
    let event = requests
        .iter()
        .find(|e| e["request_id"] == unmatched.as_str())
        .unwrap();
    assert_eq!(event["route"], "unmatched", "not the raw path: {event}");
    // The start-up events are JSON too, dev mode's banner included.
    assert!(
        events
            .iter()
            .any(|e| e["message"] == "padlock server ready"),
        "{events:?}"
    );
}

#[test]
fn a_bad_log_format_is_refused_at_start() {
    let out = padlock()
        .args(["server", "--dev", "--listen", "127.0.0.1:0"])
        .env("PADLOCK_LOG_FORMAT", "xml")
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("log_format") && stderr.contains("json"),
        "{stderr}"
    );
}

// ---- no secret in any log line --------------------------------------------------------

/// A secret the scenario saw, and the forms it could be logged in.
struct Secret {
    what: String,
    forms: Vec<String>,
}

/// Base64 (standard and URL-safe) of `bytes` wherever they start in a longer encoded text:
/// for each of the three alignments, the characters that depend on `bytes` alone.
fn base64_forms(bytes: &[u8]) -> Vec<String> {
    let mut forms = Vec::new();
    for shift in 0..3 {
        let mut padded = vec![0u8; shift];
        padded.extend_from_slice(bytes);
        for engine in [
            &base64::engine::general_purpose::STANDARD_NO_PAD,
            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        ] {
            let text = engine.encode(&padded);
            let skip = if shift == 0 { 0 } else { 4 };
            let whole = padded.len() / 3 * 4;
            if whole > skip + 8 {
                forms.push(text[skip..whole].to_owned());
            }
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

impl Secret {
    /// A token, password or code: as it is, in hex and in base64.
    fn text(what: &str, value: &str) -> Secret {
        let mut forms = vec![value.to_owned()];
        forms.push(hex::encode(value));
        forms.push(hex::encode_upper(value));
        forms.extend(base64_forms(value.as_bytes()));
        if value.len() < 12 {
            // A six-digit code: its base64 whole (too short to be found at any alignment).
            forms.push(base64::engine::general_purpose::STANDARD.encode(value));
        }
        Secret {
            what: what.to_owned(),
            forms,
        }
    }

    /// Key bytes: hex, base64, and base32 when `base32` is how the user saw them.
    fn bytes(what: &str, raw: &[u8], base32: Option<&str>) -> Secret {
        let mut forms = vec![hex::encode(raw), hex::encode_upper(raw)];
        forms.extend(base64_forms(raw));
        if let Some(base32) = base32 {
            forms.push(base32.to_owned());
            forms.push(base32.to_lowercase());
            forms.push(base32.trim_end_matches('=').to_owned());
        }
        if let Ok(text) = std::str::from_utf8(raw) {
            forms.push(text.to_owned());
        }
        Secret {
            what: what.to_owned(),
            forms,
        }
    }
}

/// Where `form` occurs in `line`; a form of six digits only where no digit borders it (a
/// timestamp's microseconds are not a code).
fn occurs(line: &str, form: &str) -> bool {
    if !form.bytes().all(|b| b.is_ascii_digit()) {
        return line.contains(form);
    }
    line.match_indices(form).any(|(at, _)| {
        let before = line[..at].bytes().next_back();
        let after = line[at + form.len()..].bytes().next();
        !before.is_some_and(|b| b.is_ascii_digit()) && !after.is_some_and(|b| b.is_ascii_digit())
    })
}

/// A log line with the fields that hold random numbers the server made itself (times,
/// durations, request ids) taken out, so that a six-digit code is not found in them by chance.
fn scannable(line: &str) -> String {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for key in [
                    "timestamp",
                    "duration_ms",
                    "request_id",
                    "elapsed",
                    "elapsed_secs",
                ] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    match serde_json::from_str::<Value>(line) {
        Ok(mut value) => {
            strip(&mut value);
            value.to_string()
        }
        Err(_) => line.to_owned(),
    }
}

/// Every line of `text` that holds a form of a secret: (secret, form, line).
fn leaks(text: &str, secrets: &[Secret]) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    for line in text.lines() {
        let scanned = scannable(line);
        for secret in secrets {
            for form in &secret.forms {
                if occurs(&scanned, form) {
                    found.push((secret.what.clone(), form.clone(), line.to_owned()));
                }
            }
        }
    }
    found
}

const MASTER_KEY: &str = "5ca1ab1e0ddba11c0ffee0ddf00dcafe5ca1ab1e0ddba11c0ffee0ddf00dcafe";
const WEBHOOK_TOKEN: &str = "hook-bearer-token";

/// The SMS code in the carrier's last message.
fn last_sms_code(carrier: &Carrier) -> String {
    let received = carrier.received();
    let body: Value =
        serde_json::from_str(&received.last().expect("an SMS was sent").body).unwrap();
    body["code"].as_str().unwrap().to_owned()
}

#[test]
fn no_secret_reaches_the_log_at_debug_level() {
    let carrier = Carrier::start();
    let hooks = HookDir::new();
    hooks.script("transport.sh", "echo \"transporting $PADLOCK_PACKAGE_ID\"");
    let config = hooks.config(&[HookSpec {
        app: "demo",
        env: "production",
        operation: "transport",
        script: "transport.sh",
        timeout: None,
    }]);
    let mut envs: Vec<(&str, String)> = webhook_env(&carrier);
    envs.extend([
        ("RUST_LOG", "debug".to_owned()),
        ("PADLOCK_LOG_FORMAT", "json".to_owned()),
        ("PADLOCK_MASTER_KEY", MASTER_KEY.to_owned()),
        ("PADLOCK_METRICS_LISTEN", "127.0.0.1:0".to_owned()),
    ]);
    let envs: Vec<(&str, &str)> = envs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let server = Server::start_with(&["--config", config.to_str().unwrap()], &envs);
    let mut secrets = vec![
        Secret::bytes("the master key", &hex::decode(MASTER_KEY).unwrap(), None),
        Secret::text("the SMS webhook token", WEBHOOK_TOKEN),
    ];
    let mut codes = Vec::new();

    // Login, TOTP enrollment and verification.
    let admin = server.admin_password_only();
    secrets.push(Secret::text("admin's session", &admin.session_token()));
    let admin_secret = admin.enroll_totp();
    let tina = person(&server, &admin, "tina");
    secrets.push(Secret::text("tina's password", &tina.password));
    let tina_secret = tina.user.enroll_totp();
    tina.relogin();
    wait_next_step();
    let code = totp_now(&tina_secret);
    tina.user.json(&["2fa", "verify", "--otp", &code]);
    codes.push(code);
    codes.push(wrong_code(&tina_secret));
    tina.user
        .error(&["2fa", "verify", "--otp", &wrong_code(&tina_secret)], 1);
    for (who, secret) in [("admin", &admin_secret), ("tina", &tina_secret)] {
        let raw = data_encoding::BASE32_NOPAD
            .decode(secret.trim_end_matches('=').as_bytes())
            .unwrap();
        secrets.push(Secret::bytes(
            &format!("{who}'s TOTP secret"),
            &raw,
            Some(secret),
        ));
    }
    for user in [&admin, &tina.user] {
        let stored = user.stored_secrets();
        secrets.push(Secret::text(
            "a session",
            stored["session"].as_str().unwrap(),
        ));
        secrets.push(Secret::text("a grant", stored["grant"].as_str().unwrap()));
    }

    // SMS enrollment and verification through the carrier.
    let sol = person(&server, &admin, "sol");
    secrets.push(Secret::text("sol's password", &sol.password));
    setup_sms(&sol.user);
    let code = last_sms_code(&carrier);
    sol.user
        .cmd()
        .args(["2fa", "confirm", "--otp", &code])
        .assert()
        .success();
    codes.push(code);
    sol.relogin();
    let session = sol.user.session_token();
    secrets.push(Secret::text("sol's session", &session));
    let sent = api(&server, "POST", "/2fa/sms", &session, None, Some(json!({})));
    assert_eq!(sent.status, 200, "{}", sent.body);
    let code = last_sms_code(&carrier);
    let verified = api_verify(&server, &session, &code);
    assert_eq!(verified.status, 200, "{}", verified.body);
    secrets.push(Secret::text(
        "sol's grant",
        verified.body["token"].as_str().unwrap(),
    ));
    codes.push(code);
    assert_eq!(carrier.received().len(), 2);

    // A CI grant, issued and used for an upload and a transport whose hook runs.
    let issued = admin.issue_ci_grant(&[
        "--app",
        "demo",
        "--env",
        "production",
        "--allow",
        "transport",
        "--label",
        "ci",
    ]);
    let ci_token = issued["token"].as_str().unwrap().to_owned();
    secrets.push(Secret::text("the CI grant", &ci_token));
    let job = CiJob::new(&server.url, &ci_token);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("release.mda");
    std::fs::write(&file, "release\n").unwrap();
    let package = job.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        file.to_str().unwrap(),
    ]);
    let package = package["id"].as_i64().unwrap().to_string();
    let out = job
        .cmd()
        .args(["transport", "--app", "demo", "--package", &package])
        .args(["--to", "production"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("padlock: transport succeeded"),
        "{out:?}"
    );
    let text = scrape(&server);
    assert_eq!(
        sample(
            &text,
            "padlock_operations_total",
            &[("kind", "transport"), ("outcome", "succeeded")]
        ),
        1.0,
        "the hook ran: {text}"
    );

    for code in &codes {
        secrets.push(Secret::text("a second-factor code", code));
    }
    let log = server.log();
    let lines = log.lines().count();
    assert!(
        lines > 50 && log.contains("\"level\":\"DEBUG\""),
        "the scan reads a debug log ({lines} lines)"
    );
    let mut found = leaks(&log, &secrets);
    // Dev mode prints the admin password once, at start, by design; nowhere else.
    let banner = "dev mode: support account admin, password";
    secrets.push(Secret::text("admin's password", &server.admin_password));
    let rest: String = log
        .lines()
        .filter(|line| !line.contains(banner))
        .map(|line| format!("{line}\n"))
        .collect();
    found.extend(leaks(&rest, &secrets[secrets.len() - 1..]));
    assert!(
        found.is_empty(),
        "secrets in the server's log:\n{}",
        found
            .iter()
            .map(|(what, form, line)| format!("{what} as {form:?} in: {line}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        !server.outbox.exists(),
        "codes went to the carrier, not to a file"
    );
}

// ---- the router and the OpenAPI document ----------------------------------------------

/// For every path of the OpenAPI document, the methods the server routes (what its 405
/// answer lists in `Allow`, less the HEAD that axum adds to every GET) are exactly the
/// methods the document names. A unit test beside the router
/// (`every_routed_path_is_in_the_openapi_document_and_back`) covers the paths the document
/// does not name.
#[test]
fn every_documented_path_routes_exactly_the_documented_methods() {
    let server = Server::start();
    let document: Value = http()
        .get(format!("{}/v1/openapi.json", server.url))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let paths = document["paths"].as_object().unwrap();
    assert!(paths.len() > 20, "{document}");
    for (path, item) in paths {
        let mut documented: Vec<String> = item
            .as_object()
            .unwrap()
            .keys()
            .filter(|key| {
                [
                    "get", "put", "post", "delete", "patch", "options", "head", "trace",
                ]
                .contains(&key.as_str())
            })
            .map(|method| method.to_uppercase())
            .collect();
        documented.sort();
        let concrete = path.replace(['{', '}'], "");
        let response = http()
            .request(
                reqwest::Method::from_bytes(b"TRACE").unwrap(),
                format!("{}{concrete}", server.url),
            )
            .send()
            .unwrap();
        assert_eq!(response.status(), 405, "TRACE {path} is routed nowhere");
        let allow = response
            .headers()
            .get("allow")
            .unwrap_or_else(|| panic!("{path}: no Allow header, so no route"))
            .to_str()
            .unwrap()
            .to_owned();
        let mut routed: Vec<String> = allow
            .split(',')
            .map(|m| m.trim().to_owned())
            .filter(|m| m != "HEAD" || documented.iter().any(|d| d == "HEAD"))
            .collect();
        routed.sort();
        assert_eq!(
            routed, documented,
            "{path}: routed (Allow: {allow}) vs documented"
        );
    }
}
