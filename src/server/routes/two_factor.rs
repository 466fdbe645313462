//! Second factors: enrollment (`setup`, then `confirm` with a first code), SMS sends, and
//! verification, which issues the eight-hour grant.
//!
//! There is no route to change or remove an active second factor: only support's reset does.

#[allow(unused_imports)] // types named in the OpenAPI attributes
use crate::api::*;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use subtle::ConstantTimeEq;

use crate::api::{
    CodeRequest, GrantIssued, SetupRequest, SetupResponse, SmsSent, TwoFactorStatus, codes,
};
use crate::auth::seal;
use crate::auth::sms::{self as sms_rules, Phone};
use crate::auth::tokens::{self, TokenKind};
use crate::auth::totp;
use crate::server::AppState;
use crate::server::error::{ApiError, ApiResult, JsonBody};
use crate::server::extract::{Caller, GrantState};
use crate::server::gate::{self, Target};
use crate::server::telemetry;
use crate::store::throttle::SmsLimits;
use crate::store::{AuditRecord, CodeAttempt, SecondFactor, SmsThrottle};
use crate::vocabulary::{GrantKind, Method};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/2fa", get(status))
        .route("/2fa/setup", post(setup))
        .route("/2fa/confirm", post(confirm))
        .route("/2fa/sms", post(send_sms_code))
        .route("/2fa/verify", post(verify))
}

const NO_TARGET: Target<'static> = Target {
    app: None,
    env: None,
    rights: None,
};

#[utoipa::path(
    get,
    path = "/v1/2fa",
    tag = "second factor",
    responses((status = 200, description = "The caller's second factor", body = TwoFactorStatus), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn status(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<TwoFactorStatus>> {
    caller.require_person("read a second factor")?;
    let factor = state.store.second_factor(caller.account.id).await?;
    let grant_expires_at = match &caller.grant {
        GrantState::Valid(grant) => Some(crate::time::rfc3339(grant.expires_at)),
        _ => None,
    };
    let grant_state = match &caller.grant {
        GrantState::Valid(_) => "valid",
        GrantState::Expired => "expired",
        GrantState::Revoked => "revoked",
        GrantState::Missing => "none",
    };
    Ok(Json(TwoFactorStatus {
        grant_state: Some(grant_state.into()),
        active: factor.as_ref().is_some_and(|f| f.active),
        phone: factor
            .as_ref()
            .and_then(|f| f.phone.as_deref())
            .map(sms_rules::mask),
        method: factor.map(|f| f.method.to_string()),
        grant_expires_at,
        sms_available: state.sms.available(),
    }))
}

#[utoipa::path(
    post,
    path = "/v1/2fa/setup",
    tag = "second factor",
    request_body = SetupRequest,
    responses((status = 200, description = "Enrollment started", body = SetupResponse), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn setup(
    State(state): State<AppState>,
    caller: Caller,
    headers: axum::http::HeaderMap,
    JsonBody(request): JsonBody<SetupRequest>,
) -> ApiResult<Json<SetupResponse>> {
    caller.require_person("set up a second factor")?;
    let account = &caller.account;
    let now = state.now();
    let already_enrolled = || {
        ApiError::new(
            StatusCode::CONFLICT,
            codes::ALREADY_ENROLLED,
            "your second factor is already set up and cannot be changed by you; ask support to reset it (padlock admin reset-2fa USER)",
        )
    };
    if state
        .store
        .second_factor(account.id)
        .await?
        .is_some_and(|f| f.active)
    {
        return Err(already_enrolled());
    }
    let method = request.method.parse().map_err(|_| {
        ApiError::bad_request(format!(
            "unknown method {:?}: use totp or sms",
            request.method
        ))
    })?;
    let response = match method {
        Method::Totp => {
            let secret = totp::generate_secret();
            let sealed = state
                .master_key
                .seal(&secret, &seal::totp_context(account.id));
            if !state
                .store
                .start_enrollment(account.id, Method::Totp, Some(&sealed), None, now)
                .await?
            {
                return Err(already_enrolled());
            }
            SetupResponse {
                method: Method::Totp.to_string(),
                secret: Some(totp::secret_base32(&secret)),
                otpauth_uri: Some(totp::otpauth_uri(
                    &secret,
                    &host_of(&headers),
                    &account.username,
                )),
                phone: None,
                resend_after: None,
            }
        }
        Method::Sms => {
            state.sms.require_available()?;
            let phone_text = request.phone.as_deref().ok_or_else(|| {
                ApiError::bad_request("SMS setup needs a phone number (E.164, e.g. +4915112345678)")
            })?;
            let phone = Phone::parse(phone_text).map_err(ApiError::bad_request)?;
            if !state
                .store
                .start_enrollment(account.id, Method::Sms, None, Some(phone.as_str()), now)
                .await?
            {
                return Err(already_enrolled());
            }
            let sent = send_code(&state, &caller, phone.as_str()).await?;
            SetupResponse {
                method: Method::Sms.to_string(),
                secret: None,
                otpauth_uri: None,
                phone: Some(phone.masked()),
                resend_after: Some(sent.resend_after),
            }
        }
    };
    gate::audit(
        &state,
        &caller,
        &format!("2fa_setup_{}", response.method),
        &NO_TARGET,
        None,
    )
    .await?;
    Ok(Json(response))
}

/// Activates a pending enrollment with its first code; the activation is itself a
/// successful check, so it yields a grant.
#[utoipa::path(
    post,
    path = "/v1/2fa/confirm",
    tag = "second factor",
    request_body = CodeRequest,
    responses((status = 200, description = "Activated; a grant", body = GrantIssued), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn confirm(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(request): JsonBody<CodeRequest>,
) -> ApiResult<Json<GrantIssued>> {
    caller.require_person("confirm a second factor")?;
    let factor = match state.store.second_factor(caller.account.id).await? {
        Some(factor) if factor.active => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                codes::ALREADY_ENROLLED,
                "your second factor is already active; use padlock 2fa status",
            ));
        }
        Some(factor) => factor,
        None => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                codes::NO_PENDING_ENROLLMENT,
                "no enrollment is pending: start one with padlock 2fa setup",
            ));
        }
    };
    check_code(&state, &caller, &factor, &request.code, true).await?;
    gate::audit(
        &state,
        &caller,
        &format!("2fa_enroll_{}", factor.method),
        &NO_TARGET,
        None,
    )
    .await?;
    Ok(Json(issue_grant(&state, &caller).await?))
}

