//! Everything padlock keeps: accounts, sessions, second factors, grants, apps, packages,
//! operations and the audit log. This module is the only place with SQL.
//!
//! One set of queries serves both backends through sqlx's `Any` driver: they are written in
//! the SQL that SQLite and PostgreSQL share (`$N` parameters, `RETURNING`, `ON CONFLICT`),
//! times are unix seconds and flags 0/1 integers. What differs per backend — connection
//! setup and the schema's DDL — lives in `sqlite.rs` and `postgres.rs` with their migrations.
//!
//! **Invariant:** every check that security depends on (a used time step, a failure counter,
//! an SMS throttle, a grant's revocation) is a single conditional statement, so it holds
//! under concurrency and across server replicas sharing one PostgreSQL database.

mod accounts;
mod apps;
mod audit;
mod grants;
mod lockout;
pub mod master_key;
mod operations;
pub mod postgres;
mod second_factor;
pub mod sqlite;
mod teams;
pub mod throttle;
mod writer;

use writer::Shape;

pub use accounts::Account;
pub use apps::{AppRecord, EnvRecord, Membership, NodeRecord, PackageRecord};
pub use audit::AuditRecord;
// For units of writes that record their audit event in the same transaction.
use audit::insert_audit_events;
use futures_util::future::BoxFuture;
pub use grants::GrantRecord;
pub use lockout::CodeAttempt;
pub use operations::{BackupRecord, OperationRecord};
pub use second_factor::SecondFactor;
pub use throttle::SmsThrottle;

use std::sync::Arc;

use futures_util::stream::BoxStream;
use sqlx::any::{AnyPoolOptions, AnyQueryResult, AnyRow, AnyStatement, AnyTypeInfo};
use sqlx::{AnyPool, Connection, Describe, Either, Execute, Executor};

use crate::vocabulary::{Permission, UnknownWord};

/// A statement with its arguments bound and owned, so it can travel to the writer.
type Statement = sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments<'static>>;
/// The same, for a statement that returns one integer.
type StatementReturning =
    sqlx::query::QueryScalar<'static, sqlx::Any, i64, sqlx::any::AnyArguments<'static>>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("already exists")]
    Conflict,
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// The database cannot be reached: stopped, restarting, or cut off by the network. The
    /// pool reconnects on its own once it answers again, so the request may be retried.
    #[error("the database cannot be reached: {0}")]
    Unavailable(sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("the write was not committed: {0}")]
    NotCommitted(String),
    /// The caller's own check failed inside a unit of writes, which wrote nothing.
    #[error("{0}")]
    Aborted(String),
}

impl From<sqlx::Error> for StoreError {
    /// Tells an unreachable database from a failed statement once, here at the boundary: a
    /// pool that found no live connection in time, a broken socket, or PostgreSQL refusing
    /// connections while it shuts down or starts up (SQLSTATE class 08, 57P01–57P03).
    fn from(err: sqlx::Error) -> StoreError {
        let unreachable = match &err {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => true,
            sqlx::Error::Database(db) => db
                .code()
                .is_some_and(|code| code.starts_with("08") || code.starts_with("57P0")),
            _ => false,
        };
        if unreachable {
            StoreError::Unavailable(err)
        } else {
            StoreError::Database(err)
        }
    }
}

/// Maps unique-key violations to `Conflict` once, here at the boundary.
fn conflict_or(err: sqlx::Error) -> StoreError {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
        _ => err.into(),
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// How long a query waits for a PostgreSQL connection, opening one included.
const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Store {
    /// Where queries run: reads through `&self.db` (an executor), writes through `write`.
    db: Connections,
}

#[derive(Clone)]
enum Connections {
    /// Read-only connections for the requests, and the one writer (see `writer.rs`).
    Sqlite {
        readers: Arc<sqlite::Readers>,
        writer: writer::Writer,
    },
    /// One pool for reads and writes: PostgreSQL groups concurrent commits itself.
    Postgres(AnyPool),
}

impl std::fmt::Debug for Connections {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Connections::Sqlite { readers, .. } => readers.fmt(f),
            Connections::Postgres(pool) => pool.fmt(f),
        }
    }
}

