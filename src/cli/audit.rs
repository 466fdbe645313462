//! `padlock audit`: the audit log; `--output json` prints it as one array like every list,
//! `--output jsonl` one event per line for log shippers.

use clap::Args;
use reqwest::Method;

use super::{CliError, Ctx, table};
use crate::api::AuditEvent;

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: Option<String>,
    /// Only the events of this operation (see padlock ops list)
    #[arg(long, value_name = "ID", value_parser = super::id_parser("an operation"))]
    pub operation: Option<i64>,
    /// How far back: 24h, 7d, 30m
    #[arg(long, default_value = "24h")]
    pub since: String,
    /// At most this many (the newest)
    #[arg(long, default_value_t = 1000)]
    pub limit: i64,
}

pub async fn audit(ctx: &Ctx, args: AuditArgs) -> anyhow::Result<()> {
    let span = crate::config::parse_span(&args.since).map_err(CliError::Usage)?;
    let since = crate::time::now() - span.seconds();
    let mut query = vec![
        ("since", since.to_string()),
        ("limit", args.limit.to_string()),
    ];
    if let Some(app) = &args.app {
        query.push(("app", app.clone()));
    }
    if let Some(operation) = args.operation {
        query.push(("operation", operation.to_string()));
    }
    let mut conn = ctx.connect()?;
    let events: Vec<AuditEvent> = conn
        .call(ctx, |c| c.request(Method::GET, "/audit").query(&query))
        .await?;
    ctx.print(&events, |events| {
        table(
            &[
                "ID",
                "AT",
                "ACTOR",
                "ACTION",
                "TARGET",
                "OUTCOME",
                "VIA",
                "OPERATION",
            ],
            events
                .iter()
                .map(|e| {
                    let target = match (&e.app, &e.env) {
                        (Some(app), Some(env)) => format!("{app}/{env}"),
                        (Some(app), None) => app.clone(),
                        _ => "-".into(),
                    };
                    let outcome = match &e.reason {
                        Some(reason) => format!("{} ({reason})", e.outcome),
                        None => e.outcome.clone(),
                    };
                    vec![
                        e.id.to_string(),
                        crate::time::local_text(&e.at),
                        e.actor.clone(),
                        e.action.clone(),
                        target,
                        outcome,
                        e.via.clone().unwrap_or_default(),
                        e.operation_id.map(|id| id.to_string()).unwrap_or_default(),
                    ]
                })
                .collect(),
        )
    })
}
