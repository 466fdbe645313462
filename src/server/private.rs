//! The data folder holds the database (password hashes, sealed TOTP secrets, the audit log),
//! packages and backups: only the server's user may read any of it. Folders are 0700 and
//! files 0600 from the moment they exist, and an existing folder or database with looser
//! modes is tightened at start, with a warning that names what changed.
//!
//! Explicit modes rather than a process umask: hooks inherit the server's umask, and a deploy
//! script may rightly create files others must read.

use std::path::Path;

use anyhow::Context;

/// Creates `dir` (and its parents) 0700, or tightens it if it exists.
pub fn create_dir(dir: &Path) -> anyhow::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder
        .create(dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    tighten(dir, 0o700)
}

/// Creates the SQLite file behind `url` 0600 before SQLite opens it, since SQLite gives its
/// `-wal` and `-shm` files the database file's mode; tightens those that exist.
pub fn prepare_sqlite(url: &str) -> anyhow::Result<()> {
    let Some(path) = crate::store::sqlite::file_of(url) else {
        return Ok(());
    };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(&path)
        .with_context(|| format!("cannot create the database file {}", path.display()))?;
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.clone().into_os_string();
        file.push(suffix);
        let file = std::path::PathBuf::from(file);
        if file.exists() {
            tighten(&file, 0o600)?;
        }
    }
    Ok(())
}

/// Sets `path` to `mode` if group or others have any access to it, and says so.
pub fn tighten(path: &Path, mode: u32) -> anyhow::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let old = std::fs::metadata(path)
            .with_context(|| format!("cannot read the mode of {}", path.display()))?
            .permissions()
            .mode()
            & 0o7777;
        if old & 0o077 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).with_context(
                || format!("cannot make {} private (mode {mode:o})", path.display()),
            )?;
            tracing::warn!(
                "{} was readable by others (mode {old:o}); set to {mode:o}",
                path.display()
            );
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}
