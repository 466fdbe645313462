//! The OS keyring: Secret Service on Linux (pure-Rust zbus client, no libdbus), Keychain
//! on macOS, Credential Manager on Windows, all through the keyring-core v1 store crates.
//!
//! These calls block and have no timeout of their own: a locked keyring waits on its unlock
//! dialog, a stuck daemon or a silent bus never answers. So every call, connecting
//! included, runs on a helper thread and is given up after a deadline. A given-up thread
//! is left behind (a blocking call cannot be cancelled); it ends with its call, or with
//! the process.
//!
//! Also home of the entry helpers shared with the kernel keyring, which uses the same
//! keyring-core API.

use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use keyring_core::{CredentialStore as CoreStore, Entry, Error as CoreError};

use super::{CredentialError, CredentialStore, SERVICE};

#[cfg(target_os = "linux")]
const NAME: &str = "keyring (Secret Service)";
#[cfg(target_os = "macos")]
const NAME: &str = "keyring (macOS Keychain)";
#[cfg(target_os = "windows")]
const NAME: &str = "keyring (Windows Credential Manager)";
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
const NAME: &str = "keyring";

/// Connects to the OS keyring; on Linux this fails within milliseconds when there is no
/// session bus or nobody owns org.freedesktop.secrets.
pub(super) fn open(deadline: Duration) -> Result<Box<dyn CredentialStore>, CredentialError> {
    let store = with_deadline(deadline, "connect to", connect).map_err(|error| match error {
        // Could not even connect: the keyring is missing, which callers may fall back from.
        CredentialError::Denied { reason, .. } | CredentialError::Failed { reason, .. } => {
            CredentialError::Unavailable {
                store: NAME.to_string(),
                reason,
            }
        }
        other => other,
    })?;
    Ok(Box::new(OsKeyring { store, deadline }))
}

#[cfg(target_os = "linux")]
fn connect() -> keyring_core::Result<Arc<CoreStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn connect() -> keyring_core::Result<Arc<CoreStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn connect() -> keyring_core::Result<Arc<CoreStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn connect() -> keyring_core::Result<Arc<CoreStore>> {
    Err(CoreError::NotSupportedByStore(
        "padlock knows no OS keyring on this platform".to_string(),
    ))
}

struct OsKeyring {
    store: Arc<CoreStore>,
    deadline: Duration,
}

impl CredentialStore for OsKeyring {
    fn name(&self) -> String {
        NAME.to_string()
    }

    fn load(&self, account: &str) -> Result<Option<String>, CredentialError> {
        let (store, account) = (self.store.clone(), account.to_string());
        with_deadline(self.deadline, "read", move || load_entry(&store, &account))
    }

    fn save(&self, account: &str, secret: &str) -> Result<(), CredentialError> {
        let (store, account, secret) =
            (self.store.clone(), account.to_string(), secret.to_string());
        with_deadline(self.deadline, "save", move || {
            save_entry(&store, &account, &secret)
        })
    }

    fn delete(&self, account: &str) -> Result<(), CredentialError> {
        let (store, account) = (self.store.clone(), account.to_string());
        with_deadline(self.deadline, "delete", move || {
            delete_entry(&store, &account)
        })
    }
}

/// Runs `call` on a helper thread and waits for it at most `deadline`.
fn with_deadline<T: Send + 'static>(
    deadline: Duration,
    action: &'static str,
    call: impl FnOnce() -> keyring_core::Result<T> + Send + 'static,
) -> Result<T, CredentialError> {
    let (sender, receiver) = mpsc::channel();
    std::thread::Builder::new()
        .name("padlock-keyring".to_string())
        // After a timeout nobody listens any more; the late answer is dropped.
        .spawn(move || drop(sender.send(call())))
        .map_err(|error| CredentialError::Failed {
            store: NAME.to_string(),
            action,
            reason: format!("could not start a thread for the call: {error}"),
        })?;
    match receiver.recv_timeout(deadline) {
        Ok(result) => result.map_err(|error| failure(NAME, action, error)),
        Err(RecvTimeoutError::Timeout) => Err(CredentialError::Timeout {
            store: NAME.to_string(),
            waited: deadline,
        }),
        Err(RecvTimeoutError::Disconnected) => Err(CredentialError::Failed {
            store: NAME.to_string(),
            action,
            reason: "the keyring call crashed".to_string(),
        }),
    }
}