#[utoipa::path(
    post,
    path = "/v1/2fa/verify",
    tag = "second factor",
    request_body = CodeRequest,
    responses((status = 200, description = "A grant", body = GrantIssued), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn verify(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(request): JsonBody<CodeRequest>,
) -> ApiResult<Json<GrantIssued>> {
    caller.require_person("verify a second factor")?;
    let factor = active_factor(&caller)?;
    check_code(&state, &caller, factor, &request.code, false).await?;
    Ok(Json(issue_grant(&state, &caller).await?))
}

/// Sends a fresh code to the SMS number of the account (active, or pending enrollment).
#[utoipa::path(
    post,
    path = "/v1/2fa/sms",
    tag = "second factor",
    responses((status = 200, description = "An SMS code was sent", body = SmsSent), (status = "4XX", description = "The one error shape; `code` says what went wrong", body = ErrorBody))
)]
async fn send_sms_code(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<SmsSent>> {
    caller.require_person("request an SMS code")?;
    let factor = state.store.second_factor(caller.account.id).await?;
    let Some(phone) = factor
        .filter(|f| f.method == Method::Sms)
        .and_then(|f| f.phone)
    else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            codes::BAD_REQUEST,
            "your second factor is not SMS",
        ));
    };
    state.sms.require_available()?;
    Ok(Json(send_code(&state, &caller, &phone).await?))
}

/// The caller's active second factor, read with their session.
fn active_factor(caller: &Caller) -> ApiResult<&SecondFactor> {
    caller.active_factor.as_ref().ok_or_else(|| {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            codes::ENROLLMENT_REQUIRED,
            "you have no second factor yet: set one up with padlock 2fa setup",
        )
    })
}

