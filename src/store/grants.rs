//! Grants: interactive ones (bound to a session, issued by a second factor) and CI grants
//! (scoped to one app's environments and operations, issued by a person).

use super::{CommaList, Result, Store};
use crate::vocabulary::{GrantKind, Permission};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GrantRecord {
    pub id: i64,
    pub kind: GrantKind,
    pub account_id: i64,
    pub label: Option<String>,
    pub app_id: Option<i64>,
    #[sqlx(try_from = "CommaList")]
    pub envs: Vec<String>,
    /// The operations a CI grant allows.
    #[sqlx(try_from = "CommaList")]
    pub operations: Vec<Permission>,
    pub issued_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

/// A CI grant as listed: with its issuer's name and its app's.
#[derive(sqlx::FromRow)]
struct ListedCiGrant {
    #[sqlx(flatten)]
    grant: GrantRecord,
    #[sqlx(rename = "username")]
    issuer: String,
    app_name: Option<String>,
}

const GRANT_COLUMNS: &str = "id, kind, account_id, label, app_id, envs, operations, issued_at, expires_at, revoked_at, last_used_at";

impl Store {
    // ---- grants ---------------------------------------------------------------------

    #[allow(clippy::too_many_arguments)]
    pub async fn create_grant(
        &self,
        kind: GrantKind,
        account_id: i64,
        session_id: Option<i64>,
        token_hash: &str,
        label: Option<&str>,
        scope: Option<(i64, &[String], &[Permission])>,
        now: i64,
        expires_at: i64,
    ) -> Result<i64> {
        let (app_id, envs, operations) = match scope {
            Some((app_id, envs, operations)) => (
                Some(app_id),
                Some(envs.join(",")),
                Some(
                    operations
                        .iter()
                        .map(|op| op.as_str())
                        .collect::<Vec<_>>()
                        .join(","),
                ),
            ),
            None => (None, None, None),
        };
        let insert = sqlx::query_scalar(
            "INSERT INTO grants (kind, account_id, session_id, token_hash, label, app_id, envs, operations, issued_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(kind)
        .bind(account_id)
        .bind(session_id)
        .bind(token_hash.to_owned())
        .bind(label.map(str::to_owned))
        .bind(app_id)
        .bind(envs)
        .bind(operations)
        .bind(now)
        .bind(expires_at);
        self.write_returning(insert).await
    }

    /// The grant with this token hash, whatever its state: callers tell expired from revoked.
    pub async fn grant_by_token(&self, token_hash: &str) -> Result<Option<GrantRecord>> {
        let sql = format!("SELECT {GRANT_COLUMNS} FROM grants WHERE token_hash = $1");
        Ok(sqlx::query_as(&sql)
            .bind(token_hash)
            .fetch_optional(&self.db)
            .await?)
    }

    pub async fn grant_by_id(&self, id: i64) -> Result<Option<GrantRecord>> {
        let sql = format!("SELECT {GRANT_COLUMNS} FROM grants WHERE id = $1");
        Ok(sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.db)
            .await?)
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
        let rows: Vec<ListedCiGrant> = sqlx::query_as(&sql)
            .bind(account_id)
            .fetch_all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| (r.grant, r.issuer, r.app_name))
            .collect())
    }

    /// Grants neither expired nor revoked at `now`, by kind.
    pub async fn count_active_grants(&self, now: i64) -> Result<Vec<(GrantKind, i64)>> {
        Ok(sqlx::query_as(
            "SELECT kind, COUNT(*) AS n FROM grants WHERE revoked_at IS NULL AND expires_at > $1 \
             GROUP BY kind",
        )
        .bind(now)
        .fetch_all(&self.db)
        .await?)
    }

    pub async fn revoke_grant(&self, id: i64, now: i64) -> Result<bool> {
        let revoked = self
            .write_statement(
                sqlx::query(
                    "UPDATE grants SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
                )
                .bind(id)
                .bind(now),
            )
            .await?;
        Ok(revoked == 1)
    }

    pub async fn touch_grant(&self, id: i64, now: i64) -> Result<()> {
        self.write_statement(
            sqlx::query("UPDATE grants SET last_used_at = $2 WHERE id = $1")
                .bind(id)
                .bind(now),
        )
        .await?;
        Ok(())
    }
}
