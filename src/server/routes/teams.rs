//! An app's team: who is on it and with which role. `develop` members read the app and upload
//! packages; `deploy` members may be granted node permissions. Technical contacts and support
//! manage the team; giving or taking `deploy`, and taking someone off the team, change who may
//! hold node permissions and are padlocked on apps with a padlocked environment.

#[allow(unused_imports)] // types named in the OpenAPI attributes
use crate::api::*;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};

use super::{VisibleApp, visible_app};
use crate::api::{TeamChange, TeamMember};
use crate::server::AppState;
use crate::server::error::{ApiError, ApiResult, JsonBody};
use crate::server::extract::{Caller, Via};
use crate::server::gate::{self, Action, Target};
use crate::store::{Account, AppRecord};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/apps/{app}/team", get(list))
        .route("/apps/{app}/team/add", post(add))
        .route("/apps/{app}/team/remove", post(remove))
}

/// The roles a team member can have.
const ROLES: [&str; 2] = ["develop", "deploy"];

async fn team(state: &AppState, app: &AppRecord) -> ApiResult<Vec<TeamMember>> {
    Ok(state
        .store
        .team_of(app.id)
        .await?
        .into_iter()
        .map(|m| TeamMember {
            user: m.username,
            role: m.role,
            technical_contact: m.is_contact,
        })
        .collect())
}

#[utoipa::path(
    get,
    path = "/v1/apps/{app}/team",
    tag = "teams",
    params(("app" = String, Path, description = "App name")),
    responses((status = 200, description = "The app's team, technical contacts first", body = Vec<TeamMember>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(app_name): Path<String>,
) -> ApiResult<Json<Vec<TeamMember>>> {
    let VisibleApp { app, rights, .. } = visible_app(&state, &caller, &app_name).await?;
    // Who is on a team is people's business, not a deployment script's.
    if let Via::CiGrant(_) = caller.via {
        return Err(rights.refusal(format!("the team of {}", app.name)));
    }
    rights.require_member(&app)?;
    Ok(Json(team(&state, &app).await?))
}

/// The account a change is about, and its current role on the team (`None`: not on it).
/// Technical contacts are refused: they hold every right by the app's creation, not by a team
/// role, and a team change must not take that away.
async fn subject(
    state: &AppState,
    app: &AppRecord,
    user: &str,
) -> ApiResult<(Account, Option<String>)> {
    let account = state
        .store
        .account_by_username(user)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no user named {user:?}")))?;
    let membership = state.store.membership(app.id, account.id).await?;
    if membership.as_ref().is_some_and(|m| m.is_contact) {
        return Err(ApiError::conflict(format!(
            "{user} is a technical contact of {}: contacts hold every right on the app, and the team does not change that",
            app.name
        )));
    }
    Ok((account, membership.map(|m| m.role)))
}

/// Authorizes a change from role `old` to `new` (`None`: off the team), recorded as
/// `team_change:USER:OLD->NEW` so the audit log says who changed whom, from what to what.
async fn authorize_change(
    state: &AppState,
    caller: &Caller,
    app: &AppRecord,
    user: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> ApiResult<()> {
    // Only giving or taking `deploy`, or a removal, changes who may hold node permissions.
    let action = match (old, new) {
        (None, Some("develop")) => Action::AddDeveloper,
        (old, new) if old == new => Action::AddDeveloper,
        _ => Action::ChangeTeam,
    };
    let recorded = format!(
        "team_change:{user}:{}->{}",
        old.unwrap_or("none"),
        new.unwrap_or("none")
    );
    let target = Target {
        app: Some(app),
        env: None,
        rights: None,
    };
    gate::authorize_recorded_as(state, caller, action, target, &recorded).await
}

fn changed_meanwhile(user: &str, app: &AppRecord) -> ApiError {
    ApiError::conflict(format!(
        "{user}'s place on the team of {} changed meanwhile; nothing was done: padlock team list --app {} shows it now",
        app.name, app.name
    ))
}

#[utoipa::path(
    post,
    path = "/v1/apps/{app}/team/add",
    tag = "teams",
    request_body = TeamChange,
    params(("app" = String, Path, description = "App name")),
    responses((status = 200, description = "The team now", body = Vec<TeamMember>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn add(
    State(state): State<AppState>,
    caller: Caller,
    Path(app_name): Path<String>,
    JsonBody(change): JsonBody<TeamChange>,
) -> ApiResult<Json<Vec<TeamMember>>> {
    let VisibleApp { app, .. } = visible_app(&state, &caller, &app_name).await?;
    let role = match change.role.as_deref() {
        Some(role) if ROLES.contains(&role) => role,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "unknown team role {other:?}: use develop or deploy"
            )));
        }
        None => return Err(ApiError::bad_request("name the role: develop or deploy")),
    };
    let (account, old) = subject(&state, &app, &change.user).await?;
    authorize_change(
        &state,
        &caller,
        &app,
        &account.username,
        old.as_deref(),
        Some(role),
    )
    .await?;
    // Each write is conditional on the role just authorized, so a concurrent change cannot
    // turn an unpadlocked addition into a padlocked one.
    let done = match old.as_deref() {
        None => match state.store.add_team_member(app.id, account.id, role).await {
            Err(crate::store::StoreError::Conflict) => false,
            other => {
                other?;
                true
            }
        },
        Some(old) if old == role => true,
        Some(old) => {
            state
                .store
                .change_team_member(app.id, account.id, old, Some(role), state.now())
                .await?
        }
    };
    if !done {
        return Err(changed_meanwhile(&account.username, &app));
    }
    Ok(Json(team(&state, &app).await?))
}

#[utoipa::path(
    post,
    path = "/v1/apps/{app}/team/remove",
    tag = "teams",
    request_body = TeamChange,
    params(("app" = String, Path, description = "App name")),
    responses((status = 200, description = "The team now", body = Vec<TeamMember>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn remove(
    State(state): State<AppState>,
    caller: Caller,
    Path(app_name): Path<String>,
    JsonBody(change): JsonBody<TeamChange>,
) -> ApiResult<Json<Vec<TeamMember>>> {
    let VisibleApp { app, .. } = visible_app(&state, &caller, &app_name).await?;
    if change.role.is_some() {
        return Err(ApiError::bad_request(
            "removing takes no role; to change one, use padlock team add with the new role",
        ));
    }
    let (account, old) = subject(&state, &app, &change.user).await?;
    let Some(old) = old else {
        return Err(ApiError::not_found(format!(
            "{} is not on the team of {}",
            account.username, app.name
        )));
    };
    authorize_change(&state, &caller, &app, &account.username, Some(&old), None).await?;
    let removed = state
        .store
        .change_team_member(app.id, account.id, &old, None, state.now())
        .await?;
    if !removed {
        return Err(changed_meanwhile(&account.username, &app));
    }
    Ok(Json(team(&state, &app).await?))
}
