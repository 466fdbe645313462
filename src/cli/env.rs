//! `padlock transport` and `padlock env start|stop|restart`: each starts an operation on the
//! server and follows it to its end.

use clap::{Args, Subcommand};
use reqwest::Method;

use super::{CliError, Ctx};
use crate::api::{Operation, OperationRequest};
use crate::client::segment;

#[derive(Debug, Args)]
pub struct TransportArgs {
    #[arg(long)]
    pub app: String,
    /// The package to transport (see padlock packages list)
    #[arg(long, conflicts_with = "from", required_unless_present = "from")]
    pub package: Option<i64>,
    /// Promote the package that runs in this environment
    #[arg(long)]
    pub from: Option<String>,
    /// The environment to transport to
    #[arg(long)]
    pub to: String,
    /// Start it and print the operation id, without following it
    #[arg(long)]
    pub detach: bool,
}

#[derive(Debug, Subcommand)]
pub enum EnvCmd {
    /// Start an environment
    Start(EnvArgs),
    /// Stop an environment
    Stop(EnvArgs),
    /// Restart an environment
    Restart(EnvArgs),
}

#[derive(Debug, Args)]
pub struct EnvArgs {
    #[arg(long)]
    pub app: String,
    #[arg(long)]
    pub env: String,
    /// Start it and print the operation id, without following it
    #[arg(long)]
    pub detach: bool,
}

/// Starts an operation and, unless detached, follows it to its end.
pub async fn operate(
    ctx: &Ctx,
    app: &str,
    env: &str,
    request: OperationRequest,
    detach: bool,
) -> anyhow::Result<()> {
    let mut conn = ctx.connect()?;
    let path = format!("/apps/{}/envs/{}/operations", segment(app), segment(env));
    let op: Operation = conn
        .call(ctx, |c| c.request(Method::POST, &path).json(&request))
        .await?;
    warn_if_grant_ends_first(&op);
    if detach {
        return ctx.print(&op, |op| {
            format!("Operation {} started: padlock ops follow {}", op.id, op.id)
        });
    }
    ctx.note(format!(
        "Operation {}: {} on {}/{}",
        op.id, op.kind, op.app, op.env
    ));
    super::ops::follow(ctx, &mut conn, op.id).await
}

/// Without a past run to go by, a grant with less than this left is worth a warning.
const SHORT_GRANT_SECONDS: i64 = 15 * 60;

/// Warns when the grant in force will expire before a run as long as the last one ends:
/// the operation itself goes on, but following it or the next step may need a new grant.
fn warn_if_grant_ends_first(op: &Operation) {
    let Some(expires_at) = op
        .grant_expires_at
        .as_deref()
        .and_then(crate::time::parse_rfc3339)
    else {
        return;
    };
    let left = expires_at - crate::time::now();
    let needed = op.typical_seconds.unwrap_or(SHORT_GRANT_SECONDS);
    if left < needed {
        let typical = op
            .typical_seconds
            .map(|s| {
                format!(
                    ", and the last {} there took {}",
                    op.kind,
                    crate::time::human_left(s)
                )
            })
            .unwrap_or_default();
        eprintln!(
            "warning: the grant in force expires in {}{typical}; renew it before the next step (padlock 2fa verify, or a new CI grant)",
            crate::time::human_left(left)
        );
    }
}

pub async fn transport(ctx: &Ctx, args: TransportArgs) -> anyhow::Result<()> {
    if args.from.as_deref() == Some(args.to.as_str()) {
        return Err(CliError::Usage("--from and --to name the same environment".into()).into());
    }
    let request = OperationRequest {
        kind: "transport".into(),
        package_id: args.package,
        from_env: args.from,
        backup_id: None,
    };
    operate(ctx, &args.app, &args.to, request, args.detach).await
}

impl EnvCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let (kind, args) = match self {
            EnvCmd::Start(args) => ("start", args),
            EnvCmd::Stop(args) => ("stop", args),
            EnvCmd::Restart(args) => ("restart", args),
        };
        let request = OperationRequest {
            kind: kind.into(),
            ..OperationRequest::default()
        };
        operate(ctx, &args.app, &args.env, request, args.detach).await
    }
}
