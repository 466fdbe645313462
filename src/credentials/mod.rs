//! Where the CLI keeps its secrets (session and grant): the credential store.
//!
//! Three stores, one interface ([`CredentialStore`]):
//! - `keyring`: the OS keyring — Secret Service on Linux, Keychain on macOS, Credential
//!   Manager on Windows (`keyring.rs`).
//! - `kernel`: the Linux kernel keyring, for headless Linux without a Secret Service
//!   (`kernel.rs`).
//! - `file`: an explicit plaintext JSON file in the config directory (`file.rs`).
//!
//! [`open`] with no choice tries the OS keyring, then (Linux) the kernel keyring, and
//! otherwise fails with [`CredentialError::NoStore`]: credentials never silently land in a
//! plaintext file (SPEC section 6).
//!
//! Keyring calls block and can hang (a locked keyring waiting on its unlock dialog, a stuck
//! daemon), so they run on a helper thread and are given up after a deadline
//! (`PADLOCK_KEYRING_TIMEOUT_MS`, default 3 s). No async runtime is involved; from async
//! code, call the store inside `tokio::task::spawn_blocking`.

mod file;
mod kernel;
mod keyring;

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

/// Service name under which every entry is stored; the account names the entry.
const SERVICE: &str = "padlock";

/// How long a keyring call may take before it is given up, unless
/// `PADLOCK_KEYRING_TIMEOUT_MS` says otherwise.
const DEFAULT_KEYRING_TIMEOUT: Duration = Duration::from_secs(3);

/// The store the user asked for with `--credential-store` / `PADLOCK_CREDENTIAL_STORE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Keyring,
    Kernel,
    File,
}

impl FromStr for Backend {
    type Err = CredentialError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "keyring" => Ok(Backend::Keyring),
            "kernel" => Ok(Backend::Kernel),
            "file" => Ok(Backend::File),
            other => Err(CredentialError::UnknownBackend(other.to_string())),
        }
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Backend::Keyring => "keyring",
            Backend::Kernel => "kernel",
            Backend::File => "file",
        })
    }
}

/// A place to keep one secret per account.
pub trait CredentialStore: Send + Sync {
    /// Human name shown by `padlock status`: e.g. "keyring (Secret Service)", "keyring (macOS Keychain)", "kernel keyring", "file (plaintext, /path/credentials.json)".
    fn name(&self) -> String;
    fn load(&self, account: &str) -> Result<Option<String>, CredentialError>;
    fn save(&self, account: &str, secret: &str) -> Result<(), CredentialError>;
    /// Deleting a missing entry is Ok.
    fn delete(&self, account: &str) -> Result<(), CredentialError>;
}

/// Opens the store the user chose, or with `None` the best secure one available.
///
/// Reads `PADLOCK_KEYRING_TIMEOUT_MS` (milliseconds) for the keyring deadline.
pub fn open(
    choice: Option<Backend>,
    config_dir: &Path,
) -> Result<Box<dyn CredentialStore>, CredentialError> {
    let deadline = parse_timeout(std::env::var_os("PADLOCK_KEYRING_TIMEOUT_MS"))?;
    open_with(choice, config_dir, deadline)
}

/// [`open`] with an explicit keyring deadline (what tests use instead of the environment).
pub(crate) fn open_with(
    choice: Option<Backend>,
    config_dir: &Path,
    deadline: Duration,
) -> Result<Box<dyn CredentialStore>, CredentialError> {
    match choice {
        Some(Backend::Keyring) => keyring::open(deadline),
        Some(Backend::Kernel) => kernel::open(),
        Some(Backend::File) => Ok(file::open(config_dir)),
        None => open_default(deadline),
    }
}

fn open_default(deadline: Duration) -> Result<Box<dyn CredentialStore>, CredentialError> {
    let keyring_problem = match keyring::open(deadline) {
        Ok(store) => return Ok(store),
        // A keyring that exists but does not answer is not a missing one: falling back would
        // split credentials over two stores from one run to the next, so let the user choose.
        Err(timeout @ CredentialError::Timeout { .. }) => return Err(timeout),
        Err(other) => other,
    };
    let mut tried = vec![format!("keyring: {}", reason(keyring_problem))];
    if cfg!(target_os = "linux") {
        match kernel::open() {
            Ok(store) => return Ok(store),
            Err(kernel_problem) => {
                tried.push(format!("kernel keyring: {}", reason(kernel_problem)))
            }
        }
    }
    Err(CredentialError::NoStore {
        tried: tried.join("; "),
    })
}

