//! The production start-up path: `padlock server` without `--dev`, as operators run it. It
//! refuses to start rather than run half-configured (no master key, a bad key, hooks that
//! cannot run; a bad config file is in bad_input.rs), and serves the main journey over TLS
//! to a CLI that keeps its credentials in a real Secret Service.
//!
//! A production server's first support account comes from its host (`padlock server
//! add-support-account`). The journeys that need the demo app and its team prepare their
//! data folder with a dev-mode start on it first (`hardening::bootstrap`).

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;

use crate::hardening::{MASTER_KEY, bootstrap};
use crate::helpers::*;

/// `padlock server` without `--dev` on `data_dir`, which must fail: its exit code and
/// stderr. No line on stdout: a refused server never says it listens.
fn refused(data_dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> String {
    let out = assert_cmd::Command::from_std(padlock())
        .args([
            "server",
            "--listen",
            "127.0.0.1:0",
            "--output",
            "json",
            "--data-dir",
        ])
        .arg(data_dir)
        .args(args)
        .envs(envs.iter().copied())
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty(), "it listened: {out:?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn production_refuses_to_start_without_a_usable_master_key() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let stderr = refused(&data_dir, &[], &[]);
    assert!(
        stderr.contains("no master key") && stderr.contains("PADLOCK_MASTER_KEY"),
        "{stderr}"
    );
    // Dev mode would have made one; production never does.
    assert!(!data_dir.join("master.key").exists());

    let stderr = refused(&data_dir, &[], &[("PADLOCK_MASTER_KEY", "abcd")]);
    assert!(stderr.contains("master key must be 32 bytes"), "{stderr}");
    let missing = dir.path().join("no-such.key");
    let config = dir.path().join("padlock.toml");
    std::fs::write(&config, format!("master_key_file = {missing:?}\n")).unwrap();
    let stderr = refused(&data_dir, &["--config", config.to_str().unwrap()], &[]);
    assert!(
        stderr.contains(&missing.display().to_string()),
        "names the key file: {stderr}"
    );
}

#[test]
fn production_refuses_to_start_with_hooks_that_cannot_run() {
    let dir = tempfile::tempdir().unwrap();
    let present = dir.path().join("deploy.sh");
    std::fs::write(&present, "echo deployed\n").unwrap();
    let gone = dir.path().join("gone.sh");
    let config = dir.path().join("padlock.toml");
    let hook = |operation: &str, command: &str| {
        format!("[[hooks]]\noperation = \"{operation}\"\ncommand = {command:?}\n")
    };
    let text = [
        hook("transport", &format!("sh '{}'", present.display())),
        hook("start", &format!("sh '{}' --fast", gone.display())),
        hook("stop", "/opt/padlock-test/no-such-program --now"),
        hook("restart", "no-such-program-on-path restart"),
        hook("backup_create", "true"),
    ]
    .concat();
    std::fs::write(&config, text).unwrap();
    let args = ["--config", config.to_str().unwrap()];
    let stderr = refused(
        &dir.path().join("data"),
        &args,
        &[("PADLOCK_MASTER_KEY", MASTER_KEY)],
    );
    for missing in [
        gone.display().to_string(),
        "/opt/padlock-test/no-such-program".into(),
        "no-such-program-on-path".into(),
    ] {
        assert!(stderr.contains(&missing), "{missing} in: {stderr}");
    }
    assert!(
        !stderr.contains(&present.display().to_string()),
        "the hook that exists is not named: {stderr}"
    );

    // With every hook in place it starts.
    std::fs::write(
        &config,
        [
            hook("transport", &format!("sh '{}'", present.display())),
            hook("backup_create", "true"),
        ]
        .concat(),
    )
    .unwrap();
    let data = bootstrap(&[], |_, _| {});
    let server = data.production_with(&args, &[]);
    assert!(server.url.starts_with("http://"), "{}", server.url);
}

/// The main journey against a production server over TLS, from a CLI whose credentials live
/// in a real Secret Service (gnome-keyring on a private D-Bus, the store users get by
/// default): login, TOTP enrollment, a padlocked command on the grant from the keyring.
#[test]
fn production_journey_over_tls_with_the_secret_service() {
    if !crate::stores::secret_service_available() {
        return;
    }
    let tls = crate::tls::self_signed();
    let data = bootstrap(&[], |_, _| {});
    let server = data.production_with(&["--config", tls.config.to_str().unwrap()], &[]);
    assert!(server.url.starts_with("https://"), "{}", server.url);
    assert_eq!(
        server.info["admin_password"],
        Value::Null,
        "no dev bootstrap"
    );

    let out_dir = tempfile::tempdir().unwrap();
    let config_dir = tempfile::tempdir().unwrap();
    // One run under the wrapper, since its keyring lives as long as the wrapper does; the
    // test computes the TOTP code once the secret is out, and hands it over in a file.
    let script = r#"
        set -e
        printf '%s\n' "$ADMIN_PASSWORD" | "$PADLOCK" login admin --password-stdin
        "$PADLOCK" 2fa setup --method totp --no-input --output json > "$OUT/setup.json.part"
        mv "$OUT/setup.json.part" "$OUT/setup.json"
        i=0
        while [ ! -e "$OUT/code" ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done
        "$PADLOCK" 2fa confirm --otp "$(cat "$OUT/code")"
        "$PADLOCK" node show --app demo --output json > "$OUT/node.json"
        "$PADLOCK" status --output json > "$OUT/status.json"
        secret-tool lookup service padlock username "$PADLOCK_SERVER" > "$OUT/secret.txt"
    "#;
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wrapper = std::process::Command::new("sh");
    wrapper.env_clear();
    for var in ["PATH", "HOME", "LANG"] {
        if let Some(value) = std::env::var_os(var) {
            wrapper.env(var, value);
        }
    }
    let mut child = wrapper
        .arg(repo.join(".ci/with-secret-service.sh"))
        .args(["sh", "-c", script])
        .env("PADLOCK", BIN)
        .env("ADMIN_PASSWORD", &data.admin_password)
        .env("OUT", out_dir.path())
        .env("PADLOCK_CONFIG_DIR", config_dir.path())
        .env("PADLOCK_SERVER", &server.url)
        .env("PADLOCK_CA_CERT", &tls.cert)
        .env("PADLOCK_KEYRING_TIMEOUT_MS", "20000")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let setup_file = out_dir.path().join("setup.json");
    let setup: Value = poll_until(120, "2fa setup under the wrapper", || {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the journey ended early ({status})");
        }
        let text = std::fs::read_to_string(&setup_file).ok()?;
        Some(serde_json::from_str(&text).unwrap())
    });
    let secret = setup["secret"].as_str().unwrap();
    let code_file = out_dir.path().join("code");
    std::fs::write(code_file.with_extension("part"), totp_now(secret)).unwrap();
    std::fs::rename(code_file.with_extension("part"), &code_file).unwrap();
    poll_until(120, "the journey to end", || child.try_wait().unwrap());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}\n{}\nserver log:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        server.log()
    );
    let read = |name: &str| -> Value {
        let text = std::fs::read_to_string(out_dir.path().join(name)).unwrap();
        serde_json::from_str(&text).unwrap_or_else(|err| panic!("{name}: {err}: {text}"))
    };
    assert_eq!(read("node.json")["app"], "demo");
    let status = read("status.json");
    assert_eq!(
        status["credential_store"], "keyring (Secret Service)",
        "{status}"
    );
    assert_eq!(status["user"], "admin", "{status}");
    // The session and the grant are in gnome-keyring, not in a file.
    let secrets = read("secret.txt");
    assert!(
        secrets["session"]
            .as_str()
            .is_some_and(|s| s.starts_with("plk_sess_")),
        "{secrets}"
    );
    assert!(
        secrets["grant"]
            .as_str()
            .is_some_and(|s| s.starts_with("plk_grant_")),
        "{secrets}"
    );
    assert!(!config_dir.path().join("credentials.json").exists());
}

