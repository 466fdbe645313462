//! Several replicas against one PostgreSQL database: what security depends on lives in the
//! database, so replicas agree on single use, lockouts and grants. Runs when
//! `PADLOCK_TEST_DATABASE_URL` is set (`.ci/run` sets it); each test makes its own database.

use std::sync::{Arc, Barrier};

use sqlx::{Connection, Executor, PgConnection};

use serde_json::json;

use crate::helpers::*;
use crate::two_factor::api;

/// A fresh database on the test server, dropped when this is dropped.
pub struct TestDatabase {
    admin_url: String,
    name: String,
    pub url: String,
}

impl TestDatabase {
    pub fn create() -> Option<TestDatabase> {
        let admin_url = std::env::var("PADLOCK_TEST_DATABASE_URL").ok();
        let missing = admin_url.is_none().then(|| {
            "PADLOCK_TEST_DATABASE_URL is not set (.ci/run sets it to the local PostgreSQL)"
                .to_owned()
        });
        if !prerequisite(missing) {
            return None;
        }
        let admin_url = admin_url.unwrap();
        let name = format!("padlock_test_{}_{}", std::process::id(), unix_now_nanos());
        run_sql(&admin_url, &format!("CREATE DATABASE {name}"));
        let mut url = url::Url::parse(&admin_url).expect("PADLOCK_TEST_DATABASE_URL is a URL");
        url.set_path(&name);
        Some(TestDatabase {
            admin_url,
            name,
            url: url.to_string(),
        })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        run_sql(
            &self.admin_url,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

fn unix_now_nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

fn run_sql(url: &str, sql: &str) {
    let sql = sql.to_owned();
    let url = url.to_owned();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async move {
            let mut conn = PgConnection::connect(&url)
                .await
                .expect("PostgreSQL answers");
            conn.execute(sql.as_str())
                .await
                .expect("the statement runs");
        });
}

/// Two dev-mode replicas on one database, sharing the master key as real replicas must.
pub fn replicas(db: &TestDatabase, envs: &[(&str, &str)]) -> (Server, Server) {
    replicas_with(db, &[], envs)
}

/// `replicas`, both started with the extra arguments `args` too.
pub fn replicas_with(db: &TestDatabase, args: &[&str], envs: &[(&str, &str)]) -> (Server, Server) {
    let key = "7f".repeat(32);
    let mut all: Vec<(&str, &str)> = vec![("PADLOCK_MASTER_KEY", key.as_str())];
    all.extend_from_slice(envs);
    let mut args = args.to_vec();
    args.extend(["--database-url", db.url.as_str()]);
    let a = Server::start_with(&args, &all);
    // The second replica's dev bootstrap gives admin a new password: use that one.
    let b = Server::start_with(&args, &all);
    (a, b)
}

#[test]
fn one_code_yields_one_grant_across_replicas() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let (a, b) = replicas(&db, &[]);
    let admin = User::new(&a.url);
    admin.login("admin", &b.admin_password);
    let password = b.create_user(&admin, "carol");
    let carol = User::new(&a.url);
    carol.login("carol", &password);
    let secret = carol.enroll_totp();
    wait_next_step();

    // Sessions at both replicas, then every one submits the same fresh code at once.
    let sessions: Vec<(String, String)> = (0..16)
        .map(|i| {
            let server = if i % 2 == 0 { &a } else { &b };
            (server.url.clone(), api_login(server, "carol", &password))
        })
        .collect();
    let code = totp_now(&secret);
    let barrier = Arc::new(Barrier::new(sessions.len()));
    let handles: Vec<_> = sessions
        .into_iter()
        .map(|(url, token)| {
            let (barrier, code) = (barrier.clone(), code.clone());
            std::thread::spawn(move || {
                let client = http();
                barrier.wait();
                let response = client
                    .post(format!("{url}/v1/2fa/verify"))
                    .bearer_auth(token)
                    .json(&serde_json::json!({"code": code}))
                    .send()
                    .unwrap();
                let status = response.status().as_u16();
                let body: serde_json::Value = response.json().unwrap();
                (status, body)
            })
        })
        .collect();
    let results: Vec<(u16, serde_json::Value)> =
        handles.into_iter().map(|h| h.join().unwrap()).collect();
    let granted = results.iter().filter(|(status, _)| *status == 200).count();
    assert_eq!(granted, 1, "exactly one grant across replicas: {results:?}");
    // Every other copy is a failed check (a replay), so enough of them lock the account.
    for (status, body) in results.iter().filter(|(status, _)| *status != 200) {
        let code = body["error"]["code"].as_str().unwrap_or_default();
        assert!(
            (*status == 401 && code == "invalid_code") || (*status == 429 && code == "locked_out"),
            "{status} {body}"
        );
    }
}

#[test]
fn lockout_and_grants_are_shared_by_replicas() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let (a, b) = replicas(&db, &[("PADLOCK_LOCKOUT_FAILURES", "3")]);
    let admin_at_a = User::new(&a.url);
    admin_at_a.login("admin", &b.admin_password);
    admin_at_a.enroll_totp();

