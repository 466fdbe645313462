//! `padlock completions SHELL`.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    pub shell: Shell,
}

pub fn print(args: CompletionsArgs) {
    clap_complete::generate(
        args.shell,
        &mut super::Cli::command(),
        "padlock",
        &mut std::io::stdout(),
    );
}