async fn send_code(state: &AppState, caller: &Caller, phone: &str) -> ApiResult<SmsSent> {
    let now = state.now();
    let code = sms_rules::generate_code();
    let inserted = state
        .store
        .insert_sms_code(
            caller.account.id,
            phone,
            &state.master_key.keyed_hash(&code),
            now,
            SmsLimits {
                ttl: state.config.sms_code_ttl.seconds(),
                resend_wait: state.config.sms_resend_wait.seconds(),
                max_per_hour: sms_rules::MAX_SENDS_PER_HOUR,
                max_enrollments_per_number: sms_rules::MAX_ENROLLMENT_SENDS_PER_NUMBER,
            },
        )
        .await?;
    let code_id = match inserted {
        Ok(id) => id,
        Err(throttle) => {
            let (retry_after, why) = match throttle {
                SmsThrottle::ResendTooSoon { retry_after } => (
                    retry_after,
                    "a code was sent moments ago; it is still valid",
                ),
                SmsThrottle::HourlyLimit { retry_after } => {
                    (retry_after, "too many SMS codes were sent in the last hour")
                }
            };
            gate::audit(
                state,
                caller,
                "2fa_sms_send",
                &NO_TARGET,
                Some(codes::RATE_LIMITED),
            )
            .await?;
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                codes::RATE_LIMITED,
                format!("{why}; another can be sent in {retry_after} s"),
            )
            .with_retry_after(retry_after));
        }
    };
    if let Err(err) = state.sms.send(phone, &code).await {
        tracing::error!("SMS delivery failed: {err}");
        state.store.delete_sms_code(code_id).await?;
        return Err(ApiError::new(
            StatusCode::BAD_GATEWAY,
            codes::SMS_FAILED,
            "the SMS could not be sent; try again in a minute or contact support",
        ));
    }
    gate::audit(state, caller, "2fa_sms_send", &NO_TARGET, None).await?;
    Ok(SmsSent {
        phone: sms_rules::mask(phone),
        resend_after: state.config.sms_resend_wait.seconds() as u64,
        expires_at: crate::time::rfc3339(now + state.config.sms_code_ttl.seconds()),
    })
}

/// The host the client reached this server by (its `Host` header, without the port): what
/// the person knows the server as, to name it in their authenticator app.
fn host_of(headers: &axum::http::HeaderMap) -> String {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    match host.rsplit_once(':') {
        // Not the colons of a bracketed IPv6 address.
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name.to_owned(),
        _ => host.to_owned(),
    }
}

fn locked_out(retry_after: i64) -> ApiError {
    ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        codes::LOCKED_OUT,
        format!(
            "too many wrong codes: second-factor checks are locked for {}; if you cannot \
             wait, or the codes were not yours, contact support",
            crate::time::human_left(retry_after)
        ),
    )
    .with_retry_after(retry_after)
}

