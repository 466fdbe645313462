//! Deployment packages: streamed upload (never held whole in memory), listing.
//!
//! Files are stored under `DATA_DIR/packages/` by their sha256, so the same archive
//! uploaded twice takes its space once.

#[allow(unused_imports)] // types named in the OpenAPI attributes
use crate::api::*;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use futures_util::StreamExt;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::{VisibleApp, visible_app};
use crate::api::{self, codes};
use crate::server::AppState;
use crate::server::error::{ApiError, ApiResult, QueryParams};
use crate::server::extract::{Caller, Via};
use crate::server::gate::{self, Rights, Target};
use crate::store::{AppRecord, PackageRecord};
use crate::vocabulary::Permission;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/apps/{app}/packages",
        get(list).post(upload).layer(DefaultBodyLimit::disable()),
    )
}

pub fn package_path(state: &AppState, sha256: &str) -> std::path::PathBuf {
    state.data_dir.join("packages").join(sha256)
}

pub async fn view(
    state: &AppState,
    app_name: &str,
    package: PackageRecord,
) -> ApiResult<api::Package> {
    let deployed_to = state
        .store
        .envs_of(package.app_id)
        .await?
        .into_iter()
        .filter(|env| env.package_id == Some(package.id))
        .map(|env| env.name)
        .collect();
    Ok(api::Package {
        id: package.id,
        app: app_name.to_owned(),
        filename: package.filename,
        sha256: package.sha256,
        size: package.size as u64,
        uploaded_by: package.uploaded_by,
        uploaded_at: crate::time::rfc3339(package.uploaded_at),
        deployed_to,
    })
}

#[utoipa::path(
    get,
    path = "/v1/apps/{app}/packages",
    tag = "packages",
    params(("app" = String, Path, description = "App name")),
    responses((status = 200, description = "Packages and where they run", body = Vec<Package>), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(app_name): Path<String>,
) -> ApiResult<Json<Vec<api::Package>>> {
    let VisibleApp { app, rights, .. } = visible_app(&state, &caller, &app_name).await?;
    rights.require_member(&app)?;
    let mut packages = Vec::new();
    for package in state.store.packages_of(app.id).await? {
        packages.push(view(&state, &app.name, package).await?);
    }
    Ok(Json(packages))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UploadQuery {
    filename: String,
}

fn valid_filename(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && !name.chars().any(char::is_control)
}

/// Uploading needs the `develop` role or the transport permission somewhere on the app, and
/// a CI grant must cover transports on it.
fn may_upload(caller: &Caller, app: &AppRecord, rights: &Rights) -> ApiResult<()> {
    if let Via::CiGrant(grant) = &caller.via
        && !(grant.app_id == Some(app.id) && grant.operations.contains(&Permission::Transport))
    {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            codes::OUT_OF_SCOPE,
            format!(
                "CI grant {} does not cover uploading packages to {}",
                grant.id, app.name
            ),
        ));
    }
    if !rights.may_upload() {
        return Err(ApiError::forbidden(format!(
            "uploading packages to {} needs the develop role on its team or the transport permission",
            app.name
        )));
    }
    Ok(())
}

#[utoipa::path(
    post,
    path = "/v1/apps/{app}/packages",
    tag = "packages",
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    params(("app" = String, Path, description = "App name"), ("filename" = String, Query, description = "The package file name")),
    responses((status = 201, description = "Stored package", body = Package), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    Path(app_name): Path<String>,
    QueryParams(query): QueryParams<UploadQuery>,
    body: Body,
) -> ApiResult<(StatusCode, Json<api::Package>)> {
    let VisibleApp { app, rights, .. } = visible_app(&state, &caller, &app_name).await?;
    let target = Target {
        app: Some(&app),
        env: None,
        rights: Some(&rights),
    };
    if let Err(denied) = may_upload(&caller, &app, &rights) {
        gate::audit(
            &state,
            &caller,
            "package_upload",
            &target,
            Some(denied.code),
        )
        .await?;
        return Err(denied);
    }
    if !valid_filename(&query.filename) {
        return Err(ApiError::bad_request(
            "the package file name must be a plain file name of at most 255 bytes",
        ));
    }
    let limit = state.config.max_package_bytes;
    let dir = state.data_dir.join("packages");
    let partial = tempfile::Builder::new()
        .prefix(".upload-")
        .tempfile_in(&dir)
        .map_err(ApiError::internal)?;
    let (file, partial_path) = partial.into_parts();
    let mut file = tokio::fs::File::from_std(file);
    let mut hasher = Sha256::new();
    let mut size: u64 = 0;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk
            .map_err(|err| ApiError::bad_request(format!("the upload was interrupted: {err}")))?;
        size += chunk.len() as u64;
        if size > limit {
            return Err(ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                codes::PAYLOAD_TOO_LARGE,
                format!("packages may be at most {limit} bytes"),
            ));
        }
        hasher.update(&chunk);
        file.write_all(&chunk).await.map_err(ApiError::internal)?;
    }
    if size == 0 {
        return Err(ApiError::bad_request("the package is empty"));
    }
    file.sync_all().await.map_err(ApiError::internal)?;
    drop(file);
    let sha256 = hex::encode(hasher.finalize());
    partial_path
        .persist(package_path(&state, &sha256))
        .map_err(ApiError::internal)?;
    let package = state
        .store
        .create_package(
            app.id,
            &query.filename,
            &sha256,
            size as i64,
            &caller.account.username,
            state.now(),
        )
        .await?;
    gate::audit(&state, &caller, "package_upload", &target, None).await?;
    Ok((
        StatusCode::CREATED,
        Json(view(&state, &app.name, package).await?),
    ))
}
