//! `padlock apps list` and `padlock envs list`; both list without the `list` too.

use clap::{Args, Subcommand};

use super::{Ctx, table};
use crate::api;
use crate::client::segment;

/// `padlock apps` alone lists, like `padlock apps list`.
#[derive(Debug, Args)]
pub struct AppsArgs {
    #[command(subcommand)]
    pub cmd: Option<AppsCmd>,
}

/// `padlock envs --app A` lists, like `padlock envs list --app A`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct EnvsArgs {
    #[command(subcommand)]
    pub cmd: Option<EnvsCmd>,
    /// The app (see padlock apps list)
    #[arg(long, required = true)]
    pub app: Option<String>,
}

impl AppsArgs {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        self.cmd.unwrap_or(AppsCmd::List).run(ctx).await
    }
}

impl EnvsArgs {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        match (self.cmd, self.app) {
            (Some(EnvsCmd::List(args)), _) => list_envs(ctx, &args.app).await,
            (None, Some(app)) => list_envs(ctx, &app).await,
            (None, None) => unreachable!("clap requires --app without a subcommand"),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum AppsCmd {
    /// Apps you belong to (support: all apps)
    List,
}

#[derive(Debug, Subcommand)]
pub enum EnvsCmd {
    /// Environments of an app; 🔒 marks padlocked ones
    List(AppArg),
}

#[derive(Debug, Args)]
pub struct AppArg {
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: String,
}

impl AppsCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let mut conn = ctx.connect()?;
        let apps: Vec<api::App> = conn
            .call(ctx, |c| c.request(reqwest::Method::GET, "/apps"))
            .await?;
        ctx.print(&apps, |apps| {
            if apps.is_empty() {
                return "You belong to no app yet; a technical contact or support can add you."
                    .into();
            }
            table(
                &["APP", "ROLE", "ENVIRONMENTS", "TECHNICAL CONTACTS"],
                apps.iter()
                    .map(|a| {
                        vec![
                            a.name.clone(),
                            a.role.replace('_', " "),
                            a.environments.join(", "),
                            a.technical_contacts.join(", "),
                        ]
                    })
                    .collect(),
            )
        })
    }
}

/// Environments of an app; `padlock envs list` and `padlock env list` both land here.
pub async fn list_envs(ctx: &Ctx, app: &str) -> anyhow::Result<()> {
    let mut conn = ctx.connect()?;
    let path = format!("/apps/{}/envs", segment(app));
    let envs: Vec<api::Environment> = conn
        .call(ctx, |c| c.request(reqwest::Method::GET, &path))
        .await?;
    ctx.print(&envs, |envs| {
        table(
            &[
                "ENVIRONMENT",
                "PADLOCK",
                "STATE",
                "PACKAGE",
                "YOUR PERMISSIONS",
            ],
            envs.iter()
                .map(|e| {
                    vec![
                        e.name.clone(),
                        if e.padlocked {
                            "🔒".into()
                        } else {
                            String::new()
                        },
                        e.state.clone(),
                        e.package_id
                            .map(|id| id.to_string())
                            .unwrap_or_else(|| "-".into()),
                        e.permissions.join(","),
                    ]
                })
                .collect(),
        )
    })
}
