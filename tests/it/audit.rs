//! The audit log (issue 5): every padlocked attempt, allowed or denied, with who, how (session
//! or grant), why and from where; second-factor, login and permission events; who may read
//! which events; JSON lines and the `--since` window.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::helpers::*;

/// Support (`admin`, in a dev server), the app `shop` (test, padlocked production) with its
/// technical contact `alice`, its member `bob` (view and transport on test), the outsider
/// `carol` and a package on `shop`.
struct Shop {
    server: Server,
    admin: User,
    alice: User,
    bob: User,
    carol: User,
    alice_password: String,
    package: String,
}

fn shop(envs: &[(&str, &str)]) -> Shop {
    let server = Server::start_with(&[], envs);
    let admin = server.admin();
    let [(alice, alice_password), (bob, _), (carol, _)] = ["alice", "bob", "carol"].map(|name| {
        let password = server.create_user(&admin, name);
        let user = server.user();
        user.login(name, &password);
        (user, password)
    });
    admin.json(&[
        "admin",
        "apps",
        "create",
        "shop",
        "--contact",
        "alice",
        "--env",
        "test",
        "--env",
        "production:padlocked",
    ]);
    admin.team_add("shop", "bob", "deploy");
    alice.json(&[
        "permissions",
        "grant",
        "--app",
        "shop",
        "--env",
        "test",
        "--user",
        "bob",
        "--allow",
        "view,transport",
    ]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop.mda");
    std::fs::write(&file, "shop package").unwrap();
    let package = alice.json(&[
        "packages",
        "upload",
        "--app",
        "shop",
        file.to_str().unwrap(),
    ]);
    Shop {
        server,
        admin,
        alice,
        bob,
        carol,
        alice_password,
        package: package["id"].as_i64().unwrap().to_string(),
    }
}

impl Shop {
    fn transport<'a>(&'a self, env: &'a str) -> Vec<&'a str> {
        vec![
            "transport",
            "--app",
            "shop",
            "--to",
            env,
            "--package",
            &self.package,
            "--no-input",
        ]
    }
}

/// Enrolls TOTP through the scripting contract and returns the id of the grant it yields.
fn enroll(user: &User) -> i64 {
    let setup = user.json(&["2fa", "setup", "--method", "totp", "--no-input"]);
    let secret = setup["secret"].as_str().unwrap();
    let grant = user.json(&["2fa", "confirm", "--otp", &totp_now(secret)]);
    grant["id"].as_i64().unwrap()
}

/// The events of `actor` doing `action`, in order.
fn events_of<'a>(events: &'a [Value], actor: &str, action: &str) -> Vec<&'a Value> {
    events
        .iter()
        .filter(|e| e["actor"] == actor && e["action"] == action)
        .collect()
}

/// The only event of `actor` doing `action`.
fn only<'a>(events: &'a [Value], actor: &str, action: &str) -> &'a Value {
    let found = events_of(events, actor, action);
    assert_eq!(
        found.len(),
        1,
        "one {action} by {actor} expected in {events:#?}"
    );
    found[0]
}

/// The `session:ID` of each successful login of `actor`, in order.
fn sessions_of(events: &[Value], actor: &str) -> Vec<String> {
    events_of(events, actor, "login")
        .into_iter()
        .filter(|e| e["outcome"] == "allowed")
        .map(|e| {
            let via = e["via"].as_str().unwrap().to_owned();
            assert!(via.starts_with("session:"), "{e}");
            via
        })
        .collect()
}

