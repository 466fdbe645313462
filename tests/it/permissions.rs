//! Accounts, apps, environments and node permissions: who may see and do what, and the
//! audit trail of denied attempts.

use serde_json::{Value, json};

use crate::helpers::*;

/// Support, a technical contact `alice`, a member-to-be `bob`, an outsider `carol`, and the
/// app `shop` (test, padlocked production) with `alice` as its technical contact.
struct Shop {
    server: Server,
    admin: User,
    alice: User,
    bob: User,
    carol: User,
}

fn shop() -> Shop {
    let server = Server::start();
    let admin = server.admin();
    let users = ["alice", "bob", "carol"].map(|name| {
        let password = server.create_user(&admin, name);
        let user = server.user();
        user.login(name, &password);
        user
    });
    let app = admin.json(&[
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
    assert_eq!(app["name"], "shop");
    assert_eq!(app["technical_contacts"], json!(["alice"]));
    assert_eq!(app["environments"], json!(["test", "production"]));
    let [alice, bob, carol] = users;
    Shop {
        server,
        admin,
        alice,
        bob,
        carol,
    }
}

fn names(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item[key].as_str().unwrap().to_owned())
        .collect()
}

/// The strings of a JSON array, sorted (the order of permissions is not a promise).
fn sorted(list: &Value) -> Vec<String> {
    let mut items: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item.as_str().unwrap().to_owned())
        .collect();
    items.sort();
    items
}

/// Uploads a small package as `user` and returns its id.
fn upload(user: &User, app: &str, name: &str) -> i64 {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, format!("package {name}\n")).unwrap();
    let package = user.json(&["packages", "upload", "--app", app, file.to_str().unwrap()]);
    package["id"].as_i64().unwrap()
}

