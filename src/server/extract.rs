//! Who is calling: the `Caller` extractor resolves the bearer token (a session or a CI
//! grant) and the interactive grant presented beside a session. Routes that need a caller
//! take `Caller` in their signature; none reads auth headers itself.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::StatusCode;
use axum::http::request::Parts;

use super::AppState;
use super::error::ApiError;
use crate::api::{GRANT_HEADER, codes};
use crate::auth::tokens::{self, TokenKind};
use crate::config::TrustedProxies;
use crate::store::{Account, AuditRecord, GrantRecord, SecondFactor};
use crate::vocabulary::GrantKind;

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
    /// Through a session: the account's active second factor, if any. A CI grant never
    /// proves a second factor (`None`).
    pub active_factor: Option<SecondFactor>,
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

/// Whether a CI grant's recorded last use is too old to stand for this one. Last use is shown
/// to the minute, so a busy CI job does not write on every request, its reads included.
fn last_use_is_stale(last_used_at: Option<i64>, now: i64) -> bool {
    const RESOLUTION_SECONDS: i64 = 60;
    last_used_at.is_none_or(|at| now - at >= RESOLUTION_SECONDS)
}

fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts
        .headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    value.strip_prefix("Bearer ").map(str::trim)
}

/// The client's address: the direct peer, or, when the peer is one of `trusted_proxies`, the
/// address those proxies recorded in `X-Forwarded-For`. The one place it is computed, so the
/// audit log and the per-address throttles agree.
pub fn client_address(parts: &Parts, trusted: &TrustedProxies) -> String {
    let Some(ConnectInfo(peer)) = parts.extensions.get::<ConnectInfo<SocketAddr>>() else {
        return String::new();
    };
    let forwarded = parts
        .headers
        .get_all(FORWARDED_FOR)
        .iter()
        .filter_map(|value| value.to_str().ok());
    forwarded_client(peer.ip(), forwarded, trusted).to_string()
}

const FORWARDED_FOR: &str = "x-forwarded-for";

/// Walks `X-Forwarded-For` from the right — each trusted proxy appends the address it was
/// reached from — past the trusted hops, and takes the first address no trusted proxy is
/// known to be: everything left of it may be written by the client. A peer that is not a
/// trusted proxy is the client, whatever it claims. An unreadable hop ends the walk at the
/// last address a trusted proxy vouched for.
fn forwarded_client<'a>(
    peer: IpAddr,
    forwarded: impl Iterator<Item = &'a str>,
    trusted: &TrustedProxies,
) -> IpAddr {
    let peer = peer.to_canonical();
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<&str> = forwarded.flat_map(|value| value.split(',')).collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Some(hop) = parse_hop(hop) else {
            break;
        };
        client = hop;
        if !trusted.contains(&hop) {
            break;
        }
    }
    client
}

