//! `padlock admin`: support's commands.

use std::io::Read;

use clap::{Args, Subcommand};
use reqwest::Method;

use super::{CliError, Ctx, table};
use crate::api::{self, CreateAppRequest, CreateUserRequest, CreatedUser, EnvironmentSpec};
use crate::client::segment;

#[derive(Debug, Subcommand)]
pub enum AdminCmd {
    /// Accounts
    #[command(subcommand)]
    Users(UsersCmd),
    /// Apps
    #[command(subcommand)]
    Apps(AppsCmd),
    /// Reset a user's second factor and revoke all their grants (padlocked)
    #[command(name = "reset-2fa")]
    ResetTwoFactor { user: String },
}

#[derive(Debug, Subcommand)]
pub enum UsersCmd {
    /// Create an account; prints a generated password when none is given
    Create(CreateUserArgs),
    /// All accounts
    List,
}

#[derive(Debug, Args)]
pub struct CreateUserArgs {
    pub username: String,
    /// Read the password from standard input
    #[arg(long)]
    pub password_stdin: bool,
    /// Make the account a support operator
    #[arg(long)]
    pub support: bool,
}

#[derive(Debug, Subcommand)]
pub enum AppsCmd {
    /// Create an app
    Create(CreateAppArgs),
}

#[derive(Debug, Args)]
pub struct CreateAppArgs {
    pub name: String,
    /// Technical contact (repeatable)
    #[arg(long = "contact", required = true)]
    pub contacts: Vec<String>,
    /// Environment, NAME or NAME:padlocked (repeatable) [default: test, acceptance, production:padlocked]
    #[arg(long = "env")]
    pub envs: Vec<String>,
}

fn parse_env(spec: &str) -> Result<EnvironmentSpec, CliError> {
    match spec.split_once(':') {
        None => Ok(EnvironmentSpec {
            name: spec.to_owned(),
            padlocked: false,
        }),
        Some((name, "padlocked")) => Ok(EnvironmentSpec {
            name: name.to_owned(),
            padlocked: true,
        }),
        Some((_, other)) => Err(CliError::Usage(format!(
            "--env {spec:?}: after the colon only \"padlocked\" is allowed, not {other:?}"
        ))),
    }
}

impl AdminCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let mut conn = ctx.connect()?;
        match self {
            AdminCmd::Users(UsersCmd::Create(args)) => {
                let password = if args.password_stdin {
                    let mut text = String::new();
                    std::io::stdin().read_to_string(&mut text)?;
                    Some(text.trim_end_matches(['\n', '\r']).to_owned())
                } else {
                    None
                };
                let body = CreateUserRequest {
                    username: args.username,
                    password,
                    support: args.support,
                };
                let created: CreatedUser = conn
                    .call(ctx, |c| c.request(Method::POST, "/admin/users").json(&body))
                    .await?;
                ctx.print(&created, |c| match &c.password {
                    Some(password) => format!(
                        "Created {}. Password (shown once): {password}",
                        c.user.username
                    ),
                    None => format!("Created {}.", c.user.username),
                })
            }
            AdminCmd::Users(UsersCmd::List) => {
                let users: Vec<api::User> = conn
                    .call(ctx, |c| c.request(Method::GET, "/admin/users"))
                    .await?;
                ctx.print(&users, |users| {
                    table(
                        &["USER", "SUPPORT", "SECOND FACTOR", "CREATED"],
                        users
                            .iter()
                            .map(|u| {
                                vec![
                                    u.username.clone(),
                                    if u.support { "yes" } else { "" }.into(),
                                    u.second_factor
                                        .as_deref()
                                        .map_or("-", super::method_words)
                                        .to_owned(),
                                    crate::time::local_text(&u.created_at),
                                ]
                            })
                            .collect(),
                    )
                })
            }
            AdminCmd::Apps(AppsCmd::Create(args)) => {
                let environments = args
                    .envs
                    .iter()
                    .map(|e| parse_env(e))
                    .collect::<Result<Vec<_>, _>>()?;
                let body = CreateAppRequest {
                    name: args.name,
                    contacts: args.contacts,
                    environments,
                };
                let app: api::App = conn
                    .call(ctx, |c| c.request(Method::POST, "/admin/apps").json(&body))
                    .await?;
                ctx.print(&app, |a| {
                    format!(
                        "Created app {} with {} (technical contacts: {}).",
                        a.name,
                        a.environments.join(", "),
                        a.technical_contacts.join(", ")
                    )
                })
            }
            AdminCmd::ResetTwoFactor { user } => {
                let path = format!("/admin/users/{}/reset-2fa", segment(&user));
                let reset: api::User = conn.call(ctx, |c| c.request(Method::POST, &path)).await?;
                ctx.print(&reset, |u| format!("Second factor of {} reset and their grants revoked; their next padlocked operation sets it up again.", u.username))
            }
        }
    }
}