/// Support creates accounts (a generated password shown once) and apps; nobody else may.
#[test]
fn only_support_administers() {
    let server = Server::start();
    let admin = server.admin();

    let created = admin.json(&["admin", "users", "create", "alice"]);
    assert_eq!(created["username"], "alice");
    assert_eq!(created["support"], false);
    assert_eq!(created["second_factor"], Value::Null);
    let password = created["password"].as_str().expect("a generated password");
    assert!(password.len() >= 12, "{password}");
    let alice = server.user();
    alice.login("alice", password);

    // Text output shows the generated password once, too.
    let out = admin
        .cmd()
        .args(["admin", "users", "create", "bob"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Created bob. Password (shown once): "),
        "{text}"
    );

    // A chosen password is not echoed back.
    let chosen = admin
        .cmd()
        .args(["admin", "users", "create", "dave", "--password-stdin"])
        .args(["--output", "json"])
        .write_stdin("a long chosen password\n")
        .output()
        .unwrap();
    assert!(chosen.status.success(), "{chosen:?}");
    let chosen: Value = serde_json::from_slice(&chosen.stdout).unwrap();
    assert_eq!(chosen.get("password"), None, "{chosen}");
    let dave = server.user();
    dave.login("dave", "a long chosen password");

    let users = admin.json(&["admin", "users", "list"]);
    // dana and devi are the dev server's demo team.
    assert_eq!(
        names(&users, "username"),
        ["admin", "alice", "bob", "dana", "dave", "devi"]
    );
    assert_eq!(users[0]["support"], true);
    assert!(users[0].get("password").is_none());

    let app = admin.json(&[
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
    assert_eq!(app["environments"], json!(["test", "production"]));
    assert_eq!(app["technical_contacts"], json!(["alice"]));

    // alice is a technical contact, not support: every admin command is refused.
    for args in [
        &["admin", "users", "list"][..],
        &["admin", "users", "create", "mallory"],
        &["admin", "apps", "create", "mine", "--contact", "alice"],
        &["admin", "reset-2fa", "bob"],
    ] {
        assert_eq!(alice.fails(args, 4), "forbidden", "{args:?}");
    }
    let users = admin.json(&["admin", "users", "list"]);
    // dana and devi are the dev server's demo team.
    assert_eq!(
        names(&users, "username"),
        ["admin", "alice", "bob", "dana", "dave", "devi"]
    );
    assert_eq!(
        names(&admin.json(&["apps", "list"]), "name"),
        ["demo", "shop"]
    );

    // Mistakes support can make are refused with the matching code.
    assert_eq!(
        admin.fails(&["admin", "users", "create", "alice"], 1),
        "conflict"
    );
    assert_eq!(
        admin.fails(
            &["admin", "apps", "create", "other", "--contact", "nobody"],
            1
        ),
        "not_found"
    );
    assert_eq!(
        admin.fails(
            &[
                "admin",
                "apps",
                "create",
                "other",
                "--contact",
                "alice",
                "--env",
                "prod:locked"
            ],
            2
        ),
        "usage"
    );
    assert_eq!(
        admin.fails(
            &["admin", "apps", "create", "shop", "--contact", "alice"],
            1
        ),
        "conflict"
    );
}

/// `envs list`: `"padlocked": true` for production in JSON, the 🔒 sign in text.
#[test]
fn envs_list_marks_padlocked_environments() {
    let shop = shop();
    let envs = shop.alice.json(&["envs", "list", "--app", "shop"]);
    let flags: Vec<(String, bool)> = envs
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap().to_owned(),
                e["padlocked"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        flags,
        [("test".to_owned(), false), ("production".to_owned(), true)]
    );
    assert_eq!(
        envs[0]["permissions"],
        json!(["view", "transport", "manage", "backups"])
    );

    let out = shop
        .alice
        .cmd()
        .args(["envs", "list", "--app", "shop"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let line = |env: &str| {
        text.lines()
            .find(|l| l.starts_with(env))
            .unwrap_or_else(|| panic!("no {env} line in:\n{text}"))
            .to_owned()
    };
    assert!(line("production").contains('🔒'), "{text}");
    assert!(!line("test").contains('🔒'), "{text}");
}

/// A technical contact grants, lists and revokes node permissions on a non-padlocked
/// environment; members see only their own and may change nothing.
#[test]
fn technical_contact_manages_node_permissions() {
    let shop = shop();
    let (alice, bob) = (&shop.alice, &shop.bob);

    shop.admin.team_add("shop", "bob", "deploy");
    let granted = alice.json(&[
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
    assert_eq!(names(&granted, "user"), ["bob"], "{granted}");
    assert_eq!(granted[0]["env"], "test");
    assert_eq!(granted[0]["technical_contact"], false);
    assert_eq!(sorted(&granted[0]["permissions"]), ["transport", "view"]);

    let bob_apps = bob.json(&["apps", "list"]);
    assert_eq!(names(&bob_apps, "name"), ["shop"]);
    assert_eq!(bob_apps[0]["role"], "member");
    let bob_envs = bob.json(&["envs", "list", "--app", "shop"]);
    assert_eq!(names(&bob_envs, "name"), ["test"], "bob sees only test");
    assert_eq!(sorted(&bob_envs[0]["permissions"]), ["transport", "view"]);

    let all = alice.json(&["permissions", "list", "--app", "shop"]);
    let rows: Vec<(String, String)> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["user"].as_str().unwrap().to_owned(),
                e["env"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    for row in [("alice", "test"), ("alice", "production"), ("bob", "test")] {
        assert!(
            rows.contains(&(row.0.to_owned(), row.1.to_owned())),
            "{row:?} in {all}"
        );
    }
    assert_eq!(rows.len(), 3, "{all}");
    let only_bob = alice.json(&["permissions", "list", "--app", "shop", "--user", "bob"]);
    assert_eq!(names(&only_bob, "user"), ["bob"]);
    // A member sees only their own, whatever they ask for.
    let bobs_view = bob.json(&["permissions", "list", "--app", "shop", "--user", "alice"]);
    assert!(
        !names(&bobs_view, "user").contains(&"alice".to_owned()),
        "{bobs_view}"
    );
    let bobs_view = bob.json(&["permissions", "list", "--app", "shop"]);
    assert_eq!(names(&bobs_view, "user"), ["bob"]);

    // A member is not a technical contact: changing permissions is refused.
    for verb in ["grant", "revoke"] {
        let code = bob.fails(
            &[
                "permissions",
                verb,
                "--app",
                "shop",
                "--env",
                "test",
                "--user",
                "bob",
                "--allow",
                "manage",
            ],
            4,
        );
        assert_eq!(code, "forbidden", "{verb}");
    }

    let revoked = alice.json(&[
        "permissions",
        "revoke",
        "--app",
        "shop",
        "--env",
        "test",
        "--user",
        "bob",
        "--allow",
        "transport",
    ]);
    assert_eq!(revoked[0]["permissions"], json!(["view"]), "{revoked}");
    let bob_envs = bob.json(&["envs", "list", "--app", "shop"]);
    assert_eq!(bob_envs[0]["permissions"], json!(["view"]));

    // Bad requests are refused with their codes and change nothing.
    let change = |user: &str, allow: &str, env: &str| {
        vec![
            "permissions".to_owned(),
            "grant".into(),
            "--app".into(),
            "shop".into(),
            "--env".into(),
            env.into(),
            "--user".into(),
            user.into(),
            "--allow".into(),
            allow.into(),
        ]
    };
    let run = |args: Vec<String>, exit: i32| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        alice.fails(&args, exit)
    };
    assert_eq!(run(change("bob", "deploy", "test"), 2), "bad_request");
    assert_eq!(run(change("nobody", "view", "test"), 1), "not_found");
    assert_eq!(run(change("bob", "view", "staging"), 1), "not_found");
    // Production is padlocked: without a second factor (and no way to ask), nothing changes.
    let mut padlocked = change("bob", "view", "production");
    padlocked.push("--no-input".into());
    let code = run(padlocked, 3);
    assert!(
        code == "enrollment_required" || code == "second_factor_required",
        "{code}"
    );
    let bob_perms = alice.json(&["permissions", "list", "--app", "shop", "--user", "bob"]);
    assert_eq!(
        bob_perms,
        json!([{"user": "bob", "env": "test", "technical_contact": false,
                "permissions": ["view"]}])
    );
}

/// Uploading and transporting need the transport permission; with it on test, a member
/// transports to test and still not to production. Outsiders see nothing. Denied attempts
/// are in the audit log with their reason.
#[test]
fn transport_needs_the_transport_permission() {
    let shop = shop();
    let (alice, bob, carol) = (&shop.alice, &shop.bob, &shop.carol);
    let package = upload(alice, "shop", "shop-1.0.mda").to_string();
    let transport = |to: &str| {
        vec![
            "transport",
            "--app",
            "shop",
            "--package",
            package.as_str(),
            "--to",
            to,
            "--no-input",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<String>>()
    };
    let fails = |user: &User, args: Vec<String>, exit: i32| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        user.fails(&args, exit)
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bob.mda");
    std::fs::write(&file, "bob's package\n").unwrap();
    let bob_upload = [
        "packages",
        "upload",
        "--app",
        "shop",
        file.to_str().unwrap(),
    ];

    shop.admin.team_add("shop", "bob", "deploy");
    alice
        .cmd()
        .args(["permissions", "grant", "--app", "shop", "--env", "test"])
        .args(["--user", "bob", "--allow", "view"])
        .assert()
        .success();

    // View only: bob sees the packages but may neither upload nor transport.
    assert_eq!(
        bob.json(&["packages", "list", "--app", "shop"])[0]["id"],
        package.parse::<i64>().unwrap()
    );
    assert_eq!(bob.fails(&bob_upload, 4), "forbidden");
    assert_eq!(fails(bob, transport("test"), 4), "forbidden");
    let packages = alice.json(&["packages", "list", "--app", "shop"]);
    assert_eq!(
        packages.as_array().unwrap().len(),
        1,
        "nothing was uploaded"
    );
    let envs = alice.json(&["envs", "list", "--app", "shop"]);
    assert_eq!(
        envs[0]["package_id"],
        Value::Null,
        "nothing was transported"
    );

    alice
        .cmd()
        .args(["permissions", "grant", "--app", "shop", "--env", "test"])
        .args(["--user", "bob", "--allow", "transport"])
        .assert()
        .success();
    let uploaded = bob.json(&bob_upload);
    assert_eq!(uploaded["uploaded_by"], "bob");
    let args = transport("test");
    let out = bob.cmd().args(&args).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("padlock: transport succeeded"),
        "{out:?}"
    );
    let envs = alice.json(&["envs", "list", "--app", "shop"]);
    assert_eq!(envs[0]["package_id"].to_string(), package);
    // Transport on test is not transport everywhere: production is refused for lack of
    // permission (exit 4), before any second factor would be asked for.
    assert_eq!(fails(bob, transport("production"), 4), "forbidden");

    // carol belongs to no app: to her shop answers like an app that does not exist.
    assert_eq!(carol.json(&["apps", "list"]), json!([]));
    for app in ["shop", "no-such-app"] {
        for list in ["envs", "packages", "permissions"] {
            let err = carol.error(&[list, "list", "--app", app], 1);
            assert_eq!(err["code"], "not_found", "{list} {app}: {err}");
            assert_eq!(
                err["message"],
                format!("no app named \"{app}\"; padlock apps list shows yours"),
                "{list} {app}: {err}"
            );
        }
    }
    assert_eq!(fails(carol, transport("test"), 1), "not_found");

    let events = alice.audit(&["--app", "shop"]);
    let find = |actor: &str, env: &str, outcome: &str| {
        events.iter().find(|e| {
            e["actor"] == actor
                && e["action"] == "transport"
                && e["app"] == "shop"
                && e["env"] == env
                && e["outcome"] == outcome
        })
    };
    for (actor, env) in [("bob", "test"), ("bob", "production")] {
        let event = find(actor, env, "denied")
            .unwrap_or_else(|| panic!("a denied transport by {actor} on {env} in {events:?}"));
        assert_eq!(event["reason"], "forbidden", "{event}");
        assert!(event["id"].is_i64() && event["at"].is_string(), "{event}");
        assert!(
            event["via"]
                .as_str()
                .is_some_and(|v| v.starts_with("session:")),
            "{event}"
        );
    }
    let allowed = find("bob", "test", "allowed").expect("bob's transport to test, allowed");
    assert_eq!(allowed["reason"], Value::Null);

    // A member reads their own trail; an outsider cannot read the app's.
    let own = bob.audit(&[]);
    assert!(own.iter().all(|e| e["actor"] == "bob"), "{own:?}");
    assert!(own.iter().any(|e| e["outcome"] == "denied"));
    assert_eq!(carol.fails(&["audit", "--app", "shop"], 1), "not_found");
    let _ = &shop.admin;
    let _ = &shop.server;
}

/// Each environment operation needs its own node permission: with `view` a member starts,
/// stops, restarts and backs up nothing; `manage` allows starting, stopping and restarting
/// but no backup; `backups` allows backups. A refusal leaves the environment as it was.
#[test]
fn each_operation_needs_its_own_node_permission() {
    let shop = shop();
    let (alice, bob) = (&shop.alice, &shop.bob);
    shop.admin.team_add("shop", "bob", "deploy");
    let allow = |permission: &str| {
        alice
            .cmd()
            .args(["permissions", "grant", "--app", "shop", "--env", "test"])
            .args(["--user", "bob", "--allow", permission])
            .assert()
            .success();
    };
    let on_test = ["--app", "shop", "--env", "test", "--no-input"];
    let command = |words: &[&'static str]| -> Vec<&str> {
        words.iter().chain(on_test.iter()).copied().collect()
    };
    let (stop, start, restart) = (
        command(&["env", "stop"]),
        command(&["env", "start"]),
        command(&["env", "restart"]),
    );
    let backup = command(&["backups", "create"]);
    let state = || alice.json(&["envs", "list", "--app", "shop"])[0]["state"].clone();
    let backups = || alice.json(&["backups", "list", "--app", "shop", "--env", "test"]);

    allow("view");
    for refused in [&stop, &start, &restart, &backup] {
        assert_eq!(bob.fails(refused, 4), "forbidden", "{refused:?}");
    }
    assert_eq!(state(), "running");
    assert_eq!(backups(), json!([]));

    allow("manage");
    bob.cmd().args(&stop).assert().success();
    assert_eq!(state(), "stopped");
    bob.cmd().args(&start).assert().success();
    bob.cmd().args(&restart).assert().success();
    assert_eq!(state(), "running");
    assert_eq!(bob.fails(&backup, 4), "forbidden");
    assert_eq!(backups(), json!([]));

    allow("backups");
    bob.cmd().args(&backup).assert().success();
    assert_eq!(backups().as_array().map(Vec::len), Some(1), "{}", backups());

    // A denial of what only technical contacts do says what was tried, and on which app.
    let refused = bob.error(
        &[
            "team", "add", "--app", "shop", "--user", "carol", "--role", "deploy",
        ],
        4,
    );
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .starts_with("you may not go on with changing the team of shop:"),
        "{refused}"
    );
    assert!(
        refused["message"].as_str().unwrap().ends_with(
            "only its technical contacts and support may; ask a technical contact of shop (alice)"
        ),
        "{refused}"
    );
}
