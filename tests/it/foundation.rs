//! The dev server and the first commands a newcomer runs.

use std::time::{Duration, Instant};

use crate::helpers::*;

#[test]
fn dev_server_login_status_and_apps() {
    let server = Server::start();
    let admin = server.admin_password_only();
    let status = admin.json(&["status"]);
    assert_eq!(status["user"], "admin");
    assert_eq!(status["server"], server.url.as_str());
    assert_eq!(status["second_factor"], serde_json::Value::Null);
    assert_eq!(status["grant_expires_at"], serde_json::Value::Null);
    assert_eq!(status["grant_seconds_left"], 0);
    assert!(
        status["credential_store"]
            .as_str()
            .unwrap()
            .starts_with("file"),
        "{status}"
    );

    let apps = admin.json(&["apps", "list"]);
    assert_eq!(apps[0]["name"], "demo");
    assert_eq!(apps[0]["role"], "technical_contact");
    let envs = admin.json(&["envs", "list", "--app", "demo"]);
    let padlocked: Vec<(&str, bool)> = envs
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["name"].as_str().unwrap(),
                e["padlocked"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        padlocked,
        [("test", false), ("acceptance", false), ("production", true)]
    );
}

/// Logging in with the password on standard input and from `PADLOCK_PASSWORD`; both leave
/// a session that a later command uses.
#[test]
fn login_with_password_stdin_or_environment() {
    let server = Server::start();

    let by_stdin = server.user();
    let out = by_stdin
        .cmd()
        .args(["login", "admin", "--password-stdin", "--output", "json"])
        .write_stdin(format!("{}\n", server.admin_password))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let user: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(user["username"], "admin");
    assert_eq!(user["support"], true);
    assert_eq!(by_stdin.json(&["apps", "list"])[0]["name"], "demo");

    let by_env = server.user();
    let out = by_env
        .cmd()
        .args(["login", "admin"])
        .env("PADLOCK_PASSWORD", &server.admin_password)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("Logged in to {} as admin", server.url)),
        "{text}"
    );
    assert_eq!(by_env.json(&["status"])["user"], "admin");
    assert_eq!(by_env.json(&["apps", "list"])[0]["name"], "demo");
}

