//! CI grants (issue 6): issuing (padlocked, scoped to what the issuer holds, TTL rules),
//! listing without tokens, a CI job that has only `PADLOCK_SERVER` and `PADLOCK_GRANT`, the
//! keyring left alone, revocation, expiry, the issuer's current permissions, what a CI grant
//! may never do, and the audit trail of every use.

use std::os::unix::net::{UnixListener, UnixStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use data_encoding::BASE32_NOPAD;
use serde_json::{Value, json};

use crate::helpers::*;

/// The scope most tests issue: transport to demo's production.
const SCOPE: [&str; 6] = [
    "--app",
    "demo",
    "--env",
    "production",
    "--allow",
    "transport",
];

/// The dev server with `admin` (support, technical contact of `demo` and of `other`, with a
/// grant) and the member `bob` (with a grant), who holds transport on demo/test, transport
/// and manage on demo/production, and transport on other/production.
struct Team {
    server: Server,
    admin: User,
    bob: User,
}

fn team(settings: &[(&str, &str)]) -> Team {
    let server = Server::start_with(&[], settings);
    let admin = server.admin();
    admin.json(&[
        "admin",
        "apps",
        "create",
        "other",
        "--contact",
        "admin",
        "--env",
        "production:padlocked",
    ]);
    let password = server.create_user(&admin, "bob");
    for app in ["demo", "other"] {
        admin.team_add(app, "bob", "deploy");
    }
    for (app, env, allow) in [
        ("demo", "test", "transport"),
        ("demo", "production", "transport,manage"),
        ("other", "production", "transport"),
    ] {
        admin.json(&[
            "permissions",
            "grant",
            "--app",
            app,
            "--env",
            env,
            "--user",
            "bob",
            "--allow",
            allow,
        ]);
    }
    let bob = server.user();
    bob.login("bob", &password);
    bob.enroll_totp();
    Team { server, admin, bob }
}

/// `SCOPE` plus `extra`, as the arguments of `grant issue`.
fn scope_and<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = SCOPE.to_vec();
    args.extend_from_slice(extra);
    args
}

/// `grant issue` with `SCOPE` plus `extra`, as a whole command line.
fn issue_command<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["grant", "issue"];
    args.extend(scope_and(extra));
    args
}

/// Issues a CI grant for `SCOPE` plus `extra`, labelled `label`; returns its id and token.
fn issue(user: &User, label: &str, extra: &[&str]) -> (i64, String) {
    let mut args = scope_and(&["--label", label]);
    args.extend_from_slice(extra);
    let issued = user.issue_ci_grant(&args);
    (
        issued["id"].as_i64().unwrap(),
        issued["token"].as_str().unwrap().to_owned(),
    )
}

/// Uploads a small package to `app` as `user`; returns its id as text.
fn package(user: &User, app: &str) -> String {
    let file = user.config_dir().join(format!("{app}-1.0.mda"));
    std::fs::write(&file, format!("a package of {app}\n")).unwrap();
    let package = user.json(&["packages", "upload", "--app", app, file.to_str().unwrap()]);
    package["id"].as_i64().unwrap().to_string()
}

/// The one audit event of `via` for `action` on `app/env` with `outcome`.
fn event<'a>(
    events: &'a [Value],
    via: &str,
    action: &str,
    target: (&str, &str),
    outcome: &str,
) -> &'a Value {
    let found: Vec<&Value> = events
        .iter()
        .filter(|e| {
            e["via"] == via
                && e["action"] == action
                && e["app"] == target.0
                && e["env"] == target.1
                && e["outcome"] == outcome
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one {outcome} {action} on {target:?} via {via} in {events:#?}"
    );
    found[0]
}

/// The ids of a `grant list --output json`.
fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap_or_else(|| panic!("{list} is not an array"))
        .iter()
        .map(|g| g["id"].as_i64().unwrap())
        .collect()
}