/// One hop of `X-Forwarded-For`: an address, or an address with a port (`192.0.2.1:4711`,
/// `[2001:db8::1]:4711`), as some proxies write it.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>()
        .or_else(|_| hop.parse::<SocketAddr>().map(|addr| addr.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
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
        let client = client_address(parts, &state.config.trusted_proxies);
        let token = bearer(parts).ok_or_else(|| {
            ApiError::unauthenticated(
                "not logged in: run padlock login, or set PADLOCK_GRANT for CI",
            )
        })?;
        match TokenKind::of(token) {
            Some(TokenKind::Session) => {
                // Only a grant token can name a grant; anything else is no grant at all.
                let grant_hash = parts
                    .headers
                    .get(GRANT_HEADER)
                    .and_then(|v| v.to_str().ok())
                    .filter(|grant| TokenKind::of(grant) == Some(TokenKind::Grant))
                    .map(tokens::digest);
                let session = state
                    .store
                    .session_by_token(&tokens::digest(token), grant_hash.as_deref(), now)
                    .await?
                    .ok_or_else(|| {
                        ApiError::unauthenticated("your session has ended: run padlock login again")
                    })?;
                Ok(Caller {
                    account: session.account,
                    via: Via::Session { id: session.id },
                    grant: grant_state(session.grant, now),
                    active_factor: session.active_factor,
                    client,
                })
            }
            Some(TokenKind::CiGrant) => {
                let grant = state
                    .store
                    .grant_by_token(&tokens::digest(token))
                    .await?
                    .filter(|grant| grant.kind == GrantKind::Ci)
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
                if last_use_is_stale(grant.last_used_at, now) {
                    state.store.touch_grant(grant.id, now).await?;
                }
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
                    active_factor: None,
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

/// What the grant presented beside a session is worth now. The store finds it only if it is
/// an interactive grant this very session was issued; a grant of another session, or a CI
/// grant, is no grant here.
fn grant_state(grant: Option<GrantRecord>, now: i64) -> GrantState {
    match grant {
        None => GrantState::Missing,
        Some(grant) if grant.revoked_at.is_some() => GrantState::Revoked,
        Some(grant) if grant.expires_at <= now => GrantState::Expired,
        Some(grant) => GrantState::Valid(grant),
    }
}

/// The client's address, for audit events of requests that have no `Caller` yet (login).
pub struct ClientAddr(pub String);

impl<S> FromRequestParts<S> for ClientAddr
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &S,
    ) -> Result<ClientAddr, Self::Rejection> {
        let state = AppState::from_ref(state);
        Ok(ClientAddr(client_address(
            parts,
            &state.config.trusted_proxies,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_read_only_behind_trusted_proxies() {
        let trusted = TrustedProxies(vec![
            "10.0.0.0/8".parse().unwrap(),
            "::1/128".parse().unwrap(),
        ]);
        let none = TrustedProxies::default();
        // (peer, X-Forwarded-For values, trusted, client, why)
        let cases: &[(&str, &[&str], &TrustedProxies, &str, &str)] = &[
            (
                "203.0.113.5",
                &["198.51.100.1"],
                &trusted,
                "203.0.113.5",
                "untrusted peer: header ignored",
            ),
            (
                "10.0.0.2",
                &["198.51.100.1"],
                &none,
                "10.0.0.2",
                "no trusted proxies: header ignored",
            ),
            ("10.0.0.2", &[], &trusted, "10.0.0.2", "no header: the peer"),
            (
                "10.0.0.2",
                &["198.51.100.1"],
                &trusted,
                "198.51.100.1",
                "one hop",
            ),
            (
                "10.0.0.2",
                &["6.6.6.6, 198.51.100.1, 10.0.0.9"],
                &trusted,
                "198.51.100.1",
                "forged left part skipped, trusted hop skipped",
            ),
            (
                "10.0.0.2",
                &["6.6.6.6", "198.51.100.1"],
                &trusted,
                "198.51.100.1",
                "several header lines read as one list",
            ),
            (
                "10.0.0.2",
                &["10.0.0.7, 10.0.0.8"],
                &trusted,
                "10.0.0.7",
                "all hops trusted: the leftmost",
            ),
            (
                "10.0.0.2",
                &["198.51.100.1, garbage"],
                &trusted,
                "10.0.0.2",
                "unreadable hop: the last vouched address",
            ),
            ("::1", &["2001:db8::7"], &trusted, "2001:db8::7", "IPv6"),
            (
                "10.0.0.2",
                &["198.51.100.1:4711, [2001:db8::9]:80"],
                &trusted,
                "2001:db8::9",
                "hops with ports",
            ),
            (
                "::ffff:10.0.0.2",
                &["::ffff:198.51.100.1"],
                &trusted,
                "198.51.100.1",
                "IPv4-mapped addresses",
            ),
        ];
        for (peer, header, trusted, client, why) in cases {
            let got = forwarded_client(ip(peer), header.iter().copied(), trusted);
            assert_eq!(got, ip(client), "{why}");
        }
    }

    #[test]
    fn a_ci_grants_last_use_is_recorded_once_a_minute() {
        assert!(last_use_is_stale(None, 1_000));
        assert!(!last_use_is_stale(Some(1_000), 1_000));
        assert!(!last_use_is_stale(Some(1_000), 1_059));
        assert!(last_use_is_stale(Some(1_000), 1_060));
    }
}