/// Reads go to SQLite's readers or to PostgreSQL's pool.
impl<'s> Executor<'s> for &'s Connections {
    type Database = sqlx::Any;

    fn fetch_many<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxStream<'e, std::result::Result<Either<AnyQueryResult, AnyRow>, sqlx::Error>>
    where
        's: 'e,
        E: 'q + Execute<'q, sqlx::Any>,
    {
        match self {
            Connections::Sqlite { readers, .. } => readers.as_ref().fetch_many(query),
            Connections::Postgres(pool) => pool.fetch_many(query),
        }
    }

    fn fetch_optional<'e, 'q: 'e, E>(
        self,
        query: E,
    ) -> BoxFuture<'e, std::result::Result<Option<AnyRow>, sqlx::Error>>
    where
        's: 'e,
        E: 'q + Execute<'q, sqlx::Any>,
    {
        match self {
            Connections::Sqlite { readers, .. } => readers.as_ref().fetch_optional(query),
            Connections::Postgres(pool) => pool.fetch_optional(query),
        }
    }

    fn prepare_with<'e, 'q: 'e>(
        self,
        sql: &'q str,
        parameters: &'e [AnyTypeInfo],
    ) -> BoxFuture<'e, std::result::Result<AnyStatement<'q>, sqlx::Error>>
    where
        's: 'e,
    {
        match self {
            Connections::Sqlite { readers, .. } => readers.as_ref().prepare_with(sql, parameters),
            Connections::Postgres(pool) => pool.prepare_with(sql, parameters),
        }
    }

    fn describe<'e, 'q: 'e>(
        self,
        sql: &'q str,
    ) -> BoxFuture<'e, std::result::Result<Describe<sqlx::Any>, sqlx::Error>>
    where
        's: 'e,
    {
        match self {
            Connections::Sqlite { readers, .. } => readers.as_ref().describe(sql),
            Connections::Postgres(pool) => pool.describe(sql),
        }
    }
}

/// Where a unit of writes runs: the writer's SQLite connection inside its batch, or a
/// PostgreSQL connection (in a transaction of the unit's own unless it is one statement).
/// Queries run on it as on any sqlx executor: `query.execute(&mut *conn)`.
#[derive(Debug)]
pub(crate) enum WriteConnection<'c> {
    Sqlite(&'c mut sqlite::Connection),
    Postgres(&'c mut sqlx::AnyConnection),
}

impl<'e, 'c: 'e> Executor<'e> for &'e mut WriteConnection<'c> {
    type Database = sqlx::Any;

    fn fetch_many<'f, 'q: 'f, E>(
        self,
        query: E,
    ) -> BoxStream<'f, std::result::Result<Either<AnyQueryResult, AnyRow>, sqlx::Error>>
    where
        'e: 'f,
        E: 'q + Execute<'q, sqlx::Any>,
    {
        match self {
            WriteConnection::Sqlite(conn) => conn.fetch_many(query),
            WriteConnection::Postgres(conn) => conn.fetch_many(query),
        }
    }

    fn fetch_optional<'f, 'q: 'f, E>(
        self,
        query: E,
    ) -> BoxFuture<'f, std::result::Result<Option<AnyRow>, sqlx::Error>>
    where
        'e: 'f,
        E: 'q + Execute<'q, sqlx::Any>,
    {
        match self {
            WriteConnection::Sqlite(conn) => conn.fetch_optional(query),
            WriteConnection::Postgres(conn) => conn.fetch_optional(query),
        }
    }

    fn prepare_with<'f, 'q: 'f>(
        self,
        sql: &'q str,
        parameters: &'f [AnyTypeInfo],
    ) -> BoxFuture<'f, std::result::Result<AnyStatement<'q>, sqlx::Error>>
    where
        'e: 'f,
    {
        match self {
            WriteConnection::Sqlite(conn) => conn.prepare_with(sql, parameters),
            WriteConnection::Postgres(conn) => conn.prepare_with(sql, parameters),
        }
    }

    fn describe<'f, 'q: 'f>(
        self,
        sql: &'q str,
    ) -> BoxFuture<'f, std::result::Result<Describe<sqlx::Any>, sqlx::Error>>
    where
        'e: 'f,
    {
        match self {
            WriteConnection::Sqlite(conn) => conn.describe(sql),
            WriteConnection::Postgres(conn) => conn.describe(sql),
        }
    }
}

/// A 0/1 integer column, read into a `bool` field with `#[sqlx(try_from = "Flag")]`. Both
/// schemas keep flags as integers (SQLite has no boolean type), and the `Any` driver decodes
/// a `bool` only from a real boolean.
#[derive(sqlx::Type)]
#[sqlx(transparent)]
struct Flag(i64);

impl From<Flag> for bool {
    fn from(flag: Flag) -> bool {
        flag.0 != 0
    }
}

/// A comma-separated text column (NULL for none), read into a `Vec<String>` or a
/// `Vec<Permission>` field with `#[sqlx(try_from = "CommaList")]`.
#[derive(sqlx::Type)]
#[sqlx(transparent)]
struct CommaList(Option<String>);

