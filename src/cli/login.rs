//! `padlock login`, `logout` and `status`: the session and where it is kept.

use std::io::Read;

use clap::Args;
use reqwest::Method;

use super::{CliError, Ctx, LocalState, Secrets, load_secrets};
use crate::api::{LoginRequest, LoginResponse};
use crate::client::{Auth, Client};

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
    let client = Client::new(&server, Auth::None)?;
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
            Some(method) => format!("second factor: {method}"),
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

/// Offline: only what the last login left in the local state.
pub fn status(ctx: &Ctx) -> anyhow::Result<()> {
    let state = ctx.load_state()?;
    let now = crate::time::now();
    let grant_left = state
        .grant_expires_at
        .map(|at| at - now)
        .filter(|left| *left > 0);
    let server = ctx.global.server.clone().or(state.server.clone());
    let ci_grant = std::env::var("PADLOCK_GRANT").is_ok_and(|g| !g.is_empty());
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
        "credential_store": store_name,
        "ci_grant": ci_grant,
    });
    ctx.print(&status, |_| {
        let mut lines = Vec::new();
        match (&state.user, &server) {
            (Some(user), Some(server)) => lines.push(format!("Logged in to {server} as {user}.")),
            (None, Some(server)) => lines.push(format!("Not logged in to {server}.")),
            _ => lines.push("Not logged in: run padlock login --server URL USER.".into()),
        }
        if state.user.is_some() {
            lines.push(format!(
                "Second factor: {}",
                state.second_factor.as_deref().unwrap_or("not set up yet")
            ));
            lines.push(match grant_left {
                Some(left) => format!("Grant: valid for {}", crate::time::human_left(left)),
                None => "Grant: none (the next padlocked command asks for a code)".into(),
            });
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
