//! `GET /v1/version`: which build answers, for support and for clients that must know.
//! Open to anyone, like `/healthz`: it says nothing an attacker could not learn by trying.

use axum::routing::get;
use axum::{Json, Router};

use crate::api;
use crate::server::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/version", get(version))
}

#[utoipa::path(
    get,
    path = "/v1/version",
    tag = "version",
    security(()),
    responses((status = 200, description = "The server's version and git commit", body = api::Version))
)]
async fn version() -> Json<api::Version> {
    Json(api::Version {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        commit: crate::version::COMMIT.map(str::to_owned),
    })
}