/// Reads the entry for `account`; a missing entry is `None`.
pub(super) fn load_entry(
    store: &Arc<CoreStore>,
    account: &str,
) -> keyring_core::Result<Option<String>> {
    match Entry::new_in_store(store, SERVICE, account)?.get_password() {
        Ok(secret) => Ok(Some(secret)),
        Err(CoreError::NoEntry) => Ok(None),
        Err(error) => Err(error),
    }
}

/// Creates or replaces the entry for `account`.
pub(super) fn save_entry(
    store: &Arc<CoreStore>,
    account: &str,
    secret: &str,
) -> keyring_core::Result<()> {
    Entry::new_in_store(store, SERVICE, account)?.set_password(secret)
}

/// Removes the entry for `account`; a missing entry is fine.
pub(super) fn delete_entry(store: &Arc<CoreStore>, account: &str) -> keyring_core::Result<()> {
    match Entry::new_in_store(store, SERVICE, account)?.delete_credential() {
        Ok(()) | Err(CoreError::NoEntry) => Ok(()),
        Err(error) => Err(error),
    }
}

/// Turns a keyring-core error from `action` on `store` into ours.
pub(super) fn failure(store: &str, action: &'static str, error: CoreError) -> CredentialError {
    match error {
        // Locked collection with no way to prompt, dismissed prompt, access rules.
        CoreError::NoStorageAccess(reason) => CredentialError::Denied {
            store: store.to_string(),
            reason: reason.to_string(),
        },
        other => CredentialError::Failed {
            store: store.to_string(),
            action,
            reason: other.to_string(),
        },
    }
}