/// Issuing: the token's form and strength, the default TTL and the cap, unknown operations,
/// only what the issuer holds, padlocked; listing shows everything but the token, and
/// support sees everyone's.
#[test]
fn issue_and_list_ci_grants() {
    let team = team(&[("PADLOCK_CI_GRANT_MAX_TTL", "24h")]);
    let (server, admin, bob) = (&team.server, &team.admin, &team.bob);

    let issued = bob.issue_ci_grant(&scope_and(&["--label", "ci"]));
    let token = issued["token"].as_str().unwrap().to_owned();
    let body = token
        .strip_prefix("plk_ci_")
        .unwrap_or_else(|| panic!("{token} has the CI-grant prefix"));
    let random = BASE32_NOPAD
        .decode(body.to_uppercase().as_bytes())
        .unwrap_or_else(|err| panic!("{body} is base32: {err}"));
    assert!(random.len() * 8 >= 128, "{token} carries 128 bits or more");
    let id = issued["id"].as_i64().expect("an id");
    assert_eq!(issued["label"], "ci");
    assert_eq!(issued["issuer"], "bob");
    assert_eq!(issued["app"], "demo");
    assert_eq!(issued["envs"], json!(["production"]));
    assert_eq!(issued["allow"], json!(["transport"]));
    assert_eq!(issued["state"], "active");
    assert_eq!(issued["last_used_at"], Value::Null);
    assert_eq!(issued["revoked_at"], Value::Null);
    assert_eq!(
        unix(&issued["expires_at"]) - unix(&issued["issued_at"]),
        8 * 3600,
        "the default TTL is 8 h: {issued}"
    );
    let (_, other_token) = issue(bob, "ci-2", &[]);
    assert_ne!(token, other_token);

    // Text output shows the token this once, with how to use it.
    let out = bob
        .cmd()
        .args(["grant", "issue"])
        .args(scope_and(&["--label", "text"]))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("plk_ci_").count(), 1, "{text}");
    assert!(text.contains("PADLOCK_GRANT"), "{text}");

    // The TTL: up to the server's cap, refused above it.
    let day = bob.issue_ci_grant(&scope_and(&["--ttl", "24h"]));
    assert_eq!(
        unix(&day["expires_at"]) - unix(&day["issued_at"]),
        24 * 3600
    );
    let err = bob.error(&issue_command(&["--ttl", "25h"]), 2);
    assert_eq!(err["code"], "bad_request", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("ci_grant_max_ttl"),
        "{err}"
    );
    let err = bob.error(
        &[
            "grant",
            "issue",
            "--app",
            "demo",
            "--env",
            "production",
            "--allow",
            "deploy",
        ],
        2,
    );
    assert_eq!(err["code"], "bad_request", "{err}");
    assert!(err["message"].as_str().unwrap().contains("deploy"), "{err}");
    // `view` is a node permission but guards no operation: no CI grant carries it.
    let err = bob.error(&issue_command(&["--allow", "view"]), 2);
    assert_eq!(err["code"], "bad_request", "{err}");
    assert!(err["message"].as_str().unwrap().contains("view"), "{err}");
    // A label is at most 100 printable characters.
    let longest = "l".repeat(100);
    assert_eq!(
        bob.issue_ci_grant(&scope_and(&["--label", &longest]))["label"],
        longest
    );
    for label in ["l".repeat(101), "bell\u{7}".to_owned()] {
        let err = bob.error(&issue_command(&["--label", &label]), 2);
        assert_eq!(err["code"], "bad_request", "{label:?}: {err}");
    }
    // An environment named twice is granted once; every one named is granted.
    let both = bob.issue_ci_grant(&[
        "--app",
        "demo",
        "--env",
        "test",
        "--env",
        "production",
        "--env",
        "test",
        "--allow",
        "transport",
    ]);
    assert_eq!(both["envs"], json!(["test", "production"]), "{both}");
    // Through the API, a grant for no environment or no operation is refused as such.
    let session = bob.stored_secrets()["session"]
        .as_str()
        .expect("bob's session")
        .to_owned();
    for (envs, allow) in [
        (json!([]), json!(["transport"])),
        (json!(["test"]), json!([])),
    ] {
        let answer = http()
            .post(format!("{}/v1/grants", server.url))
            .bearer_auth(&session)
            .json(&json!({"app": "demo", "envs": envs, "allow": allow}))
            .send()
            .unwrap();
        let status = answer.status().as_u16();
        let body: Value = answer.json().unwrap();
        assert_eq!(
            (status, &body["error"]["code"]),
            (400, &json!("bad_request")),
            "{body}"
        );
    }

    // A member hands out only what they hold.
    for (env, allow) in [("production", "backups"), ("acceptance", "transport")] {
        let err = bob.error(
            &[
                "grant", "issue", "--app", "demo", "--env", env, "--allow", allow,
            ],
            4,
        );
        assert_eq!(err["code"], "forbidden", "{env} {allow}: {err}");
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains(&format!("{allow} on demo/{env}")),
            "{err}"
        );
    }

    // Issuing is padlocked: a technical contact in a new session (no grant) and without a
    // terminal gets exit 3; one who never set up a second factor, too.
    let fresh_admin = server.admin_password_only();
    let err = fresh_admin.error(&issue_command(&[]), 3);
    assert_eq!(err["code"], "second_factor_required", "{err}");
    assert!(err["message"].as_str().unwrap().contains("--otp"), "{err}");
    let carol_password = server.create_user(admin, "carol");
    admin.json(&["admin", "apps", "create", "carol-app", "--contact", "carol"]);
    let carol = server.user();
    carol.login("carol", &carol_password);
    let err = carol.error(
        &[
            "grant",
            "issue",
            "--app",
            "carol-app",
            "--env",
            "production",
            "--allow",
            "transport",
        ],
        3,
    );
    assert_eq!(err["code"], "enrollment_required", "{err}");
    assert_eq!(
        carol.json(&["grant", "list"]),
        json!([]),
        "nothing was issued"
    );

    // The list: id, label, scope, expiry, last use, never the token.
    let out = bob
        .cmd()
        .args(["grant", "list", "--output", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("plk_ci_"), "no token in {stdout}");
    let list: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(ids(&list).len(), 6, "{list}");
    let listed = list
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == id)
        .unwrap_or_else(|| panic!("grant {id} in {list}"));
    assert_eq!(listed.get("token"), None, "{listed}");
    for key in ["label", "app", "envs", "allow", "expires_at", "issuer"] {
        assert_eq!(listed[key], issued[key], "{key}: {listed}");
    }
    assert_eq!(listed["last_used_at"], Value::Null);
    let row = |text: &str| -> String {
        text.lines()
            .find(|line| line.split_whitespace().next() == Some(&id.to_string()))
            .unwrap_or_else(|| panic!("a row for grant {id} in:\n{text}"))
            .to_owned()
    };
    let text_list = || {
        // Times for people are local: UTC here, so the table can be compared with the JSON.
        let out = bob
            .cmd()
            .env("TZ", "UTC")
            .args(["grant", "list"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let text = text_list();
    assert!(!text.contains("plk_ci_"), "no token in {text}");
    let header = text.lines().next().unwrap();
    for column in [
        "ID",
        "LABEL",
        "APP",
        "ENVIRONMENTS",
        "ALLOW",
        "EXPIRES",
        "LAST USED",
    ] {
        assert!(header.contains(column), "{column} in {header}");
    }
    let line = row(&text);
    for cell in [
        "ci",
        "demo",
        "production",
        "transport",
        &issued["expires_at"].as_str().unwrap()[..16].replace('T', " "),
        "never",
        "active",
    ] {
        assert!(line.contains(cell), "{cell:?} in {line:?}");
    }

    // A use shows as the last use.
    CiJob::new(&server.url, &token).json(&[
        "can-i",
        "transport",
        "--app",
        "demo",
        "--env",
        "production",
    ]);
    let list = bob.json(&["grant", "list"]);
    let listed = list
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == id)
        .unwrap();
    let used = unix(&listed["last_used_at"]);
    assert!(
        (unix_now() as i64 - used).abs() < 60,
        "last use is now: {listed}"
    );
    assert!(!row(&text_list()).contains("never"));

    // Support lists everyone's; a member only their own.
    let (admins, _) = issue(admin, "admin-ci", &[]);
    let everyone = ids(&admin.json(&["grant", "list"]));
    let bobs = ids(&bob.json(&["grant", "list"]));
    assert!(everyone.contains(&admins), "{everyone:?}");
    assert!(
        bobs.iter().all(|id| everyone.contains(id)),
        "{everyone:?} {bobs:?}"
    );
    assert!(!bobs.contains(&admins), "{bobs:?}");
}

/// A CI job with nothing but `PADLOCK_SERVER` and `PADLOCK_GRANT` uploads, transports to
/// production without being asked anything, and checks with `can-i`; everything outside
/// the grant's app, environments and operations is refused with `out_of_scope` (exit 4).
/// Every use is audited under the grant's id and label; nothing is written locally.
#[test]
fn a_ci_job_works_within_its_scope() {
    let team = team(&[]);
    let (server, admin, bob) = (&team.server, &team.admin, &team.bob);
    let (id, token) = issue(bob, "nightly deploy", &[]);
    let job = CiJob::new(&server.url, &token);
    let via = format!("ci_grant:{id}");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("built-by-ci.mda");
    std::fs::write(&file, "built by CI\n").unwrap();
    let uploaded = job.json(&[
        "packages",
        "upload",
        "--app",
        "demo",
        file.to_str().unwrap(),
    ]);
    assert_eq!(uploaded["uploaded_by"], "bob", "{uploaded}");
    let package = uploaded["id"].as_i64().unwrap().to_string();

    let out = job
        .cmd()
        .args(["transport", "--app", "demo", "--package", &package])
        .args(["--to", "production"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("padlock: transport succeeded"),
        "{out:?}"
    );
    for asked in ["code", "Code", "password", "warning"] {
        assert!(!stderr.contains(asked), "nothing about {asked:?}: {stderr}");
    }
    let envs = admin.json(&["envs", "list", "--app", "demo"]);
    let production = envs
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "production")
        .unwrap();
    assert_eq!(production["package_id"].to_string(), package, "{envs}");

    // can-i: yes for the grant's operation, with the time left.
    let out = job
        .cmd()
        .args(["can-i", "transport", "--app", "demo", "--env", "production"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    let left = text
        .strip_prefix("yes: transport on demo/production is allowed (grant valid for ")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        left.starts_with("8h 0m)") || left.starts_with("7h 5"),
        "about 8 hours left: {text}"
    );
    let answer = job.json(&["can-i", "transport", "--app", "demo", "--env", "production"]);
    assert_eq!(answer["allowed"], true, "{answer}");
    let left = answer["grant_seconds_left"].as_i64().unwrap();
    assert!((8 * 3600 - 120..=8 * 3600).contains(&left), "{answer}");
    // ... and no for what the grant does not carry (bob holds manage there; the grant not).
    let out = job
        .cmd()
        .args(["can-i", "start", "--app", "demo", "--env", "production"])
        .args(["--output", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{out:?}");
    let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["allowed"], false, "{answer}");
    assert_eq!(answer["reason"], "out_of_scope", "{answer}");

    // Outside the scope: another environment, another app, another operation.
    let err = job.error(
        &[
            "transport",
            "--app",
            "demo",
            "--package",
            &package,
            "--to",
            "test",
        ],
        4,
    );
    assert_eq!(err["code"], "out_of_scope", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("environment test"),
        "{err}"
    );
    let other_package = package_of_admin(admin);
    let err = job.error(
        &[
            "transport",
            "--app",
            "other",
            "--package",
            &other_package,
            "--to",
            "production",
        ],
        4,
    );
    assert_eq!(err["code"], "out_of_scope", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("app other"),
        "{err}"
    );
    let err = job.error(
        &[
            "packages",
            "upload",
            "--app",
            "other",
            file.to_str().unwrap(),
        ],
        4,
    );
    assert_eq!(err["code"], "out_of_scope", "{err}");
    let err = job.error(
        &["env", "restart", "--app", "demo", "--env", "production"],
        4,
    );
    assert_eq!(err["code"], "out_of_scope", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("operation manage"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(job.config_dir.path()).unwrap().count(),
        0,
        "a CI job writes nothing to its config directory"
    );

    // The audit log, for the issuer and for support: every attempt under the grant's id
    // and label, denials with their reason.
    for reader in [bob, admin] {
        let events = reader.audit(&[]);
        let allowed = event(
            &events,
            &via,
            "transport",
            ("demo", "production"),
            "allowed",
        );
        assert_eq!(allowed["actor"], "bob", "{allowed}");
        assert_eq!(allowed["label"], "nightly deploy", "{allowed}");
        assert_eq!(allowed["reason"], Value::Null, "{allowed}");
        for (action, target) in [
            ("transport", ("demo", "test")),
            ("transport", ("other", "production")),
            ("restart", ("demo", "production")),
        ] {
            let denied = event(&events, &via, action, target, "denied");
            assert_eq!(denied["reason"], "out_of_scope", "{denied}");
            assert_eq!(denied["label"], "nightly deploy", "{denied}");
            assert_eq!(denied["actor"], "bob", "{denied}");
        }
    }
}

/// `admin` uploads a package to `other`; returns its id.
fn package_of_admin(admin: &User) -> String {
    package(admin, "other")
}

/// A session bus that accepts connections and never answers: anything that talks to the
/// Secret Service hangs on it until its timeout.
struct HangingBus {
    address: String,
    stop: Arc<AtomicBool>,
    path: std::path::PathBuf,
    thread: Option<JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl HangingBus {
    fn start() -> HangingBus {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bus");
        let listener = UnixListener::bind(&path).unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut held: Vec<UnixStream> = Vec::new();
            for stream in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(stream) = stream {
                    held.push(stream);
                }
            }
        });
        HangingBus {
            address: format!("unix:path={}", path.display()),
            stop,
            path,
            thread: Some(thread),
            _dir: dir,
        }
    }
}

impl Drop for HangingBus {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so it sees the flag.
        let _ = UnixStream::connect(&self.path);
        if let Some(thread) = self.thread.take() {
            thread.join().ok();
        }
    }
}

/// Under `PADLOCK_GRANT` the keyring is not touched: with the keyring chosen and a session
/// bus that never answers (and a 60 s keyring timeout), the CI job's commands finish at
/// once; a logged-in person's command in the same environment waits for the keyring and
/// fails with a credential-store error.
#[test]
fn a_ci_job_never_touches_the_keyring() {
    let team = team(&[]);
    let (server, bob) = (&team.server, &team.bob);
    let bus = HangingBus::start();
    let (_, token) = issue(bob, "keyring", &[]);
    let job = CiJob::new(&server.url, &token);
    let package = package(bob, "demo");
    let hanging = |cmd: &mut assert_cmd::Command, timeout_ms: &str| {
        cmd.env("PADLOCK_CREDENTIAL_STORE", "keyring")
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .env("PADLOCK_KEYRING_TIMEOUT_MS", timeout_ms)
            .timeout(Duration::from_secs(30));
    };

    for args in [
        vec!["can-i", "transport", "--app", "demo", "--env", "production"],
        vec!["packages", "list", "--app", "demo"],
        vec![
            "transport",
            "--app",
            "demo",
            "--package",
            &package,
            "--to",
            "production",
        ],
        vec!["status"],
    ] {
        let mut cmd = job.cmd();
        hanging(&mut cmd, "60000");
        let started = Instant::now();
        let out = cmd.args(&args).output().unwrap();
        let took = started.elapsed();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert!(took < Duration::from_secs(10), "{args:?} took {took:?}");
    }

    // The contrast: a person logged in (file store), then the keyring chosen on that bus.
    let person = server.admin();
    let mut cmd = person.cmd();
    hanging(&mut cmd, "1500");
    let started = Instant::now();
    let out = cmd
        .args(["apps", "list", "--output", "json"])
        .output()
        .unwrap();
    let took = started.elapsed();
    let err = json_error(&out, 1, "apps list with the keyring on a hanging bus");
    assert_eq!(err["code"], "credential_store", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("did not answer within 1500 ms"),
        "{err}"
    );
    assert!(
        took >= Duration::from_millis(1500) && took < Duration::from_secs(10),
        "waited for the keyring: {took:?}"
    );
}

/// A revoked grant is refused on its next request, an expired one too (exit 5, with their
/// codes), and both refusals are audited under the grant.
#[test]
fn revoked_and_expired_ci_grants_are_refused() {
    let team = team(&[]);
    let (server, bob) = (&team.server, &team.bob);
    let package = package(bob, "demo");
    let transport = [
        "transport",
        "--app",
        "demo",
        "--package",
        &package,
        "--to",
        "production",
    ];

    let (id, token) = issue(bob, "to revoke", &[]);
    let job = CiJob::new(&server.url, &token);
    job.json(&["can-i", "transport", "--app", "demo", "--env", "production"]);
    let out = bob
        .cmd()
        .args(["grant", "revoke", &id.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("CI grant {id} revoked; its next use is refused.")
    );
    let err = job.error(&transport, 5);
    assert_eq!(err["code"], "grant_revoked", "{err}");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("padlock grant issue"),
        "{err}"
    );
    let err = job.error(
        &["can-i", "transport", "--app", "demo", "--env", "production"],
        5,
    );
    assert_eq!(err["code"], "grant_revoked", "{err}");

    let issued = bob.issue_ci_grant(&scope_and(&["--label", "short", "--ttl", "2s"]));
    let expired_id = issued["id"].as_i64().unwrap();
    let expires_at = unix(&issued["expires_at"]);
    while (unix_now() as i64) <= expires_at {
        std::thread::sleep(Duration::from_millis(200));
    }
    let job = CiJob::new(&server.url, issued["token"].as_str().unwrap());
    let err = job.error(&transport, 5);
    assert_eq!(err["code"], "grant_expired", "{err}");

    let list = bob.json(&["grant", "list"]);
    let state = |id: i64| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == id)
            .unwrap_or_else(|| panic!("grant {id} in {list}"))["state"]
            .clone()
    };
    assert_eq!(state(id), "revoked");
    assert_eq!(state(expired_id), "expired");
    let envs = bob.json(&["envs", "list", "--app", "demo"]);
    assert!(
        envs.as_array()
            .unwrap()
            .iter()
            .all(|e| e["package_id"].is_null()),
        "nothing was transported: {envs}"
    );

    // Both refusals are in the audit log: denied, with the reason, under the grant (the
    // revoked grant was refused twice).
    let events = bob.audit(&[]);
    for (grant, label, reason, times) in [
        (id, "to revoke", "grant_revoked", 2),
        (expired_id, "short", "grant_expired", 1),
    ] {
        let via = format!("ci_grant:{grant}");
        let denied: Vec<&Value> = events
            .iter()
            .filter(|e| e["via"] == via.as_str() && e["outcome"] == "denied")
            .collect();
        assert_eq!(denied.len(), times, "denied uses of {via} in {events:#?}");
        for event in denied {
            assert_eq!(event["action"], "ci_grant_use", "{event}");
            assert_eq!(event["reason"], reason, "{event}");
            assert_eq!(event["label"], label, "{event}");
            assert_eq!(event["actor"], "bob", "{event}");
            assert_eq!(event["client"], "127.0.0.1", "{event}");
        }
    }
}

