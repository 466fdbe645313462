//! The `/v1` routes, one file per resource; each exports `routes()`.

mod admin;
mod apps;
mod audit;
mod grants;
mod operations;
mod packages;
mod permissions;
mod sessions;
mod teams;
mod two_factor;
mod version;

use axum::Router;

use super::AppState;
use super::error::ApiError;
use super::extract::Caller;
use super::gate::Rights;
use crate::api;
use crate::store::{Account, AppRecord, EnvRecord, NodeRecord};

pub(crate) use sessions::valid_username;

/// The OpenAPI description of `/v1`, served at `/v1/openapi.json`.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "padlock", description = "Deployment operations behind a second factor. Errors have one shape, `{\"error\": {\"code\", \"message\"}}`, with stable codes."),
    paths(
        sessions::login, sessions::logout, sessions::me,
        two_factor::status, two_factor::setup, two_factor::confirm, two_factor::verify, two_factor::send_sms_code,
        apps::list_apps, apps::list_envs, apps::node,
        packages::list, packages::upload,
        permissions::list, permissions::grant, permissions::revoke,
        teams::list, teams::add, teams::remove,
        operations::start_operation, operations::list_operations, operations::progress, operations::list_backups, operations::download_backup,
        grants::issue, grants::list, grants::revoke, grants::can_i,
        audit::list,
        admin::list_users, admin::create_user, admin::create_app, admin::reset_second_factor,
        version::version,
    ),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

/// Sessions and CI grants go in `Authorization: Bearer`; the interactive grant beside a
/// session in the `padlock-grant` header.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "grant",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new(api::GRANT_HEADER))),
        );
        openapi.security = Some(vec![SecurityRequirement::new(
            "bearer",
            Vec::<String>::new(),
        )]);
    }
}

async fn openapi_json() -> impl axum::response::IntoResponse {
    static DOCUMENT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let body = DOCUMENT.get_or_init(|| {
        use utoipa::OpenApi;
        ApiDoc::openapi()
            .to_json()
            .expect("the OpenAPI document serializes")
    });
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        body.as_str(),
    )
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", axum::routing::get(openapi_json))
        .merge(sessions::routes())
        .merge(two_factor::routes())
        .merge(apps::routes())
        .merge(packages::routes())
        .merge(permissions::routes())
        .merge(teams::routes())
        .merge(operations::routes())
        .merge(grants::routes())
        .merge(audit::routes())
        .merge(admin::routes())
        .merge(version::routes())
}

/// An app the caller may see, as read for the request: the caller's rights on it and its
/// environments with their deployed packages.
struct VisibleApp {
    app: AppRecord,
    rights: Rights,
    envs: Vec<NodeRecord>,
}

/// The app named `name`, with the caller's rights on it. An app the caller has no standing
/// on answers exactly like one that does not exist: a stranger learns nothing of what exists.
async fn visible_app(
    state: &AppState,
    caller: &Caller,
    name: &str,
) -> Result<VisibleApp, ApiError> {
    let not_found = || {
        ApiError::not_found(format!(
            "no app named {name:?}; padlock apps list shows yours"
        ))
    };
    let read = state
        .store
        .app_as_seen_by(name, caller.account.id)
        .await?
        .ok_or_else(not_found)?;
    let envs = read.envs.iter().map(|node| &node.env);
    let rights = Rights::narrowed(caller, &read.app, read.membership, envs);
    if !rights.visible {
        return Err(not_found());
    }
    Ok(VisibleApp {
        app: read.app,
        rights,
        envs: read.envs,
    })
}

/// The environment of `app` named `name`, among the app's `envs`.
fn find_env(app: &AppRecord, envs: &[NodeRecord], name: &str) -> Result<EnvRecord, ApiError> {
    envs.iter()
        .map(|node| &node.env)
        .find(|env| env.name == name)
        .cloned()
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
        second_factor: factor.map(|f| f.method.to_string()),
        created_at: crate::time::rfc3339(account.created_at),
    })
}
