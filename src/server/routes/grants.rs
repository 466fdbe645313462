//! CI grants: issued by a person who passed the second factor, scoped to one app, some
//! environments and some operations, expiring, revocable; and the pre-flight `can-i`.

#[allow(unused_imports)] // types named in the OpenAPI attributes
use crate::api::*;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get};
use axum::{Json, Router};
use serde::Deserialize;

use super::{VisibleApp, find_env, visible_app};
use crate::api::{self, CanI, CiGrantIssued, IssueGrantRequest};
use crate::auth::tokens::{self, TokenKind};
use crate::server::AppState;
use crate::server::error::{ApiError, ApiResult, JsonBody, QueryParams};
use crate::server::extract::Caller;
use crate::server::gate::{self, Action, Target};
use crate::store::GrantRecord;
use crate::vocabulary::{GrantKind, Permission};

/// The operations a CI grant can carry: the node permissions that guard them.
const GRANTABLE: [Permission; 3] = [
    Permission::Transport,
    Permission::Manage,
    Permission::Backups,
];
const DEFAULT_TTL_SECONDS: i64 = 8 * 3600;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/grants", get(list).post(issue))
        .route("/grants/{id}", delete(revoke))
        .route("/can-i", get(can_i))
}

fn view(grant: &GrantRecord, issuer: &str, app: Option<&str>, now: i64) -> api::CiGrant {
    api::CiGrant {
        id: grant.id,
        label: grant.label.clone(),
        issuer: issuer.to_owned(),
        app: app.map(str::to_owned),
        envs: grant.envs.clone(),
        allow: grant.operations.iter().map(ToString::to_string).collect(),
        issued_at: crate::time::rfc3339(grant.issued_at),
        expires_at: crate::time::rfc3339(grant.expires_at),
        revoked_at: grant.revoked_at.map(crate::time::rfc3339),
        last_used_at: grant.last_used_at.map(crate::time::rfc3339),
        state: if grant.revoked_at.is_some() {
            "revoked"
        } else if grant.expires_at <= now {
            "expired"
        } else {
            "active"
        }
        .into(),
    }
}

#[utoipa::path(
    post,
    path = "/v1/grants",
    tag = "grants",
    request_body = IssueGrantRequest,
    responses((status = 201, description = "The CI grant and its token, shown once", body = CiGrantIssued), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn issue(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(request): JsonBody<IssueGrantRequest>,
) -> ApiResult<(StatusCode, Json<CiGrantIssued>)> {
    let VisibleApp { app, rights, envs } = visible_app(&state, &caller, &request.app).await?;
    if request.envs.is_empty() || request.allow.is_empty() {
        return Err(ApiError::bad_request(
            "a CI grant needs at least one environment (--env) and one operation (--allow)",
        ));
    }
    let mut allow = Vec::with_capacity(request.allow.len());
    for word in &request.allow {
        match word.parse() {
            Ok(op) if GRANTABLE.contains(&op) => allow.push(op),
            _ => {
                let grantable: Vec<&str> = GRANTABLE.iter().map(|op| op.as_str()).collect();
                return Err(ApiError::bad_request(format!(
                    "unknown operation {word:?}: use {}",
                    grantable.join(", ")
                )));
            }
        }
    }
    let mut granted: Vec<crate::store::EnvRecord> = Vec::new();
    for name in &request.envs {
        let env = find_env(&app, &envs, name)?;
        if !granted.iter().any(|e| e.id == env.id) {
            granted.push(env);
        }
    }
    let max = state.config.ci_grant_max_ttl.seconds();
    let ttl = match &request.ttl {
        None => DEFAULT_TTL_SECONDS.min(max),
        Some(text) => crate::config::parse_span(text)
            .map_err(ApiError::bad_request)?
            .seconds(),
    };
    if ttl <= 0 || ttl > max {
        return Err(ApiError::bad_request(format!(
            "the TTL must be positive and at most {} (the server's ci_grant_max_ttl)",
            crate::time::human_left(max)
        )));
    }
    if let Some(label) = &request.label
        && (label.len() > 100 || label.chars().any(char::is_control))
    {
        return Err(ApiError::bad_request(
            "a label is at most 100 printable characters",
        ));
    }
    // Padlocked, and the issuer must hold every permission they hand out.
    gate::authorize(
        &state,
        &caller,
        Action::IssueGrant,
        Target {
            app: Some(&app),
            env: None,
            rights: Some(&rights),
        },
    )
    .await?;
    for env in &granted {
        if let Some(op) = allow.iter().find(|op| !rights.has(env.id, **op)) {
            return Err(ApiError::forbidden(format!(
                "you do not hold {op} on {}/{}, so you cannot grant it",
                app.name, env.name
            )));
        }
    }
    let now = state.now();
    let token = tokens::generate(TokenKind::CiGrant);
    let env_names: Vec<String> = granted.iter().map(|e| e.name.clone()).collect();
    let id = state
        .store
        .create_grant(
            GrantKind::Ci,
            caller.account.id,
            None,
            &tokens::digest(&token),
            request.label.as_deref(),
            Some((app.id, &env_names, &allow)),
            now,
            now + ttl,
        )
        .await?;
    let grant = state
        .store
        .grant_by_id(id)
        .await?
        .ok_or_else(|| ApiError::internal("a new grant vanished"))?;
    gate::audit(
        &state,
        &caller,
        &format!("ci_grant_issue:{id}"),
        &Target {
            app: Some(&app),
            env: None,
            rights: None,
        },
        None,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(CiGrantIssued {
            grant: view(&grant, &caller.account.username, Some(&app.name), now),
            token,
        }),
    ))
}