/// Only the issuer and support may revoke a CI grant. Anyone else hears that there is no
/// such grant of theirs, and the grant keeps working; support's revocation ends it.
#[test]
fn only_the_issuer_or_support_revokes_a_ci_grant() {
    let team = team(&[]);
    let (server, admin, bob) = (&team.server, &team.admin, &team.bob);
    let (id, token) = issue(bob, "bob's job", &[]);
    let job = CiJob::new(&server.url, &token);
    let can_i = ["can-i", "transport", "--app", "demo", "--env", "production"];
    job.json(&can_i);

    // Carol is on bob's team, but the grant is not hers.
    let password = server.create_user(admin, "carol");
    admin.team_add("demo", "carol", "deploy");
    let carol = server.user();
    carol.login("carol", &password);
    let err = carol.error(&["grant", "revoke", &id.to_string()], 1);
    assert_eq!(err["code"], "not_found", "{err}");
    assert_eq!(
        err["message"],
        format!("no CI grant {id} of yours; padlock grant list shows them"),
        "{err}"
    );
    assert_eq!(job.json(&can_i)["allowed"], true);

    admin
        .cmd()
        .args(["grant", "revoke", &id.to_string()])
        .assert()
        .success();
    assert_eq!(job.error(&can_i, 5)["code"], "grant_revoked");
}

