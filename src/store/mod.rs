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

mod lockout;
pub mod postgres;
pub mod sqlite;
mod teams;
pub mod throttle;
mod writer;

pub use lockout::CodeAttempt;

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};

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

/// How long a query waits for a database connection, opening one included.
const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    pub backend: Backend,
    /// SQLite's one writing connection (see `writer.rs`); PostgreSQL writes through the pool.
    writer: Option<writer::Writer>,
}

#[derive(Debug, Clone)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub is_support: bool,
    pub created_at: i64,
}

#[derive(Debug, Clone)]
pub struct Session {
    pub id: i64,
    pub account: Account,
}

#[derive(Debug, Clone)]
pub struct SecondFactor {
    pub method: String,
    pub secret_sealed: Option<String>,
    pub phone: Option<String>,
    pub active: bool,
}

#[derive(Debug, Clone)]
pub struct GrantRecord {
    pub id: i64,
    pub kind: String,
    pub account_id: i64,
    pub session_id: Option<i64>,
    pub label: Option<String>,
    pub app_id: Option<i64>,
    pub envs: Vec<String>,
    pub operations: Vec<String>,
    pub issued_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct AppRecord {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct EnvRecord {
    pub id: i64,
    pub name: String,
    pub padlocked: bool,
    pub state: String,
    pub package_id: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct PackageRecord {
    pub id: i64,
    pub app_id: i64,
    pub filename: String,
    pub sha256: String,
    pub size: i64,
    pub uploaded_by: String,
    pub uploaded_at: i64,
}

#[derive(Debug, Clone, Default)]
pub struct AuditRecord {
    pub id: i64,
    pub at: i64,
    pub actor: String,
    pub action: String,
    pub app: Option<String>,
    pub env: Option<String>,
    pub outcome: String,
    pub reason: Option<String>,
    pub via: Option<String>,
    pub client: Option<String>,
    pub label: Option<String>,
}

#[derive(Debug, Clone)]
pub struct OperationRecord {
    pub id: i64,
    pub app_id: i64,
    pub env_id: i64,
    pub app: String,
    pub env: String,
    pub kind: String,
    pub state: String,
    pub actor: String,
    pub package_id: Option<i64>,
    pub backup_id: Option<i64>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
    pub exit_code: Option<i64>,
    pub log: String,
}

#[derive(Debug, Clone)]
pub struct BackupRecord {
    pub id: i64,
    pub operation_id: i64,
    pub size: Option<i64>,
    pub sha256: Option<String>,
    pub created_at: i64,
    pub ready: bool,
}

#[derive(Debug, Clone)]
pub struct PendingSms {
    pub id: i64,
    pub code_hash: String,
}

/// Why an SMS send was refused, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmsThrottle {
    /// A code is pending and was sent less than the resend wait ago.
    ResendTooSoon { retry_after: i64 },
    /// The hourly budget of the account or of the number is spent.
    HourlyLimit { retry_after: i64 },
}

/// A member's rights on one app, as read for a permission check.
#[derive(Debug, Clone, Default)]
pub struct Membership {
    pub is_contact: bool,
    /// The team role: `develop` or `deploy` (technical contacts are `deploy`).
    pub role: String,
    /// (environment id, permission) pairs.
    pub permissions: Vec<(i64, String)>,
}

fn flag(row: &AnyRow, column: &str) -> sqlx::Result<bool> {
    Ok(row.try_get::<i64, _>(column)? != 0)
}

fn list(text: Option<String>) -> Vec<String> {
    text.map(|t| {
        t.split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

const ACCOUNT_COLUMNS: &str = "a.id, a.username, a.password_hash, a.is_support, a.created_at";

fn account(row: &AnyRow) -> sqlx::Result<Account> {
    Ok(Account {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        password_hash: row.try_get("password_hash")?,
        is_support: flag(row, "is_support")?,
        created_at: row.try_get("created_at")?,
    })
}

const GRANT_COLUMNS: &str = "id, kind, account_id, session_id, label, app_id, envs, operations, issued_at, expires_at, revoked_at, last_used_at";

fn grant(row: &AnyRow) -> sqlx::Result<GrantRecord> {
    Ok(GrantRecord {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        account_id: row.try_get("account_id")?,
        session_id: row.try_get("session_id")?,
        label: row.try_get("label")?,
        app_id: row.try_get("app_id")?,
        envs: list(row.try_get("envs")?),
        operations: list(row.try_get("operations")?),
        issued_at: row.try_get("issued_at")?,
        expires_at: row.try_get("expires_at")?,
        revoked_at: row.try_get("revoked_at")?,
        last_used_at: row.try_get("last_used_at")?,
    })
}

const ENV_COLUMNS: &str = "id, name, padlocked, state, package_id";

const OPERATION_SELECT: &str = "SELECT o.id, o.app_id, o.env_id, p.name AS app_name, e.name AS env_name, o.kind, o.state, o.actor, o.via, \
    o.package_id, o.backup_id, o.created_at, o.finished_at, o.exit_code, o.log \
    FROM operations o JOIN apps p ON p.id = o.app_id JOIN environments e ON e.id = o.env_id";

fn operation(r: &AnyRow) -> sqlx::Result<OperationRecord> {
    Ok(OperationRecord {
        id: r.try_get("id")?,
        app_id: r.try_get("app_id")?,
        env_id: r.try_get("env_id")?,
        app: r.try_get("app_name")?,
        env: r.try_get("env_name")?,
        kind: r.try_get("kind")?,
        state: r.try_get("state")?,
        actor: r.try_get("actor")?,
        package_id: r.try_get("package_id")?,
        backup_id: r.try_get("backup_id")?,
        created_at: r.try_get("created_at")?,
        finished_at: r.try_get("finished_at")?,
        exit_code: r.try_get("exit_code")?,
        log: r.try_get("log")?,
    })
}

fn env(row: &AnyRow) -> sqlx::Result<EnvRecord> {
    Ok(EnvRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        padlocked: flag(row, "padlocked")?,
        state: row.try_get("state")?,
        package_id: row.try_get("package_id")?,
    })
}

const PACKAGE_COLUMNS: &str = "id, app_id, filename, sha256, size, uploaded_by, uploaded_at";

fn package(row: &AnyRow) -> sqlx::Result<PackageRecord> {
    Ok(PackageRecord {
        id: row.try_get("id")?,
        app_id: row.try_get("app_id")?,
        filename: row.try_get("filename")?,
        sha256: row.try_get("sha256")?,
        size: row.try_get("size")?,
        uploaded_by: row.try_get("uploaded_by")?,
        uploaded_at: row.try_get("uploaded_at")?,
    })
}

fn audit(row: &AnyRow) -> sqlx::Result<AuditRecord> {
    Ok(AuditRecord {
        id: row.try_get("id")?,
        at: row.try_get("at")?,
        actor: row.try_get("actor")?,
        action: row.try_get("action")?,
        app: row.try_get("app")?,
        env: row.try_get("env")?,
        outcome: row.try_get("outcome")?,
        reason: row.try_get("reason")?,
        via: row.try_get("via")?,
        client: row.try_get("client")?,
        label: row.try_get("label")?,
    })
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
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            // sqlx waits 30 s for a connection by default, opening one included. With the
            // database down every request would hang that long and then fail anyway; after
            // ACQUIRE_TIMEOUT it answers `database_unavailable` and the client may retry.
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect(url)
            .await?;
        let writer = match backend {
            Backend::Sqlite => {
                sqlite::prepare(&pool).await?;
                sqlite::MIGRATOR.run(&pool).await?;
                Some(writer::Writer::start(pool.acquire().await?.detach()))
            }
            Backend::Postgres => {
                postgres::MIGRATOR.run(&pool).await?;
                None
            }
        };
        Ok(Store {
            pool,
            backend,
            writer,
        })
    }

    /// Runs one unit of writes: in the writer's next batch on SQLite, in a transaction of
    /// its own on PostgreSQL (which groups concurrent commits by itself). Either way the
    /// answer comes once the writes are durable, and a failing unit leaves nothing behind.
    pub(crate) async fn write<T, F>(&self, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(
                &'c mut sqlx::AnyConnection,
            ) -> futures_util::future::BoxFuture<'c, Result<T>>
            + Send
            + 'static,
    {
        match &self.writer {
            Some(writer) => writer.write(work).await,
            None => {
                let mut tx = self.pool.begin().await?;
                let out = work(&mut tx).await?;
                tx.commit().await?;
                Ok(out)
            }
        }
    }

    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    // ---- accounts -------------------------------------------------------------------

    pub async fn create_account(
        &self,
        username: &str,
        password_hash: &str,
        is_support: bool,
        now: i64,
    ) -> Result<Account> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO accounts (username, password_hash, is_support, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(username)
        .bind(password_hash)
        .bind(is_support as i64)
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .map_err(conflict_or)?;
        Ok(Account {
            id,
            username: username.to_owned(),
            password_hash: password_hash.to_owned(),
            is_support,
            created_at: now,
        })
    }

    pub async fn account_by_username(&self, username: &str) -> Result<Option<Account>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.username = $1");
        let row = sqlx::query(&sql)
            .bind(username)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| account(&r)).transpose()?)
    }

    pub async fn account_by_id(&self, id: i64) -> Result<Option<Account>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| account(&r)).transpose()?)
    }

    pub async fn set_password(&self, account_id: i64, password_hash: &str) -> Result<()> {
        sqlx::query("UPDATE accounts SET password_hash = $2 WHERE id = $1")
            .bind(account_id)
            .bind(password_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn list_accounts(&self) -> Result<Vec<(Account, Option<String>)>> {
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS}, sf.method FROM accounts a \
             LEFT JOIN second_factors sf ON sf.account_id = a.id AND sf.active = 1 ORDER BY a.username"
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok((account(r)?, r.try_get("method")?)))
            .collect()
    }

    // ---- sessions -------------------------------------------------------------------

    pub async fn create_session(
        &self,
        account_id: i64,
        token_hash: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<i64> {
        let token_hash = token_hash.to_owned();
        self.write(move |conn| {
            Box::pin(async move {
                Ok(sqlx::query_scalar(
                    "INSERT INTO sessions (account_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(account_id)
                .bind(token_hash)
                .bind(now)
                .bind(expires_at)
                .fetch_one(conn)
                .await?)
            })
        })
        .await
    }

    /// The live session with this token hash: not revoked, not expired.
    pub async fn session_by_token(&self, token_hash: &str, now: i64) -> Result<Option<Session>> {
        let sql = format!(
            "SELECT s.id AS session_id, {ACCOUNT_COLUMNS} \
             FROM sessions s JOIN accounts a ON a.id = s.account_id \
             WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2"
        );
        let row = sqlx::query(&sql)
            .bind(token_hash)
            .bind(now)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(Session {
                id: r.try_get("session_id")?,
                account: account(&r)?,
            })
        })
        .transpose()
    }

    /// Ends a session and every grant bound to it.
    pub async fn revoke_session(&self, session_id: i64, now: i64) -> Result<()> {
        sqlx::query(
            "UPDATE grants SET revoked_at = $2 WHERE session_id = $1 AND revoked_at IS NULL",
        )
        .bind(session_id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        sqlx::query("UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
            .bind(session_id)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    // ---- second factors ---------------------------------------------------------------

    pub async fn second_factor(&self, account_id: i64) -> Result<Option<SecondFactor>> {
        let row = sqlx::query(
            "SELECT method, secret_sealed, phone, active FROM second_factors WHERE account_id = $1",
        )
        .bind(account_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(SecondFactor {
                method: r.try_get("method")?,
                secret_sealed: r.try_get("secret_sealed")?,
                phone: r.try_get("phone")?,
                active: flag(&r, "active")?,
            })
        })
        .transpose()
    }

    /// Starts (or restarts) an enrollment. Returns false, changing nothing, when the account
    /// already has an active second factor: users cannot replace their own.
    pub async fn start_enrollment(
        &self,
        account_id: i64,
        method: &str,
        secret_sealed: Option<&str>,
        phone: Option<&str>,
        now: i64,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO second_factors (account_id, method, secret_sealed, phone, active, created_at) \
             VALUES ($1, $2, $3, $4, 0, $5) \
             ON CONFLICT (account_id) DO UPDATE SET method = excluded.method, \
               secret_sealed = excluded.secret_sealed, phone = excluded.phone, created_at = excluded.created_at, \
               last_totp_step = NULL \
             WHERE second_factors.active = 0",
        )
        .bind(account_id)
        .bind(method)
        .bind(secret_sealed)
        .bind(phone)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Accepts TOTP time step `step` for the account: succeeds for exactly one caller per
    /// step, and refuses any step not newer than the last accepted one. With `activate`,
    /// the same statement turns a pending enrollment active.
    ///
    /// This must stay one conditional UPDATE: it is what makes a code single-use when many
    /// copies arrive at once, at one server or at several replicas.
    pub async fn consume_totp_step(
        &self,
        account_id: i64,
        step: i64,
        activate: bool,
        now: i64,
    ) -> Result<bool> {
        self.write(move |conn| {
            Box::pin(async move {
                let done = sqlx::query(
                    "UPDATE second_factors SET last_totp_step = $2, active = 1, \
                       activated_at = CASE WHEN active = 1 THEN activated_at ELSE $4 END \
                     WHERE account_id = $1 AND method = 'totp' AND active = $3 \
                       AND (last_totp_step IS NULL OR last_totp_step < $2)",
                )
                .bind(account_id)
                .bind(step)
                .bind(if activate { 0i64 } else { 1i64 })
                .bind(now)
                .execute(conn)
                .await?;
                Ok(done.rows_affected() == 1)
            })
        })
        .await
    }

    /// Turns a pending SMS enrollment active (after its code was consumed).
    pub async fn activate_sms(&self, account_id: i64, now: i64) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE second_factors SET active = 1, activated_at = $2 WHERE account_id = $1 AND method = 'sms' AND active = 0",
        )
        .bind(account_id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Support's reset: forgets the second factor and its pending codes, revokes every grant
    /// of the account and lifts a lockout.
    pub async fn reset_second_factor(&self, account_id: i64, now: i64) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE grants SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL",
        )
        .bind(account_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM second_factors WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE sms_codes SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL")
            .bind(account_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE accounts SET n_failures = 0, locked_until = NULL, next_lock_seconds = NULL WHERE id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    // ---- SMS codes ------------------------------------------------------------------

    /// Forgets a code whose send failed, so it neither blocks a resend nor counts.
    pub async fn delete_sms_code(&self, id: i64) -> Result<()> {
        sqlx::query("DELETE FROM sms_codes WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The newest code of the account that can still be tried.
    pub async fn pending_sms_code(
        &self,
        account_id: i64,
        now: i64,
        max_attempts: i64,
    ) -> Result<Option<PendingSms>> {
        let row = sqlx::query(
            "SELECT id, code_hash FROM sms_codes \
             WHERE account_id = $1 AND used_at IS NULL AND expires_at > $2 AND n_attempts < $3 \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(account_id)
        .bind(now)
        .bind(max_attempts)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(PendingSms {
                id: r.try_get("id")?,
                code_hash: r.try_get("code_hash")?,
            })
        })
        .transpose()
    }

    /// Marks a matching code used; true for exactly one caller.
    pub async fn consume_sms_code(&self, id: i64, now: i64, max_attempts: i64) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE sms_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2 AND n_attempts < $3",
        )
        .bind(id)
        .bind(now)
        .bind(max_attempts)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Counts a wrong try; the `max_attempts`-th burns the code (marks it used), so a new
    /// one can be sent at once.
    pub async fn count_sms_attempt(&self, id: i64, max_attempts: i64, now: i64) -> Result<()> {
        sqlx::query(
            "UPDATE sms_codes SET n_attempts = n_attempts + 1, \
               used_at = CASE WHEN n_attempts + 1 >= $2 THEN $3 ELSE used_at END \
             WHERE id = $1",
        )
        .bind(id)
        .bind(max_attempts)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    // ---- grants ---------------------------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    pub async fn create_grant(
        &self,
        kind: &str,
        account_id: i64,
        session_id: Option<i64>,
        token_hash: &str,
        label: Option<&str>,
        scope: Option<(i64, &[String], &[String])>,
        now: i64,
        expires_at: i64,
    ) -> Result<i64> {
        let (app_id, envs, operations) = match scope {
            Some((app_id, envs, operations)) => (
                Some(app_id),
                Some(envs.join(",")),
                Some(operations.join(",")),
            ),
            None => (None, None, None),
        };
        Ok(sqlx::query_scalar(
            "INSERT INTO grants (kind, account_id, session_id, token_hash, label, app_id, envs, operations, issued_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(kind)
        .bind(account_id)
        .bind(session_id)
        .bind(token_hash)
        .bind(label)
        .bind(app_id)
        .bind(envs)
        .bind(operations)
        .bind(now)
        .bind(expires_at)
        .fetch_one(&self.pool)
        .await?)
    }

    /// The grant with this token hash, whatever its state: callers tell expired from revoked.
    pub async fn grant_by_token(&self, token_hash: &str) -> Result<Option<GrantRecord>> {
        let sql = format!("SELECT {GRANT_COLUMNS} FROM grants WHERE token_hash = $1");
        let row = sqlx::query(&sql)
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| grant(&r)).transpose()?)
    }

    pub async fn grant_by_id(&self, id: i64) -> Result<Option<GrantRecord>> {
        let sql = format!("SELECT {GRANT_COLUMNS} FROM grants WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| grant(&r)).transpose()?)
    }

    /// CI grants issued by `account_id`, or by everyone when `None`.
    pub async fn list_ci_grants(
        &self,
        account_id: Option<i64>,
    ) -> Result<Vec<(GrantRecord, String, Option<String>)>> {
        let sql = format!(
            "SELECT g.{}, a.username, p.name AS app_name FROM grants g JOIN accounts a ON a.id = g.account_id \
             LEFT JOIN apps p ON p.id = g.app_id WHERE g.kind = 'ci' AND ($1 IS NULL OR g.account_id = $1) ORDER BY g.id",
            GRANT_COLUMNS.replace(", ", ", g.")
        );
        let rows = sqlx::query(&sql)
            .bind(account_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok((grant(r)?, r.try_get("username")?, r.try_get("app_name")?)))
            .collect()
    }

    /// Grants neither expired nor revoked at `now`, by kind (`grant`, `ci`).
    pub async fn count_active_grants(&self, now: i64) -> Result<Vec<(String, i64)>> {
        let rows = sqlx::query(
            "SELECT kind, COUNT(*) AS n FROM grants WHERE revoked_at IS NULL AND expires_at > $1 \
             GROUP BY kind",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("kind")?, r.try_get("n")?)))
            .collect()
    }

    pub async fn revoke_grant(&self, id: i64, now: i64) -> Result<bool> {
        let done =
            sqlx::query("UPDATE grants SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
                .bind(id)
                .bind(now)
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn touch_grant(&self, id: i64, now: i64) -> Result<()> {
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query("UPDATE grants SET last_used_at = $2 WHERE id = $1")
                    .bind(id)
                    .bind(now)
                    .execute(conn)
                    .await?;
                Ok(())
            })
        })
        .await
    }

    // ---- apps, environments, members ----------------------------------------------------

    /// Creates an app with its environments and technical contacts in one transaction.
    pub async fn create_app(
        &self,
        name: &str,
        contact_ids: &[i64],
        envs: &[(String, bool)],
        now: i64,
    ) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        let app_id: i64 =
            sqlx::query_scalar("INSERT INTO apps (name, created_at) VALUES ($1, $2) RETURNING id")
                .bind(name)
                .bind(now)
                .fetch_one(&mut *tx)
                .await
                .map_err(conflict_or)?;
        for (env_name, padlocked) in envs {
            sqlx::query("INSERT INTO environments (app_id, name, padlocked) VALUES ($1, $2, $3)")
                .bind(app_id)
                .bind(env_name)
                .bind(*padlocked as i64)
                .execute(&mut *tx)
                .await
                .map_err(conflict_or)?;
        }
        for contact_id in contact_ids {
            sqlx::query("INSERT INTO members (app_id, account_id, is_contact, role) VALUES ($1, $2, 1, 'deploy')")
                .bind(app_id)
                .bind(contact_id)
                .execute(&mut *tx)
                .await
                .map_err(conflict_or)?;
        }
        tx.commit().await?;
        Ok(app_id)
    }

    pub async fn app_by_name(&self, name: &str) -> Result<Option<AppRecord>> {
        let row = sqlx::query("SELECT id, name FROM apps WHERE name = $1")
            .bind(name)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(AppRecord {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
            })
        })
        .transpose()
    }

    /// Apps the account belongs to, or all apps when `all` (support).
    pub async fn list_apps(&self, account_id: i64, all: bool) -> Result<Vec<AppRecord>> {
        let rows = sqlx::query(
            "SELECT id, name FROM apps WHERE $2 = 1 OR id IN (SELECT app_id FROM members WHERE account_id = $1) ORDER BY name",
        )
        .bind(account_id)
        .bind(all as i64)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AppRecord {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                })
            })
            .collect()
    }

    pub async fn contacts_of(&self, app_id: i64) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT a.username FROM members m JOIN accounts a ON a.id = m.account_id \
             WHERE m.app_id = $1 AND m.is_contact = 1 ORDER BY a.username",
        )
        .bind(app_id)
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn envs_of(&self, app_id: i64) -> Result<Vec<EnvRecord>> {
        let sql = format!("SELECT {ENV_COLUMNS} FROM environments WHERE app_id = $1 ORDER BY id");
        let rows = sqlx::query(&sql).bind(app_id).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(env).collect::<sqlx::Result<_>>()?)
    }

    pub async fn membership(&self, app_id: i64, account_id: i64) -> Result<Option<Membership>> {
        let row = sqlx::query(
            "SELECT is_contact, role FROM members WHERE app_id = $1 AND account_id = $2",
        )
        .bind(app_id)
        .bind(account_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let rows = sqlx::query(
            "SELECT np.env_id, np.permission FROM node_permissions np JOIN environments e ON e.id = np.env_id \
             WHERE e.app_id = $1 AND np.account_id = $2",
        )
        .bind(app_id)
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?;
        let permissions = rows
            .iter()
            .map(|r| Ok((r.try_get("env_id")?, r.try_get("permission")?)))
            .collect::<sqlx::Result<_>>()?;
        Ok(Some(Membership {
            is_contact: flag(&row, "is_contact")?,
            role: row.try_get("role")?,
            permissions,
        }))
    }

    /// Every member of the app with their permissions: (username, is_contact, env_id, permission).
    pub async fn permissions_of_app(
        &self,
        app_id: i64,
    ) -> Result<Vec<(String, bool, Option<i64>, Option<String>)>> {
        let rows = sqlx::query(
            "SELECT a.username, m.is_contact, np.env_id, np.permission FROM members m \
             JOIN accounts a ON a.id = m.account_id \
             LEFT JOIN node_permissions np ON np.account_id = m.account_id \
               AND np.env_id IN (SELECT id FROM environments WHERE app_id = $1) \
             WHERE m.app_id = $1 ORDER BY a.username, np.env_id, np.permission",
        )
        .bind(app_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get("username")?,
                    flag(r, "is_contact")?,
                    r.try_get("env_id")?,
                    r.try_get("permission")?,
                ))
            })
            .collect()
    }

    /// Adds node permissions to a `deploy` member of the app; `false` (and nothing changed)
    /// when the account is not one. The member row is touched first so that it stays locked
    /// until commit: a concurrent removal from the team (which changes that row before
    /// deleting permissions) waits for this grant and then deletes it too, or this grant
    /// waits for the removal and finds no `deploy` member.
    pub async fn grant_permissions(
        &self,
        app_id: i64,
        account_id: i64,
        env_ids: &[i64],
        permissions: &[String],
    ) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        let deploy = sqlx::query(
            "UPDATE members SET role = role WHERE app_id = $1 AND account_id = $2 AND role = 'deploy'",
        )
        .bind(app_id)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
        if deploy.rows_affected() == 0 {
            return Ok(false);
        }
        for env_id in env_ids {
            for permission in permissions {
                sqlx::query("INSERT INTO node_permissions (env_id, account_id, permission) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                    .bind(env_id)
                    .bind(account_id)
                    .bind(permission)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    }

    pub async fn revoke_permissions(
        &self,
        account_id: i64,
        env_ids: &[i64],
        permissions: &[String],
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for env_id in env_ids {
            for permission in permissions {
                sqlx::query("DELETE FROM node_permissions WHERE env_id = $1 AND account_id = $2 AND permission = $3")
                    .bind(env_id)
                    .bind(account_id)
                    .bind(permission)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_env_state(
        &self,
        env_id: i64,
        state: &str,
        package_id: Option<i64>,
    ) -> Result<()> {
        sqlx::query("UPDATE environments SET state = $2, package_id = COALESCE($3, package_id) WHERE id = $1")
            .bind(env_id)
            .bind(state)
            .bind(package_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    // ---- packages -------------------------------------------------------------------

    pub async fn create_package(
        &self,
        app_id: i64,
        filename: &str,
        sha256: &str,
        size: i64,
        uploaded_by: &str,
        now: i64,
    ) -> Result<PackageRecord> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO packages (app_id, filename, sha256, size, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(app_id)
        .bind(filename)
        .bind(sha256)
        .bind(size)
        .bind(uploaded_by)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(PackageRecord {
            id,
            app_id,
            filename: filename.to_owned(),
            sha256: sha256.to_owned(),
            size,
            uploaded_by: uploaded_by.to_owned(),
            uploaded_at: now,
        })
    }

    pub async fn packages_of(&self, app_id: i64) -> Result<Vec<PackageRecord>> {
        let sql = format!("SELECT {PACKAGE_COLUMNS} FROM packages WHERE app_id = $1 ORDER BY id");
        let rows = sqlx::query(&sql).bind(app_id).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(package).collect::<sqlx::Result<_>>()?)
    }

    pub async fn package(&self, app_id: i64, id: i64) -> Result<Option<PackageRecord>> {
        let sql = format!("SELECT {PACKAGE_COLUMNS} FROM packages WHERE app_id = $1 AND id = $2");
        let row = sqlx::query(&sql)
            .bind(app_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| package(&r)).transpose()?)
    }

    // ---- operations -----------------------------------------------------------------

    /// Starts an operation as `running`. `Conflict` when the environment already has one
    /// queued or running (a unique partial index, so replicas agree).
    #[allow(clippy::too_many_arguments)]
    pub async fn create_operation(
        &self,
        app_id: i64,
        env_id: i64,
        kind: &str,
        actor: &str,
        via: &str,
        package_id: Option<i64>,
        backup_id: Option<i64>,
        now: i64,
    ) -> Result<OperationRecord> {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO operations (app_id, env_id, kind, state, actor, via, package_id, backup_id, created_at, heartbeat_at) \
             VALUES ($1, $2, $3, 'running', $4, $5, $6, $7, $8, $8) RETURNING id",
        )
        .bind(app_id)
        .bind(env_id)
        .bind(kind)
        .bind(actor)
        .bind(via)
        .bind(package_id)
        .bind(backup_id)
        .bind(now)
        .fetch_one(&self.pool)
        .await
        .map_err(conflict_or)?;
        self.operation(id).await?.ok_or(StoreError::NotFound)
    }

    /// The operation holding an environment (queued or running), if any: what a refused
    /// start names, so the caller can follow it.
    pub async fn busy_with(&self, env_id: i64) -> Result<Option<OperationRecord>> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM operations WHERE env_id = $1 AND state IN ('queued', 'running')",
        )
        .bind(env_id)
        .fetch_optional(&self.pool)
        .await?;
        match id {
            Some(id) => self.operation(id).await,
            None => Ok(None),
        }
    }

    pub async fn operation(&self, id: i64) -> Result<Option<OperationRecord>> {
        let row = sqlx::query(&format!("{OPERATION_SELECT} WHERE o.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| operation(&r)).transpose()?)
    }

    /// An app's most recent operations, newest first, optionally of one environment and in
    /// one state. Their logs are left out.
    pub async fn recent_operations(
        &self,
        app_id: i64,
        env: Option<&str>,
        state: Option<&str>,
        limit: i64,
    ) -> Result<Vec<OperationRecord>> {
        let rows = sqlx::query(&format!(
            "{OPERATION_SELECT} WHERE o.app_id = $1 AND ($2 IS NULL OR e.name = $2) \
             AND ($3 IS NULL OR o.state = $3) ORDER BY o.id DESC LIMIT $4"
        ))
        .bind(app_id)
        .bind(env)
        .bind(state)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut ops = rows
            .iter()
            .map(operation)
            .collect::<sqlx::Result<Vec<_>>>()?;
        for op in &mut ops {
            op.log.clear();
        }
        Ok(ops)
    }

    /// Appends to a running operation's log and marks it alive.
    pub async fn append_operation_log(&self, id: i64, text: &str, now: i64) -> Result<()> {
        sqlx::query("UPDATE operations SET log = log || $2, heartbeat_at = $3 WHERE id = $1")
            .bind(id)
            .bind(text)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn finish_operation(
        &self,
        id: i64,
        succeeded: bool,
        exit_code: Option<i64>,
        now: i64,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE operations SET state = $2, exit_code = $3, finished_at = $4 WHERE id = $1",
        )
        .bind(id)
        .bind(if succeeded { "succeeded" } else { "failed" })
        .bind(exit_code)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Marks failed the operations whose runner died: on SQLite (one server) every running
    /// one; on PostgreSQL those whose runner has not been heard of for `stale_after` seconds,
    /// so a restarting replica does not fail another replica's work.
    pub async fn fail_interrupted_operations(&self, now: i64) -> Result<u64> {
        let stale_before = match self.backend {
            Backend::Sqlite => now + 1,
            Backend::Postgres => now - 30,
        };
        let done = sqlx::query(
            "UPDATE operations SET state = 'failed', finished_at = $1, \
log = log || $3 \
             WHERE state IN ('queued', 'running') AND COALESCE(heartbeat_at, created_at) < $2",
        )
        .bind(now)
        .bind(stale_before)
        .bind("padlock: interrupted: the server stopped while this operation ran\n")
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// How long the last successful operation of this kind on this environment took.
    pub async fn typical_duration(&self, env_id: i64, kind: &str) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT finished_at - created_at FROM operations \
             WHERE env_id = $1 AND kind = $2 AND state = 'succeeded' ORDER BY id DESC LIMIT 1",
        )
        .bind(env_id)
        .bind(kind)
        .fetch_optional(&self.pool)
        .await?)
    }

    // ---- backups --------------------------------------------------------------------

    pub async fn create_backup(&self, app_id: i64, env_id: i64, now: i64) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO backups (app_id, env_id, operation_id, created_at) VALUES ($1, $2, 0, $3) RETURNING id",
        )
        .bind(app_id)
        .bind(env_id)
        .bind(now)
        .fetch_one(&self.pool)
        .await?)
    }

    pub async fn attach_backup(&self, backup_id: i64, operation_id: i64) -> Result<()> {
        sqlx::query("UPDATE backups SET operation_id = $2 WHERE id = $1")
            .bind(backup_id)
            .bind(operation_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Forgets a backup that never got its operation (the environment was busy).
    pub async fn delete_backup(&self, backup_id: i64) -> Result<()> {
        sqlx::query("DELETE FROM backups WHERE id = $1 AND operation_id = 0")
            .bind(backup_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn complete_backup(&self, backup_id: i64, size: i64, sha256: &str) -> Result<()> {
        sqlx::query("UPDATE backups SET size = $2, sha256 = $3, ready = 1 WHERE id = $1")
            .bind(backup_id)
            .bind(size)
            .bind(sha256)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn backups_of(&self, env_id: i64) -> Result<Vec<BackupRecord>> {
        let rows = sqlx::query(
            "SELECT id, app_id, env_id, operation_id, size, sha256, created_at, ready FROM backups WHERE env_id = $1 ORDER BY id",
        )
        .bind(env_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(BackupRecord {
                    id: r.try_get("id")?,
                    operation_id: r.try_get("operation_id")?,
                    size: r.try_get("size")?,
                    sha256: r.try_get("sha256")?,
                    created_at: r.try_get("created_at")?,
                    ready: flag(r, "ready")?,
                })
            })
            .collect()
    }

    // ---- audit ----------------------------------------------------------------------

    /// Appends one event; awaited before the answer it explains is sent.
    pub async fn record_audit(&self, event: &AuditRecord) -> Result<i64> {
        let event = event.clone();
        self.write(move |conn| Box::pin(async move { insert_audit(conn, &event).await }))
            .await
    }

    /// Events since `since`, oldest first, at most `limit` (the newest ones). `viewer`, when
    /// set, limits them to what that account may read: its own actions and those on apps it
    /// is a technical contact of.
    pub async fn audit_events(
        &self,
        viewer: Option<(i64, &str)>,
        app: Option<&str>,
        since: i64,
        limit: i64,
    ) -> Result<Vec<AuditRecord>> {
        let (viewer_id, viewer_name) =
            viewer.map_or((None, None), |(id, name)| (Some(id), Some(name)));
        let rows = sqlx::query(
            "SELECT id, at, actor, action, app, env, outcome, reason, via, client, label FROM audit_events \
             WHERE at >= $1 AND ($2 IS NULL OR app = $2) \
               AND ($3 IS NULL OR actor = $4 OR app IN (SELECT p.name FROM apps p JOIN members m ON m.app_id = p.id \
                                                  WHERE m.account_id = $3 AND m.is_contact = 1)) \
             ORDER BY id DESC LIMIT $5",
        )
        .bind(since)
        .bind(app)
        .bind(viewer_id)
        .bind(viewer_name)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut events: Vec<AuditRecord> = rows.iter().map(audit).collect::<sqlx::Result<_>>()?;
        events.reverse();
        Ok(events)
    }
}

/// Appends an audit event inside a unit of writes.
pub(crate) async fn insert_audit(
    conn: &mut sqlx::AnyConnection,
    event: &AuditRecord,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO audit_events (at, actor, action, app, env, outcome, reason, via, client, label) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(event.at)
    .bind(&event.actor)
    .bind(&event.action)
    .bind(&event.app)
    .bind(&event.env)
    .bind(&event.outcome)
    .bind(&event.reason)
    .bind(&event.via)
    .bind(&event.client)
    .bind(&event.label)
    .fetch_one(conn)
    .await?)
}