/// `padlock server add-support-account USERNAME` on the host, as JSON.
fn add_support_account(data_dir: &Path, username: &str) -> std::process::Output {
    assert_cmd::Command::from_std(padlock())
        .args([
            "server",
            "add-support-account",
            username,
            "--output",
            "json",
        ])
        .arg("--data-dir")
        .arg(data_dir)
        .env("PADLOCK_MASTER_KEY", MASTER_KEY)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap()
}

/// A production server's first support account comes from its host, while it runs: the
/// account logs in, does support's work, and its first padlocked command sets up a second
/// factor.
#[test]
fn a_production_server_gets_its_first_support_account_from_the_host() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let server =
        crate::hardening::Running::start(&data_dir, &[], &[("PADLOCK_MASTER_KEY", MASTER_KEY)]);
    let out = add_support_account(&data_dir, "alice");
    assert!(out.status.success(), "{out:?}");
    let added: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(added["username"], "alice");
    assert_eq!(added["support"], true);
    let password = added["password"].as_str().unwrap();
    assert!(password.len() >= 20, "{added}");

    let alice = server.login("alice", password);
    let bob = alice.json(&["admin", "users", "create", "bob"]);
    assert_eq!(bob["username"], "bob", "{bob}");
    // A support account is a change of who may do what: padlocked, so enrollment first.
    let err = alice.error(&["admin", "users", "create", "carol", "--support"], 3);
    assert_eq!(err["code"], "enrollment_required", "{err}");
    alice.enroll_totp();
    let carol = alice.json(&["admin", "users", "create", "carol", "--support"]);
    assert_eq!(carol["support"], true, "{carol}");
    let made = alice
        .audit(&[])
        .into_iter()
        .find(|e| e["action"] == "support_create:alice")
        .expect("the host's act is on record");
    assert_eq!(made["actor"], "(server host)", "{made}");
    assert_eq!(made["via"], "host", "{made}");

    // The same name twice, and a name no login could use, change nothing.
    let again = add_support_account(&data_dir, "alice");
    assert_eq!(again.status.code(), Some(1), "{again:?}");
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("already exists"), "{stderr}");
    let bad = add_support_account(&data_dir, "no spaces");
    assert_eq!(bad.status.code(), Some(1), "{bad:?}");
    assert!(String::from_utf8_lossy(&bad.stderr).contains("a username is"));
    let users = alice.json(&["admin", "users", "list"]);
    assert_eq!(users.as_array().map(Vec::len), Some(3), "{users}");
}
