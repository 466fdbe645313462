//! `padlock login`, `logout` and `status`: the session and where it is kept.

use std::io::Read;
use std::time::Duration;

use clap::Args;
use reqwest::Method;

use super::{CliError, Ctx, LocalState, Secrets, load_secrets};
use crate::api::{LoginRequest, LoginResponse, TwoFactorStatus, Version, codes};
use crate::client::{Auth, Client, ClientError};

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Your username (asked for on a terminal when omitted)
    pub username: Option<String>,
    /// Read the password from standard input (also: PADLOCK_PASSWORD)
    #[arg(long)]
    pub password_stdin: bool,
}

fn read_password(ctx: &Ctx, args: &LoginArgs) -> anyhow::Result<String> {
    if args.password_stdin {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        let password = text
            .strip_suffix('\n')
            .map(|t| t.strip_suffix('\r').unwrap_or(t))
            .unwrap_or(&text);
        if password.is_empty() {
            return Err(CliError::Usage("--password-stdin read an empty password".into()).into());
        }
        return Ok(password.to_owned());
    }
    if let Ok(password) = std::env::var("PADLOCK_PASSWORD") {
        return Ok(password);
    }
    if ctx.interactive() {
        return Ok(dialoguer::Password::new()
            .with_prompt("Password")
            .interact()?);
    }
    Err(CliError::Usage(
        "no password and no terminal to ask for one: pass it on standard input with --password-stdin, or set PADLOCK_PASSWORD".into(),
    )
    .into())
}

pub async fn login(ctx: &Ctx, args: LoginArgs) -> anyhow::Result<()> {
    let state = ctx.load_state()?;
    let server = ctx.server_url(&state)?;
    let client = Client::new(&server, Auth::None)?;
    // A wrong address or a server that is down is said before anyone types a password.
    match client.get::<Version>("/version").await {
        // An older padlock server has no /v1/version, but answers in padlock's error shape.
        Ok(_) | Err(ClientError::Api(_)) => {}
        Err(err) => return Err(err.into()),
    }
    let username = match &args.username {
        Some(name) => name.clone(),
        None if ctx.interactive() => dialoguer::Input::<String>::new()
            .with_prompt("Username")
            .interact_text()?,
        None => {
            return Err(CliError::Usage(
                "name the user to log in as: padlock login USERNAME".into(),
            )
            .into());
        }
    };
    let password = read_password(ctx, &args)?;
    // Open the credential store first: if it is unusable, say so before asking the server.
    let (store, choice) = ctx.open_store(&state)?;
    let response: LoginResponse = client
        .json(
            client
                .request(Method::POST, "/sessions")
                .json(&LoginRequest { username, password }),
        )
        .await?;
    let secrets = Secrets {
        session: response.token,
        grant: None,
        grant_expires_at: None,
    };
    store.save(&server, &serde_json::to_string(&secrets)?)?;
    let new_state = LocalState {
        server: Some(server.clone()),
        user: Some(response.user.username.clone()),
        second_factor: response.user.second_factor.clone(),
        grant_expires_at: None,
        credential_store: choice,
        credential_store_name: Some(store.name()),
    };
    ctx.save_state(&new_state)?;
    ctx.print(&response.user, |user| {
        let factor = match &user.second_factor {
            Some(method) => format!("second factor: {}", super::method_words(method)),
            None => "no second factor yet: your first padlocked operation will set one up".into(),
        };
        format!(
            "Logged in to {server} as {} ({factor}).\nCredentials kept in the {}.",
            user.username,
            store.name()
        )
    })
}

pub async fn logout(ctx: &Ctx) -> anyhow::Result<()> {
    let state = ctx.load_state()?;
    let server = ctx.server_url(&state)?;
    let (store, _) = ctx.open_store(&state)?;
    let mut ended_on_server = false;
    if let Some(secrets) = load_secrets(store.as_ref(), &server)? {
        let client = Client::new(
            &server,
            Auth::Session {
                token: secrets.session,
                grant: None,
            },
        )?;
        match client
            .send(client.request(Method::DELETE, "/sessions/current"))
            .await
        {
            Ok(_) => ended_on_server = true,
            // An already ended session is as good as ended.
            Err(err) if err.code() == Some(crate::api::codes::UNAUTHENTICATED) => {
                ended_on_server = true
            }
            Err(err) => ctx.note(format!(
                "warning: the session could not be ended on the server: {err}"
            )),
        }
    }
    store.delete(&server)?;
    ctx.save_state(&LocalState {
        server: Some(server.clone()),
        ..LocalState::default()
    })?;
    let result = serde_json::json!({ "server": server, "logged_out": true, "session_ended_on_server": ended_on_server });
    ctx.print(&result, |_| format!("Logged out of {server}."))
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Show what is cached here without asking the server
    #[arg(long)]
    pub offline: bool,
}

/// What the server said of the cached session and grant.
enum Check {
    /// Not asked: `--offline`, not logged in, or a CI grant.
    Skipped,
    /// Asked, but no answer: the reason.
    Failed(String),
    SessionEnded,
    Answered(TwoFactorStatus),
}

