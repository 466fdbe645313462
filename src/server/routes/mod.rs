//! The `/v1` routes, one file per resource; each exports `routes()`.

mod admin;
mod apps;
mod audit;
mod grants;
mod operations;
mod packages;
mod permissions;
mod sessions;
mod two_factor;

use axum::Router;

use super::AppState;
use super::error::ApiError;
use crate::api;
use crate::store::{Account, AppRecord, EnvRecord};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(sessions::routes())
        .merge(two_factor::routes())
        .merge(apps::routes())
        .merge(packages::routes())
        .merge(permissions::routes())
        .merge(operations::routes())
        .merge(grants::routes())
        .merge(audit::routes())
        .merge(admin::routes())
}

async fn find_app(state: &AppState, name: &str) -> Result<AppRecord, ApiError> {
    state.store.app_by_name(name).await?.ok_or_else(|| {
        ApiError::not_found(format!(
            "no app named {name:?}; padlock apps list shows yours"
        ))
    })
}

async fn find_env(state: &AppState, app: &AppRecord, name: &str) -> Result<EnvRecord, ApiError> {
    state
        .store
        .envs_of(app.id)
        .await?
        .into_iter()
        .find(|env| env.name == name)
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "app {} has no environment {name:?}; padlock envs list --app {} shows them",
                app.name, app.name
            ))
        })
}

async fn user_view(state: &AppState, account: &Account) -> Result<api::User, ApiError> {
    let factor = state
        .store
        .second_factor(account.id)
        .await?
        .filter(|f| f.active);
    Ok(api::User {
        id: account.id,
        username: account.username.clone(),
        support: account.is_support,
        second_factor: factor.map(|f| f.method),
        created_at: crate::time::rfc3339(account.created_at),
    })
}
