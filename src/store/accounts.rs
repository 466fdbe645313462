//! Accounts and their login sessions.

use super::{Flag, GrantRecord, Result, SecondFactor, Shape, Store, conflict_or};
use crate::vocabulary::{GrantKind, Method};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    #[sqlx(try_from = "Flag")]
    pub is_support: bool,
    pub created_at: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    #[sqlx(rename = "session_id")]
    pub id: i64,
    #[sqlx(flatten)]
    pub account: Account,
    /// The account's active second factor, if it has one: read with the session, since
    /// every padlocked decision needs its method and every code check its secret.
    #[sqlx(skip)]
    pub active_factor: Option<SecondFactor>,
    /// The interactive grant presented beside the session, in whatever state, if it is one
    /// this session was issued: read with the session, one trip instead of two.
    #[sqlx(skip)]
    pub grant: Option<GrantRecord>,
}

/// A session row with the columns of the grant presented beside it (NULL when there is
/// none): an interactive grant's other columns follow from the session.
#[derive(sqlx::FromRow)]
struct SessionRow {
    #[sqlx(flatten)]
    session: Session,
    active_method: Option<Method>,
    active_secret_sealed: Option<String>,
    active_phone: Option<String>,
    grant_id: Option<i64>,
    grant_issued_at: Option<i64>,
    grant_expires_at: Option<i64>,
    grant_revoked_at: Option<i64>,
    grant_last_used_at: Option<i64>,
}

impl SessionRow {
    fn into_session(self) -> Session {
        let SessionRow {
            mut session,
            active_method,
            active_secret_sealed,
            active_phone,
            grant_id,
            grant_issued_at,
            grant_expires_at,
            grant_revoked_at,
            grant_last_used_at,
        } = self;
        session.active_factor = active_method.map(|method| SecondFactor {
            method,
            secret_sealed: active_secret_sealed,
            phone: active_phone,
            active: true,
        });
        if let (Some(id), Some(issued_at), Some(expires_at)) =
            (grant_id, grant_issued_at, grant_expires_at)
        {
            session.grant = Some(GrantRecord {
                id,
                kind: GrantKind::Interactive,
                account_id: session.account.id,
                label: None,
                app_id: None,
                envs: Vec::new(),
                operations: Vec::new(),
                issued_at,
                expires_at,
                revoked_at: grant_revoked_at,
                last_used_at: grant_last_used_at,
            });
        }
        session
    }
}

/// An account with the method of its active second factor, if any, as listed.
#[derive(sqlx::FromRow)]
struct AccountWithMethod {
    #[sqlx(flatten)]
    account: Account,
    method: Option<Method>,
}

const ACCOUNT_COLUMNS: &str = "a.id, a.username, a.password_hash, a.is_support, a.created_at";

impl Store {
    // ---- accounts -------------------------------------------------------------------

    pub async fn create_account(
        &self,
        username: &str,
        password_hash: &str,
        is_support: bool,
        now: i64,
    ) -> Result<Account> {
        let (username_owned, hash_owned) = (username.to_owned(), password_hash.to_owned());
        let id: i64 = self
            .write(Shape::Statement, move |conn| {
                Box::pin(async move {
                    sqlx::query_scalar(
                        "INSERT INTO accounts (username, password_hash, is_support, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
                    )
                    .bind(username_owned)
                    .bind(hash_owned)
                    .bind(is_support as i64)
                    .bind(now)
                    .fetch_one(conn)
                    .await
                    .map_err(conflict_or)
                })
            })
            .await?;
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
        Ok(sqlx::query_as(&sql)
            .bind(username)
            .fetch_optional(&self.db)
            .await?)
    }

    pub async fn account_by_id(&self, id: i64) -> Result<Option<Account>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $1");
        Ok(sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.db)
            .await?)
    }

    pub async fn set_password(&self, account_id: i64, password_hash: &str) -> Result<()> {
        self.write_statement(
            sqlx::query("UPDATE accounts SET password_hash = $2 WHERE id = $1")
                .bind(account_id)
                .bind(password_hash.to_owned()),
        )
        .await?;
        Ok(())
    }

    pub async fn list_accounts(&self) -> Result<Vec<(Account, Option<Method>)>> {
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS}, sf.method FROM accounts a \
             LEFT JOIN second_factors sf ON sf.account_id = a.id AND sf.active = 1 ORDER BY a.username"
        );
        let rows: Vec<AccountWithMethod> = sqlx::query_as(&sql).fetch_all(&self.db).await?;
        Ok(rows.into_iter().map(|r| (r.account, r.method)).collect())
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
        self.write(Shape::Statement, move |conn| {
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

    /// The live session with this token hash (not revoked, not expired), with the interactive
    /// grant whose token hash is `grant_hash` if this session was issued it.
    pub async fn session_by_token(
        &self,
        token_hash: &str,
        grant_hash: Option<&str>,
        now: i64,
    ) -> Result<Option<Session>> {
        let sql = format!(
            "SELECT s.id AS session_id, {ACCOUNT_COLUMNS}, f.method AS active_method, \
             f.secret_sealed AS active_secret_sealed, f.phone AS active_phone, \
             g.id AS grant_id, g.issued_at AS grant_issued_at, g.expires_at AS grant_expires_at, \
             g.revoked_at AS grant_revoked_at, g.last_used_at AS grant_last_used_at \
             FROM sessions s JOIN accounts a ON a.id = s.account_id \
             LEFT JOIN second_factors f ON f.account_id = a.id AND f.active = 1 \
             LEFT JOIN grants g ON g.token_hash = $3 AND g.session_id = s.id AND g.kind = $4 \
             WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2"
        );
        let row: Option<SessionRow> = sqlx::query_as(&sql)
            .bind(token_hash)
            .bind(now)
            .bind(grant_hash)
            .bind(GrantKind::Interactive)
            .fetch_optional(&self.db)
            .await?;
        Ok(row.map(SessionRow::into_session))
    }

    /// Ends a session and every grant bound to it.
    pub async fn revoke_session(&self, session_id: i64, now: i64) -> Result<()> {
        self.write(Shape::Statements, move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "UPDATE grants SET revoked_at = $2 WHERE session_id = $1 AND revoked_at IS NULL",
                )
                .bind(session_id)
                .bind(now)
                .execute(&mut *conn)
                .await?;
                sqlx::query(
                    "UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
                )
                .bind(session_id)
                .bind(now)
                .execute(&mut *conn)
                .await?;
                Ok(())
            })
        })
        .await
    }
}
