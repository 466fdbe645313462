//! The embedded default: one SQLite file in the data folder, in WAL mode so readers do not
//! block the writer and an acknowledged write survives `kill -9`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use futures_util::future::BoxFuture;
use futures_util::stream::{self, BoxStream};
use futures_util::{StreamExt, TryStreamExt};
use rusqlite::OpenFlags;
use rusqlite::types::ValueRef;
use sqlx::any::{AnyQueryResult, AnyRow, AnyStatement, AnyTypeInfo, AnyTypeInfoKind, AnyValue};
use sqlx::error::{DatabaseError, ErrorKind};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyConnection, Describe, Either, Execute, Executor};
// What sqlx's own drivers build the `Any` driver's rows from (hidden from its documentation,
// and so pinned to one version of sqlx in Cargo.toml).
use sqlx_core::any::{AnyColumn, AnyValueKind};
use sqlx_core::ext::ustr::UStr;

pub static MIGRATOR: Migrator = sqlx::migrate!("src/store/migrations/sqlite");

/// The URL of the database file inside `data_dir`, created on first use.
pub fn url_in(data_dir: &std::path::Path) -> String {
    format!(
        "sqlite://{}?mode=rwc",
        data_dir.join("padlock.db").display()
    )
}

/// Settings that live in the database file; per-connection ones are set where each
/// connection opens (`Connection::open`).
pub async fn prepare(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    sqlx::query("PRAGMA journal_mode = WAL")
        .execute(conn)
        .await?;
    Ok(())
}

/// One answer of a statement, as sqlx's `Executor` streams them: its rows, then what it changed.
type Answer = Either<AnyQueryResult, AnyRow>;

/// A connection to the database file through SQLite's own library (rusqlite, on the same
/// `libsqlite3` that sqlx links), which runs a query on the thread that asks.
///
/// sqlx runs each SQLite connection on a thread of its own: every statement is a hand-off to
/// that thread and back, which under load cost more CPU than the statements themselves. These
/// connections implement sqlx's `Executor` for the `Any` driver instead, so the queries and
/// their row mapping are the ones PostgreSQL runs. The readers hold several; the writer one.
pub struct Connection {
    conn: rusqlite::Connection,
    /// The layouts of the statements it ran, by their SQL.
    layouts: HashMap<Box<str>, Arc<Layout>>,
}

/// How long a statement waits on a lock it cannot take at once, as sqlx's SQLite connections
/// wait. In WAL mode only the writer writes, so a reader waits only while a crashed writer's
/// log is recovered.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The statements each connection keeps prepared, as sqlx keeps them.
const STATEMENT_CACHE: usize = 100;

impl Connection {
    fn open(file: &Path) -> rusqlite::Result<Connection> {
        let conn = rusqlite::Connection::open_with_flags(
            file,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        Ok(Connection {
            conn,
            layouts: HashMap::new(),
        })
    }

    /// The writer's connection to `file`, which must exist (sqlx creates and migrates it).
    /// Every commit is on disk before it returns (`synchronous = FULL`), so an acknowledged
    /// write survives `kill -9` and power loss; foreign keys are enforced, as sqlx enforces them.
    pub fn open_writer(file: &Path) -> Result<Connection, sqlx::Error> {
        let writer = Connection::open(file).map_err(sqlx_error)?;
        writer.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")?;
        Ok(writer)
    }

    /// Runs SQL without arguments, which may be several statements (`RELEASE a; SAVEPOINT b`).
    pub fn execute_batch(&self, sql: &str) -> Result<(), sqlx::Error> {
        self.conn.execute_batch(sql).map_err(sqlx_error)
    }

    /// Runs one statement with its `$N` arguments, or SQL without arguments (sqlx's
    /// `raw_sql`), and gives its answers.
    fn answer<'q>(&mut self, mut query: impl Execute<'q, Any>) -> Result<Vec<Answer>, sqlx::Error> {
        match take_arguments(&mut query)? {
            Some(arguments) => self.run(query.sql(), &arguments).map_err(sqlx_error),
            None => self
                .execute_batch(query.sql())
                .map(|()| vec![Either::Left(AnyQueryResult::default())]),
        }
    }

