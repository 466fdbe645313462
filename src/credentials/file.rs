//! The explicit plaintext store (`--credential-store file`): `credentials.json` in the
//! config directory, a JSON object mapping each account to its secret.
//!
//! Only used when the user asks for it, never as a silent fallback. The file is readable
//! by its owner only (mode 0600 on unix) from the moment it exists: each save writes a new
//! file created with that mode and renames it over the old one, so a crash never leaves a
//! half-written file and no other user ever gets a window to read it.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use serde_json::Value;

use super::{CredentialError, CredentialStore};

const FILE_NAME: &str = "credentials.json";

type Entries = BTreeMap<String, String>;

pub(super) fn open(config_dir: &Path) -> Box<dyn CredentialStore> {
    Box::new(FileStore {
        path: config_dir.join(FILE_NAME),
        write_lock: Mutex::new(()),
    })
}

struct FileStore {
    path: PathBuf,
    /// Serialises this process's read-modify-write cycles, so two saves from different
    /// threads do not drop each other's entry.
    write_lock: Mutex<()>,
}

impl FileStore {
    fn read(&self) -> Result<Entries, CredentialError> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Entries::new()),
            Err(source) => return Err(self.io_error("read", source)),
        };
        serde_json::from_str(&text).map_err(|source| CredentialError::Corrupt {
            path: self.path.clone(),
            source,
        })
    }

    /// Reads the entries, lets `change` edit them and writes them back if it says so.
    fn update(&self, change: impl FnOnce(&mut Entries) -> bool) -> Result<(), CredentialError> {
        // The lock guards no data, so a panic elsewhere leaves nothing inconsistent behind.
        let _guard = self
            .write_lock
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let mut entries = self.read()?;
        if change(&mut entries) {
            self.write(&entries)?;
        }
        Ok(())
    }

    fn write(&self, entries: &Entries) -> Result<(), CredentialError> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        create_private_dir(dir).map_err(|source| CredentialError::Io {
            action: "create the directory",
            path: dir.to_path_buf(),
            source,
        })?;
        // Built as a Value because serialising it cannot fail.
        let object = entries
            .iter()
            .map(|(account, secret)| (account.clone(), Value::from(secret.as_str())))
            .collect();
        let text = format!("{:#}\n", Value::Object(object));

        // Same directory as the target, so the rename is atomic; the pid keeps concurrent
        // padlock processes from sharing it.
        let temp = dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
        let written =
            write_private(&temp, text.as_bytes()).and_then(|()| fs::rename(&temp, &self.path));
        if let Err(source) = written {
            let _ = fs::remove_file(&temp);
            return Err(self.io_error("write", source));
        }
        Ok(())
    }

    fn io_error(&self, action: &'static str, source: io::Error) -> CredentialError {
        CredentialError::Io {
            action,
            path: self.path.clone(),
            source,
        }
    }
}

impl CredentialStore for FileStore {
    fn name(&self) -> String {
        format!("file (plaintext, {})", self.path.display())
    }

    fn load(&self, account: &str) -> Result<Option<String>, CredentialError> {
        Ok(self.read()?.remove(account))
    }

    fn save(&self, account: &str, secret: &str) -> Result<(), CredentialError> {
        self.update(|entries| {
            entries.insert(account.to_string(), secret.to_string());
            true
        })
    }

    fn delete(&self, account: &str) -> Result<(), CredentialError> {
        self.update(|entries| entries.remove(account).is_some())
    }
}

/// Creates `dir` (and parents) if missing, private to the user on unix.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes a new file readable by its owner only, and flushes it to disk.
fn write_private(path: &Path, contents: &[u8]) -> io::Result<()> {
    // A leftover from a crashed run may have other permissions: start afresh.
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => return Err(error),
        _ => {}
    }
    let mut options = fs::OpenOptions::new();
    // create_new refuses existing files and symlinks, so the mode below always applies.
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(contents)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::super::{Backend, open_with};
    use super::*;
    use std::time::Duration;

    fn file_store(config_dir: &Path) -> Box<dyn CredentialStore> {
        open_with(Some(Backend::File), config_dir, Duration::from_secs(3)).expect("file store")
    }

    #[test]
    fn round_trip_and_delete() {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("not-yet").join("padlock");
        let store = file_store(&config);
        let path = config.join("credentials.json");
        assert_eq!(
            store.name(),
            format!("file (plaintext, {})", path.display())
        );
        assert_eq!(store.load("https://a").expect("no file yet"), None);
        store.delete("https://a").expect("delete without a file");
        assert!(!config.exists(), "reading and deleting create nothing");

        store.save("https://a", r#"{"token":"a"}"#).expect("save a");
        store.save("https://b", r#"{"token":"b"}"#).expect("save b");
        store
            .save("https://a", r#"{"token":"a2"}"#)
            .expect("overwrite a");
        assert_eq!(
            store.load("https://a").expect("load").as_deref(),
            Some(r#"{"token":"a2"}"#)
        );
        assert_eq!(store.load("https://c").expect("missing entry"), None);

        store.delete("https://a").expect("delete");
        assert_eq!(store.load("https://a").expect("load deleted"), None);
        assert_eq!(
            store
                .load("https://b")
                .expect("other entry kept")
                .as_deref(),
            Some(r#"{"token":"b"}"#)
        );
        store
            .delete("https://a")
            .expect("deleting a missing entry is Ok");

        // A fresh store (another padlock run) reads the same file.
        let again = file_store(&config);
        assert_eq!(
            again.load("https://b").expect("load").as_deref(),
            Some(r#"{"token":"b"}"#)
        );
        let names: Vec<_> = fs::read_dir(&config)
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(
            names,
            ["credentials.json"],
            "no temporary files left behind"
        );
    }

    #[cfg(unix)]
    #[test]
    fn file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let config = dir.path().join("padlock");
        let store = file_store(&config);
        let path = config.join("credentials.json");
        // Even a file someone opened up is private again after the next save.
        fs::create_dir(&config).expect("config dir");
        fs::write(&path, "{}").expect("seed file");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");

        store.save("acct", "secret").expect("save");
        let mode = fs::metadata(&path).expect("stat").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);

        let fresh = dir.path().join("fresh");
        file_store(&fresh).save("acct", "secret").expect("save");
        let dir_mode = fs::metadata(&fresh).expect("stat").permissions().mode();
        assert_eq!(dir_mode & 0o077, 0, "created config dir is private");
        let mode = fs::metadata(fresh.join("credentials.json"))
            .expect("stat")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn corrupt_file_is_a_clear_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("credentials.json");
        let store = file_store(dir.path());
        for junk in ["{not json", r#"{"acct": 42}"#, "[]"] {
            fs::write(&path, junk).expect("write junk");
            let error = store.load("acct").err();
            let Some(error @ CredentialError::Corrupt { .. }) = error else {
                panic!("{junk:?}: expected Corrupt, got {error:?}");
            };
            let message = error.to_string();
            assert!(message.contains(&path.display().to_string()), "{message}");
            assert!(message.contains("Delete it"), "{message}");
            // Saving must not overwrite what it cannot read.
            assert!(matches!(
                store.save("acct", "s"),
                Err(CredentialError::Corrupt { .. })
            ));
            assert_eq!(fs::read_to_string(&path).expect("read"), junk);
        }
    }
}
