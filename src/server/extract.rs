//! Who is calling: the `Caller` extractor resolves the bearer token (a session or a CI
//! grant) and the interactive grant presented beside a session. Routes that need a caller
//! take `Caller` in their signature; none reads auth headers itself.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::StatusCode;
use axum::http::request::Parts;

use super::AppState;
use super::error::ApiError;
use crate::api::{GRANT_HEADER, codes};
use crate::auth::tokens::{self, TokenKind};
use crate::store::{Account, AuditRecord, GrantRecord};

/// How the caller authenticated.
#[derive(Debug, Clone)]
pub enum Via {
    Session { id: i64 },
    CiGrant(GrantRecord),
}

/// The interactive grant presented with a session, if any.
#[derive(Debug, Clone)]
pub enum GrantState {
    Missing,
    Valid(GrantRecord),
    Expired,
    Revoked,
}

#[derive(Debug, Clone)]
pub struct Caller {
    pub account: Account,
    pub via: Via,
    pub grant: GrantState,
    pub client: String,
}

impl Caller {
    pub fn session_id(&self) -> Option<i64> {
        match self.via {
            Via::Session { id } => Some(id),
            Via::CiGrant(_) => None,
        }
    }

    /// The audit log's `via`: the strongest credential behind the request.
    pub fn via_label(&self) -> String {
        match (&self.via, &self.grant) {
            (Via::CiGrant(grant), _) => format!("ci_grant:{}", grant.id),
            (Via::Session { .. }, GrantState::Valid(grant)) => format!("grant:{}", grant.id),
            (Via::Session { id }, _) => format!("session:{id}"),
        }
    }

    /// The grant behind this request: the CI grant it came with, or the valid interactive
    /// grant presented beside the session.
    pub fn grant_in_force(&self) -> Option<&GrantRecord> {
        match (&self.via, &self.grant) {
            (Via::CiGrant(grant), _) | (_, GrantState::Valid(grant)) => Some(grant),
            _ => None,
        }
    }

    /// Refuses callers that are CI grants, for routes that only people may use.
    pub fn require_person(&self, what: &str) -> Result<(), ApiError> {
        match self.via {
            Via::Session { .. } => Ok(()),
            Via::CiGrant(_) => Err(ApiError::new(
                StatusCode::FORBIDDEN,
                codes::OUT_OF_SCOPE,
                format!("a CI grant cannot {what}; log in as a person with padlock login"),
            )),
        }
    }
}

fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts
        .headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    value.strip_prefix("Bearer ").map(str::trim)
}

pub fn client_address(parts: &Parts) -> String {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
        .unwrap_or_default()
}

impl<S> FromRequestParts<S> for Caller
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Caller, ApiError> {
        let state = AppState::from_ref(state);
        let now = state.now();
        let client = client_address(parts);
        let token = bearer(parts).ok_or_else(|| {
            ApiError::unauthenticated(
                "not logged in: run padlock login, or set PADLOCK_GRANT for CI",
            )
        })?;
        match TokenKind::of(token) {
            Some(TokenKind::Session) => {
                let session = state
                    .store
                    .session_by_token(&tokens::digest(token), now)
                    .await?
                    .ok_or_else(|| {
                        ApiError::unauthenticated("your session has ended: run padlock login again")
                    })?;
                let grant = match parts
                    .headers
                    .get(GRANT_HEADER)
                    .and_then(|v| v.to_str().ok())
                {
                    None => GrantState::Missing,
                    Some(grant_token) => grant_state(&state, grant_token, session.id, now).await?,
                };
                Ok(Caller {
                    account: session.account,
                    via: Via::Session { id: session.id },
                    grant,
                    client,
                })
            }
            Some(TokenKind::CiGrant) => {
                let grant = state
                    .store
                    .grant_by_token(&tokens::digest(token))
                    .await?
                    .filter(|grant| grant.kind == "ci")
                    .ok_or_else(|| {
                        ApiError::unauthenticated("this CI grant is not known to the server")
                    })?;
                let refused = if grant.revoked_at.is_some() {
                    Some((codes::GRANT_REVOKED, "was revoked"))
                } else if grant.expires_at <= now {
                    Some((codes::GRANT_EXPIRED, "expired"))
                } else {
                    None
                };
                if let Some((code, what)) = refused {
                    audit_refused_use(&state, &grant, code, &client, now).await?;
                    return Err(ApiError::new(
                        StatusCode::UNAUTHORIZED,
                        code,
                        format!(
                            "CI grant {} {what}; issue a new one with padlock grant issue",
                            grant.id
                        ),
                    ));
                }
                state.store.touch_grant(grant.id, now).await?;
                let account = state
                    .store
                    .account_by_id(grant.account_id)
                    .await?
                    .ok_or_else(|| {
                        ApiError::unauthenticated("the issuer of this CI grant no longer exists")
                    })?;
                Ok(Caller {
                    account,
                    via: Via::CiGrant(grant),
                    grant: GrantState::Missing,
                    client,
                })
            }
            _ => Err(ApiError::unauthenticated(
                "the bearer token is neither a session nor a CI grant: run padlock login",
            )),
        }
    }
}

/// Records a use of a revoked or expired CI grant: denied, with the reason, under the
/// grant's id and label (the audit log has every padlocked attempt, refused ones too).
async fn audit_refused_use(
    state: &AppState,
    grant: &GrantRecord,
    reason: &str,
    client: &str,
    now: i64,
) -> Result<(), ApiError> {
    let actor = state
        .store
        .account_by_id(grant.account_id)
        .await?
        .map(|account| account.username)
        .unwrap_or_default();
    state
        .store
        .record_audit(&AuditRecord {
            at: now,
            actor,
            action: "ci_grant_use".to_owned(),
            outcome: "denied".to_owned(),
            reason: Some(reason.to_owned()),
            via: Some(format!("ci_grant:{}", grant.id)),
            client: Some(client.to_owned()),
            label: grant.label.clone(),
            ..AuditRecord::default()
        })
        .await?;
    Ok(())
}

async fn grant_state(
    state: &AppState,
    token: &str,
    session_id: i64,
    now: i64,
) -> Result<GrantState, ApiError> {
    if TokenKind::of(token) != Some(TokenKind::Grant) {
        return Ok(GrantState::Missing);
    }
    let Some(grant) = state.store.grant_by_token(&tokens::digest(token)).await? else {
        return Ok(GrantState::Missing);
    };
    Ok(
        if grant.kind != "grant" || grant.session_id != Some(session_id) {
            GrantState::Missing
        } else if grant.revoked_at.is_some() {
            GrantState::Revoked
        } else if grant.expires_at <= now {
            GrantState::Expired
        } else {
            GrantState::Valid(grant)
        },
    )
}

/// The client's address, for audit events of requests that have no `Caller` yet (login).
pub struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &S,
    ) -> Result<ClientAddr, Self::Rejection> {
        Ok(ClientAddr(client_address(parts)))
    }
}
