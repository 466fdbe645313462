//! App teams (issue 14): `develop` members read and upload, `deploy` members may hold node
//! permissions, and changes of who may hold them are padlocked and audited.

use serde_json::{Value, json};

use crate::helpers::*;
use crate::postgres::TestDatabase;

/// Support `admin`; `alice`, technical contact of `shop` (test, padlocked production) and of
/// `lab` (test only), with a second factor and a grant; `bob` and `carol` with a password.
struct Teams {
    server: Server,
    admin: User,
    alice: User,
    alice_password: String,
    bob: User,
    carol: User,
}

fn teams() -> Teams {
    let server = Server::start();
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
    admin.json(&[
        "admin",
        "apps",
        "create",
        "lab",
        "--contact",
        "alice",
        "--env",
        "test",
    ]);
    alice.enroll_totp();
    Teams {
        server,
        admin,
        alice,
        alice_password,
        bob,
        carol,
    }
}

/// POSTs `body` to `url` with a bearer `token`: the status and the error code, if any.
fn post(url: String, token: &str, body: &Value) -> (u16, String) {
    let response = http()
        .post(url)
        .bearer_auth(token)
        .json(body)
        .send()
        .unwrap();
    let status = response.status().as_u16();
    let answer: Value = response.json().unwrap_or(Value::Null);
    let code = answer["error"]["code"].as_str().unwrap_or_default();
    (status, code.to_owned())
}

/// The team as (user, role) pairs.
fn members(team: &Value) -> Vec<(String, String)> {
    team.as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["user"].as_str().unwrap().to_owned(),
                m["role"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(u, r)| (u.to_string(), r.to_string()))
        .collect()
}

fn grant_args<'a>(app: &'a str, env: &'a str, user: &'a str, allow: &'a str) -> Vec<&'a str> {
    vec![
        "permissions",
        "grant",
        "--app",
        app,
        "--env",
        env,
        "--user",
        user,
        "--allow",
        allow,
    ]
}

/// Node permissions go to `deploy` members only: a stranger to the team and a `develop`
/// member are refused with `not_deploy_member` and the command that fixes it.
#[test]
fn permissions_go_to_deploy_members_only() {
    let t = teams();
    let grant = grant_args("shop", "test", "bob", "view,transport");
    for role in [None, Some("develop")] {
        if let Some(role) = role {
            t.alice.team_add("shop", "bob", role);
        }
        for manager in [&t.alice, &t.admin] {
            let err = manager.error(&grant, 1);
            assert_eq!(err["code"], "not_deploy_member", "{role:?}: {err}");
            let message = err["message"].as_str().unwrap();
            assert!(
                message.contains("padlock team add --app shop --user bob --role deploy"),
                "{message}"
            );
            let standing = role.map_or("is not on the team of shop".to_owned(), |r| {
                format!("is a {r} member of the team of shop")
            });
            assert!(message.contains(&standing), "{message}");
        }
    }
    let none = t
        .alice
        .json(&["permissions", "list", "--app", "shop", "--user", "bob"]);
    assert_eq!(none, json!([]));

    t.alice.team_add("shop", "bob", "deploy");
    let granted = t.alice.json(&grant);
    assert_eq!(granted[0]["user"], "bob", "{granted}");
    assert_eq!(granted[0]["env"], "test", "{granted}");
}

