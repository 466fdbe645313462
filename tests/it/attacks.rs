//! The padlock under attack (issue 9): each test attacks the real server over HTTP the way an
//! attacker would, and fails if the padlock gives way.

use std::sync::{Arc, Barrier};

use serde_json::{Value, json};

use crate::helpers::*;
use crate::postgres::{TestDatabase, replicas};
use crate::two_factor::{Person, person};

/// One raw API request: the status and the JSON body (Null when there is none).
fn send(request: reqwest::blocking::RequestBuilder) -> (u16, Value, Option<String>) {
    let response = request.send().expect("the server answers");
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response.json().unwrap_or(Value::Null);
    (status, body, retry_after)
}

fn code_of(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("")
}

/// A support account with only a password — or a session without a grant, or a CI grant —
/// can neither create a support account nor an app: either would be a way to padlocked
/// effects without a second factor. Each attempt is in the audit log.
#[test]
fn a_password_alone_creates_no_support_account_and_no_app() {
    let server = Server::start();
    let post = |path: &str, token: &str, grant: Option<&str>, body: Value| {
        let mut request = http()
            .post(format!("{}{path}", server.url))
            .bearer_auth(token)
            .json(&body);
        if let Some(grant) = grant {
            request = request.header("padlock-grant", grant);
        }
        send(request)
    };
    let support = json!({"username": "mallory", "support": true});
    let app = json!({"name": "heist", "contacts": ["admin"]});

    // Support without a second factor at all.
    let bare = api_login(&server, "admin", &server.admin_password);
    for (path, body) in [("/v1/admin/users", &support), ("/v1/admin/apps", &app)] {
        let (status, answer, _) = post(path, &bare, None, body.clone());
        assert_eq!(status, 401, "{path}: {answer}");
        assert_eq!(code_of(&answer), "enrollment_required", "{path}: {answer}");
    }
    // A plain account holds no rights: creating one is not padlocked.
    let (status, answer, _) = post("/v1/admin/users", &bare, None, json!({"username": "pat"}));
    assert_eq!(status, 201, "{answer}");

    // Support with a second factor, in a session that has no grant.
    let admin = server.admin();
    let session_only = api_login(&server, "admin", &server.admin_password);
    for (path, body) in [("/v1/admin/users", &support), ("/v1/admin/apps", &app)] {
        let (status, answer, _) = post(path, &session_only, None, body.clone());
        assert_eq!(status, 401, "{path}: {answer}");
        assert_eq!(
            code_of(&answer),
            "second_factor_required",
            "{path}: {answer}"
        );
    }
    // A CI grant of support's, never.
    let ci = admin.issue_ci_grant(&["--app", "demo", "--env", "test", "--allow", "transport"]);
    let ci_token = ci["token"].as_str().unwrap();
    for (path, body) in [("/v1/admin/users", &support), ("/v1/admin/apps", &app)] {
        let (status, answer, _) = post(path, ci_token, None, body.clone());
        assert_eq!(status, 403, "{path}: {answer}");
        assert_eq!(code_of(&answer), "out_of_scope", "{path}: {answer}");
    }
    // Nothing was created by any of it.
    let users = admin.json(&["admin", "users", "list"]);
    let names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    // dana and devi are the dev server's demo team.
    assert_eq!(names, ["admin", "dana", "devi", "pat"], "{users}");
    let apps = admin.json(&["apps", "list"]);
    assert_eq!(apps.as_array().unwrap().len(), 1, "{apps}");

    // With the grant of a passed second factor, both work.
    let secrets = admin.stored_secrets();
    let (session, grant) = (
        secrets["session"].as_str().unwrap(),
        secrets["grant"].as_str().unwrap(),
    );
    for (path, body) in [("/v1/admin/users", &support), ("/v1/admin/apps", &app)] {
        let (status, answer, _) = post(path, session, Some(grant), body.clone());
        assert_eq!(status, 201, "{path}: {answer}");
    }

    // Every attempt is on record, refused ones with their reason.
    let events = admin.audit(&[]);
    let outcomes = |action: &str| -> Vec<(String, String)> {
        events
            .iter()
            .filter(|e| e["action"] == action)
            .map(|e| {
                (
                    e["outcome"].as_str().unwrap().to_owned(),
                    e["reason"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    };
    let expected = |last: &str| {
        vec![
            ("denied".to_owned(), "enrollment_required".to_owned()),
            ("denied".to_owned(), "second_factor_required".to_owned()),
            ("denied".to_owned(), "out_of_scope".to_owned()),
            (last.to_owned(), String::new()),
        ]
    };
    assert_eq!(outcomes("support_create:mallory"), expected("allowed"));
    assert_eq!(outcomes("app_create"), expected("allowed"));
    assert_eq!(
        outcomes("user_create:pat"),
        [("allowed".to_owned(), String::new())]
    );
}

/// Fires `n_wrong` wrong codes and one right code at once (spread over `urls`, one session
/// each) and returns how many codes the server evaluated (one `2fa_verify` event each) and
/// how many grants it issued.
fn burst_of_codes(urls: &[&str], person: &Person, secret: &str, n_wrong: usize) -> Vec<Value> {
    let sessions: Vec<(String, String)> = urls
        .iter()
        .map(|url| {
            let server_session = http()
                .post(format!("{url}/v1/sessions"))
                .json(&json!({"username": person.name, "password": person.password}))
                .send()
                .unwrap()
                .json::<Value>()
                .unwrap()["token"]
                .as_str()
                .unwrap()
                .to_owned();
            (url.to_string(), server_session)
        })
        .collect();
    // Valid at once, and newer than the step the enrollment used.
    let right = totp_at(secret, unix_now() + 30);
    let wrong = |i: usize| {
        let candidate = format!("{:06}", (i * 7919) % 1_000_000);
        if candidate == right || candidate == totp_now(secret) {
            "000000".to_owned()
        } else {
            candidate
        }
    };
    let mut codes: Vec<String> = (0..n_wrong).map(wrong).collect();
    codes.insert(n_wrong / 2, right);
    let barrier = Arc::new(Barrier::new(codes.len()));
    let handles: Vec<_> = codes
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            let (url, session) = sessions[i % sessions.len()].clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                let request = http()
                    .post(format!("{url}/v1/2fa/verify"))
                    .bearer_auth(session)
                    .json(&json!({ "code": code }));
                barrier.wait();
                send(request).1
            })
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

/// Codes evaluated for `name` so far: each leaves one `2fa_verify` event.
fn codes_evaluated(admin: &User, name: &str) -> usize {
    admin
        .audit(&[])
        .into_iter()
        .filter(|e| e["actor"] == name && e["action"] == "2fa_verify")
        .count()
}

/// At most `limit` codes are evaluated per lockout window. A success forgets the window only
/// when no other code was claimed while it was checked — which in a burst happens only when
/// the right code is the window's last — so with a grant up to twice the limit may be
/// evaluated, and never a second grant.
fn assert_at_most_the_limit_evaluated(answers: &[Value], evaluated: usize, limit: usize) {
    let summary: Vec<&str> = answers
        .iter()
        .map(|a| {
            if a["token"].is_string() {
                "grant"
            } else {
                code_of(a)
            }
        })
        .collect();
    let granted = answers.iter().filter(|a| a["token"].is_string()).count();
    assert!(granted <= 1, "{summary:?}");
    let bound = if granted == 1 { 2 * limit } else { limit };
    assert!(
        (1..=bound).contains(&evaluated),
        "{evaluated} codes evaluated, the limit is {limit} ({granted} grant): {summary:?}"
    );
    let locked = answers
        .iter()
        .filter(|a| code_of(a) == "locked_out")
        .count();
    assert!(
        locked >= answers.len() - evaluated,
        "all but the evaluated ones are refused as locked out: {summary:?}"
    );
    for answer in answers {
        assert!(
            answer["token"].is_string()
                || ["invalid_code", "locked_out"].contains(&code_of(answer)),
            "{answer}"
        );
    }
}

/// A burst of 100 parallel guesses, the right code among them: no more than
/// `lockout_failures` codes are evaluated per window, however the requests interleave.
#[test]
fn a_burst_of_guesses_evaluates_at_most_the_lockout_limit() {
    let server = Server::start();
    let admin = server.admin();
    let dave = person(&server, &admin, "dave");
    let secret = dave.user.enroll_totp();
    let before = codes_evaluated(&admin, "dave");
    let answers = burst_of_codes(&[server.url.as_str()], &dave, &secret, 100);
    let evaluated = codes_evaluated(&admin, "dave") - before;
    assert_at_most_the_limit_evaluated(&answers, evaluated, 5);
}

/// The same burst spread over two replicas of one PostgreSQL database.
#[test]
fn a_burst_of_guesses_across_replicas_evaluates_at_most_the_lockout_limit() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let (a, b) = replicas(&db, &[]);
    let admin = User::new(&a.url);
    admin.login("admin", &b.admin_password);
    admin.enroll_totp();
    let dave = person(&a, &admin, "dave");
    let secret = dave.user.enroll_totp();
    let before = codes_evaluated(&admin, "dave");
    let answers = burst_of_codes(&[a.url.as_str(), b.url.as_str()], &dave, &secret, 100);
    let evaluated = codes_evaluated(&admin, "dave") - before;
    assert_at_most_the_limit_evaluated(&answers, evaluated, 5);
}

/// Lockouts in a row double, up to the cap; a right code resets the escalation. Failures
/// count only in a row: a right code in between starts the count again.
#[test]
fn lockouts_escalate_and_a_success_resets_them() {
    let server = Server::start_with(
        &[],
        &[
            ("PADLOCK_LOCKOUT_FAILURES", "2"),
            ("PADLOCK_LOCKOUT_DURATION", "1s"),
            ("PADLOCK_LOCKOUT_MAX_DURATION", "4s"),
        ],
    );
    let admin = server.admin();
    let erin = person(&server, &admin, "erin");
    let secret = erin.user.enroll_totp();
    let session = api_login(&server, &erin.name, &erin.password);
    let verify = |code: &str| {
        send(
            http()
                .post(format!("{}/v1/2fa/verify", server.url))
                .bearer_auth(&session)
                .json(&json!({ "code": code })),
        )
    };
    let wrong = || {
        let right = [totp_now(&secret), totp_at(&secret, unix_now() + 30)];
        ["000000", "111111"]
            .into_iter()
            .find(|c| !right.contains(&c.to_string()))
            .unwrap()
    };
    let lock = || {
        let (status, body, _) = verify(wrong());
        assert_eq!((status, code_of(&body)), (401, "invalid_code"), "{body}");
        let (status, body, retry_after) = verify(wrong());
        assert_eq!((status, code_of(&body)), (429, "locked_out"), "{body}");
        let seconds: u64 = retry_after.expect("Retry-After").parse().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(seconds * 1000 + 1100));
        seconds
    };
    assert_eq!([lock(), lock(), lock(), lock()], [1, 2, 4, 4]);

    // A right code resets the escalation, and the failure count.
    let (status, body, _) = verify(&totp_at(&secret, unix_now() + 30));
    assert_eq!(status, 200, "{body}");
    let (status, body, _) = verify(wrong());
    assert_eq!(code_of(&body), "invalid_code", "{status} {body}");
    wait_next_step();
    let (status, body, _) = verify(&totp_at(&secret, unix_now() + 30));
    assert_eq!(status, 200, "a failure, a success: {body}");
    let (status, body, _) = verify(wrong());
    assert_eq!(
        code_of(&body),
        "invalid_code",
        "one failure after a success is not the second in a row: {status} {body}"
    );
    let (status, body, retry_after) = verify(wrong());
    assert_eq!((status, code_of(&body)), (429, "locked_out"), "{body}");
    assert_eq!(
        retry_after.as_deref(),
        Some("1"),
        "the escalation starts again after a success"
    );
    let lockouts = admin
        .audit(&[])
        .into_iter()
        .filter(|e| e["actor"] == "erin" && e["action"] == "2fa_lockout")
        .count();
    assert_eq!(lockouts, 5, "one event per lockout");
}

/// Failures lock an account only in a row: with a limit of three, two wrong codes and a
/// right one, twice over, lock nothing (six failures in all); the third wrong code in a row
/// does.
#[test]
fn only_failures_in_a_row_count_toward_the_lockout() {
    let server = Server::start_with(&[], &[("PADLOCK_LOCKOUT_FAILURES", "3")]);
    let admin = server.admin();
    let finn = person(&server, &admin, "finn");
    // Enrolled with the previous step's code, so this step's and the next are both unused:
    // two right codes at once, in order.
    let secret = crate::two_factor::enroll_totp_behind(&finn.user);
    let now = unix_now();
    let rights = [totp_at(&secret, now), totp_at(&secret, now + 30)];
    let wrong = crate::two_factor::wrong_code(&secret);
    let session = api_login(&server, &finn.name, &finn.password);
    let verify = |code: &str| {
        let (status, body, _) = send(
            http()
                .post(format!("{}/v1/2fa/verify", server.url))
                .bearer_auth(&session)
                .json(&json!({ "code": code })),
        );
        (status, code_of(&body).to_owned())
    };
    let invalid = (401, "invalid_code".to_owned());
    for right in &rights {
        assert_eq!(verify(&wrong), invalid);
        assert_eq!(verify(&wrong), invalid);
        assert_eq!(
            verify(right),
            (200, String::new()),
            "a right code after two wrong"
        );
    }
    assert_eq!(verify(&wrong), invalid);
    assert_eq!(verify(&wrong), invalid);
    assert_eq!(
        verify(&wrong),
        (429, "locked_out".to_owned()),
        "the third in a row"
    );
}

/// A CI grant sees its app only, and there its environments only: every GET route of the
/// OpenAPI document is tried with a grant for `demo`/`test` against another app and
/// another environment of its issuer's.
#[test]
fn a_ci_grant_reads_only_its_app_and_environments() {
    let server = Server::start();
    let admin = server.admin();
    admin.json(&["admin", "apps", "create", "other", "--contact", "admin"]);
    let file = admin.config_dir().join("pkg.mda");
    std::fs::write(&file, "pkg\n").unwrap();
    for app in ["demo", "other"] {
        let package = admin.json(&["packages", "upload", "--app", app, file.to_str().unwrap()]);
        let package = package["id"].to_string();
        for env in ["test", "production"] {
            admin.json(&[
                "transport",
                "--app",
                app,
                "--package",
                &package,
                "--to",
                env,
            ]);
            admin.json(&["backups", "create", "--app", app, "--env", env]);
        }
    }
    let ci = admin.issue_ci_grant(&["--app", "demo", "--env", "test", "--allow", "transport"]);
    let token = ci["token"].as_str().unwrap().to_owned();
    let get = |path: &str| {
        send(
            http()
                .get(format!("{}{path}", server.url))
                .bearer_auth(&token),
        )
    };

    // An operation of each app and environment: the backup's, as its issuer sees them.
    let op_of = |app: &str, env: &str| -> i64 {
        let list = send(
            http()
                .get(format!("{}/v1/apps/{app}/envs/{env}/backups", server.url))
                .bearer_auth(admin.session_token()),
        );
        list.1[0]["operation_id"].as_i64().unwrap()
    };
    let (other_test_op, demo_production_op, demo_test_op) = (
        op_of("other", "test"),
        op_of("demo", "production"),
        op_of("demo", "test"),
    );

    let document: Value = http()
        .get(format!("{}/v1/openapi.json", server.url))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let mut tried = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        if item.get("get").is_none() {
            continue;
        }
        // Each route filled in to reach outside the grant: another app, then another
        // environment of its own app.
        let outside: Vec<String> = match path.as_str() {
            "/v1/apps" | "/v1/me" | "/v1/version" | "/v1/openapi.json" => vec![],
            "/v1/operations/{id}" => vec![
                format!("/v1/operations/{other_test_op}"),
                format!("/v1/operations/{demo_production_op}"),
            ],
            "/v1/operations" => vec!["/v1/operations?app=other".into()],
            "/v1/can-i" => vec![],
            "/v1/2fa" | "/v1/grants" | "/v1/audit" | "/v1/admin/users" => vec![path.clone()],
            templated if templated.contains("{app}") => {
                let fill = |app: &str, env: &str| {
                    templated
                        .replace("{app}", app)
                        .replace("{env}", env)
                        .replace("{backup}", "latest")
                };
                let mut paths = vec![fill("other", "test")];
                if templated.contains("{env}") {
                    paths.push(fill("demo", "production"));
                }
                paths
            }
            other => panic!("a GET route without an expectation here: {other}"),
        };
        for reach in outside {
            tried += 1;
            let (status, body, _) = get(&reach);
            assert!(
                status == 403 || status == 404,
                "{reach} under a CI grant for demo/test: {status} {body}"
            );
        }
    }
    assert!(tried >= 10, "{tried} routes tried");

    // Inside the scope, the same routes answer, limited to it.
    let (status, apps, _) = get("/v1/apps");
    assert_eq!(status, 200, "{apps}");
    assert_eq!(apps.as_array().unwrap().len(), 1, "{apps}");
    assert_eq!(apps[0]["name"], "demo", "{apps}");
    assert_eq!(apps[0]["environments"], json!(["test"]), "{apps}");
    let (status, envs, _) = get("/v1/apps/demo/envs");
    assert_eq!(status, 200, "{envs}");
    let names: Vec<&str> = envs
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["test"], "{envs}");
    let (status, ops, _) = get("/v1/operations");
    assert_eq!(status, 200, "{ops}");
    let ops = ops.as_array().unwrap();
    assert!(!ops.is_empty());
    assert!(
        ops.iter()
            .all(|op| op["app"] == "demo" && op["env"] == "test"),
        "{ops:?}"
    );
    assert!(ops.iter().any(|op| op["id"] == demo_test_op), "{ops:?}");
    let (status, permissions, _) = get("/v1/apps/demo/permissions");
    assert_eq!(status, 200, "{permissions}");
    assert!(
        permissions
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["env"] == "test" && p["user"] == "admin"),
        "{permissions}"
    );
    let (status, packages, _) = get("/v1/apps/demo/packages");
    assert_eq!(status, 200, "{packages}");
    let (status, op, _) = get(&format!("/v1/operations/{demo_test_op}"));
    assert_eq!(status, 200, "{op}");
    let (status, answer, _) = get("/v1/can-i?operation=transport&app=other&env=test");
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["allowed"], false, "{answer}");
    assert_eq!(answer["reason"], "out_of_scope", "{answer}");
}

