//! `padlock ops list|show|follow`, and following an operation to its end for the commands that
//! start one: its log streams to stdout, Ctrl-C detaches without cancelling it.

use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};
use reqwest::Method;

use super::{Connection, Ctx, table};
use crate::api::{Operation, OperationProgress};
use crate::vocabulary::OperationState;

#[derive(Debug, Subcommand)]
pub enum OpsCmd {
    /// Recent operations you may view, newest first
    #[command(after_help = "EXAMPLES:
  padlock ops list --app shop --env prod
  padlock ops list --state running --output json")]
    List(ListArgs),
    /// An operation's state and log
    Show {
        #[arg(value_parser = super::id_parser("an operation"))]
        id: i64,
    },
    /// Follow an operation until it ends, printing its log
    Follow {
        #[arg(value_parser = super::id_parser("an operation"))]
        id: i64,
    },
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this app's operations (see padlock apps list)
    #[arg(long)]
    pub app: Option<String>,
    /// Only this environment's operations
    #[arg(long)]
    pub env: Option<String>,
    /// Only operations in this state
    #[arg(long, value_enum)]
    pub state: Option<OpState>,
    /// At most this many (the newest, up to 100)
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(i64).range(1..=100))]
    pub limit: i64,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OpState {
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// The operation ended in failure: exit 1 (its log says why).
#[derive(Debug, thiserror::Error)]
#[error("{} on {app}/{env} failed (operation {id}); its log above says why", super::kind_words(.kind))]
pub struct OperationFailed {
    pub id: i64,
    pub kind: String,
    pub app: String,
    pub env: String,
}

impl OpsCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let mut conn = ctx.connect()?;
        match self {
            OpsCmd::List(args) => list(ctx, &mut conn, args).await,
            OpsCmd::Show { id } => {
                let progress: OperationProgress = conn
                    .call(ctx, |c| {
                        c.request(Method::GET, &format!("/operations/{id}"))
                    })
                    .await?;
                ctx.print(&progress, |p| {
                    format!("{}\n{}", describe(&p.operation), p.log)
                })
            }
            OpsCmd::Follow { id } => follow(ctx, &mut conn, id).await,
        }
    }
}

async fn list(ctx: &Ctx, conn: &mut Connection, args: ListArgs) -> anyhow::Result<()> {
    let mut query = vec![("limit", args.limit.to_string())];
    query.extend(args.app.map(|app| ("app", app)));
    query.extend(args.env.map(|env| ("env", env)));
    query.extend(args.state.map(|state| {
        let name = state.to_possible_value().expect("no variant is skipped");
        ("state", name.get_name().to_owned())
    }));
    let ops: Vec<Operation> = conn
        .call(ctx, |c| c.request(Method::GET, "/operations").query(&query))
        .await?;
    ctx.print(&ops, |ops| {
        if ops.is_empty() {
            return "No operations.".into();
        }
        table(
            &["ID", "STARTED", "KIND", "TARGET", "BY", "STATE"],
            ops.iter()
                .map(|op| {
                    vec![
                        op.id.to_string(),
                        crate::time::local_text(&op.created_at),
                        super::kind_words(&op.kind).to_owned(),
                        format!("{}/{}", op.app, op.env),
                        op.actor.clone(),
                        op.state.clone(),
                    ]
                })
                .collect(),
        )
    })
}

fn describe(op: &Operation) -> String {
    format!(
        "Operation {}: {} on {}/{} by {}, {} (started {})",
        op.id,
        super::kind_words(&op.kind),
        op.app,
        op.env,
        op.actor,
        op.state,
        crate::time::local_text(&op.created_at)
    )
}

/// Streams the operation's log until it ends; exits 0 only on success.
pub async fn follow(ctx: &Ctx, conn: &mut Connection, id: i64) -> anyhow::Result<()> {
    use std::io::Write;
    let mut offset = 0u64;
    let mut interval = tokio::time::interval(Duration::from_millis(300));
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        tokio::select! {
            _ = &mut ctrl_c => {
                eprintln!("\nDetached; operation {id} goes on. Follow it again with: padlock ops follow {id}");
                std::process::exit(130);
            }
            _ = interval.tick() => {}
        }
        let path = format!("/operations/{id}?log_offset={offset}");
        let progress: OperationProgress = conn.call(ctx, |c| c.request(Method::GET, &path)).await?;
        if !ctx.json() && !progress.log.is_empty() {
            let mut out = std::io::stdout().lock();
            out.write_all(progress.log.as_bytes())?;
            out.flush()?;
        }
        offset = progress.next_offset;
        let op = progress.operation;
        if op.finished() {
            // A failed operation is an error: stdout stays empty and stderr says which.
            return if op.state == OperationState::Succeeded.as_str() {
                if ctx.json() {
                    ctx.print(&op, |_| String::new())?;
                }
                Ok(())
            } else {
                Err(OperationFailed {
                    id: op.id,
                    kind: op.kind,
                    app: op.app,
                    env: op.env,
                }
                .into())
            };
        }
    }
}