/// A `develop` member reads the app's environments and packages and uploads packages, but
/// holds no node permission: no transport, no team changes.
#[test]
fn a_develop_member_reads_and_uploads_without_node_permissions() {
    let t = teams();
    // Not on the team yet: the app does not exist for bob.
    assert_eq!(
        t.bob.fails(&["envs", "list", "--app", "shop"], 1),
        "not_found"
    );
    let team = t.alice.team_add("shop", "bob", "develop");
    assert_eq!(
        members(&team),
        pairs(&[("alice", "deploy"), ("bob", "develop")])
    );
    assert_eq!(team[0]["technical_contact"], true, "{team}");
    assert_eq!(team[1]["technical_contact"], false, "{team}");

    let apps = t.bob.json(&["apps", "list"]);
    assert_eq!(apps.as_array().unwrap().len(), 1, "{apps}");
    assert_eq!(apps[0]["name"], "shop");
    assert_eq!(apps[0]["environments"], json!(["test", "production"]));
    let envs = t.bob.json(&["envs", "list", "--app", "shop"]);
    for env in envs.as_array().unwrap() {
        assert_eq!(env["permissions"], json!([]), "{envs}");
    }
    assert_eq!(envs.as_array().unwrap().len(), 2, "{envs}");
    assert_eq!(
        members(&t.bob.json(&["team", "list", "--app", "shop"])),
        members(&team)
    );

    let file = t.bob.config_dir().join("shop.mda");
    std::fs::write(&file, "shop 1.0\n").unwrap();
    let package = t.bob.json(&[
        "packages",
        "upload",
        "--app",
        "shop",
        file.to_str().unwrap(),
    ]);
    assert_eq!(package["uploaded_by"], "bob");
    let listed = t.bob.json(&["packages", "list", "--app", "shop"]);
    assert_eq!(listed[0]["id"], package["id"], "{listed}");

    let id = package["id"].to_string();
    let refused: [&[&str]; 4] = [
        &[
            "transport",
            "--app",
            "shop",
            "--package",
            &id,
            "--to",
            "test",
        ],
        &["env", "restart", "--app", "shop", "--env", "test"],
        &["team", "add", "--app", "shop", "--user", "carol"],
        &["team", "remove", "--app", "shop", "--user", "bob"],
    ];
    for args in refused {
        assert_eq!(t.bob.fails(args, 4), "forbidden", "{args:?}");
    }
    // A deploy member may not manage the team either.
    t.alice.team_add("shop", "carol", "deploy");
    assert_eq!(
        t.carol.fails(
            &[
                "team", "add", "--app", "shop", "--user", "bob", "--role", "deploy"
            ],
            4
        ),
        "forbidden"
    );
    assert_eq!(
        members(&t.alice.json(&["team", "list", "--app", "shop"])),
        pairs(&[("alice", "deploy"), ("bob", "develop"), ("carol", "deploy")])
    );
}

/// Taking `deploy` away, or the member off the team, takes their node permissions at once
/// and stops the CI grants they issued for the app on their next use.
#[test]
fn leaving_deploy_takes_node_permissions_and_ci_grants() {
    let t = teams();
    for (remove, user) in [(false, &t.bob), (true, &t.carol)] {
        let name = if remove { "carol" } else { "bob" };
        t.alice.team_add("lab", name, "deploy");
        t.alice
            .json(&grant_args("lab", "test", name, "view,transport"));
        user.enroll_totp();
        let ci = user.issue_ci_grant(&["--app", "lab", "--env", "test", "--allow", "transport"]);
        let job = CiJob::new(&t.server.url, ci["token"].as_str().unwrap());
        let can_i = ["can-i", "transport", "--app", "lab", "--env", "test"];
        job.json(&can_i);

        let team = if remove {
            t.alice
                .json(&["team", "remove", "--app", "lab", "--user", name])
        } else {
            t.alice.team_add("lab", name, "develop")
        };
        // bob, downgraded first, is a deploy member again by the time carol is removed.
        let expected = if remove {
            vec![("alice", "deploy"), ("bob", "deploy")]
        } else {
            vec![("alice", "deploy"), ("bob", "develop")]
        };
        assert_eq!(members(&team), pairs(&expected), "{team}");
        let left = t
            .alice
            .json(&["permissions", "list", "--app", "lab", "--user", name]);
        assert_eq!(left, json!([]), "{name}: {left}");
        assert_eq!(job.error(&can_i, 5)["code"], "grant_revoked", "{name}");
        // Given deploy and the permission again, the old CI grant stays dead.
        t.alice.team_add("lab", name, "deploy");
        t.alice.json(&grant_args("lab", "test", name, "transport"));
        assert_eq!(job.error(&can_i, 5)["code"], "grant_revoked", "{name}");
        if remove {
            t.alice
                .json(&["team", "remove", "--app", "lab", "--user", name]);
            // Off the team, the app is gone from the member's view.
            assert_eq!(
                user.fails(&["envs", "list", "--app", "lab"], 1),
                "not_found"
            );
            let apps = user.json(&["apps", "list"]);
            assert_eq!(apps, json!([]), "{apps}");
        }
    }
}