/// No terminal, no `--password-stdin`, no `PADLOCK_PASSWORD`: exit 2 at once, naming both
/// ways to pass the password, and nothing is sent to the server.
#[test]
fn login_without_terminal_or_password_is_a_usage_error() {
    let server = Server::start();
    let user = server.user();
    let out = user.cmd().args(["login", "admin"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--password-stdin") && stderr.contains("PADLOCK_PASSWORD"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());

    let err = user.error(&["login", "admin"], 2);
    assert_eq!(err["code"], "usage");
    // An empty password on stdin is no password either.
    let out = user
        .cmd()
        .args(["login", "admin", "--password-stdin"])
        .write_stdin("\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");

    let status = user.json(&["status"]);
    assert_eq!(status["user"], serde_json::Value::Null, "{status}");
    let audit = server.admin_password_only().audit(&[]);
    assert!(
        audit
            .iter()
            .all(|e| e["action"] != "login" || e["outcome"] == "allowed"),
        "no failed login reached the server: {audit:?}"
    );
}

/// A wrong password and an unknown user get the same answer: exit 1, `invalid_credentials`,
/// the same message (nothing tells which usernames exist).
#[test]
fn wrong_password_and_unknown_user_are_indistinguishable() {
    let server = Server::start();
    let user = server.user();
    let login = |name: &str, password: &str| {
        let out = user
            .cmd()
            .args(["login", name, "--password-stdin", "--output", "json"])
            .write_stdin(format!("{password}\n"))
            .output()
            .unwrap();
        json_error(&out, 1, &format!("login {name}"))
    };
    let wrong_password = login("admin", "not-the-password");
    let unknown_user = login("nobody", &server.admin_password);
    assert_eq!(wrong_password["code"], "invalid_credentials");
    assert_eq!(wrong_password, unknown_user);
    // Nothing was kept: the user is not logged in.
    assert_eq!(user.json(&["status"])["user"], serde_json::Value::Null);
    assert!(!user.config_dir().join("credentials.json").exists());
    let code = user.fails(&["apps", "list"], 1);
    assert_eq!(code, "unauthenticated");
}

/// `padlock` in a real pseudo-terminal: it asks `Password:` (and `Username:` when none is
/// given), and the answer logs in. `--no-input` never asks, even on a terminal.
#[test]
fn login_prompts_on_a_terminal() {
    use expectrl::{Eof, Session, WaitStatus};

    let server = Server::start();
    let user = server.user();
    let spawn = |args: &[&str]| {
        // Echo on, as on a real terminal (the PTY starts with it off), so the test can see
        // when padlock turns it off to read the password.
        let mut cmd = std::process::Command::new("sh");
        for (var, _) in std::env::vars_os() {
            if var.to_string_lossy().starts_with("PADLOCK_") {
                cmd.env_remove(var);
            }
        }
        cmd.args(["-c", "stty echo && exec \"$0\" \"$@\"", BIN])
            .args(args)
            .env("PADLOCK_CONFIG_DIR", user.config_dir())
            .env("PADLOCK_SERVER", &server.url)
            .env("PADLOCK_CREDENTIAL_STORE", "file")
            .env("TERM", "xterm");
        let mut session = Session::spawn(cmd).expect("padlock starts in a PTY");
        session.set_expect_timeout(Some(Duration::from_secs(30)));
        session
    };
    let exit_code = |session: &mut Session| match session.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("padlock ended with {other:?}"),
    };
    // The prompt appears a moment before padlock reads: it switches echo off with
    // TCSAFLUSH, which drops anything typed earlier. So answer once echo is off.
    let answer_password = |session: &mut Session, password: &str| {
        session.expect("Password:").unwrap();
        let deadline = Instant::now() + Duration::from_secs(30);
        while session.get_process().get_echo().unwrap() {
            assert!(Instant::now() < deadline, "padlock never read the password");
            std::thread::sleep(Duration::from_millis(5));
        }
        session.send_line(password).unwrap();
    };

    let mut session = spawn(&["login", "admin", "--no-input"]);
    session.expect(Eof).unwrap();
    assert_eq!(exit_code(&mut session), 2, "--no-input does not prompt");

    let mut session = spawn(&["login"]);
    session.expect("Username:").unwrap();
    session.send_line("admin").unwrap();
    answer_password(&mut session, &server.admin_password);
    session.expect("Logged in to").unwrap();
    session.expect(Eof).unwrap();
    assert_eq!(exit_code(&mut session), 0);
    assert_eq!(user.json(&["status"])["user"], "admin");
    assert_eq!(user.json(&["apps", "list"])[0]["name"], "demo");

    // A wrong password typed at the prompt fails like any other.
    let mut session = spawn(&["login", "admin"]);
    answer_password(&mut session, "wrong password");
    session.expect("wrong username or password").unwrap();
    session.expect(Eof).unwrap();
    assert_eq!(exit_code(&mut session), 1);
}

/// `logout` ends the session on the server, not only here: the old token is refused.
#[test]
fn logout_revokes_the_session_on_the_server() {
    let server = Server::start();
    let admin = server.admin_password_only();
    let token = admin.session_token();
    assert!(token.starts_with("plk_sess_"), "{token}");
    let me = |token: &str| {
        http()
            .get(format!("{}/v1/me", server.url))
            .bearer_auth(token)
            .send()
            .unwrap()
    };
    let before = me(&token);
    assert_eq!(before.status(), 200);
    assert_eq!(
        before.json::<serde_json::Value>().unwrap()["username"],
        "admin"
    );

    let out = admin.json(&["logout"]);
    assert_eq!(out["logged_out"], true, "{out}");
    assert_eq!(out["session_ended_on_server"], true, "{out}");

    let after = me(&token);
    assert_eq!(after.status(), 401);
    let body: serde_json::Value = after.json().unwrap();
    assert_eq!(body["error"]["code"], "unauthenticated", "{body}");

    let credentials =
        std::fs::read_to_string(admin.config_dir().join("credentials.json")).unwrap_or_default();
    assert!(!credentials.contains(&token), "{credentials}");
    assert_eq!(admin.json(&["status"])["user"], serde_json::Value::Null);
    assert_eq!(admin.fails(&["apps", "list"], 1), "unauthenticated");
}

/// `status` needs no server: with the server gone it still says who, where and which store.
#[test]
fn status_works_offline() {
    let mut server = Server::start();
    let admin = server.admin_password_only();
    server.kill9();

    let out = admin.cmd().arg("status").output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    let credentials = admin.config_dir().join("credentials.json");
    for needle in [
        format!("Logged in to {} as admin", server.url),
        "Second factor: not set up yet".to_owned(),
        "Grant: none".to_owned(),
        format!(
            "Credential store: file (plaintext, {})",
            credentials.display()
        ),
    ] {
        assert!(text.contains(&needle), "{needle:?} in:\n{text}");
    }

    let status = admin.json(&["status"]);
    assert_eq!(status["user"], "admin");
    assert_eq!(status["server"], server.url.as_str());
    assert_eq!(status["second_factor"], serde_json::Value::Null);
    assert_eq!(status["grant_expires_at"], serde_json::Value::Null);
    assert_eq!(status["grant_seconds_left"], 0);
    assert_eq!(
        status["credential_store"],
        format!("file (plaintext, {})", credentials.display())
    );
}

/// A multi-megabyte package: streamed up, stored by its sha256, listed, transported to test
/// (the dev hook's log printed), and then listed as running there.
#[test]
fn package_upload_list_and_transport() {
    use sha2::{Digest, Sha256};

    let server = Server::start();
    let admin = server.admin_password_only();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shop-1.0.mda");
    // 6 MiB that do not compress to nothing: a linear congruential generator.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let bytes: Vec<u8> = (0..6 << 20)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 56) as u8
        })
        .collect();
    std::fs::write(&file, &bytes).unwrap();
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let file_arg = file.to_str().unwrap();

    let out = admin
        .cmd()
        .args(["packages", "upload", "--app", "demo", file_arg])
        .args(["--output", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let package: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(package["sha256"], sha256.as_str(), "{package}");
    assert_eq!(package["size"], bytes.len() as u64);
    assert_eq!(package["filename"], "shop-1.0.mda");
    assert_eq!(package["app"], "demo");
    assert_eq!(package["uploaded_by"], "admin");
    assert_eq!(package["deployed_to"], serde_json::json!([]));
    let id = package["id"].as_i64().expect("a package id");
    let stored = std::fs::read(server.data_dir.join("packages").join(&sha256))
        .expect("the package is stored under DATA_DIR/packages/SHA256");
    assert!(
        stored == bytes,
        "the stored package differs from the upload"
    );

    // Text output on a pipe: no progress bar; on stderr only the note that these bytes are
    // already a package.
    let out = admin
        .cmd()
        .args(["packages", "upload", "--app", "demo", file_arg])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .all(|line| line.starts_with(&format!("note: this file is identical to package {id} "))),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Uploaded shop-1.0.mda as package"), "{text}");
    assert!(text.contains(&sha256), "{text}");

    let listed = admin.json(&["packages", "list", "--app", "demo"]);
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(
        listed
            .iter()
            .any(|p| p["id"] == id && p["sha256"] == sha256.as_str())
    );

    let out = admin
        .cmd()
        .args(["transport", "--app", "demo", "--package", &id.to_string()])
        .args(["--to", "test"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let log = String::from_utf8_lossy(&out.stdout);
    assert!(
        log.contains("dev hook: would run transport on demo/test for admin"),
        "{log}"
    );
    assert!(log.contains(&sha256), "{log}");
    assert!(log.contains("padlock: transport succeeded"), "{log}");

    let listed = admin.json(&["packages", "list", "--app", "demo"]);
    for package in listed.as_array().unwrap() {
        let expected = if package["id"] == id {
            serde_json::json!(["test"])
        } else {
            serde_json::json!([])
        };
        assert_eq!(package["deployed_to"], expected, "{package}");
    }
    let envs = admin.json(&["envs", "list", "--app", "demo"]);
    assert_eq!(envs[0]["name"], "test");
    assert_eq!(envs[0]["package_id"], id);
    assert_eq!(envs[0]["state"], "running");

    let code = admin.fails(
        &[
            "transport",
            "--app",
            "demo",
            "--package",
            "999999",
            "--to",
            "test",
        ],
        1,
    );
    assert_eq!(code, "not_found");
}

/// `--version` and `--help` work with nothing set up, and the help documents the exit codes.
#[test]
fn version_and_help() {
    let out = padlock().arg("--version").output().unwrap();
    assert!(out.status.success());
    // The commit that follows is checked in ecosystem.rs.
    let version = String::from_utf8_lossy(&out.stdout);
    assert!(
        version.starts_with(&format!("padlock {}", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );

    let out = padlock().arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("EXIT CODES"), "{help}");
    for code in [
        "0  success",
        "1  failure",
        "2  usage error",
        "3  a second factor is needed",
        "4  not allowed",
        "5  grant expired or revoked",
        "6  the server cannot be reached",
    ] {
        assert!(help.contains(code), "{code:?} in:\n{help}");
    }
    for command in [
        "login",
        "logout",
        "status",
        "packages",
        "transport",
        "server",
    ] {
        assert!(help.contains(command), "{command} in:\n{help}");
    }
}
