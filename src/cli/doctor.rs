//! `padlock doctor`: checks what padlock depends on, here and at the server — the credential
//! store, the server's reachability, version and TLS, the clock, the cached session and
//! grant — and says what to do about each problem. Exit 0 when nothing failed, 1 otherwise.

use std::time::{Duration, Instant, SystemTime};

use reqwest::Method;
use serde::Serialize;

use super::{Ctx, LocalState, Secrets, load_secrets, normalize_server};
use crate::api::{TwoFactorStatus, User, Version, codes};
use crate::client::{Auth, Client, ClientError};

/// How long the server may take to answer one check.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

/// Above this difference between the clocks, codes are refused: a TOTP code is good for one
/// 30-second step either way, and a code computed here (`--otp-command`) is of this clock.
const MAX_CLOCK_OFFSET_SECONDS: i64 = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Status {
    Ok,
    /// Works, but worth knowing.
    Warn,
    /// Something padlock needs does not work.
    Fail,
    /// Not checked: what it depends on failed, or it does not apply.
    Skip,
}

#[derive(Debug, Serialize)]
struct Check {
    name: &'static str,
    status: Status,
    detail: String,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
}

fn check(name: &'static str, status: Status, detail: impl Into<String>) -> Check {
    Check {
        name,
        status,
        detail: detail.into(),
        hint: None,
    }
}

impl Check {
    fn hint(mut self, hint: impl Into<String>) -> Check {
        self.hint = Some(hint.into());
        self
    }
}

#[derive(Debug, Serialize)]
struct Report {
    healthy: bool,
    server: Option<String>,
    server_version: Option<Version>,
    /// The server's clock minus this machine's, in seconds (null when not measured).
    clock_offset_seconds: Option<i64>,
    checks: Vec<Check>,
}

pub async fn doctor(ctx: &Ctx) -> anyhow::Result<()> {
    let mut checks = Vec::new();
    let state = match ctx.load_state() {
        Ok(state) => state,
        Err(err) => {
            checks.push(check("local state", Status::Fail, format!("{err:#}")));
            LocalState::default()
        }
    };
    let server = match ctx.global.server.clone().or(state.server.clone()) {
        Some(url) => match normalize_server(&url) {
            Ok(url) => Some(url),
            Err(err) => {
                checks.push(check("server", Status::Fail, format!("{err:#}")));
                None
            }
        },
        None => {
            checks.push(
                check("server", Status::Fail, "no padlock server is known")
                    .hint("run padlock login --server URL, or set PADLOCK_SERVER"),
            );
            None
        }
    };
    let ci_grant = std::env::var("PADLOCK_GRANT")
        .ok()
        .map(|grant| grant.trim().to_owned())
        .filter(|grant| !grant.is_empty());

    let secrets = match &ci_grant {
        Some(_) => {
            checks.push(check(
                "credential store",
                Status::Ok,
                "none used: the CI grant in PADLOCK_GRANT stands for the session",
            ));
            None
        }
        None => credential_store(ctx, &state, server.as_deref(), &mut checks),
    };

    let mut report = Report {
        healthy: false,
        server: server.clone(),
        server_version: None,
        clock_offset_seconds: None,
        checks: Vec::new(),
    };
    if let Some(server) = &server {
        let reachable = reach(server, &mut report, &mut checks).await;
        let auth = match (&ci_grant, secrets) {
            (Some(grant), _) => Some(Auth::CiGrant(grant.clone())),
            (None, Some(secrets)) => {
                let now = crate::time::now();
                Some(Auth::Session {
                    token: secrets.session,
                    grant: secrets
                        .grant
                        .filter(|_| secrets.grant_expires_at.is_some_and(|at| at > now)),
                })
            }
            (None, None) => None,
        };
        match (reachable, auth) {
            (false, _) => checks.push(check(
                "session",
                Status::Skip,
                "not checked: the server did not answer",
            )),
            (true, None) => checks.push(
                check(
                    "session",
                    Status::Fail,
                    format!("not logged in to {server}"),
                )
                .hint(format!("run padlock login --server {server} USERNAME")),
            ),
            (true, Some(auth)) => credentials(server, &state, auth, &mut checks).await?,
        }
    }
    report.healthy = checks.iter().all(|check| check.status != Status::Fail);
    report.checks = checks;
    let n_failed = report
        .checks
        .iter()
        .filter(|check| check.status == Status::Fail)
        .count();
    ctx.print(&report, text)?;
    if n_failed > 0 {
        anyhow::bail!(
            "padlock doctor found {n_failed} problem(s){}",
            if ctx.json() { "" } else { "; see above" }
        );
    }
    Ok(())
}