#[test]
fn padlocked_attempts_are_recorded_allowed_and_denied() {
    let s = shop(&[]);
    // Before 2FA: the padlock asks for enrollment, and the attempt is on record as denied.
    assert_eq!(
        s.alice.fails(&s.transport("production"), 3),
        "enrollment_required"
    );
    let grant = enroll(&s.alice);
    s.alice
        .cmd()
        .args(s.transport("production"))
        .assert()
        .success();
    // An outsider learns nothing of the app: the answer of an app that does not exist.
    assert_eq!(s.carol.fails(&s.transport("test"), 1), "not_found");
    // A member without the permission there is refused.
    assert_eq!(s.bob.fails(&s.transport("production"), 4), "forbidden");
    // A second session of alice has no grant yet.
    let alice_again = s.server.user();
    alice_again.login("alice", &s.alice_password);
    assert_eq!(
        alice_again.fails(&s.transport("production"), 3),
        "second_factor_required"
    );

    let events = s.admin.audit(&["--app", "shop"]);
    let sessions = sessions_of(&s.admin.audit(&[]), "alice");
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    let attempts = events_of(&events, "alice", "transport");
    assert_eq!(attempts.len(), 3, "{events:#?}");
    let (denied, allowed, again) = (attempts[0], attempts[1], attempts[2]);
    for (event, outcome) in [(denied, "denied"), (allowed, "allowed")] {
        assert_eq!(event["app"], "shop", "{event}");
        assert_eq!(event["env"], "production", "{event}");
        assert_eq!(event["outcome"], outcome, "{event}");
        assert_eq!(event["client"], "127.0.0.1", "{event}");
    }
    assert_eq!(denied["reason"], "enrollment_required");
    assert_eq!(
        denied["via"],
        sessions[0].as_str(),
        "before 2FA: the session"
    );
    assert_eq!(allowed["reason"], Value::Null);
    assert_eq!(
        allowed["via"],
        format!("grant:{grant}").as_str(),
        "after 2FA: the grant"
    );

    // The new session is named, not the first one's grant.
    assert_eq!(again["outcome"], "denied");
    assert_eq!(again["reason"], "second_factor_required");
    let again_via = again["via"].as_str().unwrap();
    assert!(again_via.starts_with("session:"), "{again}");
    assert_eq!(again_via, sessions[1]);

    assert!(
        events_of(&events, "carol", "transport").is_empty(),
        "{events:#?}"
    );
    let bob = only(&events, "bob", "transport");
    assert_eq!(bob["outcome"], "denied");
    assert_eq!(bob["reason"], "forbidden");
    assert_eq!(bob["env"], "production");
}

/// A code that is none of the codes the server accepts now (one step of skew either way).
fn wrong_code(secret: &str) -> String {
    let now = unix_now();
    let valid = [now - 30, now, now + 30, now + 60].map(|t| totp_at(secret, t));
    (0..)
        .map(|n| format!("{:06}", 123_456 + n))
        .find(|code| !valid.contains(code))
        .unwrap()
}

#[test]
fn second_factor_login_and_permission_events_are_recorded() {
    let s = shop(&[("PADLOCK_LOCKOUT_FAILURES", "3")]);
    let dave_password = s.server.create_user(&s.admin, "dave");
    let dave = s.server.user();
    // A wrong password, then the right one.
    dave.cmd()
        .args(["login", "dave", "--password-stdin"])
        .write_stdin("not the password\n")
        .assert()
        .failure();
    dave.login("dave", &dave_password);

    let setup = dave.json(&["2fa", "setup", "--method", "totp", "--no-input"]);
    let secret = setup["secret"].as_str().unwrap().to_owned();
    let grant = dave.json(&["2fa", "confirm", "--otp", &totp_now(&secret)]);
    let grant_id = grant["id"].as_i64().unwrap();
    // Three wrong codes lock the account; a fourth attempt is refused as locked out.
    let wrong = wrong_code(&secret);
    for _ in 0..2 {
        assert_eq!(
            dave.fails(&["2fa", "verify", "--otp", &wrong], 1),
            "invalid_code"
        );
    }
    assert_eq!(
        dave.fails(&["2fa", "verify", "--otp", &wrong], 1),
        "locked_out"
    );
    assert_eq!(
        dave.fails(&["2fa", "verify", "--otp", &wrong], 1),
        "locked_out"
    );

    // A permission change where no second factor is needed, and one where it is missing.
    // Node permissions go to deploy members of the team.
    s.admin.team_add("shop", "dave", "deploy");
    s.alice.json(&[
        "permissions",
        "grant",
        "--app",
        "shop",
        "--env",
        "test",
        "--user",
        "dave",
        "--allow",
        "view",
    ]);
    assert_eq!(
        s.alice.fails(
            &[
                "permissions",
                "grant",
                "--app",
                "shop",
                "--env",
                "production",
                "--user",
                "dave",
                "--allow",
                "view",
                "--no-input",
            ],
            3
        ),
        "enrollment_required"
    );
    dave.cmd().arg("logout").assert().success();

    let events = s.admin.audit(&[]);
    let of = |actor: &str, action: &str| -> Vec<(String, Option<String>)> {
        events_of(&events, actor, action)
            .iter()
            .map(|e| {
                (
                    e["outcome"].as_str().unwrap().to_owned(),
                    e["reason"].as_str().map(str::to_owned),
                )
            })
            .collect()
    };
    let allowed = || ("allowed".to_owned(), None);
    let denied = |reason: &str| ("denied".to_owned(), Some(reason.to_owned()));
    assert_eq!(
        of("dave", "login"),
        [denied("invalid_credentials"), allowed()]
    );
    assert_eq!(of("dave", "2fa_setup_totp"), [allowed()]);
    assert_eq!(of("dave", "2fa_enroll_totp"), [allowed()]);
    assert_eq!(of("dave", "grant_issue"), [allowed()]);
    assert_eq!(
        of("dave", "2fa_verify"),
        [
            allowed(),
            denied("invalid_code"),
            denied("invalid_code"),
            denied("invalid_code"),
        ]
    );
    assert_eq!(of("dave", "2fa_lockout"), [denied("locked_out")]);
    assert_eq!(of("dave", "logout"), [allowed()]);
    assert_eq!(
        of("alice", "permissions_change"),
        // bob's permissions (set up by `shop`), dave's, and the refused one.
        [allowed(), allowed(), denied("enrollment_required")]
    );
    let changes = events_of(&events, "alice", "permissions_change");
    assert_eq!(changes[1]["app"], "shop");
    assert_eq!(changes[1]["env"], "test");
    assert_eq!(changes[2]["env"], "production");

    // The failed login names no session; the rest name the session or the grant in force.
    let sessions = sessions_of(&events, "dave");
    assert_eq!(sessions.len(), 1);
    assert_eq!(events_of(&events, "dave", "login")[0]["via"], Value::Null);
    assert_eq!(
        only(&events, "dave", "2fa_setup_totp")["via"],
        sessions[0].as_str()
    );
    assert_eq!(
        only(&events, "dave", "2fa_enroll_totp")["via"],
        sessions[0].as_str(),
        "the enrollment is what yields grant {grant_id}"
    );
    assert_eq!(only(&events, "dave", "logout")["via"], sessions[0].as_str());
    for event in events.iter().filter(|e| e["actor"] == "dave") {
        assert_eq!(event["client"], "127.0.0.1", "{event}");
        assert_eq!(event["app"], Value::Null, "{event}");
    }
}