    // A grant obtained at replica A works at replica B.
    let package = std::env::temp_dir().join(format!("padlock-pg-{}.mda", unix_now_nanos()));
    std::fs::write(&package, b"replicated package").unwrap();
    let uploaded = admin_at_a.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        package.to_str().unwrap(),
    ]);
    let id = uploaded["id"].to_string();
    // The credential store is keyed by server URL, so point B's URL at A's saved session.
    let user_b = User::new(&b.url);
    copy_credentials(&admin_at_a, &user_b);
    user_b
        .cmd()
        .args([
            "transport",
            "--app",
            "demo",
            "--package",
            &id,
            "--to",
            "production",
            "--no-input",
        ])
        .assert()
        .success();

    // Wrong codes counted together: two at A, one at B lock the account everywhere.
    let password = b.create_user(&admin_at_a, "dave");
    let dave = User::new(&a.url);
    dave.login("dave", &password);
    let secret = dave.enroll_totp();
    let token_a = api_login(&a, "dave", &password);
    let token_b = api_login(&b, "dave", &password);
    let verify = |url: &str, token: &str, code: &str| {
        let response = http()
            .post(format!("{url}/v1/2fa/verify"))
            .bearer_auth(token)
            .json(&serde_json::json!({"code": code}))
            .send()
            .unwrap();
        let body: serde_json::Value = response.json().unwrap();
        body["error"]["code"]
            .as_str()
            .unwrap_or("granted")
            .to_owned()
    };
    assert_eq!(verify(&a.url, &token_a, "000000"), "invalid_code");
    assert_eq!(verify(&b.url, &token_b, "000001"), "invalid_code");
    assert_eq!(verify(&a.url, &token_a, "000002"), "locked_out");
    wait_next_step();
    assert_eq!(
        verify(&b.url, &token_b, &totp_now(&secret)),
        "locked_out",
        "a valid code is refused at the other replica too"
    );
    std::fs::remove_file(package).ok();
}

/// Makes `to` hold the same session and grant as `from`, under `to`'s server URL.
fn copy_credentials(from: &User, to: &User) {
    let secrets = from.stored_secrets();
    let entries = serde_json::json!({ to.server.as_str(): secrets.to_string() });
    let path = to.config_dir().join("credentials.json");
    std::fs::write(&path, entries.to_string()).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let state =
        serde_json::json!({"server": to.server, "user": "admin", "credential_store": "file"});
    std::fs::write(to.config_dir().join("state.json"), state.to_string()).unwrap();
}

/// The same session against SQLite and against PostgreSQL reads back the same records: flags
/// (0/1 integers in both schemas), comma lists, optional columns and integer widths decode
/// alike through the `Any` driver on both backends.
#[test]
fn every_record_reads_back_alike_on_sqlite_and_postgresql() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let key = "7f".repeat(32);
    let on_sqlite = record_tour(&Server::start());
    let on_postgres = record_tour(&Server::start_with(
        &["--database-url", db.url.as_str()],
        &[("PADLOCK_MASTER_KEY", key.as_str())],
    ));
    assert_eq!(on_sqlite.len(), on_postgres.len());
    for ((what, sqlite), (_, postgres)) in on_sqlite.iter().zip(&on_postgres) {
        assert_eq!(
            sqlite, postgres,
            "padlock {what}: SQLite (left) and PostgreSQL (right) differ"
        );
    }
}

/// Makes one record of every kind through the CLI, then returns what each listing shows,
/// with what differs from run to run (times, ids, tokens, digests) blanked.
fn record_tour(server: &Server) -> Vec<(String, serde_json::Value)> {
    let admin = server.admin();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("app-1.0.mda");
    std::fs::write(&file, "a package\n").unwrap();
    let package = admin.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        file.to_str().unwrap(),
    ]);
    let package = package["id"].to_string();
    let args = [
        "transport",
        "--app",
        "demo",
        "--package",
        &package,
        "--to",
        "production",
    ];
    assert_eq!(admin.json(&args)["state"], "succeeded");
    admin.json(&["env", "stop", "--app", "demo", "--env", "test"]);
    admin.json(&["backups", "create", "--app", "demo", "--env", "production"]);
    server.create_user(&admin, "bob");
    admin.team_add("demo", "bob", "deploy");
    let allow = ["--user", "bob", "--allow", "view,transport"];
    admin.json(
        &[
            &["permissions", "grant", "--app", "demo", "--env", "test"][..],
            &allow,
        ]
        .concat(),
    );
    admin.issue_ci_grant(&[
        "--app",
        "demo",
        "--env",
        "test",
        "--env",
        "production",
        "--allow",
        "transport,backups",
        "--label",
        "nightly",
    ]);
    let listings: [&[&str]; 11] = [
        &["admin", "users", "list"],
        &["apps", "list"],
        &["envs", "list", "--app", "demo"],
        &["packages", "list", "--app", "demo"],
        &["ops", "list", "--app", "demo"],
        &["backups", "list", "--app", "demo", "--env", "production"],
        &["team", "list", "--app", "demo"],
        &["permissions", "list", "--app", "demo"],
        &["grant", "list"],
        &["2fa", "status"],
        &["audit"],
    ];
    listings
        .iter()
        .map(|args| (args.join(" "), blank(admin.json(args))))
        .collect()
}

