//! `padlock packages list|upload`: uploads stream from disk with a progress bar on a
//! terminal and nothing on a pipe.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use futures_util::StreamExt;
use reqwest::Method;

use super::{CliError, Ctx, table};
use crate::api;
use crate::client::segment;

#[derive(Debug, Subcommand)]
pub enum PackagesCmd {
    /// Packages of an app and where they run
    List(super::apps::AppArg),
    /// Upload a deployment package (an MDA file or any artifact)
    Upload(UploadArgs),
}

#[derive(Debug, Args)]
pub struct UploadArgs {
    /// The app (see padlock apps list)
    #[arg(long)]
    pub app: String,
    /// The package file to upload
    pub file: PathBuf,
}

pub fn progress_bar(ctx: &Ctx, total: u64, what: &str) -> indicatif::ProgressBar {
    if !ctx.show_progress() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {eta}",
        )
        .expect("the template is valid")
        .progress_chars("=> "),
    );
    bar.set_message(what.to_owned());
    bar
}

impl PackagesCmd {
    pub async fn run(self, ctx: &Ctx) -> anyhow::Result<()> {
        let mut conn = ctx.connect()?;
        match self {
            PackagesCmd::List(args) => {
                let path = format!("/apps/{}/packages", segment(&args.app));
                let packages: Vec<api::Package> =
                    conn.call(ctx, |c| c.request(Method::GET, &path)).await?;
                ctx.print(&packages, |packages| {
                    table(
                        &["ID", "FILE", "SIZE", "SHA256", "UPLOADED", "RUNS IN"],
                        packages
                            .iter()
                            .map(|p| {
                                vec![
                                    p.id.to_string(),
                                    p.filename.clone(),
                                    crate::time::human_size(p.size),
                                    p.sha256[..12.min(p.sha256.len())].to_owned(),
                                    format!(
                                        "{} by {}",
                                        crate::time::local_text(&p.uploaded_at),
                                        p.uploaded_by
                                    ),
                                    p.deployed_to.join(", "),
                                ]
                            })
                            .collect(),
                    )
                })
            }
            PackagesCmd::Upload(args) => {
                let file = tokio::fs::File::open(&args.file).await.map_err(|err| {
                    CliError::Usage(format!("cannot read {}: {err}", args.file.display()))
                })?;
                let size = file.metadata().await?.len();
                let filename = args
                    .file
                    .file_name()
                    .and_then(|n| n.to_str())
                    .ok_or_else(|| {
                        CliError::Usage(format!("{} has no usable file name", args.file.display()))
                    })?
                    .to_owned();
                let bar = progress_bar(ctx, size, &format!("uploading {filename}"));
                let progress = bar.clone();
                let stream = tokio_util::io::ReaderStream::with_capacity(file, 256 * 1024).inspect(
                    move |chunk| {
                        if let Ok(bytes) = chunk {
                            progress.inc(bytes.len() as u64);
                        }
                    },
                );
                let path = format!("/apps/{}/packages", segment(&args.app));
                let request = conn
                    .client
                    .request(Method::POST, &path)
                    .query(&[("filename", &filename)])
                    .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
                    .header(reqwest::header::CONTENT_LENGTH, size)
                    .body(reqwest::Body::wrap_stream(stream));
                let package: api::Package = conn.client.json(request).await?;
                bar.finish_and_clear();
                ctx.print(&package, |p| {
                    format!(
                        "Uploaded {} as package {} ({}, sha256 {}).",
                        p.filename,
                        p.id,
                        crate::time::human_size(p.size),
                        p.sha256
                    )
                })?;
                // The same bytes uploaded again: say which package already holds them, so
                // nobody transports "the new build" that is the old one.
                if !ctx.json() && !ctx.global.quiet {
                    let packages: Vec<api::Package> = conn.client.get(&path).await?;
                    if let Some(earlier) = packages
                        .iter()
                        .filter(|p| p.sha256 == package.sha256 && p.id != package.id)
                        .min_by_key(|p| p.id)
                    {
                        ctx.note(format!(
                            "note: this file is identical to package {} ({}, uploaded {} by {}): \
                             same sha256, so package {} is that same build",
                            earlier.id,
                            earlier.filename,
                            crate::time::local_text(&earlier.uploaded_at),
                            earlier.uploaded_by,
                            package.id
                        ));
                    }
                }
                Ok(())
            }
        }
    }
}
