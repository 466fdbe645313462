//! `padlock completions SHELL`.

use std::io::Write;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: Shell,
}

/// clap_complete panics when its writer fails, so the script is generated into memory and
/// written here, where a closed pipe (`| head -1`) is an error `main` ends quietly on.
pub fn print(args: CompletionsArgs) -> std::io::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(
        args.shell,
        &mut super::Cli::command(),
        "padlock",
        &mut script,
    );
    let mut out = std::io::stdout().lock();
    out.write_all(&script)?;
    out.flush()
}
