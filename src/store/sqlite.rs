//! The embedded default: one SQLite file in the data folder, in WAL mode so readers do not
//! block the writer and an acknowledged write survives `kill -9`.

use sqlx::AnyConnection;
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
pub async fn prepare(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    sqlx::query("PRAGMA journal_mode = WAL")
        .execute(conn)
        .await?;
    Ok(())
}

/// The file behind a `sqlite:` URL, or `None` for an in-memory database or another backend.
/// Like sqlx, it takes the text between `sqlite://` (or `sqlite:`) and `?`, percent-decoded.
pub fn file_of(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" || url.contains("mode=memory") {
        return None;
    }
    let path = percent_decode(path)?;
    Some(std::path::PathBuf::from(path))
}

/// `%XX` sequences decoded as sqlx decodes them; anything else is kept as written.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut idx = 0;
    while idx < bytes.len() {
        let hex = bytes
            .get(idx + 1..idx + 3)
            .filter(|pair| pair.iter().all(u8::is_ascii_hexdigit))
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[idx], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                idx += 3;
            }
            (byte, _) => {
                out.push(byte);
                idx += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_of_follows_sqlx() {
        let file = |url: &str| file_of(url).map(|p| p.display().to_string());
        assert_eq!(
            file("sqlite:///var/lib/padlock/padlock.db?mode=rwc").as_deref(),
            Some("/var/lib/padlock/padlock.db")
        );
        assert_eq!(file("sqlite:data/a%3Fb.db").as_deref(), Some("data/a?b.db"));
        assert_eq!(file("sqlite://x%zz.db").as_deref(), Some("x%zz.db"));
        assert_eq!(file("sqlite::memory:"), None);
        assert_eq!(file("sqlite://?mode=memory"), None);
        assert_eq!(file("postgres://db/padlock"), None);
    }
}