#[utoipa::path(
    get,
    path = "/v1/grants",
    tag = "grants",
    responses((status = 200, description = "CI grants, never their tokens", body = Vec<CiGrant>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn list(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<api::CiGrant>>> {
    caller.require_person("list CI grants")?;
    let issuer = (!caller.account.is_support).then_some(caller.account.id);
    let now = state.now();
    let grants = state.store.list_ci_grants(issuer).await?;
    Ok(Json(
        grants
            .iter()
            .map(|(g, issuer, app)| view(g, issuer, app.as_deref(), now))
            .collect(),
    ))
}

#[utoipa::path(
    delete,
    path = "/v1/grants/{id}",
    tag = "grants",
    params(("id" = i64, Path,)),
    responses((status = 200, description = "The revoked CI grant", body = CiGrant), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn revoke(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<api::CiGrant>> {
    caller.require_person("revoke CI grants")?;
    let not_found = || {
        ApiError::not_found(format!(
            "no CI grant {id} of yours; padlock grant list shows them"
        ))
    };
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let grant = state
        .store
        .grant_by_id(id)
        .await?
        .filter(|g| g.kind == GrantKind::Ci)
        .ok_or_else(not_found)?;
    if grant.account_id != caller.account.id && !caller.account.is_support {
        return Err(not_found());
    }
    let now = state.now();
    state.store.revoke_grant(id, now).await?;
    // The listing row carries the issuer's name and the app's with the grant.
    let (grant, issuer, app) = state
        .store
        .list_ci_grants(Some(grant.account_id))
        .await?
        .into_iter()
        .find(|(g, _, _)| g.id == id)
        .ok_or_else(not_found)?;
    gate::audit(
        &state,
        &caller,
        &format!("ci_grant_revoke:{id}"),
        &Target {
            app: None,
            env: None,
            rights: None,
        },
        None,
    )
    .await?;
    Ok(Json(view(&grant, &issuer, app.as_deref(), now)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CanIQuery {
    operation: String,
    app: String,
    env: String,
}

/// Would this operation be allowed right now? Decided exactly as the real attempt would be,
/// but nothing is recorded and nothing runs.
#[utoipa::path(
    get,
    path = "/v1/can-i",
    tag = "grants",
    params(("operation" = String, Query,), ("app" = String, Query,), ("env" = String, Query,)),
    responses((status = 200, description = "Whether the operation would be allowed now", body = CanI), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn can_i(
    State(state): State<AppState>,
    caller: Caller,
    QueryParams(query): QueryParams<CanIQuery>,
) -> ApiResult<Json<CanI>> {
    let action = match query.operation.as_str() {
        "transport" => Action::Transport,
        "start" => Action::Start,
        "stop" => Action::Stop,
        "restart" => Action::Restart,
        "backup_create" | "backup" => Action::BackupCreate,
        "backup_download" => Action::BackupDownload,
        "backup_restore" | "restore" => Action::BackupRestore,
        other => {
            return Err(ApiError::bad_request(format!(
                "unknown operation {other:?}: use transport, start, stop, restart, backup_create, backup_download or backup_restore"
            )));
        }
    };
    let VisibleApp { app, rights, envs } = visible_app(&state, &caller, &query.app).await?;
    let env = find_env(&app, &envs, &query.env)?;
    let decision = gate::check(
        &state,
        &caller,
        action,
        &Target {
            app: Some(&app),
            env: Some(&env),
            rights: Some(&rights),
        },
    )
    .await;
    let expires_at = caller.grant_in_force().map(|grant| grant.expires_at);
    let (reason, message) = match decision {
        Ok(()) => (None, None),
        Err(err) => (Some(err.code.to_owned()), Some(err.message)),
    };
    Ok(Json(CanI {
        allowed: reason.is_none(),
        operation: action.name().to_owned(),
        app: app.name,
        env: env.name,
        reason,
        message,
        grant_expires_at: expires_at.map(crate::time::rfc3339),
        grant_seconds_left: expires_at.map(|at| (at - state.now()).max(0)),
    }))
}