/// A CI grant carries the issuer's *current* permissions: when the technical contact takes
/// transport away from the issuer, the grant's next use is forbidden; given back, it works
/// again.
#[test]
fn a_ci_grant_follows_its_issuers_permissions() {
    let team = team(&[]);
    let (server, admin, bob) = (&team.server, &team.admin, &team.bob);
    let package = package(bob, "demo");
    let (id, token) = issue(bob, "follows bob", &[]);
    let job = CiJob::new(&server.url, &token);
    let can_i = ["can-i", "transport", "--app", "demo", "--env", "production"];
    job.json(&can_i);

    let change = |verb: &str| {
        admin.json(&[
            "permissions",
            verb,
            "--app",
            "demo",
            "--env",
            "production",
            "--user",
            "bob",
            "--allow",
            "transport",
        ])
    };
    change("revoke");
    let transport = [
        "transport",
        "--app",
        "demo",
        "--package",
        &package,
        "--to",
        "production",
    ];
    let err = job.error(&transport, 4);
    assert_eq!(err["code"], "forbidden", "{err}");
    let out = job
        .cmd()
        .args(can_i)
        .args(["--output", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4), "{out:?}");
    let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["reason"], "forbidden", "{answer}");

    change("grant");
    job.cmd().args(transport).assert().success();

    let events = admin.audit(&["--app", "demo"]);
    let via = format!("ci_grant:{id}");
    let denied = event(&events, &via, "transport", ("demo", "production"), "denied");
    assert_eq!(denied["reason"], "forbidden", "{denied}");
    assert_eq!(denied["label"], "follows bob", "{denied}");
    event(
        &events,
        &via,
        "transport",
        ("demo", "production"),
        "allowed",
    );
}

