//! Logging in and out: the first factor.

#[allow(unused_imports)] // types named in the OpenAPI attributes
use crate::api::*;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};

use super::user_view;
use crate::api::{self, LoginRequest, LoginResponse, codes};
use crate::auth::password;
use crate::auth::tokens::{self, TokenKind};
use crate::server::AppState;
use crate::server::error::{ApiError, ApiResult, JsonBody};
use crate::server::extract::{Caller, ClientAddr};
use crate::server::gate::{self, Target};
use crate::server::password_work::{self, Place};
use crate::server::throttle;
use crate::store::AuditRecord;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sessions", post(login))
        .route("/sessions/current", axum::routing::delete(logout))
        .route("/me", get(me))
}

/// Usernames: what people type, with no room for confusion in logs and listings.
pub fn valid_username(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
}

#[utoipa::path(
    post,
    path = "/v1/sessions",
    tag = "sessions",
    request_body = LoginRequest,
    responses((status = 200, description = "A new session", body = LoginResponse), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn login(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    place: Place,
    JsonBody(request): JsonBody<LoginRequest>,
) -> ApiResult<Json<LoginResponse>> {
    let now = state.now();
    let username = valid_username(&request.username).then_some(request.username.as_str());
    let account = match username {
        Some(username) => state.store.account_by_username(username).await?,
        None => None,
    };
    let audit = |outcome: &str, reason: Option<&str>, via: Option<String>| AuditRecord {
        at: now,
        actor: username.unwrap_or("?").to_owned(),
        action: "login".into(),
        outcome: outcome.into(),
        reason: reason.map(str::to_owned),
        via,
        client: Some(client.clone()),
        ..AuditRecord::default()
    };

    // The attempt is counted before argon2 runs, so however many arrive at once, no more
    // than the limits are evaluated.
    let address = throttle::address_key(&client);
    let known_address = match &account {
        Some(account) => state.store.is_known_address(account.id, &address).await?,
        None => false,
    };
    let limits = throttle::login_limits(
        &state.config,
        username.unwrap_or("?"),
        &address,
        known_address,
    );
    let slots = match state
        .store
        .take_slots(&limits, now, state.config.login_window.seconds())
        .await?
    {
        Ok(slots) => slots,
        Err(retry_after) => {
            drop(place);
            crate::server::telemetry::login_throttled();
            let event = audit("denied", None, None);
            throttle::audit_sampled(&state, codes::RATE_LIMITED, &address, event).await?;
            let refusal = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                codes::RATE_LIMITED,
                format!(
                    "too many failed logins: try again in {}",
                    crate::time::human_left(retry_after)
                ),
            )
            .with_retry_after(retry_after);
            return Err(password_work::answer_later(refusal).await);
        }
    };

    // Verify against a dummy hash for unknown users: a failed login takes the same time
    // whether or not the account exists.
    let phc = account.as_ref().map_or_else(
        || password::dummy_hash().to_owned(),
        |a| a.password_hash.clone(),
    );
    let password_ok = place.verify(request.password, phc).await?;
    let account_exists = account.is_some();
    let Some(account) = account.filter(|_| password_ok) else {
        let event = audit("denied", Some(codes::INVALID_CREDENTIALS), None);
        if account_exists {
            state.store.record_audit(&event).await?;
        } else {
            throttle::audit_sampled(&state, UNKNOWN_USER, &address, event).await?;
        }
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            codes::INVALID_CREDENTIALS,
            "wrong username or password",
        ));
    };
    throttle::login_succeeded(&state.store, &slots, account.id, &address, now).await?;
    let token = tokens::generate(TokenKind::Session);
    let expires_at = now + state.config.session_ttl.seconds();
    let session_id = state
        .store
        .create_session(account.id, &tokens::digest(&token), now, expires_at)
        .await?;
    state
        .store
        .record_audit(&audit(
            "allowed",
            None,
            Some(format!("session:{session_id}")),
        ))
        .await?;
    Ok(Json(LoginResponse {
        token,
        user: user_view(&state, &account).await?,
    }))
}

/// The audit reason of sampled failed logins for usernames that do not exist.
const UNKNOWN_USER: &str = "unknown_user";

#[utoipa::path(
    delete,
    path = "/v1/sessions/current",
    tag = "sessions",
    responses((status = 204, description = "Session and its grants ended"), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn logout(
    State(state): State<AppState>,
    caller: Caller,
    _headers: HeaderMap,
) -> ApiResult<StatusCode> {
    caller.require_person("log out")?;
    if let Some(session_id) = caller.session_id() {
        state.store.revoke_session(session_id, state.now()).await?;
    }
    gate::audit(
        &state,
        &caller,
        "logout",
        &Target {
            app: None,
            env: None,
            rights: None,
        },
        None,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get,
    path = "/v1/me",
    tag = "sessions",
    responses((status = 200, description = "The caller", body = User), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn me(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<api::User>> {
    Ok(Json(user_view(&state, &caller.account).await?))
}