/// Giving or taking `deploy` and removing a member are padlocked on an app with a padlocked
/// environment, not on one without; adding a `develop` member never is. Every attempt is in
/// the audit log with who changed whom, from which role to which.
#[test]
fn team_changes_are_padlocked_and_audited() {
    let t = teams();
    // alice's session without a grant, as a stolen password would give.
    let session = api_login(&t.server, "alice", &t.alice_password);
    let change = |app: &str, verb: &str, body: &Value| {
        post(
            format!("{}/v1/apps/{app}/team/{verb}", t.server.url),
            &session,
            body,
        )
    };
    let added = change("shop", "add", &json!({"user": "bob", "role": "develop"}));
    assert_eq!(added, (200, String::new()));
    for (verb, body) in [
        ("add", json!({"user": "bob", "role": "deploy"})),
        ("add", json!({"user": "carol", "role": "deploy"})),
        ("remove", json!({"user": "bob"})),
    ] {
        assert_eq!(
            change("shop", verb, &body),
            (401, "second_factor_required".to_owned()),
            "{verb} {body}"
        );
    }
    assert_eq!(
        members(&t.alice.json(&["team", "list", "--app", "shop"])),
        pairs(&[("alice", "deploy"), ("bob", "develop")])
    );
    // lab has no padlocked environment: the same changes need no grant there.
    for (verb, body) in [
        ("add", json!({"user": "bob", "role": "deploy"})),
        ("remove", json!({"user": "bob"})),
    ] {
        assert_eq!(
            change("lab", verb, &body),
            (200, String::new()),
            "{verb} {body}"
        );
    }
    // With a grant, the padlocked change goes through.
    t.alice.team_add("shop", "bob", "deploy");
    t.alice
        .json(&["team", "remove", "--app", "shop", "--user", "bob"]);

    let events: Vec<(String, String, String, Option<String>)> = t
        .admin
        .audit(&["--app", "shop"])
        .iter()
        .filter(|e| e["action"].as_str().unwrap().starts_with("team_change:"))
        .map(|e| {
            (
                e["actor"].as_str().unwrap().to_owned(),
                e["action"].as_str().unwrap().to_owned(),
                e["outcome"].as_str().unwrap().to_owned(),
                e["reason"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let denied = Some("second_factor_required".to_owned());
    let expected = [
        ("team_change:bob:none->develop", "allowed", None),
        ("team_change:bob:develop->deploy", "denied", denied.clone()),
        ("team_change:carol:none->deploy", "denied", denied.clone()),
        ("team_change:bob:develop->none", "denied", denied),
        ("team_change:bob:develop->deploy", "allowed", None),
        ("team_change:bob:deploy->none", "allowed", None),
    ];
    let expected: Vec<_> = expected
        .into_iter()
        .map(|(action, outcome, reason)| {
            (
                "alice".to_owned(),
                action.to_owned(),
                outcome.to_owned(),
                reason,
            )
        })
        .collect();
    assert_eq!(events, expected);
}

/// Who may change the team, and what is refused: a CI grant never manages or reads it, a
/// technical contact is not changed through it, a stranger sees no app.
#[test]
fn team_refusals() {
    let t = teams();
    t.alice.team_add("lab", "bob", "deploy");
    t.alice.json(&grant_args("lab", "test", "bob", "transport"));
    t.bob.enroll_totp();
    let ci = t
        .bob
        .issue_ci_grant(&["--app", "lab", "--env", "test", "--allow", "transport"]);
    let token = ci["token"].as_str().unwrap();
    let contact =
        t.alice
            .issue_ci_grant(&["--app", "lab", "--env", "test", "--allow", "transport"]);
    // bob's grant is refused as bob would be; the technical contact's, for being a CI grant.
    for (token, team_change) in [
        (token, "forbidden"),
        (contact["token"].as_str().unwrap(), "out_of_scope"),
    ] {
        let job = CiJob::new(&t.server.url, token);
        let list = job.error(&["team", "list", "--app", "lab"], 4);
        assert_eq!(list["code"], "out_of_scope", "{list}");
        for args in [
            &["team", "add", "--app", "lab", "--user", "carol"][..],
            &["team", "remove", "--app", "lab", "--user", "bob"],
        ] {
            assert_eq!(job.error(args, 4)["code"], team_change, "{args:?}");
        }
    }
    assert_eq!(
        t.carol.fails(&["team", "list", "--app", "lab"], 1),
        "not_found"
    );
    assert_eq!(
        t.carol
            .fails(&["team", "add", "--app", "lab", "--user", "carol"], 1),
        "not_found"
    );
    let contact = t.admin.error(
        &[
            "team", "add", "--app", "lab", "--user", "alice", "--role", "develop",
        ],
        1,
    );
    assert_eq!(contact["code"], "conflict", "{contact}");
    assert_eq!(
        t.admin
            .fails(&["team", "remove", "--app", "lab", "--user", "alice"], 1),
        "conflict"
    );
    assert_eq!(
        t.admin
            .fails(&["team", "remove", "--app", "lab", "--user", "carol"], 1),
        "not_found"
    );
    assert_eq!(
        t.admin.fails(
            &[
                "team", "add", "--app", "lab", "--user", "carol", "--role", "owner"
            ],
            2
        ),
        "usage"
    );
    assert_eq!(
        members(&t.admin.json(&["team", "list", "--app", "lab"])),
        pairs(&[("alice", "deploy"), ("bob", "deploy")])
    );
}

/// The dev server's demo app shows the model: `admin` the technical contact, `dana` deploying
/// to test and acceptance only, `devi` developing.
#[test]
fn the_demo_app_has_a_team() {
    let server = Server::start();
    let admin = server.admin_password_only();
    let team = admin.json(&["team", "list", "--app", "demo"]);
    assert_eq!(
        members(&team),
        pairs(&[("admin", "deploy"), ("dana", "deploy"), ("devi", "develop")])
    );
    let dana = admin.json(&["permissions", "list", "--app", "demo", "--user", "dana"]);
    let envs: Vec<&str> = dana
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["env"].as_str().unwrap())
        .collect();
    assert_eq!(envs, ["test", "acceptance"], "{dana}");
    let text = admin
        .cmd()
        .args(["team", "list", "--app", "demo"])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("admin  deploy (technical contact)"), "{text}");
}

/// Migration 0004 on a database holding today's data: members with node permissions become
/// `deploy` members, contacts stay contacts, a member row left without permissions (it gave
/// no standing) is dropped.
fn existing_members_join_the_team(database_url: &str, migrations: &str) {
    let dir = tempfile::tempdir().unwrap();
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/store/migrations")
        .join(migrations);
    for version in [
        "0001_init.sql",
        "0002_lockout_escalation.sql",
        "0003_throttles.sql",
    ] {
        std::fs::copy(source.join(version), dir.path().join(version)).unwrap();
    }
    let url = database_url.to_owned();
    let path = dir.path().to_owned();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async move {
            sqlx::any::install_default_drivers();
            let pool = sqlx::AnyPool::connect(&url).await.unwrap();
            let migrator = sqlx::migrate::Migrator::new(path).await.unwrap();
            migrator.run(&pool).await.unwrap();
            // Rows found by name: PostgreSQL's identity columns take no explicit ids.
            let statements = [
                "INSERT INTO accounts (username, password_hash, created_at) VALUES \
                 ('olga', 'x', 0), ('otto', 'x', 0), ('oscar', 'x', 0)",
                "INSERT INTO apps (name, created_at) VALUES ('legacy', 0)",
                "INSERT INTO environments (app_id, name, padlocked) \
                 SELECT id, 'test', 0 FROM apps WHERE name = 'legacy'",
                "INSERT INTO environments (app_id, name, padlocked) \
                 SELECT id, 'production', 1 FROM apps WHERE name = 'legacy'",
                "INSERT INTO members (app_id, account_id, is_contact) \
                 SELECT p.id, a.id, CASE WHEN a.username = 'olga' THEN 1 ELSE 0 END \
                 FROM apps p, accounts a WHERE p.name = 'legacy'",
                "INSERT INTO node_permissions (env_id, account_id, permission) \
                 SELECT e.id, a.id, CASE WHEN e.name = 'test' THEN 'view' ELSE 'transport' END \
                 FROM environments e, accounts a WHERE a.username = 'otto'",
            ];
            for statement in statements {
                sqlx::query(statement).execute(&pool).await.unwrap();
            }
            pool.close().await;
        });
    let server = Server::start_with(&["--database-url", database_url], &[]);
    let admin = server.admin_password_only();
    let team = admin.json(&["team", "list", "--app", "legacy"]);
    assert_eq!(
        members(&team),
        pairs(&[("olga", "deploy"), ("otto", "deploy")]),
        "{team}"
    );
    assert_eq!(team[0]["technical_contact"], true, "{team}");
    let otto = admin.json(&["permissions", "list", "--app", "legacy", "--user", "otto"]);
    assert_eq!(
        otto,
        json!([
            {"user": "otto", "env": "test", "technical_contact": false, "permissions": ["view"]},
            {"user": "otto", "env": "production", "technical_contact": false, "permissions": ["transport"]},
        ])
    );
    // oscar held nothing and is not on the team: he may still be made a member.
    admin.team_add("legacy", "oscar", "develop");
}

#[test]
fn existing_members_join_the_team_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("padlock.db").display()
    );
    existing_members_join_the_team(&url, "sqlite");
}