/// Against a real gnome-keyring, but only the disposable one of `.ci/with-secret-service.sh`:
/// plain `cargo test` re-runs each of these tests under that wrapper by itself.
#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::super::{Backend, open_with};
    use super::*;
    use std::process::Command;
    use std::sync::{Mutex, MutexGuard, PoisonError};
    use std::time::Instant;

    const DEADLINE: Duration = Duration::from_secs(10);

    /// One Secret Service test at a time: the frozen-daemon test would otherwise stall the
    /// others (and their timings) while the daemon is stopped.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

    /// The programs the wrapper and these tests run, with their Debian/Ubuntu packages.
    const TOOLS: [(&str, &str); 4] = [
        ("dbus-run-session", "dbus"),
        ("dbus-send", "dbus"),
        ("gnome-keyring-daemon", "gnome-keyring"),
        ("secret-tool", "libsecret-tools"),
    ];

    /// Starts the Secret Service test `test` (its name in this module). Under the wrapper
    /// (which sets PADLOCK_TEST_SECRET_SERVICE) returns the serialising guard: the test body
    /// runs, and a missing Secret Service is a failure. Otherwise runs this one test in a
    /// child of this test binary under the wrapper and asserts that it ran and passed, or
    /// skips when the wrapper's tools are missing; then returns `None`. Either way only the
    /// wrapper's throwaway keyring is used, never a developer's real one (which might be
    /// locked and pop up an unlock dialog).
    fn secret_service(test: &str) -> Option<MutexGuard<'static, ()>> {
        if std::env::var_os("PADLOCK_TEST_SECRET_SERVICE").is_some() {
            assert!(
                std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
                "PADLOCK_TEST_SECRET_SERVICE is set but there is no session bus"
            );
            return Some(ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner));
        }
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut missing: Vec<&str> = TOOLS
            .iter()
            .filter(|(tool, _)| !std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()))
            .map(|(_, package)| *package)
            .collect();
        if !missing.is_empty() {
            missing.dedup();
            // Under CI a skipped test would guard nothing: fail. Elsewhere say so on stderr
            // itself, which the test harness does not capture.
            let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0");
            assert!(
                !ci,
                "{test}: no Secret Service, and CI is set: install {}",
                missing.join(" ")
            );
            use std::io::Write;
            writeln!(
                std::io::stderr(),
                "SKIPPED {test}: no Secret Service to test against; install {}",
                missing.join(" ")
            )
            .ok();
            return None;
        }
        // The test's full name in this binary: the module path without the crate name.
        let module = module_path!()
            .split_once("::")
            .map_or("", |(_, module)| module);
        let name = format!("{module}::{test}");
        let output = Command::new("sh")
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/.ci/with-secret-service.sh"
            ))
            .arg(std::env::current_exe().expect("path of the test binary"))
            .args(["--exact", &name, "--nocapture"])
            .output()
            .expect("run sh .ci/with-secret-service.sh");
        let stdout = String::from_utf8_lossy(&output.stdout);
        // "1 passed" proves the child really ran the test (a wrong name would run none).
        assert!(
            output.status.success() && stdout.contains("test result: ok. 1 passed;"),
            "{name} under .ci/with-secret-service.sh failed ({}):\n{stdout}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        print!("{stdout}");
        None
    }

    /// Unique per process and test, so parallel runs do not share entries.
    fn account(test: &str) -> String {
        format!("padlock-test-{}-{test}", std::process::id())
    }

    #[test]
    fn secret_service_round_trip_and_delete() {
        let Some(_one_at_a_time) = secret_service("secret_service_round_trip_and_delete") else {
            return;
        };
        let config = tempfile::tempdir().expect("temp dir");
        let started = Instant::now();
        let store = open_with(Some(Backend::Keyring), config.path(), DEADLINE)
            .expect("Secret Service under the wrapper");
        println!("Secret Service probe with a bus: {:?}", started.elapsed());
        assert_eq!(store.name(), "keyring (Secret Service)");

        let account = account("round-trip");
        assert_eq!(store.load(&account).expect("load missing"), None);
        let started = Instant::now();
        store.save(&account, r#"{"token":"one"}"#).expect("save");
        let saved = started.elapsed();
        let started = Instant::now();
        let loaded = store.load(&account).expect("load");
        println!(
            "Secret Service save {saved:?}, load {:?}",
            started.elapsed()
        );
        assert_eq!(loaded.as_deref(), Some(r#"{"token":"one"}"#));
        // Really in gnome-keyring, where users can find it by hand.
        let lookup = Command::new("secret-tool")
            .args(["lookup", "service", "padlock", "username", &account])
            .output()
            .expect("run secret-tool (package libsecret-tools)");
        assert_eq!(
            String::from_utf8_lossy(&lookup.stdout),
            r#"{"token":"one"}"#
        );

        store
            .save(&account, r#"{"token":"two"}"#)
            .expect("overwrite");
        assert_eq!(
            store.load(&account).expect("load").as_deref(),
            Some(r#"{"token":"two"}"#)
        );

        store.delete(&account).expect("delete");
        assert_eq!(store.load(&account).expect("load deleted"), None);
        store
            .delete(&account)
            .expect("deleting a missing entry is Ok");
    }

    #[test]
    fn default_prefers_secret_service() {
        let Some(_one_at_a_time) = secret_service("default_prefers_secret_service") else {
            return;
        };
        let config = tempfile::tempdir().expect("temp dir");
        let store = open_with(None, config.path(), DEADLINE).expect("default store");
        assert_eq!(store.name(), "keyring (Secret Service)");
    }

    /// Asks the bus which process owns the Secret Service name.
    fn secret_service_pid() -> String {
        let output = Command::new("dbus-send")
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.GetConnectionUnixProcessID",
                "string:org.freedesktop.secrets",
            ])
            .output()
            .expect("run dbus-send");
        let reply = String::from_utf8_lossy(&output.stdout);
        let pid = reply
            .split_whitespace()
            .skip_while(|word| *word != "uint32")
            .nth(1)
            .expect("pid in the dbus-send reply");
        pid.to_string()
    }

    fn signal(signal: &str, pid: &str) {
        let status = Command::new("kill").args([signal, pid]).status();
        assert!(status.is_ok_and(|s| s.success()), "kill {signal} {pid}");
    }

    /// Resumes the frozen daemon however the test ends.
    struct Thaw(String);

    impl Drop for Thaw {
        fn drop(&mut self) {
            signal("-CONT", &self.0);
        }
    }

    /// A frozen daemon (here: SIGSTOPped gnome-keyring) makes a load give up at the deadline.
    #[test]
    fn frozen_secret_service_is_given_up_after_the_deadline() {
        let Some(_one_at_a_time) =
            secret_service("frozen_secret_service_is_given_up_after_the_deadline")
        else {
            return;
        };
        let deadline = Duration::from_millis(300);
        let store = open(deadline).expect("Secret Service under the wrapper");
        let pid = secret_service_pid();
        signal("-STOP", &pid);
        let _thaw = Thaw(pid);

        let started = Instant::now();
        let result = store.load(&account("frozen"));
        let took = started.elapsed();
        assert!(
            matches!(result, Err(CredentialError::Timeout { .. })),
            "{:?}",
            result
        );
        assert!(
            took >= deadline && took < deadline + Duration::from_secs(2),
            "{took:?}"
        );
        println!("frozen Secret Service given up after {took:?}");
    }
}