/// A CI grant never changes who may do what: it cannot issue or manage grants, change
/// permissions, reset a second factor, read the audit log or use `2fa` — not through the
/// CLI (exit 2 where the CLI refuses itself, else the server's `out_of_scope`, exit 4) and
/// not through the API. A token that is not a CI grant is `unauthenticated` (exit 1).
#[test]
fn a_ci_grant_cannot_change_who_may_do_what() {
    let team = team(&[]);
    let (server, admin, bob) = (&team.server, &team.admin, &team.bob);
    // Issued by support, who is also demo's technical contact: every refusal below is the
    // grant's, not a lack of permission.
    let issued = admin.issue_ci_grant(&[
        "--app",
        "demo",
        "--env",
        "production",
        "--allow",
        "transport,manage,backups",
        "--label",
        "everything",
    ]);
    let token = issued["token"].as_str().unwrap().to_owned();
    let job = CiJob::new(&server.url, &token);
    let id = issued["id"].to_string();

    let cli_refuses: [&[&str]; 6] = [
        &[
            "grant",
            "issue",
            "--app",
            "demo",
            "--env",
            "production",
            "--allow",
            "transport",
        ],
        &["grant", "list"],
        &["grant", "revoke", &id],
        &["2fa", "status"],
        &["2fa", "setup", "--method", "totp"],
        &["2fa", "verify"],
    ];
    for args in cli_refuses {
        let err = job.error(args, 2);
        assert_eq!(err["code"], "usage", "{args:?}: {err}");
        assert!(
            err["message"].as_str().unwrap().contains("PADLOCK_GRANT"),
            "{args:?}: {err}"
        );
    }
    let server_refuses: [&[&str]; 4] = [
        &[
            "permissions",
            "grant",
            "--app",
            "demo",
            "--env",
            "production",
            "--user",
            "bob",
            "--allow",
            "backups",
        ],
        &[
            "permissions",
            "revoke",
            "--app",
            "demo",
            "--env",
            "test",
            "--user",
            "bob",
            "--allow",
            "transport",
        ],
        &["admin", "reset-2fa", "bob"],
        &["audit"],
    ];
    for args in server_refuses {
        let err = job.error(args, 4);
        assert_eq!(err["code"], "out_of_scope", "{args:?}: {err}");
    }

    // The server refuses on its own, whatever client sends the request.
    let raw = |method: reqwest::Method, path: &str, body: Value| {
        let response = http()
            .request(method, format!("{}/v1{path}", server.url))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .unwrap();
        let status = response.status().as_u16();
        let body: Value = response.json().unwrap_or(Value::Null);
        (
            status,
            body["error"]["code"].as_str().unwrap_or("").to_owned(),
        )
    };
    for (method, path, body) in [
        (
            reqwest::Method::POST,
            "/grants".to_owned(),
            json!({"app": "demo", "envs": ["production"], "allow": ["transport"]}),
        ),
        (reqwest::Method::GET, "/grants".to_owned(), Value::Null),
        (
            reqwest::Method::DELETE,
            format!("/grants/{id}"),
            Value::Null,
        ),
        (
            reqwest::Method::POST,
            "/2fa/setup".to_owned(),
            json!({"method": "totp"}),
        ),
        (
            reqwest::Method::POST,
            "/2fa/verify".to_owned(),
            json!({"code": "123456"}),
        ),
    ] {
        let (status, code) = raw(method.clone(), &path, body);
        assert_eq!(
            (status, code.as_str()),
            (403, "out_of_scope"),
            "{method} {path}"
        );
    }

    // Nothing changed: bob's permissions and second factor, and the grant itself.
    let perms = admin.json(&["permissions", "list", "--app", "demo", "--user", "bob"]);
    let of = |env: &str| -> Vec<String> {
        let mut p: Vec<String> = perms
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["env"] == env)
            .unwrap_or_else(|| panic!("{env} in {perms}"))["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_owned())
            .collect();
        p.sort();
        p
    };
    assert_eq!(of("production"), ["manage", "transport"], "{perms}");
    assert_eq!(of("test"), ["transport"], "{perms}");
    assert_eq!(bob.json(&["2fa", "status"])["active"], true);
    let grants = admin.json(&["grant", "list"]);
    assert_eq!(grants.as_array().unwrap().len(), 1, "{grants}");
    assert_eq!(grants[0]["state"], "active", "{grants}");
    job.json(&["can-i", "restart", "--app", "demo", "--env", "production"]);

    // Tokens that are no CI grant.
    let unknown = format!("plk_ci_{}", "a".repeat(52));
    for garbage in ["garbage", unknown.as_str(), "plk_ci_"] {
        let err = CiJob::new(&server.url, garbage).error(
            &["can-i", "transport", "--app", "demo", "--env", "production"],
            1,
        );
        assert_eq!(err["code"], "unauthenticated", "{garbage}: {err}");
    }
}