    /// The rows of `sql` with its arguments bound, then what it changed.
    fn run(&mut self, sql: &str, arguments: &[AnyValueKind<'_>]) -> rusqlite::Result<Vec<Answer>> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let layout = match self.layouts.get(sql) {
            Some(layout) => Arc::clone(layout),
            None => {
                if self.layouts.len() >= STATEMENT_CACHE {
                    self.layouts.clear();
                }
                let layout = Arc::new(Layout::of(&statement));
                self.layouts.insert(sql.into(), Arc::clone(&layout));
                layout
            }
        };
        for (index, &number) in layout.parameters.iter().enumerate() {
            let value = number
                .checked_sub(1)
                .and_then(|argument| arguments.get(argument))
                .ok_or(rusqlite::Error::InvalidParameterCount(
                    number,
                    arguments.len(),
                ))?;
            bind(&mut statement, index + 1, value)?;
        }
        let mut answers = Vec::new();
        let mut rows = statement.raw_query();
        while let Some(row) = rows.next()? {
            answers.push(Either::Right(any_row(row, &layout)?));
        }
        drop(rows);
        // What a statement that reads only changed is nothing: SQLite's count is still the
        // last write's.
        let changed = if statement.readonly() {
            AnyQueryResult::default()
        } else {
            AnyQueryResult {
                rows_affected: self.conn.changes(),
                last_insert_id: Some(self.conn.last_insert_rowid()),
            }
        };
        answers.push(Either::Left(changed));
        Ok(answers)
    }
}

/// A query's arguments, as the values sqlx bound; `None` for SQL sent without any
/// (`raw_sql`).
fn take_arguments<'q>(
    query: &mut impl Execute<'q, Any>,
) -> Result<Option<Vec<AnyValueKind<'q>>>, sqlx::Error> {
    Ok(query
        .take_arguments()
        .map_err(sqlx::Error::Encode)?
        .map(|arguments| arguments.values.0))
}

/// SQLite's reading connections, which run a query where it is asked for (see `Connection`).
///
/// Nearly every read is an indexed lookup of a few microseconds on a file in the page cache.
/// A read that takes longer than `IN_PLACE_BUDGET` (a page of the audit log whose filter
/// matches few events, on a long log) would hold up the other requests of its runtime thread:
/// SQLite cuts it short, and it runs again from the start where it may block
/// (`block_in_place`). Reads have no effects, so running one twice is safe.
///
/// The connections only read (`query_only`), in autocommit: each is taken for one query, which
/// runs to its end without a pause, and goes straight back. There are never more than the
/// threads that ask at once.
pub struct Readers {
    file: PathBuf,
    idle: Mutex<Vec<Reader>>,
    /// What the readers' deadlines count from.
    epoch: Instant,
}

struct Reader {
    connection: Connection,
    /// When SQLite cuts the running query short, in nanoseconds after `Readers::epoch`.
    deadline: Arc<AtomicU64>,
}

/// How long a read may run in place before it moves to where it may block.
const IN_PLACE_BUDGET: Duration = Duration::from_millis(1);

/// How many of SQLite's virtual machine steps run between two looks at the deadline: an
/// indexed lookup takes fewer, so it never looks.
const STEPS_BETWEEN_LOOKS: std::ffi::c_int = 1000;

impl Readers {
    /// Readers of the database `file`, each opened when first needed.
    pub fn new(file: PathBuf) -> Readers {
        Readers {
            file,
            idle: Mutex::new(Vec::new()),
            epoch: Instant::now(),
        }
    }

    /// Runs `read` on an idle connection, or on a new one if none is idle, cut short after
    /// `budget` if it has one.
    fn with_connection<T>(
        &self,
        budget: Option<Duration>,
        read: impl FnOnce(&mut Connection) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        let idle = self.lock_idle().pop();
        let mut reader = match idle {
            Some(reader) => reader,
            None => self.open()?,
        };
        let deadline = budget.map_or(u64::MAX, |budget| nanos(self.epoch.elapsed() + budget));
        reader.deadline.store(deadline, Ordering::Relaxed);
        let out = read(&mut reader.connection);
        self.lock_idle().push(reader);
        out
    }

