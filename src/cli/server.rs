//! `padlock server`: flags only; the server lives in `crate::server`.

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
pub struct ServerArgs {
    /// Start at once with no setup: fresh SQLite data folder, admin account, demo app,
    /// SMS codes to an outbox file, hooks that only log
    #[arg(long)]
    pub dev: bool,
    /// TOML configuration file
    #[arg(long, env = "PADLOCK_CONFIG")]
    pub config: Option<PathBuf>,
    /// Address to listen on (127.0.0.1:0 picks a free port)
    #[arg(long)]
    pub listen: Option<String>,
    /// sqlite://PATH (default, in the data folder) or postgres://…
    #[arg(long)]
    pub database_url: Option<String>,
    /// Data folder: database, packages, backups, dev files
    #[arg(long)]
    pub data_dir: Option<PathBuf>,
}

impl ServerArgs {
    pub fn into_lib(self, json: bool, verbose: u8, quiet: bool) -> crate::server::ServerOptions {
        crate::server::ServerOptions {
            dev: self.dev,
            config_file: self.config,
            listen: self.listen,
            database_url: self.database_url,
            data_dir: self.data_dir,
            json,
            verbose,
            quiet,
        }
    }
}
