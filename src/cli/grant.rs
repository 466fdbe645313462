//! `padlock grant issue|list|revoke` (CI grants) and `padlock can-i` (pre-flight checks for
//! pipelines).

use clap::{Args, Subcommand};
use reqwest::Method;

use super::{CliError, Ctx, table};
use crate::api::{CanI, CiGrant, CiGrantIssued, IssueGrantRequest};

#[derive(Debug, Subcommand)]
pub enum GrantCmd {
    /// Issue a CI grant (padlocked); the token is printed once
    #[command(after_help = "EXAMPLES:
  padlock grant issue --app shop --env test --allow transport --ttl 7d --label nightly
  padlock grant issue --app shop --env test --env prod --allow transport,backups --output json")]
    Issue(IssueArgs),
    /// Your CI grants (support: everyone's); never the tokens
    List,
    /// Revoke a CI grant; its next use is refused
    Revoke {
        #[arg(value_parser = super::id_parser("a CI grant"))]
        id: i64,
    },
}

#[derive(Debug, Args)]
pub struct IssueArgs {
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: String,
    /// Environment (repeatable)
    #[arg(long = "env", required = true)]
    pub envs: Vec<String>,
    /// Comma-separated: transport, manage, backups
    #[arg(long, value_delimiter = ',', required = true)]
    pub allow: Vec<String>,
    /// Lifetime, e.g. 8h or 7d [default: 8h; capped by the server]
    #[arg(long)]
    pub ttl: Option<String>,
    /// What the grant is for, shown in listings and the audit log
    #[arg(long)]
    pub label: Option<String>,
}

#[derive(Debug, Args)]
pub struct CanIArgs {
    /// transport, start, stop, restart, backup_create, backup_download or backup_restore
    pub operation: String,
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: String,
    /// The environment (see padlock envs --app APP)
    #[arg(long)]
    pub env: String,
}

fn grant_rows(grants: &[CiGrant]) -> String {
    table(
        &[
            "ID",
            "LABEL",
            "APP",
            "ENVIRONMENTS",
            "ALLOW",
            "EXPIRES",
            "LAST USED",
            "STATE",
            "ISSUER",
        ],
        grants
            .iter()
            .map(|g| {
                vec![
                    g.id.to_string(),
                    g.label.clone().unwrap_or_default(),
                    g.app.clone().unwrap_or_default(),
                    g.envs.join(","),
                    g.allow.join(","),
                    crate::time::local_text(&g.expires_at),
                    g.last_used_at
                        .as_deref()
                        .map_or_else(|| "never".into(), crate::time::local_text),
                    g.state.clone(),
                    g.issuer.clone(),
                ]
            })
            .collect(),
    )
}

impl GrantCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let mut conn = ctx.connect()?;
        if conn.is_ci() {
            return Err(CliError::Usage(
                "CI grants are managed by people: unset PADLOCK_GRANT and log in".into(),
            )
            .into());
        }
        match self {
            GrantCmd::Issue(args) => {
                let body = IssueGrantRequest {
                    app: args.app,
                    envs: args.envs,
                    allow: args
                        .allow
                        .iter()
                        .map(|a| a.trim().to_owned())
                        .filter(|a| !a.is_empty())
                        .collect(),
                    ttl: args.ttl,
                    label: args.label,
                };
                let issued: CiGrantIssued = conn
                    .call(ctx, |c| c.request(Method::POST, "/grants").json(&body))
                    .await?;
                ctx.print(&issued, |i| {
                    let g = &i.grant;
                    format!(
                        "CI grant {} for {}/{} allowing {}, valid until {}.\n\
                         Store this token as a CI secret and pass it as PADLOCK_GRANT; it is shown only now:\n{}",
                        g.id,
                        g.app.as_deref().unwrap_or("-"),
                        g.envs.join(","),
                        g.allow.join(","),
                        crate::time::local_text(&g.expires_at),
                        i.token
                    )
                })
            }
            GrantCmd::List => {
                let grants: Vec<CiGrant> = conn
                    .call(ctx, |c| c.request(Method::GET, "/grants"))
                    .await?;
                ctx.print(&grants, |g| {
                    if g.is_empty() {
                        "No CI grants.".into()
                    } else {
                        grant_rows(g)
                    }
                })
            }
            GrantCmd::Revoke { id } => {
                let path = format!("/grants/{id}");
                let grant: CiGrant = conn.call(ctx, |c| c.request(Method::DELETE, &path)).await?;
                ctx.print(&grant, |g| {
                    format!("CI grant {} revoked; its next use is refused.", g.id)
                })
            }
        }
    }
}

/// Asks the server whether the operation would be allowed now, without doing it.
pub async fn can_i(ctx: &Ctx, args: CanIArgs) -> anyhow::Result<()> {
    let conn = ctx.connect()?;
    let query = [
        ("operation", &args.operation),
        ("app", &args.app),
        ("env", &args.env),
    ];
    let answer: CanI = conn
        .client
        .json(conn.client.request(Method::GET, "/can-i").query(&query))
        .await?;
    let left = answer.grant_seconds_left.map(crate::time::human_left);
    ctx.print(&answer, |a| {
        let time = left
            .as_ref()
            .map(|l| format!(" (grant valid for {l})"))
            .unwrap_or_default();
        if a.allowed {
            format!(
                "yes: {} on {}/{} is allowed{time}",
                a.operation, a.app, a.env
            )
        } else {
            format!(
                "no: {}{time}",
                a.message.as_deref().unwrap_or("not allowed")
            )
        }
    })?;
    if answer.allowed {
        Ok(())
    } else {
        // The answer is already on stdout; the error only sets the exit code.
        Err(CliError::NotAllowed(answer.message.unwrap_or_else(|| "not allowed".into())).into())
    }
}
