//! `padlock transport` and `padlock env start|stop|restart`: each starts an operation on the
//! server and follows it to its end. Stopping a padlocked environment or restoring a backup
//! over it first says what will happen and asks, when a person is at a terminal.

use clap::{Args, Subcommand};
use reqwest::Method;

use super::{CliError, Ctx};
use crate::api::{self, Operation, OperationRequest};
use crate::client::segment;
use crate::vocabulary::OperationKind;

#[derive(Debug, Args)]
pub struct TransportArgs {
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: String,
    /// The package to transport (see padlock packages list)
    #[arg(
        long,
        value_name = "ID",
        conflicts_with = "from",
        required_unless_present = "from",
        value_parser = super::id_parser("a package")
    )]
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
    /// Environments of the app (the same as padlock envs --app APP)
    List(super::apps::AppArg),
    /// Start an environment
    Start(EnvArgs),
    /// Stop an environment
    Stop(EnvArgs),
    /// Restart an environment
    Restart(EnvArgs),
}

#[derive(Debug, Args)]
pub struct EnvArgs {
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: String,
    /// The environment (see padlock envs --app APP)
    #[arg(long)]
    pub env: String,
    /// Start it and print the operation id, without following it
    #[arg(long)]
    pub detach: bool,
    /// Do not ask before stopping a padlocked environment (nothing asks without a terminal)
    #[arg(long, short)]
    pub yes: bool,
}

/// Starts an operation and, unless detached, follows it to its end. `yes` skips the question
/// a destructive operation on a padlocked environment asks at a terminal.
pub async fn operate(
    ctx: &Ctx,
    app: &str,
    env: &str,
    mut request: OperationRequest,
    detach: bool,
    yes: bool,
) -> anyhow::Result<()> {
    let mut conn = ctx.connect()?;
    if !yes
        && ctx.interactive()
        && matches!(
            request.kind.parse(),
            Ok(OperationKind::Stop | OperationKind::BackupRestore)
        )
    {
        confirm(ctx, &mut conn, app, env, &mut request).await?;
    }
    let path = format!("/apps/{}/envs/{}/operations", segment(app), segment(env));
    let op: Operation = conn
        .call(ctx, |c| c.request(Method::POST, &path).json(&request))
        .await?;
    warn_if_grant_ends_first(ctx, &op);
    if detach {
        return ctx.print(&op, |op| {
            format!("Operation {} started: padlock ops follow {}", op.id, op.id)
        });
    }
    ctx.note(format!(
        "Operation {}: {} on {}/{}",
        op.id,
        super::kind_words(&op.kind),
        op.app,
        op.env
    ));
    super::ops::follow(ctx, &mut conn, op.id).await
}

/// Says what a stop or a restore on a padlocked environment will do and asks. A restore
/// without an id is pinned to the backup named in the question, so a backup finishing
/// meanwhile cannot change what the person agreed to.
async fn confirm(
    ctx: &Ctx,
    conn: &mut super::Connection,
    app: &str,
    env: &str,
    request: &mut OperationRequest,
) -> anyhow::Result<()> {
    let envs_path = format!("/apps/{}/envs", segment(app));
    let envs: Vec<api::Environment> = conn
        .call(ctx, |c| c.request(Method::GET, &envs_path))
        .await?;
    // Unknown environments and plain ones go straight to the server, which decides.
    let Some(target) = envs.into_iter().find(|e| e.name == env && e.padlocked) else {
        return Ok(());
    };
    let running = match target.package_id {
        Some(id) => format!("package {id}"),
        None => "no package".into(),
    };
    let question = if request.kind == OperationKind::Stop.as_str() {
        format!(
            "This stops {app}/{env} (padlocked, {}, running {running}); it stays down until padlock env start.",
            target.state
        )
    } else {
        let backups_path = format!("/apps/{}/envs/{}/backups", segment(app), segment(env));
        let backups: Vec<api::Backup> = conn
            .call(ctx, |c| c.request(Method::GET, &backups_path))
            .await?;
        let latest = if request.backup_id.is_none() {
            "the latest, "
        } else {
            ""
        };
        let backup = match request.backup_id {
            Some(id) => backups.into_iter().find(|b| b.id == id && b.ready),
            None => backups.into_iter().rev().find(|b| b.ready),
        };
        // No such backup: the server's refusal says so.
        let Some(backup) = backup else { return Ok(()) };
        request.backup_id = Some(backup.id);
        let age = crate::time::parse_rfc3339(&backup.created_at)
            .map(|at| format!(", {} ago", crate::time::human_left(crate::time::now() - at)))
            .unwrap_or_default();
        format!(
            "This restores backup {} ({latest}created {}{age}) over the data of {app}/{env} (padlocked, running {running}); changes since that backup are lost.",
            backup.id,
            crate::time::local_text(&backup.created_at)
        )
    };
    eprintln!("{question}");
    let go_on = tokio::task::spawn_blocking(|| {
        dialoguer::Confirm::new()
            .with_prompt("Go on?")
            .default(false)
            .interact()
    })
    .await??;
    if !go_on {
        anyhow::bail!("nothing was done (pass --yes to skip this question)");
    }
    Ok(())
}

/// Without a past run to go by, a grant with less than this left is worth a warning.
const SHORT_GRANT_SECONDS: i64 = 15 * 60;

/// Warns when the grant in force will expire before a run as long as the last one ends:
/// the operation itself goes on, but following it or the next step may need a new grant.
fn warn_if_grant_ends_first(ctx: &Ctx, op: &Operation) {
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
                    super::kind_words(&op.kind),
                    crate::time::human_left(s)
                )
            })
            .unwrap_or_default();
        ctx.note(format!(
            "warning: the grant in force expires in {}{typical}; renew it before the next step (padlock 2fa verify, or a new CI grant)",
            crate::time::human_left(left)
        ));
    }
}

pub async fn transport(ctx: &Ctx, args: TransportArgs) -> anyhow::Result<()> {
    if args.from.as_deref() == Some(args.to.as_str()) {
        return Err(CliError::Usage("--from and --to name the same environment".into()).into());
    }
    let request = OperationRequest {
        kind: OperationKind::Transport.to_string(),
        package_id: args.package,
        from_env: args.from,
        backup_id: None,
    };
    operate(ctx, &args.app, &args.to, request, args.detach, false).await
}

impl EnvCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let (kind, args) = match self {
            EnvCmd::List(args) => return super::apps::list_envs(ctx, &args.app).await,
            EnvCmd::Start(args) => (OperationKind::Start, args),
            EnvCmd::Stop(args) => (OperationKind::Stop, args),
            EnvCmd::Restart(args) => (OperationKind::Restart, args),
        };
        let request = OperationRequest {
            kind: kind.to_string(),
            ..OperationRequest::default()
        };
        operate(ctx, &args.app, &args.env, request, args.detach, args.yes).await
    }
}