    fn open(&self) -> rusqlite::Result<Reader> {
        let connection = Connection::open(&self.file)?;
        // A write from here would queue for the file's one write lock behind the writer's
        // batches; read-only, such a write fails at once instead, in every test.
        connection.conn.pragma_update(None, "query_only", true)?;
        let deadline = Arc::new(AtomicU64::new(u64::MAX));
        let (epoch, watched) = (self.epoch, Arc::clone(&deadline));
        connection.conn.progress_handler(
            STEPS_BETWEEN_LOOKS,
            Some(move || nanos(epoch.elapsed()) > watched.load(Ordering::Relaxed)),
        );
        Ok(Reader {
            connection,
            deadline,
        })
    }

    /// Runs one statement with its `$N` arguments: its rows, then what it changed (nothing).
    /// In place first; if it outlasts its budget, again where it may block.
    fn answer<'q>(&self, mut query: impl Execute<'q, Any>) -> Result<Vec<Answer>, sqlx::Error> {
        let arguments = take_arguments(&mut query)?.unwrap_or_default();
        let read = |connection: &mut Connection| connection.run(query.sql(), &arguments);
        match self.with_connection(Some(IN_PLACE_BUDGET), read) {
            Err(err)
                if err.sqlite_error_code() == Some(rusqlite::ErrorCode::OperationInterrupted) =>
            {
                let unhurried = || self.with_connection(None, read);
                let multi_thread = tokio::runtime::Handle::try_current().is_ok_and(|runtime| {
                    runtime.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread
                });
                if multi_thread {
                    tokio::task::block_in_place(unhurried)
                } else {
                    unhurried()
                }
            }
            answers => answers,
        }
        .map_err(sqlx_error)
    }

    fn lock_idle(&self) -> MutexGuard<'_, Vec<Reader>> {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

fn nanos(duration: Duration) -> u64 {
    u64::try_from(duration.as_nanos()).unwrap_or(u64::MAX)
}

/// What binding a statement's arguments and naming its columns takes, worked out once.
struct Layout {
    /// The argument each parameter takes: `$2` the second, wherever it stands.
    parameters: Vec<usize>,
    names: Vec<UStr>,
    ordinals: Arc<sqlx_core::HashMap<UStr, usize>>,
}

impl Layout {
    fn of(statement: &rusqlite::Statement<'_>) -> Layout {
        let parameters = (1..=statement.parameter_count())
            .map(|index| {
                statement
                    .parameter_name(index)
                    .and_then(|name| name.trim_start_matches(['$', '?']).parse().ok())
                    .unwrap_or(index)
            })
            .collect();
        let names: Vec<UStr> = statement
            .column_names()
            .into_iter()
            .map(UStr::new)
            .collect();
        let ordinals = Arc::new(names.iter().cloned().zip(0..).collect());
        Layout {
            parameters,
            names,
            ordinals,
        }
    }
}

fn bind(
    statement: &mut rusqlite::Statement<'_>,
    index: usize,
    value: &AnyValueKind<'_>,
) -> rusqlite::Result<()> {
    match value {
        AnyValueKind::Bool(flag) => statement.raw_bind_parameter(index, flag),
        AnyValueKind::SmallInt(int) => statement.raw_bind_parameter(index, int),
        AnyValueKind::Integer(int) => statement.raw_bind_parameter(index, int),
        AnyValueKind::BigInt(int) => statement.raw_bind_parameter(index, int),
        AnyValueKind::Real(real) => statement.raw_bind_parameter(index, f64::from(*real)),
        AnyValueKind::Double(real) => statement.raw_bind_parameter(index, real),
        AnyValueKind::Text(text) => statement.raw_bind_parameter(index, text.as_ref()),
        AnyValueKind::Blob(blob) => statement.raw_bind_parameter(index, blob.as_ref()),
        // `Null`, and whatever kind a later sqlx adds: nothing is bound, which is NULL.
        _ => Ok(()),
    }
}