/// Replaces what a run cannot reproduce: times, ids, tokens and digests become `"set"` (or
/// stay null), digits in text become `#`.
fn blank(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    let volatile = |key: &str| {
        key == "id"
            || key == "at"
            || key == "token"
            || key == "sha256"
            || key == "size"
            || key.ends_with("_id")
            || key.ends_with("_at")
            || key.ends_with("seconds")
            || key.ends_with("seconds_left")
    };
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let value = if volatile(&key) && !value.is_null() {
                        Value::from("set")
                    } else {
                        blank(value)
                    };
                    (key, value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(blank).collect()),
        Value::String(text) => Value::from(text.replace(|c: char| c.is_ascii_digit(), "#")),
        other => other,
    }
}

/// A revocation at one replica holds at the other on the next request: a revoked CI grant,
/// and a logged-out session with its grant.
#[test]
fn revocations_hold_across_replicas() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let (a, b) = replicas(&db, &[]);
    let admin = User::new(&a.url);
    admin.login("admin", &b.admin_password);
    admin.enroll_totp();
    let stored = admin.stored_secrets();
    let session = stored["session"].as_str().unwrap().to_owned();
    let grant = stored["grant"].as_str().unwrap().to_owned();
    let node_at_b = || api(&b, "GET", "/apps/demo/node", &session, Some(&grant), None);
    assert_eq!(node_at_b().status, 200, "{}", node_at_b().body);

    let issued = admin.issue_ci_grant(&[
        "--app",
        "demo",
        "--env",
        "production",
        "--allow",
        "transport",
        "--label",
        "replicas",
    ]);
    let job = CiJob::new(&b.url, issued["token"].as_str().unwrap());
    let can_i = ["can-i", "transport", "--app", "demo", "--env", "production"];
    job.json(&can_i);
    admin
        .cmd()
        .args(["grant", "revoke", &issued["id"].to_string()])
        .assert()
        .success();
    assert_eq!(job.error(&can_i, 5)["code"], "grant_revoked");

    admin.cmd().arg("logout").assert().success();
    let answer = node_at_b();
    assert_eq!(
        (answer.status, answer.code()),
        (401, "unauthenticated"),
        "{}",
        answer.body
    );
}

/// SMS budgets live in the database: a resend at the other replica waits as one at the same
/// replica would, and sends at both count against one hourly budget.
#[test]
fn sms_throttles_hold_across_replicas() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let (a, b) = replicas(&db, &[("PADLOCK_SMS_RESEND_WAIT", "2s")]);
    let admin = User::new(&a.url);
    admin.login("admin", &b.admin_password);
    admin.enroll_totp();
    let password = a.create_user(&admin, "sam");
    let sam = User::new(&a.url);
    sam.login("sam", &password);
    let phone = "+4915112345678";
    sam.json(&[
        "2fa",
        "setup",
        "--method",
        "sms",
        "--phone",
        phone,
        "--no-input",
    ]);
    let code = a.sms_codes(phone).pop().unwrap();
    sam.cmd()
        .args(["2fa", "confirm", "--otp", &code])
        .assert()
        .success();
    let session = sam.session_token();
    let send = |server: &Server| api(server, "POST", "/2fa/sms", &session, None, Some(json!({})));

    // The enrollment code was the first of sam's five an hour; four more, alternating.
    for (n, (here, there)) in [(&a, &b), (&b, &a), (&a, &b), (&b, &a)]
        .into_iter()
        .enumerate()
    {
        let answer = send(here);
        assert_eq!(answer.status, 200, "send {n}: {}", answer.body);
        let answer = send(there);
        assert_eq!(
            (answer.status, answer.code()),
            (429, "rate_limited"),
            "a resend at the other replica at once, after send {n}: {}",
            answer.body
        );
        assert!(
            answer.retry_after.is_some_and(|s| s <= 2),
            "{}",
            answer.body
        );
        std::thread::sleep(std::time::Duration::from_millis(2100));
    }
    let answer = send(&b);
    assert_eq!(
        (answer.status, answer.code()),
        (429, "rate_limited"),
        "the sixth send of the hour: {}",
        answer.body
    );
    assert!(
        answer.retry_after.is_some_and(|s| s > 3000),
        "{}",
        answer.body
    );
    assert_eq!(a.sms_codes(phone).len() + b.sms_codes(phone).len(), 5);
}
