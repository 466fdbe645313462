//! Apps and their environments, as the caller may see them; node details (padlocked).

#[allow(unused_imports)] // types named in the OpenAPI attributes
use crate::api::*;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};

use super::{VisibleApp, visible_app};
use crate::api;
use crate::server::AppState;
use crate::server::error::ApiResult;
use crate::server::extract::Caller;
use crate::server::gate::{self, Action, Rights, Target};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/apps", get(list_apps))
        .route("/apps/{app}/envs", get(list_envs))
        .route("/apps/{app}/node", get(node))
}

#[utoipa::path(
    get,
    path = "/v1/apps",
    tag = "apps",
    responses((status = 200, description = "Apps of the caller", body = Vec<App>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn list_apps(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<api::App>>> {
    let mut apps = Vec::new();
    for app in state
        .store
        .list_apps(caller.account.id, caller.account.is_support)
        .await?
    {
        let rights = Rights::of(&state, &caller, &app).await?;
        // A CI grant lists its own app only.
        if !(rights.is_member() || rights.is_support) {
            continue;
        }
        apps.push(api::App {
            id: app.id,
            role: if rights.is_contact {
                "technical_contact"
            } else if rights.is_member() {
                "member"
            } else {
                "support"
            }
            .into(),
            technical_contacts: state.store.contacts_of(app.id).await?,
            environments: state
                .store
                .envs_of(app.id)
                .await?
                .into_iter()
                .filter(|env| rights.sees_env(env.id))
                .map(|env| env.name)
                .collect(),
            name: app.name,
        });
    }
    Ok(Json(apps))
}

#[utoipa::path(
    get,
    path = "/v1/apps/{app}/envs",
    tag = "apps",
    params(("app" = String, Path, description = "App name")),
    responses((status = 200, description = "Environments the caller may see", body = Vec<Environment>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn list_envs(
    State(state): State<AppState>,
    caller: Caller,
    Path(app_name): Path<String>,
) -> ApiResult<Json<Vec<api::Environment>>> {
    let VisibleApp { app, rights, envs } = visible_app(&state, &caller, &app_name).await?;
    rights.require_member(&app)?;
    Ok(Json(
        envs.into_iter()
            .map(|node| node.env)
            .filter(|env| rights.sees_env(env.id))
            .map(|env| api::Environment {
                id: env.id,
                app: app.name.clone(),
                permissions: rights
                    .on_env(env.id)
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
                name: env.name,
                padlocked: env.padlocked,
                state: env.state.to_string(),
                package_id: env.package_id,
            })
            .collect(),
    ))
}

/// Node details: what runs where, with the deployed package's identity. Padlocked for
/// everyone, technical contacts included.
#[utoipa::path(
    get,
    path = "/v1/apps/{app}/node",
    tag = "apps",
    params(("app" = String, Path, description = "App name")),
    responses((status = 200, description = "Node details (padlocked)", body = serde_json::Value), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn node(
    State(state): State<AppState>,
    caller: Caller,
    Path(app_name): Path<String>,
) -> ApiResult<Json<serde_json::Value>> {
    let VisibleApp { app, rights, envs } = visible_app(&state, &caller, &app_name).await?;
    gate::authorize(
        &state,
        &caller,
        Action::NodeShow,
        Target {
            app: Some(&app),
            env: None,
            rights: Some(&rights),
        },
    )
    .await?;
    let nodes: Vec<_> = envs
        .into_iter()
        // A member sees the environments they hold a permission on.
        .filter(|node| rights.can_view(node.env.id))
        .map(|node| {
            let package = match (node.env.package_id, node.filename, node.sha256) {
                (Some(id), Some(filename), Some(sha256)) => {
                    serde_json::json!({"id": id, "filename": filename, "sha256": sha256})
                }
                _ => serde_json::Value::Null,
            };
            serde_json::json!({
                "env": node.env.name,
                "state": node.env.state.as_str(),
                "padlocked": node.env.padlocked,
                "package": package,
            })
        })
        .collect();
    Ok(Json(serde_json::json!({ "app": app.name, "nodes": nodes })))
}
