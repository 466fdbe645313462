//! Accounts and their login sessions.

use super::{Flag, Result, Store, conflict_or};
use crate::vocabulary::Method;

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
    /// The method of the account's active second factor, if it has one: read with the
    /// session, since every padlocked decision needs it.
    pub active_method: Option<Method>,
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
        Ok(sqlx::query_as(&sql)
            .bind(username)
            .fetch_optional(&self.pool)
            .await?)
    }

    pub async fn account_by_id(&self, id: i64) -> Result<Option<Account>> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $1");
        Ok(sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    pub async fn set_password(&self, account_id: i64, password_hash: &str) -> Result<()> {
        sqlx::query("UPDATE accounts SET password_hash = $2 WHERE id = $1")
            .bind(account_id)
            .bind(password_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn list_accounts(&self) -> Result<Vec<(Account, Option<Method>)>> {
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS}, sf.method FROM accounts a \
             LEFT JOIN second_factors sf ON sf.account_id = a.id AND sf.active = 1 ORDER BY a.username"
        );
        let rows: Vec<AccountWithMethod> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
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
            "SELECT s.id AS session_id, {ACCOUNT_COLUMNS}, f.method AS active_method \
             FROM sessions s JOIN accounts a ON a.id = s.account_id \
             LEFT JOIN second_factors f ON f.account_id = a.id AND f.active = 1 \
             WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2"
        );
        Ok(sqlx::query_as(&sql)
            .bind(token_hash)
            .bind(now)
            .fetch_optional(&self.pool)
            .await?)
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
}
