//! `padlock backups list|create|download|restore`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use futures_util::StreamExt;
use reqwest::Method;
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use super::{CliError, Ctx, table};
use crate::api::{self, OperationRequest};
use crate::client::segment;
use crate::vocabulary::OperationKind;

#[derive(Debug, Subcommand)]
pub enum BackupsCmd {
    /// Backups of an environment
    List(Target),
    /// Create a backup (runs the backup hook)
    Create(Target),
    /// Download a backup (the latest without an id)
    Download(DownloadArgs),
    /// Restore a backup over the environment's data (the latest without an id)
    Restore(RestoreArgs),
}

#[derive(Debug, Args)]
pub struct Target {
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: String,
    /// The environment (see padlock envs --app APP)
    #[arg(long)]
    pub env: String,
}

#[derive(Debug, Args)]
pub struct DownloadArgs {
    #[command(flatten)]
    pub target: Target,
    /// The backup (see padlock backups list) [default: the latest]
    #[arg(value_parser = super::id_parser("a backup"))]
    pub id: Option<i64>,
    /// Where to write it [default: APP-ENV-ID.bak]
    #[arg(short, long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    #[command(flatten)]
    pub target: Target,
    /// The backup to restore (see padlock backups list) [default: the latest]
    #[arg(value_parser = super::id_parser("a backup"))]
    pub id: Option<i64>,
    /// Do not ask before restoring over a padlocked environment (nothing asks without a
    /// terminal)
    #[arg(long, short)]
    pub yes: bool,
}

impl BackupsCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        match self {
            BackupsCmd::List(t) => {
                let mut conn = ctx.connect()?;
                let path = format!("/apps/{}/envs/{}/backups", segment(&t.app), segment(&t.env));
                let backups: Vec<api::Backup> =
                    conn.call(ctx, |c| c.request(Method::GET, &path)).await?;
                ctx.print(&backups, |backups| {
                    table(
                        &["ID", "CREATED", "SIZE", "SHA256", "READY"],
                        backups
                            .iter()
                            .map(|b| {
                                vec![
                                    b.id.to_string(),
                                    crate::time::local_text(&b.created_at),
                                    b.size
                                        .map(crate::time::human_size)
                                        .unwrap_or_else(|| "-".into()),
                                    b.sha256
                                        .as_deref()
                                        .map(|s| s[..12.min(s.len())].to_owned())
                                        .unwrap_or_else(|| "-".into()),
                                    if b.ready { "yes" } else { "no" }.into(),
                                ]
                            })
                            .collect(),
                    )
                })
            }
            BackupsCmd::Create(t) => {
                let request = OperationRequest {
                    kind: OperationKind::BackupCreate.to_string(),
                    ..OperationRequest::default()
                };
                super::env::operate(ctx, &t.app, &t.env, request, false, false).await
            }
            BackupsCmd::Restore(args) => {
                let request = OperationRequest {
                    kind: OperationKind::BackupRestore.to_string(),
                    backup_id: args.id,
                    ..OperationRequest::default()
                };
                super::env::operate(
                    ctx,
                    &args.target.app,
                    &args.target.env,
                    request,
                    false,
                    args.yes,
                )
                .await
            }
            BackupsCmd::Download(args) => download(ctx, args).await,
        }
    }
}

/// Streams the backup to a temporary file beside the target, checks its sha256, then
/// renames it into place: an interrupted download never leaves a half file under the name.
async fn download(ctx: &Ctx, args: DownloadArgs) -> anyhow::Result<()> {
    if let Some(file) = args.output_file.as_deref() {
        refuse_to_overwrite(file, args.force)?;
    }
    let mut conn = ctx.connect()?;
    let t = &args.target;
    let which = args
        .id
        .map_or_else(|| "latest".to_owned(), |id| id.to_string());
    let path = format!(
        "/apps/{}/envs/{}/backups/{which}/download",
        segment(&t.app),
        segment(&t.env)
    );
    let response = conn
        .call_raw(ctx, |c| c.request(Method::GET, &path))
        .await?;
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let id = header("padlock-backup-id").unwrap_or(which);
    let expected_sha = header("padlock-sha256").unwrap_or_default();
    let total = response.content_length().unwrap_or(0);
    let target = args
        .output_file
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}-{}-{id}.bak", t.app, t.env)));
    refuse_to_overwrite(&target, args.force)?;
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let partial = tempfile::Builder::new()
        .prefix(".padlock-download-")
        .tempfile_in(dir)?;
    let (file, partial_path) = partial.into_parts();
    let mut file = tokio::fs::File::from_std(file);
    let bar = super::packages::progress_bar(ctx, total, &format!("downloading backup {id}"));
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|err| anyhow::anyhow!("the download was interrupted: {err}"))?;
        hasher.update(&chunk);
        file.write_all(&chunk).await?;
        size += chunk.len() as u64;
        bar.inc(chunk.len() as u64);
    }
    file.flush().await?;
    drop(file);
    bar.finish_and_clear();
    let sha256 = hex::encode(hasher.finalize());
    if !expected_sha.is_empty() && sha256 != expected_sha {
        anyhow::bail!(
            "the downloaded backup is damaged (sha256 {sha256}, expected {expected_sha}); nothing was written"
        );
    }
    // Without --force, a file that appeared during the download is still not replaced.
    if args.force {
        partial_path.persist(&target)?;
    } else {
        partial_path
            .persist_noclobber(&target)
            .map_err(|err| match err.error.kind() {
                std::io::ErrorKind::AlreadyExists => exists(&target),
                _ => err.error.into(),
            })?;
    }
    let result = serde_json::json!({ "id": id.parse::<i64>().ok(), "file": target, "size": size, "sha256": sha256 });
    ctx.print(&result, |_| {
        format!(
            "Backup {id} written to {} ({}, sha256 {sha256}).",
            target.display(),
            crate::time::human_size(size)
        )
    })
}

/// A backup download never replaces a file unless asked to: it may be the only copy of an
/// older backup.
fn refuse_to_overwrite(file: &Path, force: bool) -> anyhow::Result<()> {
    if !force && file.exists() {
        return Err(exists(file));
    }
    Ok(())
}

fn exists(file: &Path) -> anyhow::Error {
    CliError::Usage(format!(
        "{} exists; nothing was written. Choose another file with -o, or pass --force to replace it",
        file.display()
    ))
    .into()
}
