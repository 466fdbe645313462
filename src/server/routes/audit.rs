//! Reading the audit log: support reads everything, a technical contact their apps, everyone
//! their own actions.

#[allow(unused_imports)] // types named in the OpenAPI attributes
use crate::api::*;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

use super::{VisibleApp, visible_app};
use crate::api;
use crate::server::AppState;
use crate::server::error::{ApiError, ApiResult, QueryParams};
use crate::server::extract::Caller;

pub fn routes() -> Router<AppState> {
    Router::new().route("/audit", get(list))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditQuery {
    app: Option<String>,
    /// Only the events of this operation.
    operation: Option<i64>,
    /// RFC 3339 time or unix seconds; default: 24 hours ago.
    since: Option<String>,
    limit: Option<i64>,
}

#[utoipa::path(
    get,
    path = "/v1/audit",
    tag = "audit",
    params(("app" = Option<String>, Query,), ("operation" = Option<i64>, Query, description = "Only the events of this operation"), ("since" = Option<String>, Query, description = "RFC 3339 or unix seconds; default 24 h ago"), ("limit" = Option<i64>, Query,)),
    responses((status = 200, description = "Audit events, oldest first", body = Vec<AuditEvent>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    QueryParams(query): QueryParams<AuditQuery>,
) -> ApiResult<Json<Vec<api::AuditEvent>>> {
    caller.require_person("read the audit log")?;
    let since = match &query.since {
        None => state.now() - 24 * 3600,
        Some(text) => text
            .parse::<i64>()
            .ok()
            .or_else(|| crate::time::parse_rfc3339(text))
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "since={text:?} is neither an RFC 3339 time nor unix seconds"
                ))
            })?,
    };
    let limit = query.limit.unwrap_or(1000).clamp(1, 100_000);
    let viewer = if caller.account.is_support {
        None
    } else {
        Some((caller.account.id, caller.account.username.as_str()))
    };
    if let Some(name) = &query.app {
        let VisibleApp { app, rights, .. } = visible_app(&state, &caller, name).await?;
        rights.require_member(&app)?;
    }
    let events = state
        .store
        .audit_events(viewer, query.app.as_deref(), query.operation, since, limit)
        .await?;
    Ok(Json(
        events
            .into_iter()
            .map(|e| api::AuditEvent {
                id: e.id,
                at: crate::time::rfc3339(e.at),
                actor: e.actor,
                action: e.action,
                app: e.app,
                env: e.env,
                outcome: e.outcome,
                reason: e.reason,
                via: e.via,
                client: e.client,
                label: e.label,
                operation_id: e.operation_id,
            })
            .collect(),
    ))
}
