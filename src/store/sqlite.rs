//! The embedded default: one SQLite file in the data folder, in WAL mode so readers do not
//! block the writer and an acknowledged write survives `kill -9`.

use sqlx::AnyPool;
use sqlx::migrate::Migrator;

pub static MIGRATOR: Migrator = sqlx::migrate!("src/store/migrations/sqlite");

/// The URL of the database file inside `data_dir`, created on first use.
pub fn url_in(data_dir: &std::path::Path) -> String {
    format!(
        "sqlite://{}?mode=rwc",
        data_dir.join("padlock.db").display()
    )
}

/// Settings that live in the database file; per-connection ones (foreign keys, a busy
/// timeout) are sqlx's SQLite defaults.
pub async fn prepare(pool: &AnyPool) -> Result<(), sqlx::Error> {
    sqlx::query("PRAGMA journal_mode = WAL")
        .execute(pool)
        .await?;
    Ok(())
}