/// A grant that ends before a typical run would: the first transport (no past run to go
/// by) warns with a 60 s grant, since that is under 15 minutes; once a run is known and
/// shorter than what is left, it does not.
#[test]
fn a_short_ci_grant_warns_before_the_run() {
    let team = team(&[]);
    let (server, bob) = (&team.server, &team.bob);
    let package = package(bob, "demo");
    let (_, token) = issue(bob, "short", &["--ttl", "60s"]);
    let job = CiJob::new(&server.url, &token);
    let transport = [
        "transport",
        "--app",
        "demo",
        "--package",
        &package,
        "--to",
        "production",
    ];

    let out = job.cmd().args(transport).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warning = stderr
        .lines()
        .find(|line| line.starts_with("warning: "))
        .unwrap_or_else(|| panic!("a warning in {stderr}"));
    let (left, rest) = warning
        .strip_prefix("warning: the grant in force expires in ")
        .and_then(|rest| rest.split_once("; "))
        .unwrap_or_else(|| panic!("{warning}"));
    // "59s" or "1m 0s"
    let seconds: i64 = left
        .split(' ')
        .map(|part| match part.split_at(part.len().saturating_sub(1)) {
            (n, "m") => n.parse::<i64>().map(|n| n * 60),
            (n, "s") => n.parse::<i64>(),
            _ => panic!("{warning}"),
        })
        .sum::<Result<i64, _>>()
        .unwrap_or_else(|_| panic!("{warning}"));
    assert!((1..=60).contains(&seconds), "{warning}");
    assert_eq!(
        rest, "renew it before the next step (padlock 2fa verify, or a new CI grant)",
        "{warning}"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("padlock: transport succeeded"),
        "{out:?}"
    );

    // Now the last run is known, and far shorter than what is left of the grant.
    let out = job.cmd().args(transport).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("warning"), "{stderr}");
}