#[test]
fn support_resets_are_recorded() {
    let s = shop(&[]);
    enroll(&s.alice);
    s.admin
        .cmd()
        .args(["admin", "reset-2fa", "alice"])
        .assert()
        .success();
    // Without a grant of support's own, the attempt is denied and recorded too.
    let other_admin = s.server.admin_password_only();
    assert_eq!(
        other_admin.fails(&["admin", "reset-2fa", "bob", "--no-input"], 3),
        "second_factor_required"
    );
    let events = s.admin.audit(&[]);
    let resets = events_of(&events, "admin", "reset_2fa");
    assert_eq!(resets.len(), 2, "{events:#?}");
    assert_eq!(resets[0]["outcome"], "allowed");
    assert_eq!(resets[1]["outcome"], "denied");
    assert_eq!(resets[1]["reason"], "second_factor_required");
    assert!(
        events
            .iter()
            .any(|e| e["action"].as_str().unwrap().contains("reset")
                && e["action"].as_str().unwrap().contains("alice")),
        "which account was reset is on record: {events:#?}"
    );
}

#[test]
fn each_reader_sees_the_events_they_may() {
    let s = shop(&[]);
    // carol is technical contact of an app of her own.
    s.admin
        .json(&["admin", "apps", "create", "other", "--contact", "carol"]);
    s.bob.cmd().args(s.transport("test")).assert().success();
    s.alice
        .cmd()
        .args(["env", "restart", "--app", "shop", "--env", "test"])
        .assert()
        .success();
    s.carol
        .cmd()
        .args(["env", "restart", "--app", "other", "--env", "test"])
        .assert()
        .success();
    let has = |events: &[Value], actor: &str, action: &str| {
        events
            .iter()
            .any(|e| e["actor"] == actor && e["action"] == action)
    };

    // A member: their own events, nobody else's.
    let bob = s.bob.audit(&[]);
    assert!(has(&bob, "bob", "transport"), "{bob:#?}");
    assert!(has(&bob, "bob", "login"), "{bob:#?}");
    assert!(bob.iter().all(|e| e["actor"] == "bob"), "{bob:#?}");
    let bob_shop = s.bob.audit(&["--app", "shop"]);
    assert!(has(&bob_shop, "bob", "transport"));
    assert!(
        bob_shop
            .iter()
            .all(|e| e["actor"] == "bob" && e["app"] == "shop"),
        "{bob_shop:#?}"
    );

    // A technical contact: their app's events, whoever did them, and their own.
    let alice = s.alice.audit(&[]);
    assert!(has(&alice, "bob", "transport"), "{alice:#?}");
    assert!(has(&alice, "alice", "restart"));
    assert!(has(&alice, "alice", "login"));
    assert!(
        alice
            .iter()
            .all(|e| e["actor"] == "alice" || e["app"] == "shop"),
        "{alice:#?}"
    );
    assert!(!has(&alice, "carol", "restart"), "{alice:#?}");
    let alice_shop = s.alice.audit(&["--app", "shop"]);
    assert!(alice_shop.iter().all(|e| e["app"] == "shop"));
    assert!(has(&alice_shop, "bob", "transport"));

    // Support: everything.
    let admin = s.admin.audit(&[]);
    for (actor, action) in [
        ("bob", "transport"),
        ("alice", "restart"),
        ("carol", "restart"),
        ("admin", "app_create"),
        ("carol", "login"),
    ] {
        assert!(has(&admin, actor, action), "{actor} {action}: {admin:#?}");
    }
    assert!(has(&s.admin.audit(&["--app", "other"]), "carol", "restart"));

    // Not a member: not allowed to ask about the app at all.
    // Not a member: the app is not there for them.
    assert_eq!(s.carol.fails(&["audit", "--app", "shop"], 1), "not_found");
    assert_eq!(s.alice.fails(&["audit", "--app", "other"], 1), "not_found");
    assert_eq!(s.bob.fails(&["audit", "--app", "other"], 1), "not_found");
}