fn text(report: &Report) -> String {
    let mut lines = Vec::new();
    for check in &report.checks {
        let status = match check.status {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Fail => "FAIL",
            Status::Skip => "skip",
        };
        lines.push(format!("{status:<5} {:<17} {}", check.name, check.detail));
        if let Some(hint) = &check.hint {
            lines.push(format!("{:<23} hint: {hint}", ""));
        }
    }
    if report.healthy {
        lines.push("Everything padlock needs works.".into());
    }
    lines.join("\n")
}

/// The store in use answers, and what it holds for `server`. The keyring stores give up
/// after their deadline (`PADLOCK_KEYRING_TIMEOUT_MS`), so this cannot hang.
fn credential_store(
    ctx: &Ctx,
    state: &LocalState,
    server: Option<&str>,
    checks: &mut Vec<Check>,
) -> Option<Secrets> {
    let started = Instant::now();
    let (store, _) = match ctx.open_store(state) {
        Ok(opened) => opened,
        Err(err) => {
            checks.push(check("credential store", Status::Fail, format!("{err:#}")));
            return None;
        }
    };
    let Some(server) = server else {
        checks.push(check(
            "credential store",
            Status::Ok,
            format!("{} answers", store.name()),
        ));
        return None;
    };
    match load_secrets(store.as_ref(), server) {
        Ok(secrets) => {
            let holds = if secrets.is_some() {
                "holds a session"
            } else {
                "holds no session"
            };
            checks.push(check(
                "credential store",
                Status::Ok,
                format!(
                    "{} answers ({} ms) and {holds} for {server}",
                    store.name(),
                    started.elapsed().as_millis()
                ),
            ));
            secrets
        }
        Err(err) => {
            checks.push(check("credential store", Status::Fail, format!("{err:#}")));
            None
        }
    }
}

/// Reachability, TLS, version and clock, from one `GET /v1/version`. True when it answered.
async fn reach(server: &str, report: &mut Report, checks: &mut Vec<Check>) -> bool {
    let https = server.starts_with("https:");
    let client = match Client::new(server, Auth::None) {
        Ok(client) => client,
        Err(err) => {
            checks.push(check("server", Status::Fail, err.to_string()));
            return false;
        }
    };
    let sent_at = SystemTime::now();
    let started = Instant::now();
    let answer = tokio::time::timeout(
        ANSWER_TIMEOUT,
        client.send(client.request(Method::GET, "/version")),
    )
    .await;
    let took = started.elapsed();
    let response = match answer {
        Ok(Ok(response)) => response,
        Ok(Err(err @ ClientError::Untrusted { .. })) => {
            checks.push(check(
                "server",
                Status::Fail,
                format!("{server} answers over TLS, but its certificate is not trusted"),
            ));
            checks.push(check("tls", Status::Fail, err.to_string()));
            return false;
        }
        Ok(Err(err)) => {
            let hint = "check the URL (--server / PADLOCK_SERVER), that the server runs, and the network between";
            let detail = match &err {
                ClientError::Unreachable { detail, .. } => {
                    format!("cannot reach {server}: {detail}")
                }
                other => other.to_string(),
            };
            checks.push(check("server", Status::Fail, detail).hint(hint));
            return false;
        }
        Err(_) => {
            checks.push(
                check(
                    "server",
                    Status::Fail,
                    format!(
                        "{server} did not answer within {} s",
                        ANSWER_TIMEOUT.as_secs()
                    ),
                )
                .hint("check that the server runs and is not overloaded"),
            );
            return false;
        }
    };
    let date = response
        .headers()
        .get(reqwest::header::DATE)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| httpdate::parse_http_date(text).ok());
    let version = response.json::<Version>().await.ok();
    checks.push(check(
        "server",
        Status::Ok,
        format!("{server} answers ({} ms)", took.as_millis()),
    ));
    checks.push(tls(server, https));
    checks.push(match &version {
        Some(version) => version_check(version),
        None => check(
            "version",
            Status::Warn,
            "the server does not say its version (GET /v1/version)",
        )
        .hint("it may be older than this padlock; padlock --version says which one this is"),
    });
    report.server_version = version;
    match date {
        Some(date) => {
            // The Date header is whole seconds, written between sending and receiving.
            let midpoint = sent_at + took / 2;
            let offset = match date.duration_since(midpoint) {
                Ok(ahead) => ahead.as_secs_f64(),
                Err(behind) => -behind.duration().as_secs_f64(),
            }
            .round() as i64;
            report.clock_offset_seconds = Some(offset);
            checks.push(clock(offset));
        }
        None => checks.push(check(
            "clock",
            Status::Skip,
            "the server sent no Date header",
        )),
    }
    true
}

fn tls(server: &str, https: bool) -> Check {
    if https {
        return check(
            "tls",
            Status::Ok,
            "HTTPS; the server's certificate is trusted",
        );
    }
    let loopback = url::Url::parse(server)
        .ok()
        .is_some_and(|url| match url.host() {
            Some(url::Host::Domain(name)) => name == "localhost",
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            None => false,
        });
    if loopback {
        check("tls", Status::Ok, "plain HTTP on this machine (loopback)")
    } else {
        check(
            "tls",
            Status::Warn,
            "plain HTTP: passwords, codes and tokens cross the network unencrypted",
        )
        .hint("use the server's https:// URL, or put it behind a TLS-terminating proxy")
    }
}