/// A row as sqlx's `Any` driver hands it over, typed by each value as sqlx types SQLite's.
fn any_row(row: &rusqlite::Row<'_>, layout: &Layout) -> rusqlite::Result<AnyRow> {
    let mut columns = Vec::with_capacity(layout.names.len());
    let mut values = Vec::with_capacity(layout.names.len());
    for (ordinal, name) in layout.names.iter().enumerate() {
        let (kind, value) = match row.get_ref(ordinal)? {
            ValueRef::Null => (
                AnyTypeInfoKind::Null,
                AnyValueKind::Null(AnyTypeInfoKind::Null),
            ),
            ValueRef::Integer(int) => (AnyTypeInfoKind::BigInt, AnyValueKind::BigInt(int)),
            ValueRef::Real(real) => (AnyTypeInfoKind::Double, AnyValueKind::Double(real)),
            ValueRef::Text(text) => (
                AnyTypeInfoKind::Text,
                AnyValueKind::Text(String::from_utf8_lossy(text).into_owned().into()),
            ),
            ValueRef::Blob(blob) => (
                AnyTypeInfoKind::Blob,
                AnyValueKind::Blob(blob.to_vec().into()),
            ),
        };
        columns.push(AnyColumn {
            ordinal,
            name: name.clone(),
            type_info: AnyTypeInfo { kind },
        });
        values.push(AnyValue { kind: value });
    }
    Ok(AnyRow {
        column_names: Arc::clone(&layout.ordinals),
        columns,
        values,
    })
}

/// SQLite's error as sqlx reports a database's: its message, and its extended result code.
#[derive(Debug)]
struct SqliteError {
    message: String,
    code: Option<std::ffi::c_int>,
}

impl SqliteError {
    fn new(err: &rusqlite::Error) -> SqliteError {
        let message = match err {
            rusqlite::Error::SqliteFailure(_, Some(message))
            | rusqlite::Error::SqlInputError { msg: message, .. } => message.clone(),
            err => err.to_string(),
        };
        let code = err.sqlite_error().map(|failure| failure.extended_code);
        SqliteError { message, code }
    }
}

impl std::fmt::Display for SqliteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SqliteError {}

impl DatabaseError for SqliteError {
    fn message(&self) -> &str {
        &self.message
    }

    fn code(&self) -> Option<std::borrow::Cow<'_, str>> {
        self.code.map(|code| code.to_string().into())
    }

    fn as_error(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        self
    }

    fn as_error_mut(&mut self) -> &mut (dyn std::error::Error + Send + Sync + 'static) {
        self
    }

    fn into_error(self: Box<Self>) -> Box<dyn std::error::Error + Send + Sync + 'static> {
        self
    }

    /// As sqlx's SQLite driver tells them, from the extended result code.
    fn kind(&self) -> ErrorKind {
        use rusqlite::ffi;
        match self.code {
            Some(ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY) => {
                ErrorKind::UniqueViolation
            }
            Some(ffi::SQLITE_CONSTRAINT_FOREIGNKEY) => ErrorKind::ForeignKeyViolation,
            Some(ffi::SQLITE_CONSTRAINT_NOTNULL) => ErrorKind::NotNullViolation,
            Some(ffi::SQLITE_CONSTRAINT_CHECK) => ErrorKind::CheckViolation,
            _ => ErrorKind::Other,
        }
    }
}

fn sqlx_error(err: rusqlite::Error) -> sqlx::Error {
    match err {
        // The file cannot be opened or read: as with a broken connection, nothing ran.
        rusqlite::Error::SqliteFailure(failure, _)
            if matches!(
                failure.code,
                rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::SystemIoFailure
            ) =>
        {
            sqlx::Error::Io(std::io::Error::other(SqliteError::new(&err)))
        }
        err => sqlx::Error::Database(Box::new(SqliteError::new(&err))),
    }
}