#[test]
fn audit_json_lines_and_the_since_window() {
    let s = shop(&[]);
    // JSON lines are the explicit export format; `--output json` is one array.
    let out = s
        .alice
        .cmd()
        .args(["audit", "--output", "jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 3, "{text}");
    let mut last_id = 0;
    for line in &lines {
        let event: Value = serde_json::from_str(line)
            .unwrap_or_else(|err| panic!("{line:?} is not one JSON object: {err}"));
        let object = event.as_object().unwrap();
        for key in [
            "id", "at", "actor", "action", "app", "env", "outcome", "reason", "via",
        ] {
            assert!(object.contains_key(key), "no {key} in {line}");
        }
        let id = event["id"].as_i64().unwrap();
        assert!(id > last_id, "oldest first, each once: {text}");
        last_id = id;
        let at = time::OffsetDateTime::parse(
            event["at"].as_str().unwrap(),
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap_or_else(|err| panic!("at is not RFC 3339 in {line}: {err}"));
        let age = time::OffsetDateTime::now_utc() - at;
        assert!(
            age.whole_seconds().abs() < 300,
            "{line} is not from this test"
        );
        assert!(
            ["allowed", "denied"].contains(&event["outcome"].as_str().unwrap()),
            "{line}"
        );
    }
    // People get a table.
    let table = s.alice.cmd().arg("audit").output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    let header: Vec<&str> = table.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        [
            "ID",
            "AT",
            "ACTOR",
            "ACTION",
            "TARGET",
            "OUTCOME",
            "VIA",
            "OPERATION"
        ]
    );
    assert_eq!(table.lines().count(), lines.len() + 1, "{table}");

    // Events older than the window are left out; newer ones are in.
    let before = s.alice.audit(&[]);
    // Every event of `before` is of this second or earlier; the restart comes 5 s later.
    let read_at = unix_now();
    while unix_now() < read_at + 5 {
        std::thread::sleep(Duration::from_millis(100));
    }
    s.alice
        .cmd()
        .args(["env", "restart", "--app", "shop", "--env", "test"])
        .assert()
        .success();
    // The CLI counts the window back from its own clock, which reads at least what the
    // test's read before starting it: a window of `now - read_at - 1` seconds starts after
    // every event of `before`, however slow the CLI is, and before the restart when the CLI
    // ran within 3 s. A slower run (a loaded machine) proves nothing either way: ask again.
    let recent = poll_until(120, "an audit query that ran within 3 s", || {
        let asked = Instant::now();
        let window = format!("{}s", unix_now() - read_at - 1);
        let recent = s.alice.audit(&["--since", &window]);
        (asked.elapsed() <= Duration::from_secs(3)).then_some(recent)
    });
    let recent_ids: Vec<i64> = recent.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert!(
        recent.iter().any(|e| e["action"] == "restart"),
        "the new event is in the window: {recent:#?}"
    );
    for event in &before {
        assert!(
            !recent_ids.contains(&event["id"].as_i64().unwrap()),
            "{event} is older than 3s: {recent:#?}"
        );
    }
    let day = s.alice.audit(&["--since", "24h"]);
    assert_eq!(day.len(), before.len() + recent.len(), "{day:#?}");
    assert_eq!(day, s.alice.audit(&[]), "24h is the default");
}