#[test]
fn existing_members_join_the_team_postgres() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    existing_members_join_the_team(&db.url, "postgres");
}

/// The team on PostgreSQL: the refusal, the cascade and the padlock hold there too.
#[test]
fn teams_on_postgres() {
    let Some(db) = TestDatabase::create() else {
        return;
    };
    let server = Server::start_with(&["--database-url", db.url.as_str()], &[]);
    let admin = server.admin();
    let password = server.create_user(&admin, "bob");
    let grant = grant_args("demo", "production", "bob", "view,transport");
    assert_eq!(admin.fails(&grant, 1), "not_deploy_member");
    admin.team_add("demo", "bob", "develop");
    assert_eq!(admin.fails(&grant, 1), "not_deploy_member");
    admin.team_add("demo", "bob", "deploy");
    admin.json(&grant);
    let bob = server.user();
    bob.login("bob", &password);
    // A deploy member sees the environments he holds permissions on.
    let envs = bob.json(&["envs", "list", "--app", "demo"]);
    assert_eq!(envs.as_array().unwrap().len(), 1, "{envs}");
    assert_eq!(envs[0]["name"], "production", "{envs}");
    assert_eq!(
        envs[0]["permissions"],
        json!(["view", "transport"]),
        "{envs}"
    );
    // A session without a grant cannot take bob off demo (production is padlocked).
    let session = api_login(&server, "admin", &server.admin_password);
    assert_eq!(
        post(
            format!("{}/v1/apps/demo/team/remove", server.url),
            &session,
            &json!({"user": "bob"})
        ),
        (401, "second_factor_required".to_owned())
    );
    admin.json(&["team", "remove", "--app", "demo", "--user", "bob"]);
    assert_eq!(
        admin.json(&["permissions", "list", "--app", "demo", "--user", "bob"]),
        json!([])
    );
    assert_eq!(
        bob.fails(&["envs", "list", "--app", "demo"], 1),
        "not_found"
    );
}