/// The bare cause of a store being unavailable, for the summary in `NoStore`.
fn reason(error: CredentialError) -> String {
    match error {
        CredentialError::Unavailable { reason, .. } => reason,
        other => other.to_string(),
    }
}

fn parse_timeout(value: Option<OsString>) -> Result<Duration, CredentialError> {
    let Some(value) = value else {
        return Ok(DEFAULT_KEYRING_TIMEOUT);
    };
    let text = value.to_string_lossy();
    match text.trim().parse::<u64>() {
        Ok(ms) if ms > 0 => Ok(Duration::from_millis(ms)),
        _ => Err(CredentialError::InvalidTimeout(text.into_owned())),
    }
}

/// Everything that can go wrong with a credential store; each message says what happened
/// and what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error(
        "no secure credential store is available ({tried}). To keep credentials in a plaintext \
         file (mode 0600) in the config directory instead, pass --credential-store file or set \
         PADLOCK_CREDENTIAL_STORE=file"
    )]
    NoStore { tried: String },

    #[error(
        "the {store} is not available: {reason}. Choose another store with \
         --credential-store keyring|kernel|file (or PADLOCK_CREDENTIAL_STORE)"
    )]
    Unavailable { store: String, reason: String },

    #[error(
        "the {store} did not answer within {} ms: it may be locked and waiting for an unlock \
         dialog, or its service may be stuck. Unlock it and try again, or choose another store \
         with --credential-store kernel (Linux) or --credential-store file (plaintext), also \
         settable as PADLOCK_CREDENTIAL_STORE; PADLOCK_KEYRING_TIMEOUT_MS sets how long to wait",
        waited.as_millis()
    )]
    Timeout { store: String, waited: Duration },

    #[error(
        "the {store} refused access: {reason}. Unlock it (for example by logging in to the \
         desktop session) and try again, or choose another store with \
         --credential-store kernel|file"
    )]
    Denied { store: String, reason: String },

    #[error("could not {action} credentials in the {store}: {reason}")]
    Failed {
        store: String,
        action: &'static str,
        reason: String,
    },

    #[error("unknown credential store {0:?}: expected keyring, kernel or file")]
    UnknownBackend(String),

    #[error("PADLOCK_KEYRING_TIMEOUT_MS must be a whole number of milliseconds above 0, not {0:?}")]
    InvalidTimeout(String),

    #[error("could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error(
        "{} is not a valid padlock credentials file ({source}). Delete it and log in again",
        path.display()
    )]
    Corrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_names_round_trip() {
        for backend in [Backend::Keyring, Backend::Kernel, Backend::File] {
            assert_eq!(backend.to_string().parse::<Backend>().ok(), Some(backend));
        }
        let err = "plaintext".parse::<Backend>().err();
        assert!(matches!(err, Some(CredentialError::UnknownBackend(_))));
    }

    #[test]
    fn keyring_timeout_setting() {
        assert_eq!(parse_timeout(None).ok(), Some(DEFAULT_KEYRING_TIMEOUT));
        assert_eq!(
            parse_timeout(Some("250".into())).ok(),
            Some(Duration::from_millis(250))
        );
        for bad in ["0", "-1", "3s", ""] {
            let err = parse_timeout(Some(bad.into())).err();
            assert!(
                matches!(err, Some(CredentialError::InvalidTimeout(_))),
                "{bad:?}"
            );
        }
    }

    /// Tests that need their own D-Bus environment, run in a child process.
    #[cfg(target_os = "linux")]
    mod bus {
        use super::*;
        use std::process::Command;

        /// Marks the child process started by [`run_child`], and names the test it is for.
        const CHILD_ENV: &str = "PADLOCK_CREDENTIALS_TEST_CHILD";

        fn is_child(test: &str) -> bool {
            std::env::var(CHILD_ENV).as_deref() == Ok(test)
        }

        /// Runs the test `test` of this test binary in a child process, after `configure` has
        /// set the child's environment. zbus finds the bus through the environment, and changing
        /// this process's environment would race with the tests running beside this one.
        fn run_child(test: &str, configure: impl FnOnce(&mut Command)) {
            let exe = std::env::current_exe().expect("path of the test binary");
            let mut command = Command::new(exe);
            command
                .args([test, "--nocapture", "--test-threads=1"])
                .env(CHILD_ENV, test);
            configure(&mut command);
            let output = command.output().expect("start the child test");
            let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
            let stderr = String::from_utf8_lossy(&output.stderr);
            // The marker proves the child test ran (a typo in the filter would run nothing).
            assert!(
                output.status.success() && stdout.contains(&format!("{test}: ok")),
                "child test {test} failed:\n{stdout}\n{stderr}"
            );
            print!("{stdout}");
        }

        /// Without any D-Bus session bus, the default is the kernel keyring, found quickly.
        #[test]
        fn default_is_kernel_keyring_without_a_bus() {
            let runtime_dir = tempfile::tempdir().expect("temp dir");
            run_child("child_default_without_bus", |command| {
                // zbus falls back to $XDG_RUNTIME_DIR/bus: point it at an empty directory.
                command
                    .env_remove("DBUS_SESSION_BUS_ADDRESS")
                    .env("XDG_RUNTIME_DIR", runtime_dir.path());
            });
        }

        #[test]
        fn child_default_without_bus() {
            const TEST: &str = "child_default_without_bus";
            if !is_child(TEST) {
                return;
            }
            let config = tempfile::tempdir().expect("temp dir");
            let deadline = Duration::from_secs(10);

            let started = std::time::Instant::now();
            let probe = keyring::open(deadline);
            let probe_time = started.elapsed();
            assert!(
                matches!(probe, Err(CredentialError::Unavailable { .. })),
                "Secret Service without a bus: {:?}",
                probe.err()
            );
            println!("{TEST}: Secret Service probe without a bus failed in {probe_time:?}");

            let store = open_with(None, config.path(), deadline).expect("default store");
            assert_eq!(store.name(), "kernel keyring");
            println!("{TEST}: ok");
        }

        /// A bus that accepts the connection but never answers: the keyring is given up after
        /// the deadline, with a Timeout naming the other stores, by both the explicit keyring
        /// choice and the default.
        #[test]
        fn hanging_keyring_is_given_up_after_the_deadline() {
            let dir = tempfile::tempdir().expect("temp dir");
            let socket = dir.path().join("bus");
            // Never accepted: the kernel queues the connection, zbus sends its handshake and
            // then waits forever for the reply. Kept alive until the child has finished.
            let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind socket");
            run_child("child_hanging_bus", |command| {
                command
                    .env(
                        "DBUS_SESSION_BUS_ADDRESS",
                        format!("unix:path={}", socket.display()),
                    )
                    .env("PADLOCK_KEYRING_TIMEOUT_MS", "300");
            });
        }

        #[test]
        fn child_hanging_bus() {
            const TEST: &str = "child_hanging_bus";
            if !is_child(TEST) {
                return;
            }
            let config = tempfile::tempdir().expect("temp dir");
            let deadline = Duration::from_millis(300);
            // Generous: only proves the call came back at all, the hang itself never ends.
            let slack = Duration::from_secs(2);
            for choice in [Some(Backend::Keyring), None] {
                let started = std::time::Instant::now();
                let result = open(choice, config.path());
                let took = started.elapsed();
                let Err(error @ CredentialError::Timeout { .. }) = result else {
                    panic!("{choice:?}: expected Timeout, got {:?}", result.err());
                };
                assert!(took >= deadline && took < deadline + slack, "{took:?}");
                let message = error.to_string();
                assert!(
                    message.contains("--credential-store kernel")
                        && message.contains("--credential-store file"),
                    "{message}"
                );
                println!("{TEST}: {choice:?} gave up after {took:?}: {message}");
            }
            println!("{TEST}: ok");
        }
    }
}
