//! `padlock man DIR`: writes the man pages, one per command, from the same clap tree as
//! `--help`. The committed pages under `man/` come from here, and a test keeps them fresh.
//!
//! It is a visible command, like ripgrep's `--generate man`: clap_complete lists hidden
//! subcommands in the zsh, PowerShell and elvish scripts anyway, so hiding it would only make
//! `--help` disagree with the completions.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, CommandFactory};

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The directory to write `padlock.1`, `padlock-login.1`, … into
    pub dir: PathBuf,
}

pub fn write(args: ManArgs) -> anyhow::Result<()> {
    // The pages carry the release version, not the commit: committed pages would otherwise
    // go stale with every commit.
    let command = super::Cli::command().version(env!("CARGO_PKG_VERSION"));
    std::fs::create_dir_all(&args.dir)
        .with_context(|| format!("cannot create {}", args.dir.display()))?;
    clap_mangen::generate_to(command, &args.dir)
        .with_context(|| format!("cannot write man pages into {}", args.dir.display()))
}
