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
