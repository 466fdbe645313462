//! `padlock permissions list|grant|revoke`: node permissions per member and environment.

use clap::{Args, Subcommand};
use reqwest::Method;

use super::{CliError, Ctx, table};
use crate::api::{PermissionChange, PermissionEntry};
use crate::client::segment;

#[derive(Debug, Subcommand)]
pub enum PermissionsCmd {
    /// Who may do what on the app's environments
    List(ListArgs),
    /// Give a member permissions (padlocked on padlocked environments)
    Grant(ChangeArgs),
    /// Take permissions away (padlocked on padlocked environments)
    Revoke(ChangeArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: String,
    /// The environment (see padlock envs --app APP)
    #[arg(long)]
    pub env: Option<String>,
    /// The member's username
    #[arg(long)]
    pub user: Option<String>,
}

#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: String,
    /// One environment [default: every environment of the app]
    #[arg(long)]
    pub env: Option<String>,
    /// The member's username
    #[arg(long)]
    pub user: String,
    /// Comma-separated: view, transport, manage, backups
    #[arg(long, value_delimiter = ',', required = true)]
    pub allow: Vec<String>,
}

fn print(ctx: &Ctx, entries: &Vec<PermissionEntry>) -> anyhow::Result<()> {
    ctx.print(entries, |entries| {
        table(
            &["USER", "ENVIRONMENT", "PERMISSIONS"],
            entries
                .iter()
                .map(|e| {
                    let role = if e.technical_contact {
                        " (technical contact)"
                    } else {
                        ""
                    };
                    vec![
                        format!("{}{role}", e.user),
                        e.env.clone(),
                        e.permissions.join(","),
                    ]
                })
                .collect(),
        )
    })
}

impl PermissionsCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let mut conn = ctx.connect()?;
        match self {
            PermissionsCmd::List(args) => {
                let path = format!("/apps/{}/permissions", segment(&args.app));
                let mut query = Vec::new();
                if let Some(env) = &args.env {
                    query.push(("env", env.clone()));
                }
                if let Some(user) = &args.user {
                    query.push(("user", user.clone()));
                }
                let entries: Vec<PermissionEntry> = conn
                    .call(ctx, |c| c.request(Method::GET, &path).query(&query))
                    .await?;
                print(ctx, &entries)
            }
            PermissionsCmd::Grant(args) | PermissionsCmd::Revoke(args)
                if args.allow.iter().all(|a| a.trim().is_empty()) =>
            {
                Err(CliError::Usage(
                    "--allow needs at least one of view, transport, manage, backups".into(),
                )
                .into())
            }
            PermissionsCmd::Grant(args) => change(ctx, &mut conn, args, "grant").await,
            PermissionsCmd::Revoke(args) => change(ctx, &mut conn, args, "revoke").await,
        }
    }
}

async fn change(
    ctx: &Ctx,
    conn: &mut super::Connection,
    args: ChangeArgs,
    verb: &str,
) -> anyhow::Result<()> {
    let path = format!("/apps/{}/permissions/{verb}", segment(&args.app));
    let body = PermissionChange {
        user: args.user,
        env: args.env,
        allow: args
            .allow
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect(),
    };
    let entries: Vec<PermissionEntry> = conn
        .call(ctx, |c| c.request(Method::POST, &path).json(&body))
        .await?;
    print(ctx, &entries)
}
