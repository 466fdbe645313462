//! Node permissions: technical contacts grant and revoke `view`, `transport`, `manage` and
//! `backups` per member and environment. Changing them on a padlocked environment is itself
//! padlocked.

#[allow(unused_imports)] // types named in the OpenAPI attributes
use crate::api::*;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;

use super::{VisibleApp, find_env, visible_app};
use crate::api::{PermissionChange, PermissionEntry, codes};
use crate::server::AppState;
use crate::server::error::{ApiError, ApiResult, JsonBody, QueryParams};
use crate::server::extract::Caller;
use crate::server::gate::{self, Action, Target};
use crate::store::{AppRecord, EnvRecord};
use crate::vocabulary::Permission;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/apps/{app}/permissions", get(list))
        .route("/apps/{app}/permissions/grant", post(grant))
        .route("/apps/{app}/permissions/revoke", post(revoke))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListQuery {
    env: Option<String>,
    user: Option<String>,
}

async fn entries(
    state: &AppState,
    app: &AppRecord,
    env: Option<&str>,
    user: Option<&str>,
) -> ApiResult<Vec<PermissionEntry>> {
    let envs = state.store.envs_of(app.id).await?;
    let rows = state.store.permissions_of_app(app.id).await?;
    let mut entries = Vec::new();
    let mut users: Vec<(String, bool)> = rows.iter().map(|(u, c, _, _)| (u.clone(), *c)).collect();
    users.dedup();
    for (username, is_contact) in users {
        if user.is_some_and(|u| u != username) {
            continue;
        }
        for e in envs
            .iter()
            .filter(|e| env.is_none_or(|name| name == e.name))
        {
            let permissions: Vec<String> = if is_contact {
                Permission::ALL.iter().map(ToString::to_string).collect()
            } else {
                rows.iter()
                    .filter(|(u, _, env_id, _)| *u == username && *env_id == Some(e.id))
                    .filter_map(|(_, _, _, p)| p.map(|p| p.to_string()))
                    .collect()
            };
            if !permissions.is_empty() {
                entries.push(PermissionEntry {
                    user: username.clone(),
                    env: e.name.clone(),
                    technical_contact: is_contact,
                    permissions,
                });
            }
        }
    }
    Ok(entries)
}

#[utoipa::path(
    get,
    path = "/v1/apps/{app}/permissions",
    tag = "permissions",
    params(("app" = String, Path, description = "App name"), ("env" = Option<String>, Query,), ("user" = Option<String>, Query,)),
    responses((status = 200, description = "Node permissions", body = Vec<PermissionEntry>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(app_name): Path<String>,
    QueryParams(query): QueryParams<ListQuery>,
) -> ApiResult<Json<Vec<PermissionEntry>>> {
    let VisibleApp { app, rights, envs } = visible_app(&state, &caller, &app_name).await?;
    rights.require_member(&app)?;
    if let Some(env) = &query.env {
        find_env(&app, &envs, env)?;
    }
    // Members see their own permissions; contacts and support see everyone's.
    let only = if rights.sees_all_members() {
        query.user.clone()
    } else {
        Some(caller.account.username.clone())
    };
    let visible_envs: Vec<String> = envs
        .into_iter()
        .filter(|node| rights.can_view(node.env.id))
        .map(|node| node.env.name)
        .collect();
    let mut entries = entries(&state, &app, query.env.as_deref(), only.as_deref()).await?;
    entries.retain(|entry| visible_envs.contains(&entry.env));
    Ok(Json(entries))
}

#[utoipa::path(
    post,
    path = "/v1/apps/{app}/permissions/grant",
    tag = "permissions",
    request_body = PermissionChange,
    params(("app" = String, Path, description = "App name")),
    responses((status = 200, description = "The member's permissions now", body = Vec<PermissionEntry>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn grant(
    state: State<AppState>,
    caller: Caller,
    app: Path<String>,
    body: JsonBody<PermissionChange>,
) -> ApiResult<Json<Vec<PermissionEntry>>> {
    change(state, caller, app, body, true).await
}

#[utoipa::path(
    post,
    path = "/v1/apps/{app}/permissions/revoke",
    tag = "permissions",
    request_body = PermissionChange,
    params(("app" = String, Path, description = "App name")),
    responses((status = 200, description = "The member's permissions now", body = Vec<PermissionEntry>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn revoke(
    state: State<AppState>,
    caller: Caller,
    app: Path<String>,
    body: JsonBody<PermissionChange>,
) -> ApiResult<Json<Vec<PermissionEntry>>> {
    change(state, caller, app, body, false).await
}

async fn change(
    State(state): State<AppState>,
    caller: Caller,
    Path(app_name): Path<String>,
    JsonBody(change): JsonBody<PermissionChange>,
    add: bool,
) -> ApiResult<Json<Vec<PermissionEntry>>> {
    let VisibleApp { app, rights, envs } = visible_app(&state, &caller, &app_name).await?;
    if change.allow.is_empty() {
        return Err(ApiError::bad_request(format!(
            "name at least one permission: {}",
            Permission::listed()
        )));
    }
    let allow = change
        .allow
        .iter()
        .map(|word| word.parse())
        .collect::<Result<Vec<Permission>, _>>()
        .map_err(|unknown| {
            ApiError::bad_request(format!("{unknown}: use {}", Permission::listed()))
        })?;
    let account = state
        .store
        .account_by_username(&change.user)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no user named {:?}", change.user)))?;
    // Said before the padlock, so a technical contact is not asked for a code only to be
    // refused; and only to those who manage the team, so nobody else learns of it this way.
    let manages = (rights.is_contact || rights.is_support) && caller.session_id().is_some();
    if add && manages {
        let role = state
            .store
            .membership(app.id, account.id)
            .await?
            .map(|m| m.role);
        if role.as_deref() != Some("deploy") {
            return Err(not_deploy_member(&app, &account.username, role.as_deref()));
        }
    }
    let mut targets: Vec<EnvRecord> = match &change.env {
        Some(name) => vec![find_env(&app, &envs, name)?],
        None => envs.into_iter().map(|node| node.env).collect(),
    };
    // Padlocked environments first, so a missing second factor stops the change before any
    // environment is reported as changed.
    targets.sort_by_key(|env| !env.padlocked);
    for env in &targets {
        gate::authorize(
            &state,
            &caller,
            Action::ChangePermissions,
            Target {
                app: Some(&app),
                env: Some(env),
                rights: Some(&rights),
            },
        )
        .await?;
    }
    let env_ids: Vec<i64> = targets.iter().map(|env| env.id).collect();
    if add {
        let granted = state
            .store
            .grant_permissions(app.id, account.id, &env_ids, &allow)
            .await?;
        // The team changed since the check above: nothing was granted.
        if !granted {
            return Err(not_deploy_member(&app, &account.username, None));
        }
    } else {
        state
            .store
            .revoke_permissions(account.id, &env_ids, &allow)
            .await?;
    }
    Ok(Json(
        entries(&state, &app, change.env.as_deref(), Some(&account.username)).await?,
    ))
}

/// Node permissions go to `deploy` members of the team only (SPEC §2).
fn not_deploy_member(app: &AppRecord, user: &str, role: Option<&str>) -> ApiError {
    let standing = match role {
        Some(role) => format!("is a {role} member of the team of {}", app.name),
        None => format!("is not on the team of {}", app.name),
    };
    ApiError::new(
        StatusCode::CONFLICT,
        codes::NOT_DEPLOY_MEMBER,
        format!(
            "{user} {standing}; node permissions go to deploy members only: padlock team add --app {} --user {user} --role deploy",
            app.name
        ),
    )
}
