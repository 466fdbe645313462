//! The Linux kernel keyring (keyutils), for headless Linux where no Secret Service answers.
//!
//! Keys go into the session keyring and are linked into the per-user persistent keyring,
//! which keeps them across processes until 3 days unused (`kernel.keys.persistent_keyring_expiry`)
//! or a reboot. Two kernel facts shape this file:
//! - A process started outside a PAM login (CI, `su`, containers) has no session keyring,
//!   and then the store cannot save or find anything. So every call first makes sure the
//!   calling thread has one (`KeyRing::from_special_id(Session, true)`). Per thread, since
//!   session keyrings belong to a thread's credentials: threads started before the keyring
//!   was made (a tokio pool) do not share it, and each finds the keys through the
//!   persistent keyring linked into its own.
//! - Container seccomp profiles (Docker's default) block `keyctl`; then this store is
//!   unavailable, which the probe in [`open`] finds out with two cheap syscalls.
//!
//! Kernel keyring calls do not block on anyone, so they run directly, without a deadline.

#[cfg(target_os = "linux")]
use std::sync::Arc;

#[cfg(target_os = "linux")]
use keyring_core::CredentialStore as CoreStore;
#[cfg(target_os = "linux")]
use linux_keyutils::{KeyError, KeyRing, KeyRingIdentifier};

#[cfg(target_os = "linux")]
use super::keyring::{delete_entry, failure, load_entry, save_entry};
use super::{CredentialError, CredentialStore};

const NAME: &str = "kernel keyring";

fn unavailable(reason: String) -> CredentialError {
    CredentialError::Unavailable {
        store: NAME.to_string(),
        reason,
    }
}

#[cfg(not(target_os = "linux"))]
pub(super) fn open() -> Result<Box<dyn CredentialStore>, CredentialError> {
    Err(unavailable("it exists only on Linux".to_string()))
}

/// Opens the kernel keyring if it can keep credentials from one padlock run to the next.
#[cfg(target_os = "linux")]
pub(super) fn open() -> Result<Box<dyn CredentialStore>, CredentialError> {
    // Asked before ensure_session creates one: a session keyring inherited from a login is
    // shared by that login's processes, one created here lives only as long as padlock.
    let inherited_session = has_session_keyring();
    ensure_session().map_err(|error| {
        unavailable(format!(
            "keyctl failed ({error}); a container's seccomp profile may block it"
        ))
    })?;
    if let Err(error) = KeyRing::get_persistent(KeyRingIdentifier::Session)
        && !inherited_session
    {
        return Err(unavailable(format!(
            "no persistent keyring ({error}) and no login session keyring, so credentials \
             would be lost when padlock exits"
        )));
    }
    let store: Arc<CoreStore> = linux_keyutils_keyring_store::Store::new()
        .map_err(|error| unavailable(error.to_string()))?;
    Ok(Box::new(KernelKeyring { store }))
}

/// Gives the calling thread a session keyring if it has none (KEYRING.md's fix).
#[cfg(target_os = "linux")]
fn ensure_session() -> Result<(), KeyError> {
    KeyRing::from_special_id(KeyRingIdentifier::Session, true).map(drop)
}

/// Without a session keyring of its own, the kernel answers "session" with the
/// user-session keyring.
#[cfg(target_os = "linux")]
fn has_session_keyring() -> bool {
    let session = KeyRing::from_special_id(KeyRingIdentifier::Session, false);
    let user_session = KeyRing::from_special_id(KeyRingIdentifier::UserSession, false);
    matches!((session, user_session), (Ok(s), Ok(u)) if s != u)
}

#[cfg(target_os = "linux")]
struct KernelKeyring {
    store: Arc<CoreStore>,
}

#[cfg(target_os = "linux")]
impl KernelKeyring {
    /// Runs one keyring call on this thread, after making sure it has a session keyring.
    fn call<T>(
        &self,
        action: &'static str,
        run: impl FnOnce(&Arc<CoreStore>) -> keyring_core::Result<T>,
    ) -> Result<T, CredentialError> {
        ensure_session().map_err(|error| CredentialError::Failed {
            store: NAME.to_string(),
            action,
            reason: format!("no session keyring: {error}"),
        })?;
        run(&self.store).map_err(|error| failure(NAME, action, error))
    }
}

#[cfg(target_os = "linux")]
impl CredentialStore for KernelKeyring {
    fn name(&self) -> String {
        NAME.to_string()
    }

    fn load(&self, account: &str) -> Result<Option<String>, CredentialError> {
        self.call("read", |store| load_entry(store, account))
    }

    fn save(&self, account: &str, secret: &str) -> Result<(), CredentialError> {
        self.call("save", |store| save_entry(store, account, secret))
    }

    fn delete(&self, account: &str) -> Result<(), CredentialError> {
        self.call("delete", |store| delete_entry(store, account))
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::super::{Backend, open_with};
    use super::*;
    use std::time::{Duration, Instant};

    fn kernel_store() -> Box<dyn CredentialStore> {
        let config = tempfile::tempdir().expect("temp dir");
        open_with(Some(Backend::Kernel), config.path(), Duration::from_secs(3))
            .expect("kernel keyring (keyutils) on this machine")
    }

    /// Unique per process and test, so parallel runs do not share keys.
    fn account(test: &str) -> String {
        format!("padlock-test-{}-{test}", std::process::id())
    }

    #[test]
    fn round_trip_and_delete() {
        let store = kernel_store();
        assert_eq!(store.name(), "kernel keyring");
        let account = account("round-trip");
        assert_eq!(store.load(&account).expect("load missing"), None);

        let started = Instant::now();
        store.save(&account, r#"{"token":"one"}"#).expect("save");
        let saved = started.elapsed();
        let started = Instant::now();
        let loaded = store.load(&account).expect("load");
        println!(
            "kernel keyring save {saved:?}, load {:?}",
            started.elapsed()
        );
        assert_eq!(loaded.as_deref(), Some(r#"{"token":"one"}"#));

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

    /// A thread that existed before the store was opened and the key saved (like a tokio
    /// worker) still sees the key, though it does not share the saving thread's session
    /// keyring.
    #[test]
    fn visible_from_an_older_thread() {
        let (send, receive) = std::sync::mpsc::channel::<(Arc<dyn CredentialStore>, String)>();
        let reader = std::thread::spawn(move || {
            let (store, account) = receive.recv().expect("store from the test thread");
            store.load(&account).expect("load from the older thread")
        });
        let store: Arc<dyn CredentialStore> = Arc::from(kernel_store());
        let account = account("older-thread");
        store.save(&account, "secret").expect("save");
        send.send((store.clone(), account.clone()))
            .expect("hand over");
        let seen = reader.join().expect("reader thread");
        store.delete(&account).expect("delete");
        assert_eq!(seen.as_deref(), Some("secret"));
    }
}