/// Checks one code against the factor, consuming it on success. Each evaluation is claimed
/// (`Store::claim_code_attempt`), and only a claimed evaluation counts, so the lock and the
/// evaluation are one decision: at most `lockout_failures` codes are evaluated per lockout
/// window, however many arrive at once. Wrong, expired and replayed codes get the same answer.
async fn check_code(
    state: &AppState,
    caller: &Caller,
    factor: &SecondFactor,
    code: &str,
    activate: bool,
) -> ApiResult<()> {
    let now = state.now();
    let account = &caller.account;
    let code = code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            codes::INVALID_CODE,
            "a code is six digits",
        ));
    }
    // A TOTP code's verdict is a computation, made before the claim and counted only if the
    // claim succeeds; a wrong one is then recorded with its claim, in one unit of writes. An
    // SMS code is compared with the pending one, which only the store has.
    let totp_step = match factor.method {
        Method::Totp => {
            let sealed = factor
                .secret_sealed
                .as_deref()
                .ok_or_else(|| ApiError::internal("TOTP factor without a secret"))?;
            let secret = state
                .master_key
                .open(sealed, &seal::totp_context(account.id))
                .map_err(ApiError::internal)?;
            Some(totp::verify(&secret, code, now as u64))
        }
        Method::Sms => None,
    };
    let known_wrong = matches!(totp_step, Some(None));
    let mut events = if known_wrong {
        wrong_code_events(state, caller, true)
    } else {
        Vec::new()
    };
    let events_if_claimed = move |attempt: &CodeAttempt| match attempt {
        CodeAttempt::Claimed { locks_until, .. } => {
            // The refusal stays; the lockout only if this claim locked.
            if locks_until.is_none() {
                events.truncate(1);
            }
            events
        }
        CodeAttempt::Locked { .. } => Vec::new(),
    };
    // Refusals while locked are not audited one by one: the lockout event stands for them,
    // and a flood of them must not grow the log.
    let (locks_until, attempts_left, claim) = match state
        .store
        .claim_code_attempt(
            account.id,
            state.config.lockout_policy(),
            now,
            events_if_claimed,
        )
        .await?
    {
        CodeAttempt::Locked { until } => {
            telemetry::second_factor_check(factor.method, "locked");
            return Err(locked_out(until - now));
        }
        CodeAttempt::Claimed {
            locks_until,
            attempts_left,
            claim,
        } => (locks_until, attempts_left, claim),
    };
    let accepted = match (factor.method, totp_step.flatten()) {
        (Method::Totp, Some(step)) => {
            state
                .store
                .consume_totp_step(account.id, step as i64, activate, now)
                .await?
        }
        (Method::Totp, None) => false,
        (Method::Sms, _) => {
            let max = sms_rules::MAX_ATTEMPTS;
            match state.store.pending_sms_code(account.id, now, max).await? {
                Some(pending) => {
                    let matches: bool = state
                        .master_key
                        .keyed_hash(code)
                        .as_bytes()
                        .ct_eq(pending.code_hash.as_bytes())
                        .into();
                    if matches {
                        state.store.consume_sms_code(pending.id, now, max).await?
                            && (!activate || state.store.activate_sms(account.id, now).await?)
                    } else {
                        state.store.count_sms_attempt(pending.id, max, now).await?;
                        false
                    }
                }
                None => false,
            }
        }
    };
    telemetry::second_factor_check(
        factor.method,
        if accepted { "accepted" } else { "rejected" },
    );
    if accepted {
        state.store.clear_failures(account.id, claim, now).await?;
        gate::audit(state, caller, "2fa_verify", &NO_TARGET, None).await?;
        return Ok(());
    }
    // A code known to be wrong was recorded with its claim; others are recorded now.
    if !known_wrong {
        for event in wrong_code_events(state, caller, locks_until.is_some()) {
            state.store.record_audit(&event).await?;
        }
    }
    if let Some(until) = locks_until {
        telemetry::lockout();
        return Err(locked_out(until - now));
    }
    let mut err = ApiError::new(
        StatusCode::UNAUTHORIZED,
        codes::INVALID_CODE,
        format!(
            "the code is wrong, expired or already used; {attempts_left} more wrong {} \
             before second-factor checks are locked",
            if attempts_left == 1 { "code" } else { "codes" }
        ),
    );
    err.attempts_left = Some(attempts_left as u64);
    Err(err)
}

/// The audit events of a wrong code: its refusal first, then the lockout when it filled the
/// window.
fn wrong_code_events(state: &AppState, caller: &Caller, locks: bool) -> Vec<AuditRecord> {
    let mut events = vec![gate::audit_record(
        state,
        caller,
        "2fa_verify",
        &NO_TARGET,
        Some(codes::INVALID_CODE),
    )];
    if locks {
        events.push(gate::audit_record(
            state,
            caller,
            "2fa_lockout",
            &NO_TARGET,
            Some(codes::LOCKED_OUT),
        ));
    }
    events
}

async fn issue_grant(state: &AppState, caller: &Caller) -> ApiResult<GrantIssued> {
    let now = state.now();
    let token = tokens::generate(TokenKind::Grant);
    let expires_at = now + state.config.grant_ttl.seconds();
    let id = state
        .store
        .create_grant(
            GrantKind::Interactive,
            caller.account.id,
            caller.session_id(),
            &tokens::digest(&token),
            None,
            None,
            now,
            expires_at,
        )
        .await?;
    gate::audit(state, caller, "grant_issue", &NO_TARGET, None).await?;
    Ok(GrantIssued {
        id,
        token,
        expires_at: crate::time::rfc3339(expires_at),
    })
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderMap, HeaderValue, header::HOST};

    use super::host_of;

    #[test]
    fn the_host_is_named_without_its_port() {
        let host = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(HOST, HeaderValue::from_str(value).unwrap());
            host_of(&headers)
        };
        assert_eq!(host("padlock.example.com:8443"), "padlock.example.com");
        assert_eq!(host("padlock.example.com"), "padlock.example.com");
        assert_eq!(host("[::1]:8443"), "[::1]");
        // The colons of a bracketed IPv6 address are not a port's.
        assert_eq!(host("[::1]"), "[::1]");
        assert_eq!(host_of(&HeaderMap::new()), "");
    }
}