/// Asks the server about the session and grant in the credential store, briefly: status
/// must stay quick when the server is away.
async fn check(ctx: &Ctx) -> Check {
    let conn = match ctx.connect() {
        Ok(conn) => conn,
        Err(err) => return Check::Failed(format!("{err:#}")),
    };
    let answer = conn.client.get::<TwoFactorStatus>("/2fa");
    match tokio::time::timeout(Duration::from_secs(5), answer).await {
        Ok(Ok(status)) => Check::Answered(status),
        Ok(Err(err)) if err.code() == Some(codes::UNAUTHENTICATED) => Check::SessionEnded,
        Ok(Err(err)) => Check::Failed(err.to_string()),
        Err(_) => Check::Failed("no answer within 5 s".into()),
    }
}

/// The local state (who, which server, second factor, grant expiry), checked with the server
/// unless `--offline` or it cannot be reached; then the cached values are marked as such.
pub async fn status(ctx: &Ctx, args: StatusArgs) -> anyhow::Result<()> {
    let mut state = ctx.load_state()?;
    let server = ctx.global.server.clone().or(state.server.clone());
    let ci_grant = std::env::var("PADLOCK_GRANT").is_ok_and(|g| !g.is_empty());
    let check = if args.offline || ci_grant || state.user.is_none() {
        Check::Skipped
    } else {
        check(ctx).await
    };
    let cached_factor = state.second_factor.clone();
    let mut grant_state = None;
    match &check {
        Check::Answered(answer) => {
            state.second_factor = answer.method.clone().filter(|_| answer.active);
            grant_state = answer.grant_state.clone();
            if grant_state.as_deref() != Some("valid") {
                state.grant_expires_at = None;
            }
            ctx.save_state(&state)?;
        }
        Check::SessionEnded => {
            state.grant_expires_at = None;
            grant_state = Some("none".into());
        }
        Check::Skipped | Check::Failed(_) => {}
    }
    let now = crate::time::now();
    let grant_left = state
        .grant_expires_at
        .map(|at| at - now)
        .filter(|left| *left > 0);
    let grant_state = grant_state.unwrap_or_else(|| {
        if grant_left.is_some() {
            "valid"
        } else {
            "none"
        }
        .into()
    });
    let checked = matches!(check, Check::Answered(_) | Check::SessionEnded);
    let store_name = if ci_grant {
        Some("none (PADLOCK_GRANT)".to_owned())
    } else {
        state.credential_store_name.clone().or_else(|| {
            ctx.global
                .credential_store
                .map(|c| format!("{c:?}").to_lowercase())
        })
    };
    let status = serde_json::json!({
        "user": state.user,
        "server": server,
        "second_factor": state.second_factor,
        "grant_expires_at": grant_left.and(state.grant_expires_at).map(crate::time::rfc3339),
        "grant_seconds_left": grant_left.unwrap_or(0),
        "grant_state": grant_state,
        "credential_store": store_name,
        "ci_grant": ci_grant,
        "checked": checked,
        "session_ended": matches!(check, Check::SessionEnded),
    });
    ctx.print(&status, |_| {
        let mut lines = Vec::new();
        match (&state.user, &server) {
            (Some(user), Some(server)) => lines.push(format!("Logged in to {server} as {user}.")),
            (None, Some(server)) => lines.push(format!("Not logged in to {server}.")),
            _ => lines.push("Not logged in: run padlock login --server URL USER.".into()),
        }
        if state.user.is_some() {
            let cached = if checked { "" } else { " (cached)" };
            if matches!(check, Check::SessionEnded) {
                lines.push("Session: ended on the server; run padlock login again".into());
            }
            lines.push(match (&state.second_factor, &cached_factor) {
                (Some(method), _) => {
                    format!("Second factor: {}{cached}", super::method_words(method))
                }
                (None, Some(was)) if checked => format!(
                    "Second factor: reset on the server (was {}); run padlock 2fa setup",
                    super::method_words(was)
                ),
                (None, _) => format!("Second factor: not set up yet{cached}"),
            });
            let asks = "the next padlocked command asks for a code";
            lines.push(match (grant_state.as_str(), grant_left) {
                ("valid", Some(left)) => {
                    format!("Grant: valid for {}{cached}", crate::time::human_left(left))
                }
                ("revoked", _) => format!("Grant: revoked on the server ({asks})"),
                ("expired", _) => format!("Grant: expired ({asks})"),
                _ => format!("Grant: none ({asks}){cached}"),
            });
            match &check {
                Check::Failed(reason) => lines.push(format!(
                    "Could not check these with the server; they are the values cached here: {reason}"
                )),
                Check::Skipped if args.offline => {
                    lines.push("Not checked with the server (--offline).".into())
                }
                _ => {}
            }
        }
        if ci_grant {
            lines.push("Using the CI grant from PADLOCK_GRANT.".into());
        }
        if let Some(name) = &store_name {
            lines.push(format!("Credential store: {name}"));
        }
        lines.join("\n")
    })
}
