//! Operations on environments (transport, start, stop, restart, backups) and the backups
//! they make.

use super::{Backend, Flag, Result, Shape, Store, StoreError, conflict_or};
use crate::vocabulary::{OperationKind, OperationState};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OperationRecord {
    pub id: i64,
    pub app_id: i64,
    pub env_id: i64,
    #[sqlx(rename = "app_name")]
    pub app: String,
    #[sqlx(rename = "env_name")]
    pub env: String,
    pub kind: OperationKind,
    pub state: OperationState,
    pub actor: String,
    pub package_id: Option<i64>,
    pub backup_id: Option<i64>,
    pub created_at: i64,
    pub finished_at: Option<i64>,
    pub exit_code: Option<i64>,
    pub log: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BackupRecord {
    pub id: i64,
    pub operation_id: i64,
    pub size: Option<i64>,
    pub sha256: Option<String>,
    pub created_at: i64,
    #[sqlx(try_from = "Flag")]
    pub ready: bool,
}

const OPERATION_SELECT: &str = "SELECT o.id, o.app_id, o.env_id, p.name AS app_name, e.name AS env_name, o.kind, o.state, o.actor, o.via, \
    o.package_id, o.backup_id, o.created_at, o.finished_at, o.exit_code, o.log \
    FROM operations o JOIN apps p ON p.id = o.app_id JOIN environments e ON e.id = o.env_id";

impl Store {
    // ---- operations -----------------------------------------------------------------

    /// Starts an operation as `running`. `Conflict` when the environment already has one
    /// queued or running (a unique partial index, so replicas agree).
    #[allow(clippy::too_many_arguments)]
    pub async fn create_operation(
        &self,
        app_id: i64,
        env_id: i64,
        kind: OperationKind,
        actor: &str,
        via: &str,
        package_id: Option<i64>,
        backup_id: Option<i64>,
        now: i64,
    ) -> Result<OperationRecord> {
        let insert = sqlx::query_scalar(
            "INSERT INTO operations (app_id, env_id, kind, state, actor, via, package_id, backup_id, created_at, heartbeat_at) \
             VALUES ($1, $2, $3, 'running', $4, $5, $6, $7, $8, $8) RETURNING id",
        )
        .bind(app_id)
        .bind(env_id)
        .bind(kind)
        .bind(actor.to_owned())
        .bind(via.to_owned())
        .bind(package_id)
        .bind(backup_id)
        .bind(now);
        let id: i64 = self
            .write(Shape::Statement, move |conn| {
                Box::pin(async move { insert.fetch_one(conn).await.map_err(conflict_or) })
            })
            .await?;
        self.operation(id).await?.ok_or(StoreError::NotFound)
    }

    /// The operation holding an environment (queued or running), if any: what a refused
    /// start names, so the caller can follow it.
    pub async fn busy_with(&self, env_id: i64) -> Result<Option<OperationRecord>> {
        let id: Option<i64> = sqlx::query_scalar(
            "SELECT id FROM operations WHERE env_id = $1 AND state IN ('queued', 'running')",
        )
        .bind(env_id)
        .fetch_optional(&self.db)
        .await?;
        match id {
            Some(id) => self.operation(id).await,
            None => Ok(None),
        }
    }

    pub async fn operation(&self, id: i64) -> Result<Option<OperationRecord>> {
        Ok(
            sqlx::query_as(&format!("{OPERATION_SELECT} WHERE o.id = $1"))
                .bind(id)
                .fetch_optional(&self.db)
                .await?,
        )
    }

    /// An app's most recent operations, newest first, optionally of one environment and in
    /// one state. Their logs are left out.
    pub async fn recent_operations(
        &self,
        app_id: i64,
        env: Option<&str>,
        state: Option<OperationState>,
        limit: i64,
    ) -> Result<Vec<OperationRecord>> {
        let mut ops: Vec<OperationRecord> = sqlx::query_as(&format!(
            "{OPERATION_SELECT} WHERE o.app_id = $1 AND ($2 IS NULL OR e.name = $2) \
             AND ($3 IS NULL OR o.state = $3) ORDER BY o.id DESC LIMIT $4"
        ))
        .bind(app_id)
        .bind(env)
        .bind(state)
        .bind(limit)
        .fetch_all(&self.db)
        .await?;
        for op in &mut ops {
            op.log.clear();
        }
        Ok(ops)
    }

    /// Appends to a running operation's log and marks it alive.
    pub async fn append_operation_log(&self, id: i64, text: &str, now: i64) -> Result<()> {
        self.write_statement(
            sqlx::query("UPDATE operations SET log = log || $2, heartbeat_at = $3 WHERE id = $1")
                .bind(id)
                .bind(text.to_owned())
                .bind(now),
        )
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
        self.write_statement(
            sqlx::query(
                "UPDATE operations SET state = $2, exit_code = $3, finished_at = $4 WHERE id = $1",
            )
            .bind(id)
            .bind(if succeeded {
                OperationState::Succeeded
            } else {
                OperationState::Failed
            })
            .bind(exit_code)
            .bind(now),
        )
        .await?;
        Ok(())
    }

    /// Marks failed the operations whose runner died: on SQLite (one server) every running
    /// one; on PostgreSQL those whose runner has not been heard of for `stale_after` seconds,
    /// so a restarting replica does not fail another replica's work.
    pub async fn fail_interrupted_operations(&self, now: i64) -> Result<u64> {
        let stale_before = match self.backend() {
            Backend::Sqlite => now + 1,
            Backend::Postgres => now - 30,
        };
        self.write_statement(
            sqlx::query(
                "UPDATE operations SET state = 'failed', finished_at = $1, \
                 log = log || $3 \
                 WHERE state IN ('queued', 'running') AND COALESCE(heartbeat_at, created_at) < $2",
            )
            .bind(now)
            .bind(stale_before)
            .bind("padlock: interrupted: the server stopped while this operation ran\n"),
        )
        .await
    }

    /// How long the last successful operation of this kind on this environment took.
    pub async fn typical_duration(&self, env_id: i64, kind: OperationKind) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "SELECT finished_at - created_at FROM operations \
             WHERE env_id = $1 AND kind = $2 AND state = 'succeeded' ORDER BY id DESC LIMIT 1",
        )
        .bind(env_id)
        .bind(kind)
        .fetch_optional(&self.db)
        .await?)
    }

    // ---- backups --------------------------------------------------------------------

    pub async fn create_backup(&self, app_id: i64, env_id: i64, now: i64) -> Result<i64> {
        self.write_returning(
            sqlx::query_scalar(
                "INSERT INTO backups (app_id, env_id, operation_id, created_at) VALUES ($1, $2, 0, $3) RETURNING id",
            )
            .bind(app_id)
            .bind(env_id)
            .bind(now),
        )
        .await
    }

    pub async fn attach_backup(&self, backup_id: i64, operation_id: i64) -> Result<()> {
        self.write_statement(
            sqlx::query("UPDATE backups SET operation_id = $2 WHERE id = $1")
                .bind(backup_id)
                .bind(operation_id),
        )
        .await?;
        Ok(())
    }

    /// Forgets a backup that never got its operation (the environment was busy).
    pub async fn delete_backup(&self, backup_id: i64) -> Result<()> {
        self.write_statement(
            sqlx::query("DELETE FROM backups WHERE id = $1 AND operation_id = 0").bind(backup_id),
        )
        .await?;
        Ok(())
    }

    pub async fn complete_backup(&self, backup_id: i64, size: i64, sha256: &str) -> Result<()> {
        self.write_statement(
            sqlx::query("UPDATE backups SET size = $2, sha256 = $3, ready = 1 WHERE id = $1")
                .bind(backup_id)
                .bind(size)
                .bind(sha256.to_owned()),
        )
        .await?;
        Ok(())
    }

    pub async fn backups_of(&self, env_id: i64) -> Result<Vec<BackupRecord>> {
        Ok(sqlx::query_as(
            "SELECT id, app_id, env_id, operation_id, size, sha256, created_at, ready FROM backups WHERE env_id = $1 ORDER BY id",
        )
        .bind(env_id)
        .fetch_all(&self.db)
        .await?)
    }
}
