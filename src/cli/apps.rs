//! `padlock apps list` and `padlock envs list`.

use clap::{Args, Subcommand};

use super::{Ctx, table};
use crate::api;
use crate::client::segment;

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

impl EnvsCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let EnvsCmd::List(args) = self;
        let mut conn = ctx.connect()?;
        let path = format!("/apps/{}/envs", segment(&args.app));
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
}
