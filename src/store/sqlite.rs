//! The embedded default: one SQLite file in the data folder, in WAL mode so readers do not
//! block the writer and an acknowledged write survives `kill -9`.

use std::sync::{Mutex, MutexGuard, PoisonError};

use futures_util::future::BoxFuture;
use futures_util::stream::{self, BoxStream};
use futures_util::{StreamExt, TryStreamExt};
use sqlx::any::{AnyQueryResult, AnyRow, AnyStatement, AnyTypeInfo};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyConnection, Connection, Describe, Either, Execute, Executor};
use tokio::sync::{Semaphore, SemaphorePermit};

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

/// SQLite's reading connections, lent out one query at a time.
///
/// sqlx's pool pings every connection it takes back: a second round trip to the connection's
/// thread after each query, which on a request of three reads is half of the server's thread
/// hand-offs. These connections only read (`query_only`), in autocommit, so they have nothing
/// to flush: one whose query ran to its end goes straight back. One whose query was abandoned
/// mid-way, its request cancelled, is closed instead, so no query starts on one half-read.
pub struct Readers {
    url: String,
    idle: Mutex<Vec<AnyConnection>>,
    permits: Semaphore,
}

impl Readers {
    /// At most `size` connections to `url`, each opened when first needed.
    pub fn new(url: &str, size: usize) -> Readers {
        Readers {
            url: url.to_owned(),
            idle: Mutex::new(Vec::with_capacity(size)),
            permits: Semaphore::new(size),
        }
    }

    /// An idle connection, or a new one while fewer than `size` are open.
    async fn lend(&self) -> Result<(SemaphorePermit<'_>, AnyConnection), sqlx::Error> {
        let permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        let idle = self.lock_idle().pop();
        let conn = match idle {
            Some(conn) => conn,
            None => {
                let mut conn = AnyConnection::connect(&self.url).await?;
                // A write from here would queue for the file's one write lock behind the
                // writer's batches, in the busy handler's sleeps (seconds under load);
                // read-only, such a write fails at once instead, in every test.
                conn.execute("PRAGMA query_only = ON").await?;
                conn
            }
        };
        Ok((permit, conn))
    }

    /// Takes back a connection whose query ran to its end, with or without an error.
    fn give_back(&self, conn: AnyConnection) {
        self.lock_idle().push(conn);
    }

    fn lock_idle(&self) -> MutexGuard<'_, Vec<AnyConnection>> {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl std::fmt::Debug for Readers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Readers")
            .field("available", &self.permits.available_permits())
            .finish_non_exhaustive()
    }
}

impl<'r> Executor<'r> for &'r Readers {
    type Database = Any;

    fn fetch_many<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxStream<'e, Result<Either<AnyQueryResult, AnyRow>, sqlx::Error>>
    where
        'r: 'e,
        E: 'q + Execute<'q, Any>,
    {
        // Collected before they are handed on, so the connection goes back at once.
        let results = async move {
            let (_permit, mut conn) = self.lend().await?;
            let results: Result<Vec<_>, _> = conn.fetch_many(query).try_collect().await;
            self.give_back(conn);
            results.map(|results| stream::iter(results).map(Ok))
        };
        Box::pin(stream::once(results).try_flatten())
    }

    fn fetch_optional<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxFuture<'e, Result<Option<AnyRow>, sqlx::Error>>
    where
        'r: 'e,
        E: 'q + Execute<'q, Any>,
    {
        Box::pin(async move {
            let (_permit, mut conn) = self.lend().await?;
            let row = conn.fetch_optional(query).await;
            self.give_back(conn);
            row
        })
    }

    fn prepare_with<'e, 'q: 'e>(
        self,
        sql: &'q str,
        parameters: &'e [AnyTypeInfo],
    ) -> BoxFuture<'e, Result<AnyStatement<'q>, sqlx::Error>>
    where
        'r: 'e,
    {
        Box::pin(async move {
            let (_permit, mut conn) = self.lend().await?;
            let statement = conn.prepare_with(sql, parameters).await;
            self.give_back(conn);
            statement
        })
    }

    fn describe<'e, 'q: 'e>(self, sql: &'q str) -> BoxFuture<'e, Result<Describe<Any>, sqlx::Error>>
    where
        'r: 'e,
    {
        Box::pin(async move {
            let (_permit, mut conn) = self.lend().await?;
            let description = conn.describe(sql).await;
            self.give_back(conn);
            description
        })
    }
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

    fn readers(size: usize) -> (tempfile::TempDir, Readers) {
        let dir = tempfile::tempdir().unwrap();
        let readers = Readers::new(&url_in(dir.path()), size);
        (dir, readers)
    }

    /// Counts to `n` in SQL: a query that keeps its connection busy for a while.
    fn count_to(
        n: i64,
    ) -> sqlx::query::QueryScalar<'static, Any, i64, sqlx::any::AnyArguments<'static>> {
        sqlx::query_scalar(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < $1) \
             SELECT max(x) FROM c",
        )
        .bind(n)
    }

    #[tokio::test]
    async fn readers_open_at_most_their_size_and_reuse_what_they_opened() {
        sqlx::any::install_default_drivers();
        let (_dir, readers) = readers(2);
        let answers = futures_util::future::join_all(
            (1..=20).map(|n| count_to(n * 1000).fetch_one(&readers)),
        )
        .await;
        let answers: Vec<i64> = answers.into_iter().map(Result::unwrap).collect();
        assert_eq!(answers, (1..=20).map(|n| n * 1000).collect::<Vec<_>>());
        assert_eq!(readers.lock_idle().len(), 2);
        assert_eq!(readers.permits.available_permits(), 2);
        // The rows of a query that returns several all arrive, in order.
        let rows: Vec<i64> = sqlx::query_scalar(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300) \
             SELECT x FROM c",
        )
        .fetch_all(&readers)
        .await
        .unwrap();
        assert_eq!(rows, (1..=300).collect::<Vec<i64>>());
        assert_eq!(readers.lock_idle().len(), 2);
    }

    /// A query abandoned mid-way (its request cancelled) closes its connection, so the next
    /// query never starts on a connection still busy with the old one, and its place is free.
    #[tokio::test]
    async fn an_abandoned_query_closes_its_connection() {
        sqlx::any::install_default_drivers();
        let (_dir, readers) = readers(1);
        assert_eq!(count_to(10).fetch_one(&readers).await.unwrap(), 10);
        assert_eq!(readers.lock_idle().len(), 1);
        let abandoned = tokio::time::timeout(
            std::time::Duration::from_millis(5),
            count_to(50_000_000).fetch_one(&readers),
        )
        .await;
        assert!(
            abandoned.is_err(),
            "the long query should still have been running"
        );
        assert_eq!(readers.lock_idle().len(), 0);
        assert_eq!(readers.permits.available_permits(), 1);
        assert_eq!(count_to(7).fetch_one(&readers).await.unwrap(), 7);
        assert_eq!(readers.lock_idle().len(), 1);
    }

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