fn version_check(server: &Version) -> Check {
    let ours = env!("CARGO_PKG_VERSION");
    let describe = |version: &str, commit: Option<&str>| match commit {
        Some(commit) => format!("{version} ({commit})"),
        None => version.to_owned(),
    };
    let detail = format!(
        "server {}, this padlock {}",
        describe(&server.version, server.commit.as_deref()),
        describe(ours, crate::version::COMMIT)
    );
    if server.version == ours {
        check("version", Status::Ok, detail)
    } else {
        check("version", Status::Warn, detail).hint(
            "versions differ: new features of the newer side may be missing; update the older one",
        )
    }
}

fn clock(offset: i64) -> Check {
    let side = if offset > 0 { "ahead of" } else { "behind" };
    let detail = format!(
        "the server's clock is {} s {side} this machine's",
        offset.abs()
    );
    if offset.abs() <= MAX_CLOCK_OFFSET_SECONDS {
        let detail = if offset == 0 {
            "this machine's and the server's clocks agree".to_owned()
        } else {
            detail
        };
        check("clock", Status::Ok, detail)
    } else {
        check("clock", Status::Fail, detail).hint(format!(
            "above {MAX_CLOCK_OFFSET_SECONDS} s, codes are refused: synchronise the clocks with NTP \
             (timedatectl set-ntp true), here, at the server and on the phone with the authenticator app"
        ))
    }
}

/// The cached session and grant (or the CI grant), as the server sees them.
async fn credentials(
    server: &str,
    state: &LocalState,
    auth: Auth,
    checks: &mut Vec<Check>,
) -> anyhow::Result<()> {
    let ci = matches!(auth, Auth::CiGrant(_));
    let client = Client::new(server, auth)?;
    if ci {
        let answer = tokio::time::timeout(ANSWER_TIMEOUT, client.get::<User>("/me")).await;
        checks.push(match answer {
            Ok(Ok(user)) => check(
                "ci grant",
                Status::Ok,
                format!("valid; it acts for {}", user.username),
            ),
            Ok(Err(err)) if err.code().is_some_and(is_grant_ended) => {
                check("ci grant", Status::Fail, err.to_string())
                    .hint("issue a new one with padlock grant issue and update PADLOCK_GRANT")
            }
            Ok(Err(err)) => check("ci grant", Status::Fail, err.to_string()),
            Err(_) => check(
                "ci grant",
                Status::Fail,
                "the server did not answer in time",
            ),
        });
        return Ok(());
    }
    let answer = tokio::time::timeout(ANSWER_TIMEOUT, client.get::<TwoFactorStatus>("/2fa")).await;
    let status = match answer {
        Ok(Ok(status)) => status,
        Ok(Err(err)) if err.code() == Some(codes::UNAUTHENTICATED) => {
            checks.push(
                check(
                    "session",
                    Status::Fail,
                    "the cached session has ended on the server",
                )
                .hint(format!("run padlock login --server {server} again")),
            );
            return Ok(());
        }
        Ok(Err(err)) => {
            checks.push(check("session", Status::Fail, err.to_string()));
            return Ok(());
        }
        Err(_) => {
            checks.push(check(
                "session",
                Status::Fail,
                "the server did not answer in time",
            ));
            return Ok(());
        }
    };
    let user = state.user.as_deref().unwrap_or("?");
    checks.push(check(
        "session",
        Status::Ok,
        format!("valid; logged in as {user}"),
    ));
    checks.push(match (&status.method, status.active) {
        (Some(method), true) => check("second factor", Status::Ok, method.clone()),
        _ => check("second factor", Status::Warn, "not set up yet")
            .hint("the first padlocked command sets it up, or run padlock 2fa setup"),
    });
    let asks = "the next padlocked command asks for a code";
    checks.push(match status.grant_state.as_deref() {
        Some("valid") => {
            let left = status
                .grant_expires_at
                .as_deref()
                .and_then(crate::time::parse_rfc3339)
                .map(|at| crate::time::human_left(at - crate::time::now()))
                .unwrap_or_default();
            check("grant", Status::Ok, format!("valid for {left}"))
        }
        Some("revoked") => check(
            "grant",
            Status::Warn,
            format!("the cached grant was revoked on the server; {asks}"),
        ),
        Some("expired") => check("grant", Status::Ok, format!("expired; {asks}")),
        _ => check("grant", Status::Ok, format!("none; {asks}")),
    });
    Ok(())
}

fn is_grant_ended(code: &str) -> bool {
    code == codes::GRANT_EXPIRED || code == codes::GRANT_REVOKED || code == codes::UNAUTHENTICATED
}
