//! Credential stores through the real binary: the kernel keyring, the plaintext file, a real
//! Secret Service (gnome-keyring on a private D-Bus), and keyrings that are missing or hang.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::helpers::*;

/// Whether this process may use the kernel keyring at all (a container's seccomp profile
/// can block keyctl). Only reads: asks for the user-session keyring without creating one.
fn kernel_keyring_usable() -> bool {
    use linux_keyutils::{KeyRing, KeyRingIdentifier};
    KeyRing::from_special_id(KeyRingIdentifier::UserSession, false).is_ok()
}

/// `padlock` for `user` with no store chosen by the environment: the command line or the
/// state of the last login decides.
fn cmd_without_store(user: &User) -> assert_cmd::Command {
    let mut cmd = user.cmd();
    cmd.env_remove("PADLOCK_CREDENTIAL_STORE");
    cmd
}

fn login_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["login", "admin", "--password-stdin"];
    args.extend_from_slice(extra);
    args
}

/// `--credential-store kernel`: the session lives in the kernel keyring, later commands find
/// it there without being told again, `status` names the store, and no file is written.
#[test]
fn kernel_keyring_store() {
    let missing = (!kernel_keyring_usable())
        .then(|| "the kernel keyring (keyctl) is not usable here".to_owned());
    if !prerequisite(missing) {
        return;
    }
    let server = Server::start();
    let user = server.user();
    let out = cmd_without_store(&user)
        .args(login_args(&["--credential-store", "kernel"]))
        .write_stdin(format!("{}\n", server.admin_password))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Credentials kept in the kernel keyring"),
        "{out:?}"
    );

    let out = cmd_without_store(&user)
        .args(["apps", "list", "--output", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let apps: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(apps[0]["name"], "demo");

    let out = cmd_without_store(&user)
        .args(["status", "--output", "json"])
        .output()
        .unwrap();
    let status: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(status["credential_store"], "kernel keyring", "{status}");
    assert_eq!(status["user"], "admin");
    assert!(
        !user.config_dir().join("credentials.json").exists(),
        "no plaintext file"
    );

    // Logging out removes the key (and leaves nothing behind in the persistent keyring).
    cmd_without_store(&user).arg("logout").assert().success();
    let out = cmd_without_store(&user)
        .args(["apps", "list", "--output", "json"])
        .output()
        .unwrap();
    let err = json_error(&out, 1, "apps list after logout");
    assert_eq!(err["code"], "unauthenticated");
}

/// `--credential-store file`: credentials.json in the config directory, mode 0600, named by
/// `status`.
#[test]
fn file_store_is_private() {
    let server = Server::start();
    let user = server.user();
    cmd_without_store(&user)
        .args(login_args(&["--credential-store", "file"]))
        .write_stdin(format!("{}\n", server.admin_password))
        .assert()
        .success();
    let path = user.config_dir().join("credentials.json");
    let mode = std::fs::metadata(&path)
        .expect("credentials.json exists")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    assert!(user.session_token().starts_with("plk_sess_"));

    let out = cmd_without_store(&user)
        .args(["status", "--output", "json"])
        .output()
        .unwrap();
    let status: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        status["credential_store"],
        format!("file (plaintext, {})", path.display())
    );
    // The choice is remembered: no flag, no variable, still the file.
    let out = cmd_without_store(&user)
        .args(["apps", "list", "--output", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

/// Whether a real Secret Service can be started (`.ci/with-secret-service.sh`): else the
/// test is skipped, or fails under CI.
pub fn secret_service_available() -> bool {
    prerequisite(
        missing_programs(&[
            "dbus-run-session",
            "gnome-keyring-daemon",
            "dbus-send",
            "secret-tool",
        ])
        .map(|missing| format!("no Secret Service to test against ({missing})")),
    )
}

/// A real Secret Service: the CI wrapper starts a private D-Bus with an unlocked
/// gnome-keyring, and inside it `padlock` with no store chosen keeps the session there.
#[test]
fn secret_service_is_the_default_store() {
    if !secret_service_available() {
        return;
    }
    let server = Server::start();
    let user = server.user();
    let out_dir = tempfile::tempdir().unwrap();
    let script = r#"
        set -e
        printf '%s\n' "$ADMIN_PASSWORD" | "$PADLOCK" login admin --password-stdin
        "$PADLOCK" status --output json > "$OUT/status.json"
        "$PADLOCK" apps list --output json > "$OUT/apps.json"
        secret-tool lookup service padlock username "$PADLOCK_SERVER" > "$OUT/secret.txt" || true
        "$PADLOCK" logout
        secret-tool lookup service padlock username "$PADLOCK_SERVER" > "$OUT/after-logout.txt" || true
    "#;
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let started = Instant::now();
    let out = padlock_free_command("sh")
        .arg(repo.join(".ci/with-secret-service.sh"))
        .args(["sh", "-c", script])
        .env("PADLOCK", BIN)
        .env("ADMIN_PASSWORD", &server.admin_password)
        .env("OUT", out_dir.path())
        .env("PADLOCK_CONFIG_DIR", user.config_dir())
        .env("PADLOCK_SERVER", &server.url)
        .env("PADLOCK_KEYRING_TIMEOUT_MS", "20000")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "under the Secret Service wrapper ({:?}): {}\n{}",
        started.elapsed(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |name: &str| std::fs::read_to_string(out_dir.path().join(name)).ok();
    let status: Value = serde_json::from_str(&read("status.json").unwrap()).unwrap();
    assert_eq!(
        status["credential_store"], "keyring (Secret Service)",
        "{status}"
    );
    assert_eq!(status["user"], "admin");
    let apps: Value = serde_json::from_str(&read("apps.json").unwrap()).unwrap();
    assert_eq!(apps[0]["name"], "demo");
    assert!(
        !user.config_dir().join("credentials.json").exists(),
        "nothing in a plaintext file"
    );
    // Really in gnome-keyring, where the user can find it with the usual tools.
    let secret = read("secret.txt").unwrap();
    let secrets: Value = serde_json::from_str(&secret)
        .unwrap_or_else(|err| panic!("{secret:?} is not the saved secrets: {err}"));
    assert!(
        secrets["session"]
            .as_str()
            .is_some_and(|s| s.starts_with("plk_sess_")),
        "{secrets}"
    );
    assert_eq!(
        read("after-logout.txt").as_deref(),
        Some(""),
        "logout deletes it"
    );
}

/// `program` with a clean environment: none of this process's `PADLOCK_*` or D-Bus
/// variables.
fn padlock_free_command(program: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(program);
    cmd.env_clear();
    for var in ["PATH", "HOME", "LANG"] {
        if let Some(value) = std::env::var_os(var) {
            cmd.env(var, value);
        }
    }
    cmd
}

/// A session bus that accepts connections and never answers: the keyring is given up after
/// `PADLOCK_KEYRING_TIMEOUT_MS`, with a message naming the file and kernel stores, both for
/// `--credential-store keyring` and for the default (no silent fallback to another store).
#[test]
fn hanging_keyring_fails_fast_with_the_alternatives() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("bus");
    // Never accepted: the connection queues, and the D-Bus handshake never gets a reply.
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    for store in [Some("keyring"), None] {
        let user = server.user();
        let mut cmd = cmd_without_store(&user);
        cmd.env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", socket.display()),
        )
        .env("PADLOCK_KEYRING_TIMEOUT_MS", "300")
        .timeout(Duration::from_secs(30))
        .args(login_args(&["--output", "json"]))
        .write_stdin(format!("{}\n", server.admin_password));
        if let Some(store) = store {
            cmd.args(["--credential-store", store]);
        }
        let started = Instant::now();
        let out = cmd.output().unwrap();
        let took = started.elapsed();
        let err = json_error(&out, 1, &format!("login with store {store:?}"));
        assert!(took < Duration::from_secs(10), "{store:?} took {took:?}");
        assert_eq!(err["code"], "credential_store", "{err}");
        let message = err["message"].as_str().unwrap();
        assert!(
            message.contains("did not answer within 300 ms")
                && message.contains("--credential-store kernel")
                && message.contains("--credential-store file"),
            "{message}"
        );
        assert!(!user.config_dir().join("credentials.json").exists());
        assert_eq!(user.json(&["status"])["user"], Value::Null);
    }
}

/// No session bus at all: asking for the keyring says it is unavailable and how to choose
/// another store; the default falls back to the kernel keyring where it works.
#[test]
fn without_a_session_bus() {
    let server = Server::start();
    let runtime_dir = tempfile::tempdir().unwrap();
    let no_bus = |user: &User| {
        let mut cmd = cmd_without_store(user);
        // zbus falls back to $XDG_RUNTIME_DIR/bus: an empty directory has none.
        cmd.env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env("XDG_RUNTIME_DIR", runtime_dir.path())
            .env("PADLOCK_KEYRING_TIMEOUT_MS", "20000")
            .write_stdin(format!("{}\n", server.admin_password));
        cmd
    };

    let user = server.user();
    let out = no_bus(&user)
        .args(login_args(&[
            "--credential-store",
            "keyring",
            "--output",
            "json",
        ]))
        .output()
        .unwrap();
    let err = json_error(&out, 1, "keyring without a bus");
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains("keyring (Secret Service) is not available")
            && message.contains("--credential-store"),
        "{message}"
    );

    let user = server.user();
    let out = no_bus(&user)
        .args(login_args(&["--output", "json"]))
        .output()
        .unwrap();
    if kernel_keyring_usable() {
        assert!(out.status.success(), "{out:?}");
        let status = no_bus(&user)
            .args(["status", "--output", "json"])
            .output()
            .unwrap();
        let status: Value = serde_json::from_slice(&status.stdout).unwrap();
        assert_eq!(status["credential_store"], "kernel keyring", "{status}");
        no_bus(&user).arg("logout").assert().success();
    } else {
        let err = json_error(&out, 1, "default store without bus or kernel keyring");
        let message = err["message"].as_str().unwrap();
        assert!(message.contains("--credential-store file"), "{message}");
    }
    assert!(!user.config_dir().join("credentials.json").exists());
}
