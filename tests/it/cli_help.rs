//! Help and command names a technical contact can find their way with (issue 11): global
//! options listed once, examples on the main commands, every option described, and list
//! commands that answer under the names people try first.

use serde_json::{Value, json};

use crate::helpers::*;

const GLOBALS: [&str; 8] = [
    "--server",
    "--output",
    "--no-input",
    "--otp",
    "--otp-command",
    "--credential-store",
    "--quiet",
    "--verbose",
];

fn help(args: &[&str]) -> String {
    let out = padlock().args(args).output().unwrap();
    assert!(out.status.success(), "padlock {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// `padlock --help` lists every global option; a subcommand's help leaves them out and
/// says where they are, so `transport --help` is its own five options, not 64 lines.
#[test]
fn global_options_are_listed_once_in_padlock_help() {
    let top = help(&["--help"]);
    for option in GLOBALS {
        assert!(top.contains(option), "{option} missing from:\n{top}");
    }

    for args in [
        vec!["transport", "--help"],
        vec!["env", "stop", "--help"],
        vec!["backups", "restore", "--help"],
        vec!["help", "grant", "issue"],
    ] {
        let text = help(&args);
        for option in GLOBALS {
            assert!(
                !text.contains(&format!("{option} <")),
                "{args:?} shows {option}:\n{text}"
            );
        }
        assert!(text.contains("see padlock --help"), "{args:?}:\n{text}");
    }
    let transport = help(&["transport", "--help"]);
    assert!(transport.lines().count() < 30, "{transport}");
}

/// Global options set through their environment variables are not named in the usage line
/// of an error, as if they were required.
#[test]
fn options_set_in_the_environment_stay_out_of_the_usage_line() {
    let out = padlock()
        .args(["transport", "--app", "demo"])
        .env("PADLOCK_CREDENTIAL_STORE", "file")
        .env("PADLOCK_SERVER", "http://127.0.0.1:9")
        .env("PADLOCK_OTP_COMMAND", "echo 123456")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let usage = stderr
        .lines()
        .find(|line| line.starts_with("Usage:"))
        .unwrap_or_else(|| panic!("no usage line in {stderr}"));
    assert_eq!(
        usage,
        "Usage: padlock transport --app <APP> --to <TO> --package <ID>"
    );
    // Nor does help show what the variables hold: an OTP command may carry a TOTP key.
    let top = String::from_utf8(
        padlock()
            .arg("--help")
            .env("PADLOCK_OTP_COMMAND", "oathtool --totp -b SECRETKEY")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(top.contains("PADLOCK_OTP_COMMAND"), "{top}");
    assert!(!top.contains("SECRETKEY"), "{top}");
}

#[test]
fn main_commands_show_examples() {
    for command in [
        vec!["transport"],
        vec!["env"],
        vec!["backups"],
        vec!["permissions"],
        vec!["grant", "issue"],
        vec!["login"],
    ] {
        let mut args = command.clone();
        args.push("--help");
        let text = help(&args);
        let examples = text
            .split("EXAMPLES:")
            .nth(1)
            .unwrap_or_else(|| panic!("{command:?} has no examples:\n{text}"));
        let example = format!("  padlock {}", command.join(" "));
        assert!(examples.contains(&example), "{command:?}:\n{text}");
    }
}

/// Each `--app`, `--env`, `--user` and `FILE` says what it expects: clap prints a bare name
/// for an undocumented one.
#[test]
fn app_env_and_file_arguments_are_described() {
    for args in [
        vec!["transport", "-h"],
        vec!["env", "start", "-h"],
        vec!["envs", "-h"],
        vec!["backups", "download", "-h"],
        vec!["permissions", "grant", "-h"],
        vec!["packages", "upload", "-h"],
        vec!["grant", "issue", "-h"],
        vec!["can-i", "-h"],
    ] {
        let text = help(&args);
        for line in text.lines() {
            let trimmed = line.trim();
            let bare = ["--app <APP>", "--env <ENV>", "--user <USER>", "<FILE>"].contains(&trimmed);
            assert!(!bare, "{args:?} leaves {trimmed:?} undescribed:\n{text}");
        }
    }
}

/// `padlock apps`, `padlock envs --app A` and `padlock env list --app A` list, the same as
/// the `list` subcommands.
#[test]
fn list_commands_answer_under_every_name() {
    let server = Server::start();
    let admin = server.admin();

    let apps = admin.json(&["apps", "list"]);
    assert!(apps.as_array().is_some_and(|a| !a.is_empty()), "{apps}");
    assert_eq!(admin.json(&["apps"]), apps);

    let envs: Value = admin.json(&["envs", "list", "--app", "demo"]);
    assert!(envs.as_array().is_some_and(|e| !e.is_empty()), "{envs}");
    assert_eq!(admin.json(&["envs", "--app", "demo"]), envs);
    assert_eq!(admin.json(&["env", "list", "--app", "demo"]), envs);

    // Without --app, `envs` is a usage error that names it.
    let out = admin.cmd().arg("envs").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--app"),
        "{out:?}"
    );
}

/// `padlock ops list` shows recent operations the caller may view: all of them to support,
/// nothing to a stranger (and no word on whether an app exists), and to a CI grant only
/// its app and environments.
#[test]
fn ops_list_shows_only_what_the_caller_may_view() {
    ops_list_scoping(&Server::start());
}

/// The same listing from PostgreSQL, whose parameters are typed.
#[test]
fn ops_list_shows_only_what_the_caller_may_view_on_postgresql() {
    let Some(db) = crate::postgres::TestDatabase::create() else {
        return;
    };
    ops_list_scoping(&Server::start_with(&["--database-url", &db.url], &[]));
}

fn ops_list_scoping(server: &Server) {
    let admin = server.admin();
    admin.json(&["admin", "apps", "create", "other", "--contact", "admin"]);
    for (app, env) in [("demo", "test"), ("demo", "production"), ("other", "test")] {
        admin.json(&["backups", "create", "--app", app, "--env", env]);
    }
    let targets = |ops: &Value| -> Vec<String> {
        ops.as_array()
            .unwrap_or_else(|| panic!("not an array: {ops}"))
            .iter()
            .map(|op| format!("{}/{} {}", op["app"], op["env"], op["state"]).replace('"', ""))
            .collect()
    };

    let all = admin.json(&["ops", "list"]);
    assert_eq!(
        targets(&all),
        [
            "other/test succeeded",
            "demo/production succeeded",
            "demo/test succeeded"
        ],
        "{all}"
    );
    assert!(all[0]["id"].as_i64() > all[1]["id"].as_i64(), "{all}");
    assert_eq!(
        targets(&admin.json(&["ops", "list", "--app", "demo", "--env", "test"])),
        ["demo/test succeeded"]
    );
    assert!(targets(&admin.json(&["ops", "list", "--state", "running"])).is_empty());
    assert_eq!(
        admin.json(&["ops", "list", "--limit", "1"]),
        json!([all[0]])
    );
    let text = admin
        .cmd()
        .args(["ops", "list", "--app", "other"])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.starts_with("ID "), "{text}");
    assert!(
        text.contains("backup  other/test  admin  succeeded"),
        "{text}"
    );

    let password = server.create_user(&admin, "nora");
    let stranger = server.user();
    stranger.login("nora", &password);
    assert_eq!(stranger.json(&["ops", "list"]), json!([]));
    assert_eq!(
        stranger.fails(&["ops", "list", "--app", "demo"], 1),
        "not_found"
    );

    let grant = admin.issue_ci_grant(&["--app", "demo", "--env", "test", "--allow", "transport"]);
    let ci = CiJob::new(&server.url, grant["token"].as_str().unwrap());
    assert_eq!(targets(&ci.json(&["ops", "list"])), ["demo/test succeeded"]);
    let refused = ci.error(&["ops", "list", "--app", "other"], 4);
    assert_eq!(refused["code"], "out_of_scope", "{refused}");
}

fn text(user: &User, args: &[&str]) -> String {
    let out = user.cmd().args(args).output().unwrap();
    assert!(out.status.success(), "padlock {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// `padlock status` checks what it cached with the server: after support resets a second
/// factor, the grant it yielded shows as revoked and the method as gone.
#[test]
fn status_says_when_support_reset_the_second_factor() {
    let server = Server::start();
    let admin = server.admin();
    let password = server.create_user(&admin, "rita");
    let rita = server.user();
    rita.login("rita", &password);
    rita.enroll_totp();
    let before = rita.json(&["status"]);
    assert_eq!(before["checked"], true, "{before}");
    assert_eq!(before["second_factor"], "totp", "{before}");
    assert_eq!(before["grant_state"], "valid", "{before}");
    assert!(before["grant_seconds_left"].as_i64() > Some(0), "{before}");

    admin.json(&["admin", "reset-2fa", "rita"]);
    let after = text(&rita, &["status"]);
    assert!(after.contains("Grant: revoked on the server"), "{after}");
    assert!(
        after.contains("Second factor: reset on the server (was authenticator app)"),
        "{after}"
    );
    assert!(!after.contains("(cached)"), "{after}");
    let after = rita.json(&["status"]);
    assert_eq!(after["checked"], true, "{after}");
    assert_eq!(after["second_factor"], Value::Null, "{after}");
    assert_eq!(after["grant_state"], "revoked", "{after}");
    assert_eq!(after["grant_seconds_left"], 0, "{after}");
    assert_eq!(after["grant_expires_at"], Value::Null, "{after}");
}

/// Without the server, status shows the cached values as such and still exits 0; with
/// `--offline` it does not try, so it has nothing to report about the attempt.
#[test]
fn status_without_the_server_shows_cached_values() {
    let mut server = Server::start();
    let admin = server.admin();
    server.kill9();

    let shown = text(&admin, &["status"]);
    assert!(
        shown.contains("Second factor: authenticator app (cached)"),
        "{shown}"
    );
    assert!(shown.contains("Grant: valid for"), "{shown}");
    assert!(
        shown.contains("Could not check these with the server"),
        "{shown}"
    );
    let json = admin.json(&["status"]);
    assert_eq!(json["checked"], false, "{json}");
    assert_eq!(json["user"], "admin", "{json}");
    assert_eq!(json["grant_state"], "valid", "{json}");

    let offline = text(&admin, &["status", "--offline"]);
    assert!(offline.contains("(--offline)"), "{offline}");
    assert!(!offline.contains("Could not check"), "{offline}");
    assert!(
        offline.contains("Second factor: authenticator app (cached)"),
        "{offline}"
    );
}
