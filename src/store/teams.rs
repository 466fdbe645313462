//! App teams: who is on an app's team and with which role.
//!
//! **Invariant:** node permissions belong to `deploy` members only. Every change that takes
//! `deploy` away (a new role, a removal) deletes the member's node permissions on the app and
//! revokes the CI grants they issued for it in the same transaction, and changes the member
//! row first: `Store::grant_permissions` locks that row too, so a grant racing a removal is
//! either removed with it or refused.

use super::{Flag, Result, Shape, Store, conflict_or};

/// One member of an app's team.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TeamMemberRecord {
    pub username: String,
    pub role: String,
    #[sqlx(try_from = "Flag")]
    pub is_contact: bool,
}

impl Store {
    /// The app's team, technical contacts first, then by name.
    pub async fn team_of(&self, app_id: i64) -> Result<Vec<TeamMemberRecord>> {
        Ok(sqlx::query_as(
            "SELECT a.username, m.role, m.is_contact FROM members m \
             JOIN accounts a ON a.id = m.account_id \
             WHERE m.app_id = $1 ORDER BY m.is_contact DESC, a.username",
        )
        .bind(app_id)
        .fetch_all(&self.db)
        .await?)
    }

    /// Puts an account on the team; `Conflict` when it already is.
    pub async fn add_team_member(&self, app_id: i64, account_id: i64, role: &str) -> Result<()> {
        let insert = sqlx::query(
            "INSERT INTO members (app_id, account_id, is_contact, role) VALUES ($1, $2, 0, $3)",
        )
        .bind(app_id)
        .bind(account_id)
        .bind(role.to_owned());
        self.write(Shape::Statement, move |conn| {
            Box::pin(async move {
                insert.execute(conn).await.map_err(conflict_or)?;
                Ok(())
            })
        })
        .await
    }

    /// Changes a member's role from `old` to `new`, or takes them off the team when `new` is
    /// `None`. `false`, and nothing changed, when the member no longer has the role `old`
    /// (someone else changed it meanwhile) or is a technical contact. Leaving `deploy` takes
    /// the member's node permissions on the app and their CI grants for it with it.
    pub async fn change_team_member(
        &self,
        app_id: i64,
        account_id: i64,
        old: &str,
        new: Option<&str>,
        now: i64,
    ) -> Result<bool> {
        let (old, new) = (old.to_owned(), new.map(str::to_owned));
        self.write(Shape::Statements, move |conn| {
            Box::pin(async move {
                let changed = match &new {
                    Some(role) => {
                        sqlx::query(
                            "UPDATE members SET role = $4 \
                             WHERE app_id = $1 AND account_id = $2 AND role = $3 AND is_contact = 0",
                        )
                        .bind(app_id)
                        .bind(account_id)
                        .bind(old)
                        .bind(role)
                        .execute(&mut *conn)
                        .await?
                    }
                    None => {
                        sqlx::query(
                            "DELETE FROM members \
                             WHERE app_id = $1 AND account_id = $2 AND role = $3 AND is_contact = 0",
                        )
                        .bind(app_id)
                        .bind(account_id)
                        .bind(old)
                        .execute(&mut *conn)
                        .await?
                    }
                };
                if changed.rows_affected() == 0 {
                    return Ok(false);
                }
                if new.as_deref() != Some("deploy") {
                    sqlx::query(
                        "DELETE FROM node_permissions WHERE account_id = $1 \
                         AND env_id IN (SELECT id FROM environments WHERE app_id = $2)",
                    )
                    .bind(account_id)
                    .bind(app_id)
                    .execute(&mut *conn)
                    .await?;
                    // A CI grant follows its issuer's current permissions anyway; revoking it as well
                    // keeps it from coming back to life if the member is given `deploy` again later.
                    sqlx::query(
                        "UPDATE grants SET revoked_at = $3 \
                         WHERE kind = 'ci' AND account_id = $1 AND app_id = $2 AND revoked_at IS NULL",
                    )
                    .bind(account_id)
                    .bind(app_id)
                    .bind(now)
                    .execute(&mut *conn)
                    .await?;
                }
                Ok(true)
            })
        })
        .await
    }
}