impl std::fmt::Debug for Readers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Readers")
            .field("file", &self.file)
            .field("idle", &self.lock_idle().len())
            .finish()
    }
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("file", &self.conn.path())
            .finish()
    }
}

/// sqlx's `Executor` for the `Any` driver, over a type's `answer`, which runs a query in place
/// and gives all its answers at once.
macro_rules! executor_in_place {
    ($executor:ty) => {
        impl<'c> Executor<'c> for $executor {
            type Database = Any;

            fn fetch_many<'e, 'q: 'e, E>(
                self,
                query: E,
            ) -> BoxStream<'e, Result<Answer, sqlx::Error>>
            where
                'c: 'e,
                E: 'q + Execute<'q, Any>,
            {
                let answers = async move {
                    self.answer(query)
                        .map(|answers| stream::iter(answers).map(Ok))
                };
                Box::pin(stream::once(answers).try_flatten())
            }

            fn fetch_optional<'e, 'q: 'e, E>(
                self,
                query: E,
            ) -> BoxFuture<'e, Result<Option<AnyRow>, sqlx::Error>>
            where
                'c: 'e,
                E: 'q + Execute<'q, Any>,
            {
                Box::pin(async move { Ok(self.answer(query)?.into_iter().find_map(Either::right)) })
            }

            /// Nothing in padlock prepares a statement ahead: it runs what it is given.
            fn prepare_with<'e, 'q: 'e>(
                self,
                _sql: &'q str,
                _parameters: &'e [AnyTypeInfo],
            ) -> BoxFuture<'e, Result<AnyStatement<'q>, sqlx::Error>>
            where
                'c: 'e,
            {
                Box::pin(async { Err(not_offered("prepare")) })
            }

            /// Describing a query is for sqlx's compile-time checks, which padlock's queries
            /// do not use.
            fn describe<'e, 'q: 'e>(
                self,
                _sql: &'q str,
            ) -> BoxFuture<'e, Result<Describe<Any>, sqlx::Error>>
            where
                'c: 'e,
            {
                Box::pin(async { Err(not_offered("describe")) })
            }
        }
    };
}