impl From<CommaList> for Vec<String> {
    fn from(list: CommaList) -> Vec<String> {
        list.0
            .map(|text| {
                text.split(',')
                    .filter(|item| !item.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl TryFrom<CommaList> for Vec<Permission> {
    type Error = UnknownWord;

    fn try_from(list: CommaList) -> std::result::Result<Vec<Permission>, UnknownWord> {
        Vec::<String>::from(list)
            .iter()
            .map(|word| word.parse())
            .collect()
    }
}

impl Store {
    /// Connects to `url` (`sqlite://…` or `postgres://…`) and brings the schema up to date.
    pub async fn connect(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl(url.to_owned()));
        };
        // On SQLite the writer's connection opens first (creating the file) and alone writes:
        // it brings the schema up to date, then runs every unit of writes in its batches.
        let db = match backend {
            Backend::Sqlite => {
                // The readers and the writer share the file: a database in memory would be one
                // of its own for each connection.
                let file = sqlite::file_of(url)
                    .ok_or_else(|| StoreError::UnsupportedUrl(url.to_owned()))?;
                let mut conn = sqlx::AnyConnection::connect(url).await?;
                sqlite::prepare(&mut conn).await?;
                sqlite::MIGRATOR.run(&mut conn).await?;
                conn.close().await?;
                let writer = writer::Writer::start(sqlite::Connection::open_writer(&file)?)
                    .map_err(|err| StoreError::Unavailable(sqlx::Error::Io(err)))?;
                Connections::Sqlite {
                    readers: Arc::new(sqlite::Readers::new(file)),
                    writer,
                }
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    // sqlx waits 30 s for a connection by default, opening one included. With
                    // the database down every request would hang that long and then fail
                    // anyway; after ACQUIRE_TIMEOUT it answers `database_unavailable` and the
                    // client may retry.
                    .acquire_timeout(ACQUIRE_TIMEOUT)
                    .connect(url)
                    .await?;
                postgres::MIGRATOR.run(&pool).await?;
                Connections::Postgres(pool)
            }
        };
        Ok(Store { db })
    }

    fn backend(&self) -> Backend {
        match self.db {
            Connections::Sqlite { .. } => Backend::Sqlite,
            Connections::Postgres(_) => Backend::Postgres,
        }
    }

    /// Runs one unit of writes: in the writer's next batch on SQLite, in a transaction of
    /// its own on PostgreSQL (which groups concurrent commits by itself). Either way the
    /// answer comes once the writes are durable, and a failing unit leaves nothing behind.
    /// A unit of exactly one statement (`Shape::Statement`) is atomic by itself: on SQLite it
    /// needs no savepoint in its batch, on PostgreSQL no BEGIN and COMMIT around it.
    pub(crate) async fn write<T, F>(&self, shape: Shape, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut WriteConnection<'_>) -> BoxFuture<'c, Result<T>> + Send + 'static,
    {
        match (&self.db, shape) {
            (Connections::Postgres(pool), Shape::Statement) => {
                work(&mut WriteConnection::Postgres(&mut *pool.acquire().await?)).await
            }
            _ => {
                self.write_audited(shape, move |conn| {
                    Box::pin(async move { Ok((work(conn).await?, Vec::new())) })
                })
                .await
            }
        }
    }

    /// Runs a unit of writes (see `write`) and records the audit events it returns, in the
    /// same transaction: on SQLite the writer inserts the events of a whole batch at once.
    pub(crate) async fn write_audited<T, F>(&self, shape: Shape, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(
                &'c mut WriteConnection<'_>,
            ) -> BoxFuture<'c, Result<(T, Vec<AuditRecord>)>>
            + Send
            + 'static,
    {
        match &self.db {
            Connections::Sqlite { writer, .. } => writer.write(shape, work).await,
            Connections::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                let mut conn = WriteConnection::Postgres(&mut tx);
                let (out, events) = work(&mut conn).await?;
                insert_audit_events(&mut conn, &events).await?;
                tx.commit().await?;
                Ok(out)
            }
        }
    }

    /// Runs one statement as a unit of writes (see `write`); returns the rows it changed.
    pub(crate) async fn write_statement(&self, statement: Statement) -> Result<u64> {
        self.write(Shape::Statement, move |conn| {
            Box::pin(async move { Ok(statement.execute(conn).await?.rows_affected()) })
        })
        .await
    }

    /// Runs one statement that returns one integer (`RETURNING id`, say) as a unit of writes
    /// (see `write`), and returns that integer.
    pub(crate) async fn write_returning(&self, statement: StatementReturning) -> Result<i64> {
        self.write(Shape::Statement, move |conn| {
            Box::pin(async move { Ok(statement.fetch_one(conn).await?) })
        })
        .await
    }

    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.db).await?;
        Ok(())
    }
}