/// Node details show a member only the environments they hold a permission on.
#[test]
fn node_details_show_a_member_only_their_environments() {
    let server = Server::start();
    let admin = server.admin();
    let password = server.create_user(&admin, "bob");
    admin.team_add("demo", "bob", "deploy");
    admin.json(&[
        "permissions",
        "grant",
        "--app",
        "demo",
        "--env",
        "test",
        "--user",
        "bob",
        "--allow",
        "view",
    ]);
    let bob = server.user();
    bob.login("bob", &password);
    bob.enroll_totp();
    let node = bob.json(&["node", "show", "--app", "demo"]);
    let envs: Vec<&str> = node["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["env"].as_str().unwrap())
        .collect();
    assert_eq!(envs, ["test"], "{node}");
    let node = admin.json(&["node", "show", "--app", "demo"]);
    assert_eq!(node["nodes"].as_array().unwrap().len(), 3, "{node}");
}

/// A session without a grant — a stolen password, say — is tried against every route of the
/// OpenAPI document: each padlocked one answers `second_factor_required` and changes
/// nothing; every other route is named here as not padlocked, so a new route cannot slip
/// through unexamined.
#[test]
fn a_password_alone_reaches_no_padlocked_route() {
    let server = Server::start();
    let admin = server.admin();
    server.create_user(&admin, "pat");
    let file = admin.config_dir().join("pkg.mda");
    std::fs::write(&file, "pkg\n").unwrap();
    let package = admin.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        file.to_str().unwrap(),
    ]);
    let package = package["id"].as_i64().unwrap();
    admin.json(&["backups", "create", "--app", "demo", "--env", "production"]);
    let production_before = admin.json(&["envs", "list", "--app", "demo"]);
    let team_before = admin.json(&["team", "list", "--app", "demo"]);
    let session = api_login(&server, "admin", &server.admin_password);

    const OPERATIONS: &str = "/v1/apps/{app}/envs/{env}/operations";
    let operation = |kind: &str| {
        let mut body = json!({ "kind": kind });
        if kind == "transport" {
            body["package_id"] = json!(package);
        }
        (
            "post",
            OPERATIONS,
            "/v1/apps/demo/envs/production/operations".to_owned(),
            body,
        )
    };
    // dana, the demo team's deploy member, holds nothing on production.
    let change = json!({"user": "dana", "env": "production", "allow": ["view"]});
    // (method, route as the document names it, the request's path, body)
    let padlocked: Vec<(&str, &str, String, Value)> = vec![
        (
            "get",
            "/v1/apps/{app}/node",
            "/v1/apps/demo/node".into(),
            Value::Null,
        ),
        operation("transport"),
        operation("start"),
        operation("stop"),
        operation("restart"),
        operation("backup_create"),
        operation("backup_restore"),
        (
            "get",
            "/v1/apps/{app}/envs/{env}/backups/{backup}/download",
            "/v1/apps/demo/envs/production/backups/latest/download".into(),
            Value::Null,
        ),
        (
            "post",
            "/v1/apps/{app}/permissions/grant",
            "/v1/apps/demo/permissions/grant".into(),
            change.clone(),
        ),
        (
            "post",
            "/v1/apps/{app}/permissions/revoke",
            "/v1/apps/demo/permissions/revoke".into(),
            change,
        ),
        // Who may hold node permissions on an app with a padlocked environment.
        (
            "post",
            "/v1/apps/{app}/team/add",
            "/v1/apps/demo/team/add".into(),
            json!({"user": "pat", "role": "deploy"}),
        ),
        (
            "post",
            "/v1/apps/{app}/team/remove",
            "/v1/apps/demo/team/remove".into(),
            json!({"user": "dana"}),
        ),
        (
            "post",
            "/v1/grants",
            "/v1/grants".into(),
            json!({"app": "demo", "envs": ["production"], "allow": ["transport"]}),
        ),
        (
            "post",
            "/v1/admin/users/{user}/reset-2fa",
            "/v1/admin/users/pat/reset-2fa".into(),
            Value::Null,
        ),
        (
            "post",
            "/v1/admin/users",
            "/v1/admin/users".into(),
            json!({"username": "mallory", "support": true}),
        ),
        (
            "post",
            "/v1/admin/apps",
            "/v1/admin/apps".into(),
            json!({"name": "heist", "contacts": ["admin"]}),
        ),
    ];
    // Routes with no padlocked effect: the first factor, the second factor's own flow,
    // reads, uploads (a package does nothing until transported), revocations, and plain
    // accounts (they hold no rights).
    let not_padlocked = [
        ("post", "/v1/sessions"),
        ("delete", "/v1/sessions/current"),
        ("get", "/v1/me"),
        ("get", "/v1/version"),
        ("get", "/v1/2fa"),
        ("post", "/v1/2fa/setup"),
        ("post", "/v1/2fa/confirm"),
        ("post", "/v1/2fa/verify"),
        ("post", "/v1/2fa/sms"),
        ("get", "/v1/apps"),
        ("get", "/v1/apps/{app}/envs"),
        ("get", "/v1/apps/{app}/packages"),
        ("post", "/v1/apps/{app}/packages"),
        ("get", "/v1/apps/{app}/permissions"),
        ("get", "/v1/apps/{app}/team"),
        ("get", "/v1/apps/{app}/envs/{env}/backups"),
        ("get", "/v1/operations"),
        ("get", "/v1/operations/{id}"),
        ("get", "/v1/grants"),
        ("delete", "/v1/grants/{id}"),
        ("get", "/v1/can-i"),
        ("get", "/v1/audit"),
        ("get", "/v1/admin/users"),
    ];
    let document: Value = http()
        .get(format!("{}/v1/openapi.json", server.url))
        .send()
        .unwrap()
        .json()
        .unwrap();
    for (route, item) in document["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            let listed = padlocked
                .iter()
                .map(|(m, r, _, _)| (*m, *r))
                .chain(not_padlocked)
                .any(|(m, r)| m == method && r == route);
            assert!(
                listed,
                "{method} {route} is neither padlocked nor listed as not"
            );
        }
    }

    for (method, _, path, body) in &padlocked {
        let url = format!("{}{path}", server.url);
        let request = match *method {
            "get" => http().get(url),
            _ => http().post(url).json(body),
        };
        let (status, answer, _) = send(request.bearer_auth(&session));
        assert_eq!(
            (status, code_of(&answer)),
            (401, "second_factor_required"),
            "{method} {path}: {answer}"
        );
    }
    // Nothing happened: production runs what it ran, the team is as it was, dana
    // gained nothing, no CI grant, no new account or app.
    assert_eq!(admin.json(&["team", "list", "--app", "demo"]), team_before);
    assert_eq!(
        admin.json(&["envs", "list", "--app", "demo"]),
        production_before
    );
    let permissions = admin.json(&[
        "permissions",
        "list",
        "--app",
        "demo",
        "--user",
        "dana",
        "--env",
        "production",
    ]);
    assert_eq!(permissions, json!([]), "{permissions}");
    assert_eq!(admin.json(&["grant", "list"]), json!([]));
    assert_eq!(
        admin
            .json(&["admin", "users", "list"])
            .as_array()
            .unwrap()
            .len(),
        // admin, pat and the demo team's dana and devi.
        4
    );
    assert_eq!(admin.json(&["apps", "list"]).as_array().unwrap().len(), 1);
}