executor_in_place!(&'c Readers);
executor_in_place!(&'c mut Connection);

fn not_offered(what: &str) -> sqlx::Error {
    sqlx::Error::Configuration(
        format!("padlock's SQLite connections do not {what} statements").into(),
    )
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
    use sqlx::{Connection, FromRow, Row};

    use super::*;

    /// Readers of a new database file, made by sqlx as the writer makes it.
    async fn readers() -> (tempfile::TempDir, Readers) {
        sqlx::any::install_default_drivers();
        let dir = tempfile::tempdir().unwrap();
        let mut conn = AnyConnection::connect(&url_in(dir.path())).await.unwrap();
        prepare(&mut conn).await.unwrap();
        let readers = Readers::new(dir.path().join("padlock.db"));
        (dir, readers)
    }

    /// A row of every kind of value, with its parameters bound out of order.
    fn every_kind() -> sqlx::query::Query<'static, Any, sqlx::any::AnyArguments<'static>> {
        sqlx::query(
            "SELECT $2 AS two, $1 AS one, $1 + 1 AS sum, NULL AS absent, 1.5 AS real, \
             x'00ff' AS blob, 'tëxt' AS text",
        )
        .bind(41_i64)
        .bind("second")
    }

    #[derive(Debug, PartialEq, sqlx::FromRow)]
    struct EveryKind {
        two: String,
        one: i64,
        sum: i32,
        absent: Option<i64>,
        real: f64,
        blob: Vec<u8>,
        text: String,
    }

    /// The rows the readers build decode as the rows of sqlx's own SQLite driver do.
    #[tokio::test]
    async fn readers_answer_as_sqlx_does() {
        let (dir, readers) = readers().await;
        let mut sqlx_conn = AnyConnection::connect(&url_in(dir.path())).await.unwrap();
        let by_sqlx = EveryKind::from_row(&every_kind().fetch_one(&mut sqlx_conn).await.unwrap());
        let by_readers = EveryKind::from_row(&every_kind().fetch_one(&readers).await.unwrap());
        assert_eq!(by_readers.unwrap(), by_sqlx.unwrap());
        assert_eq!(
            every_kind()
                .fetch_optional(&readers)
                .await
                .unwrap()
                .unwrap()
                .columns()
                .len(),
            7
        );

        // The rows of a query that returns several all arrive, in order.
        let count_to_300 = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c \
                            WHERE x < 300) SELECT x FROM c";
        let rows: Vec<i64> = sqlx::query_scalar(count_to_300)
            .fetch_all(&readers)
            .await
            .unwrap();
        assert_eq!(rows, (1..=300).collect::<Vec<i64>>());
        let none = sqlx::query("SELECT 1 WHERE 0")
            .fetch_optional(&readers)
            .await;
        assert!(none.unwrap().is_none());
    }

    /// A failed read says what SQLite said, and its connection serves the next read.
    #[tokio::test]
    async fn a_failed_read_says_why_and_the_next_one_runs() {
        let (_dir, readers) = readers().await;
        let typo = sqlx::query("SELEC 1").execute(&readers).await.unwrap_err();
        assert!(
            matches!(&typo, sqlx::Error::Database(db) if db.message().contains("syntax error")),
            "{typo:?}"
        );
        let missing = sqlx::query("SELECT $1, $2")
            .bind(1_i64)
            .execute(&readers)
            .await;
        assert!(missing.unwrap_err().to_string().contains("parameter"));
        let two: i64 = sqlx::query_scalar("SELECT 2")
            .fetch_one(&readers)
            .await
            .unwrap();
        assert_eq!(two, 2);
        assert_eq!(readers.lock_idle().len(), 1, "one connection, opened once");
    }

    /// A read that outlasts its budget in place finishes where it may block, so the other
    /// tasks of its runtime thread go on meanwhile: here a timer on the runtime's one thread.
    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn a_long_read_leaves_its_runtime_thread_to_the_others() {
        let (_dir, readers) = readers().await;
        let ticks = Arc::new(AtomicU64::new(0));
        let ticker = tokio::spawn({
            let ticks = Arc::clone(&ticks);
            async move {
                loop {
                    tokio::time::sleep(Duration::from_millis(1)).await;
                    ticks.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
        tokio::time::sleep(Duration::from_millis(5)).await;
        let started = Instant::now();
        let before = ticks.load(Ordering::Relaxed);
        // Spawned, so it runs on the runtime's thread (the test's own body does not).
        let readers = Arc::new(readers);
        let counted: i64 = tokio::spawn(async move {
            sqlx::query_scalar(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < $1) \
                 SELECT max(x) FROM c",
            )
            .bind(3_000_000_i64)
            .fetch_one(readers.as_ref())
            .await
        })
        .await
        .unwrap()
        .unwrap();
        let (took, ticked) = (started.elapsed(), ticks.load(Ordering::Relaxed) - before);
        ticker.abort();
        assert_eq!(counted, 3_000_000);
        assert!(took > 20 * IN_PLACE_BUDGET, "the read took only {took:?}");
        assert!(ticked >= 10, "{ticked} ticks of the timer in {took:?}");
    }

    /// Readers of a file that is not there say the database cannot be reached.
    #[tokio::test]
    async fn readers_of_a_missing_file_cannot_reach_it() {
        let dir = tempfile::tempdir().unwrap();
        let readers = Readers::new(dir.path().join("gone").join("padlock.db"));
        let err = sqlx::query("SELECT 1").execute(&readers).await.unwrap_err();
        assert!(matches!(err, sqlx::Error::Io(_)), "{err:?}");
        assert_eq!(readers.lock_idle().len(), 0);
    }

    /// The readers and the writer must share one file: a database in memory is refused, where
    /// each connection would have had an empty one of its own.
    #[tokio::test]
    async fn a_database_in_memory_is_refused() {
        let refused = crate::store::Store::connect("sqlite::memory:").await.err();
        assert!(
            matches!(refused, Some(crate::store::StoreError::UnsupportedUrl(_))),
            "{refused:?}"
        );
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
