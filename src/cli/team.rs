//! `padlock team list|add|remove`: an app's team. `develop` members read the app and upload
//! packages; `deploy` members may be granted node permissions per environment.

use clap::{Args, Subcommand, ValueEnum};
use reqwest::Method;

use super::{Ctx, table};
use crate::api::{TeamChange, TeamMember};
use crate::client::segment;

#[derive(Debug, Subcommand)]
pub enum TeamCmd {
    /// Who is on the app's team, with which role
    List(super::apps::AppArg),
    /// Put a user on the team, or change their role (padlocked for deploy on apps with a
    /// padlocked environment)
    Add(AddArgs),
    /// Take a user off the team, with their node permissions and CI grants for the app
    /// (padlocked on apps with a padlocked environment)
    Remove(RemoveArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Role {
    /// Reads the app's environments and packages, uploads packages
    Develop,
    /// May be granted node permissions (padlock permissions grant)
    Deploy,
}

impl Role {
    fn to_api(self) -> String {
        match self {
            Role::Develop => "develop",
            Role::Deploy => "deploy",
        }
        .to_owned()
    }
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: String,
    /// The member's username
    #[arg(long)]
    pub user: String,
    #[arg(long, value_enum, default_value = "develop")]
    pub role: Role,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: String,
    /// The member's username
    #[arg(long)]
    pub user: String,
}

fn print(ctx: &Ctx, team: &Vec<TeamMember>) -> anyhow::Result<()> {
    ctx.print(team, |team| {
        table(
            &["USER", "ROLE"],
            team.iter()
                .map(|m| {
                    let contact = if m.technical_contact {
                        " (technical contact)"
                    } else {
                        ""
                    };
                    vec![m.user.clone(), format!("{}{contact}", m.role)]
                })
                .collect(),
        )
    })
}

impl TeamCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let mut conn = ctx.connect()?;
        let (app, verb, body) = match self {
            TeamCmd::List(args) => {
                let path = format!("/apps/{}/team", segment(&args.app));
                let team: Vec<TeamMember> =
                    conn.call(ctx, |c| c.request(Method::GET, &path)).await?;
                return print(ctx, &team);
            }
            TeamCmd::Add(args) => (
                args.app,
                "add",
                TeamChange {
                    user: args.user,
                    role: Some(args.role.to_api()),
                },
            ),
            TeamCmd::Remove(args) => (
                args.app,
                "remove",
                TeamChange {
                    user: args.user,
                    role: None,
                },
            ),
        };
        let path = format!("/apps/{}/team/{verb}", segment(&app));
        let team: Vec<TeamMember> = conn
            .call(ctx, |c| c.request(Method::POST, &path).json(&body))
            .await?;
        print(ctx, &team)
    }
}
