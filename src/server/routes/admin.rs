//! Support's routes: accounts, apps, and resetting someone's second factor.

#[allow(unused_imports)] // types named in the OpenAPI attributes
use crate::api::*;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};

use super::sessions::valid_username;
use super::user_view;
use crate::api::{self, CreateAppRequest, CreateUserRequest, CreatedUser};
use crate::auth::password;
use crate::server::AppState;
use crate::server::error::{ApiError, ApiResult, JsonBody};
use crate::server::extract::Caller;
use crate::server::gate::{self, Action, Target};
use crate::store::AppRecord;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(list_users).post(create_user))
        .route("/admin/users/{user}/reset-2fa", post(reset_second_factor))
        .route("/admin/apps", post(create_app))
}

const NO_TARGET: Target<'static> = Target {
    app: None,
    env: None,
    rights: None,
};

fn require_support(caller: &Caller) -> ApiResult<()> {
    caller.require_person("administer padlock")?;
    if caller.account.is_support {
        Ok(())
    } else {
        Err(ApiError::forbidden("only support may do this"))
    }
}

fn valid_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

#[utoipa::path(
    get,
    path = "/v1/admin/users",
    tag = "admin",
    responses((status = 200, description = "All accounts", body = Vec<User>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn list_users(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<api::User>>> {
    require_support(&caller)?;
    let users = state.store.list_accounts().await?;
    Ok(Json(
        users
            .into_iter()
            .map(|(account, method)| api::User {
                id: account.id,
                username: account.username,
                support: account.is_support,
                second_factor: method.map(|m| m.to_string()),
                created_at: crate::time::rfc3339(account.created_at),
            })
            .collect(),
    ))
}

#[utoipa::path(
    post,
    path = "/v1/admin/users",
    tag = "admin",
    request_body = CreateUserRequest,
    responses((status = 201, description = "The account, with a generated password if none was given", body = CreatedUser), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn create_user(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(request): JsonBody<CreateUserRequest>,
) -> ApiResult<(StatusCode, Json<CreatedUser>)> {
    // A CI grant is refused by the padlock below, and the attempt recorded.
    if !valid_username(&request.username) {
        return Err(ApiError::bad_request(
            "a username is 1 to 64 of: letters, digits, . _ - @",
        ));
    }
    if let Some(password) = &request.password
        && password.chars().count() < 12
    {
        return Err(ApiError::bad_request(
            "a password needs at least 12 characters",
        ));
    }
    // A support account is a change of who may do what: padlocked.
    let action = if request.support {
        Action::CreateSupportAccount
    } else {
        Action::CreateUser
    };
    gate::authorize_recorded_as(
        &state,
        &caller,
        action,
        NO_TARGET,
        &format!("{}:{}", action.name(), request.username),
    )
    .await?;
    let generated = request.password.is_none().then(password::generate);
    let password = request
        .password
        .clone()
        .or_else(|| generated.clone())
        .unwrap_or_default();
    let hash = state.password_work.reserve()?.hash(password).await?;
    let account = state
        .store
        .create_account(&request.username, &hash, request.support, state.now())
        .await
        .map_err(|err| match err {
            crate::store::StoreError::Conflict => ApiError::conflict(format!(
                "a user named {:?} already exists",
                request.username
            )),
            other => other.into(),
        })?;
    let user = user_view(&state, &account).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedUser {
            user,
            password: generated,
        }),
    ))
}

#[utoipa::path(
    post,
    path = "/v1/admin/apps",
    tag = "admin",
    request_body = CreateAppRequest,
    responses((status = 201, description = "The app", body = App), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn create_app(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(request): JsonBody<CreateAppRequest>,
) -> ApiResult<(StatusCode, Json<api::App>)> {
    // A CI grant is refused by the padlock below, and the attempt recorded.
    if !valid_name(&request.name) {
        return Err(ApiError::bad_request(
            "an app name is 1 to 64 of: letters, digits, . _ -",
        ));
    }
    if request.contacts.is_empty() {
        return Err(ApiError::bad_request(
            "an app needs at least one technical contact (--contact USER)",
        ));
    }
    let mut envs: Vec<(String, bool)> = Vec::new();
    for spec in &request.environments {
        if !valid_name(&spec.name) {
            return Err(ApiError::bad_request(format!(
                "{:?} is not a valid environment name",
                spec.name
            )));
        }
        if envs.iter().any(|(name, _)| *name == spec.name) {
            return Err(ApiError::bad_request(format!(
                "environment {:?} is named twice",
                spec.name
            )));
        }
        envs.push((spec.name.clone(), spec.padlocked));
    }
    if envs.is_empty() {
        // Production is padlocked by default.
        envs = vec![
            ("test".into(), false),
            ("acceptance".into(), false),
            ("production".into(), true),
        ];
    }
    // Its technical contacts will hold every right on the app: padlocked. The record names
    // the app that is about to exist.
    let proposed = AppRecord {
        id: 0,
        name: request.name.clone(),
    };
    gate::authorize(
        &state,
        &caller,
        Action::CreateApp,
        Target {
            app: Some(&proposed),
            env: None,
            rights: None,
        },
    )
    .await?;
    let mut contact_ids = Vec::new();
    for name in &request.contacts {
        let account = state
            .store
            .account_by_username(name)
            .await?
            .ok_or_else(|| ApiError::not_found(format!("no user named {name:?}")))?;
        contact_ids.push(account.id);
    }
    let app_id = state
        .store
        .create_app(&request.name, &contact_ids, &envs, state.now())
        .await
        .map_err(|err| match err {
            crate::store::StoreError::Conflict => {
                ApiError::conflict(format!("an app named {:?} already exists", request.name))
            }
            other => other.into(),
        })?;
    let mut contacts = request.contacts.clone();
    contacts.sort();
    Ok((
        StatusCode::CREATED,
        Json(api::App {
            id: app_id,
            name: request.name,
            role: "support".into(),
            technical_contacts: contacts,
            environments: envs.into_iter().map(|(name, _)| name).collect(),
        }),
    ))
}

/// Forgets a user's second factor and revokes all their grants; padlocked for support.
#[utoipa::path(
    post,
    path = "/v1/admin/users/{user}/reset-2fa",
    tag = "admin",
    params(("user" = String, Path,)),
    responses((status = 200, description = "The user, without second factor; grants revoked", body = User), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn reset_second_factor(
    State(state): State<AppState>,
    caller: Caller,
    Path(username): Path<String>,
) -> ApiResult<Json<api::User>> {
    caller.require_person("reset a second factor")?;
    let account = state
        .store
        .account_by_username(&username)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no user named {username:?}")))?;
    gate::authorize(&state, &caller, Action::ResetSecondFactor, NO_TARGET).await?;
    state
        .store
        .reset_second_factor(account.id, state.now())
        .await?;
    gate::audit(
        &state,
        &caller,
        &format!("2fa_reset:{}", account.username),
        &NO_TARGET,
        None,
    )
    .await?;
    Ok(Json(user_view(&state, &account).await?))
}
