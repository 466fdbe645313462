//! The audit log: append-only, one event per padlocked attempt.

use std::fmt::Write;

use super::{Connections, Result, Shape, Store, WriteConnection};

#[derive(Debug, Clone, Default, sqlx::FromRow)]
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
    /// The operation this event started, for the attempt that started one.
    pub operation_id: Option<i64>,
}

impl Store {
    // ---- audit ----------------------------------------------------------------------

    /// Appends one event; awaited before the answer it explains is sent. On SQLite it joins
    /// the writer's next batch, which inserts all of the batch's events in one statement.
    pub async fn record_audit(&self, event: &AuditRecord) -> Result<()> {
        let event = event.clone();
        match &self.db {
            Connections::Sqlite { .. } => {
                self.write_audited(Shape::Statement, move |_| {
                    Box::pin(async move { Ok(((), vec![event])) })
                })
                .await
            }
            Connections::Postgres(pool) => {
                insert_audit_events(
                    &mut WriteConnection::Postgres(&mut *pool.acquire().await?),
                    &[event],
                )
                .await
            }
        }
    }

    /// Events since `since`, oldest first, at most `limit` (the newest ones), of one app and
    /// one operation when given. `viewer`, when set, limits them to what that account may
    /// read: its own actions and those on apps it is a technical contact of.
    pub async fn audit_events(
        &self,
        viewer: Option<(i64, &str)>,
        app: Option<&str>,
        operation: Option<i64>,
        since: i64,
        limit: i64,
    ) -> Result<Vec<AuditRecord>> {
        let (viewer_id, viewer_name) =
            viewer.map_or((None, None), |(id, name)| (Some(id), Some(name)));
        let mut events: Vec<AuditRecord> = sqlx::query_as(
            "SELECT id, at, actor, action, app, env, outcome, reason, via, client, label, operation_id \
             FROM audit_events \
             WHERE at >= $1 AND ($2 IS NULL OR app = $2) AND ($6 IS NULL OR operation_id = $6) \
               AND ($3 IS NULL OR actor = $4 OR app IN (SELECT p.name FROM apps p JOIN members m ON m.app_id = p.id \
                                                  WHERE m.account_id = $3 AND m.is_contact = 1)) \
             ORDER BY id DESC LIMIT $5",
        )
        .bind(since)
        .bind(app)
        .bind(viewer_id)
        .bind(viewer_name)
        .bind(limit)
        .bind(operation)
        .fetch_all(&self.db)
        .await?;
        events.reverse();
        Ok(events)
    }
}

/// Appends audit events, oldest first, inside a unit of writes or a writer's batch.
pub(crate) async fn insert_audit_events(
    conn: &mut WriteConnection<'_>,
    events: &[AuditRecord],
) -> Result<()> {
    const COLUMNS: usize = 11;
    // COLUMNS parameters a row: well under SQLite's (32766) and PostgreSQL's (65535) limits.
    const ROWS_PER_STATEMENT: usize = 256;
    for chunk in events.chunks(ROWS_PER_STATEMENT) {
        let mut sql = String::from(
            "INSERT INTO audit_events (at, actor, action, app, env, outcome, reason, via, client, label, operation_id) VALUES ",
        );
        for row in 0..chunk.len() {
            sql.push_str(if row == 0 { "(" } else { ", (" });
            for column in 0..COLUMNS {
                let separator = if column == 0 { "" } else { ", " };
                write!(sql, "{separator}${}", row * COLUMNS + column + 1)
                    .expect("a String takes it");
            }
            sql.push(')');
        }
        let mut insert = sqlx::query(&sql);
        for event in chunk {
            insert = insert
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
                .bind(event.operation_id);
        }
        insert.execute(&mut *conn).await?;
    }
    Ok(())
}
