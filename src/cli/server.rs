//! `padlock server` and its maintenance commands: flags only; the server lives in
//! `crate::server`.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ServerArgs {
    #[command(subcommand)]
    pub command: Option<ServerCmd>,
    /// Start at once with no setup: fresh SQLite data folder, admin account, demo app,
    /// SMS codes to an outbox file, hooks that only log
    #[arg(long)]
    pub dev: bool,
    #[command(flatten)]
    pub location: Location,
    /// Address to listen on (127.0.0.1:0 picks a free port)
    #[arg(long)]
    pub listen: Option<String>,
}

/// Where the server's configuration and data are: what the server and its maintenance
/// commands share.
#[derive(Debug, Args)]
pub struct Location {
    /// TOML configuration file
    #[arg(long, env = "PADLOCK_CONFIG")]
    pub config: Option<PathBuf>,
    /// sqlite://PATH (default, in the data folder) or postgres://…
    #[arg(long)]
    pub database_url: Option<String>,
    /// Data folder: database, packages, backups, dev files
    #[arg(long)]
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ServerCmd {
    /// Re-seal every TOTP secret and re-key pending SMS codes under a new master key, in one
    /// transaction; stop every server on the database first
    #[command(after_help = "EXAMPLES:
  openssl rand -hex 32 > /etc/padlock/master.key.new
  padlock server rotate-master-key --config /etc/padlock/padlock.toml \\
      --new-key-file /etc/padlock/master.key.new
  mv /etc/padlock/master.key.new /etc/padlock/master.key

The current key is read as the server reads it (master_key_file or PADLOCK_MASTER_KEY).
The server refuses to start with the old key afterwards.")]
    RotateMasterKey(RotateArgs),
    /// Create a support account from the server's host: how a production server gets its
    /// first one (support creates the others). Prints a generated password once
    #[command(after_help = "EXAMPLES:
  padlock server add-support-account alice --config /etc/padlock/padlock.toml

The new account has no second factor yet: its first padlocked command sets one up.
Works while the server runs. Recorded in the audit log as made by the server host.")]
    AddSupportAccount(AddSupportArgs),
}

#[derive(Debug, Args)]
pub struct AddSupportArgs {
    /// Username of the new support account
    pub username: String,
    #[command(flatten)]
    pub location: Location,
}

#[derive(Debug, Args)]
pub struct RotateArgs {
    /// File holding the new master key (32 random bytes as hex or base64)
    #[arg(long, value_name = "FILE")]
    pub new_key_file: PathBuf,
    #[command(flatten)]
    pub location: Location,
}

impl Location {
    pub fn into_lib(
        self,
        dev: bool,
        listen: Option<String>,
        json: bool,
        verbose: u8,
        quiet: bool,
    ) -> crate::server::ServerOptions {
        crate::server::ServerOptions {
            dev,
            config_file: self.config,
            listen,
            database_url: self.database_url,
            data_dir: self.data_dir,
            json,
            verbose,
            quiet,
        }
    }
}

/// `padlock server rotate-master-key`.
pub async fn rotate_master_key(
    args: RotateArgs,
    json: bool,
    verbose: u8,
    quiet: bool,
) -> anyhow::Result<()> {
    let options = args.location.into_lib(false, None, json, verbose, quiet);
    let rekeyed = crate::server::rotation::rotate(options, &args.new_key_file, !json).await?;
    if json {
        let result = serde_json::json!({
            "rotated": true,
            "totp_secrets": rekeyed.totp_secrets,
            "sms_codes": rekeyed.sms_codes,
        });
        println!("{result}");
    } else {
        println!(
            "Re-sealed {} TOTP secret(s) and re-keyed {} pending SMS code(s) under the key in {}.\n\
             Start the server with that key now (master_key_file or PADLOCK_MASTER_KEY): it no longer starts with the old one.",
            rekeyed.totp_secrets,
            rekeyed.sms_codes,
            args.new_key_file.display()
        );
    }
    Ok(())
}

/// `padlock server add-support-account`.
pub async fn add_support_account(
    args: AddSupportArgs,
    json: bool,
    verbose: u8,
    quiet: bool,
) -> anyhow::Result<()> {
    let options = args.location.into_lib(false, None, json, verbose, quiet);
    let added = crate::server::first_support::add(options, &args.username).await?;
    if json {
        let result = serde_json::json!({
            "username": added.username,
            "support": true,
            "password": added.password,
        });
        println!("{result}");
    } else {
        println!(
            "Support account {} created. Its password, shown only now: {}\n\
             Hand it over privately. They log in with padlock login {}; their first \
             padlocked command sets up their second factor.",
            added.username, added.password, added.username
        );
    }
    Ok(())
}
