//! The command line: the clap tree, global flags, and the context every command runs in
//! (where the server is, which credentials are in force, how to print). Each command group
//! lives in its own file and owns its subcommands.

pub mod admin;
pub mod apps;
pub mod audit;
pub mod backups;
pub mod completions;
pub mod doctor;
pub mod env;
pub mod grant;
pub mod login;
pub mod man;
pub mod node;
pub mod ops;
pub mod packages;
pub mod permissions;
pub mod server;
pub mod team;
pub mod two_factor;

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use reqwest::RequestBuilder;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::client::{Auth, Client, ClientError};
use crate::credentials::{self, CredentialStore};

pub const EXIT_CODES: &str = "\
EXIT CODES:
  0  success
  1  failure
  2  usage error (bad flag or argument, missing password or code source)
  3  a second factor is needed and cannot be asked for (no terminal, --no-input, no --otp)
  4  not allowed (permission or CI grant scope)
  5  grant expired or revoked
  6  the server cannot be reached";

#[derive(Debug, Parser)]
#[command(name = "padlock", version = crate::version::VERSION, about = "Deployment operations behind a second factor", after_help = EXIT_CODES)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// The padlock server, e.g. https://padlock.example.com
    #[arg(
        long,
        env = "PADLOCK_SERVER",
        global = true,
        help_heading = GLOBAL_OPTIONS
    )]
    pub server: Option<String>,
    /// Output format: text for people, json for scripts (one document; lists are arrays),
    /// jsonl for exports (one JSON value per line; a list one element per line)
    #[arg(
        long,
        value_enum,
        default_value = "text",
        env = "PADLOCK_OUTPUT",
        global = true,
        help_heading = GLOBAL_OPTIONS
    )]
    pub output: OutputFormat,
    /// Never prompt; fail with exit code 3 when a second factor is needed and no code is given
    #[arg(long, global = true, help_heading = GLOBAL_OPTIONS)]
    pub no_input: bool,
    /// The second-factor code to use if one is needed
    #[arg(
        long,
        env = "PADLOCK_OTP",
        hide_env_values = true,
        global = true,
        help_heading = GLOBAL_OPTIONS
    )]
    pub otp: Option<String>,
    /// A command that prints the second-factor code (e.g. "oathtool --totp -b KEY")
    #[arg(
        long,
        env = "PADLOCK_OTP_COMMAND",
        hide_env_values = true,
        global = true,
        help_heading = GLOBAL_OPTIONS
    )]
    pub otp_command: Option<String>,
    /// Where the session and grant are kept [default: OS keyring, then kernel keyring]
    #[arg(
        long,
        value_enum,
        env = "PADLOCK_CREDENTIAL_STORE",
        global = true,
        help_heading = GLOBAL_OPTIONS
    )]
    pub credential_store: Option<StoreChoice>,
    /// Print only what scripts need
    #[arg(short, long, global = true, help_heading = GLOBAL_OPTIONS)]
    pub quiet: bool,
    /// Say more (repeat for more)
    #[arg(short, long, action = clap::ArgAction::Count, global = true, help_heading = GLOBAL_OPTIONS)]
    pub verbose: u8,
}

const GLOBAL_OPTIONS: &str = "GLOBAL OPTIONS";

/// Where a subcommand's help points instead of repeating the global options.
const GLOBALS_NOTE: &str = "Global options (--server, --output, --no-input, --otp, --otp-command, \
--credential-store, -q, -v): see padlock --help";

/// Parses the command line. `padlock --help` lists the global options; a subcommand's help
/// hides them and says where they are, so the options of the command itself stand out.
/// Hidden, they also stay out of the usage line of an error, where clap would otherwise
/// list one set through its environment variable as if it were required.
pub fn parse() -> Result<Cli, clap::Error> {
    let mut cmd = Cli::command();
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|arg| arg.get_help_heading() == Some(GLOBAL_OPTIONS))
        .map(|arg| arg.clone().hide(true))
        .collect();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |sub| with_hidden_globals(sub, &globals));
    }
    let matches = cmd.try_get_matches()?;
    Cli::from_arg_matches(&matches)
}

/// Gives a subcommand, and its own subcommands, hidden copies of the global options; clap
/// propagates a global option only where no option of that name exists yet.
fn with_hidden_globals(mut cmd: clap::Command, globals: &[clap::Arg]) -> clap::Command {
    cmd = cmd.args(globals);
    let after_help = match cmd.get_after_help() {
        Some(text) => format!("{text}\n\n{GLOBALS_NOTE}"),
        None => GLOBALS_NOTE.to_owned(),
    };
    cmd = cmd.after_help(after_help);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|sub| sub.get_name().to_owned())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |sub| with_hidden_globals(sub, globals));
    }
    cmd
}

/// Parses the id of `what` ("a package", "an operation", …): a positive number. clap's own
/// message for a bad one is the library's ("invalid digit found in string"); this one says
/// what an id is and where to find it, and when the value names a file, what to do with it.
pub fn id_parser(
    what: &'static str,
) -> impl Fn(&str) -> Result<i64, String> + Clone + Send + Sync + 'static {
    move |text: &str| {
        if let Ok(id) = text.trim().parse::<i64>()
            && id > 0
        {
            return Ok(id);
        }
        let mut message = format!("not the id of {what}: ids are whole numbers such as 42");
        let list = match what {
            "a package" => "padlock packages list --app APP",
            "a backup" => "padlock backups list --app APP --env ENV",
            "an operation" => "padlock ops list",
            "a CI grant" => "padlock grant list",
            _ => "",
        };
        if !list.is_empty() {
            message.push_str(&format!(", as {list} shows them"));
        }
        if what == "a package" && std::path::Path::new(text).is_file() {
            message.push_str(&format!(
                "; {text} is a file: upload it first with padlock packages upload --app APP {text}, \
                 then transport the id that prints"
            ));
        }
        Err(message)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoreChoice {
    /// The OS keyring (Keychain, Credential Manager, Secret Service)
    Keyring,
    /// The Linux kernel keyring
    Kernel,
    /// A plaintext file (mode 0600) in the config directory
    File,
}

impl StoreChoice {
    fn to_lib(self) -> credentials::Backend {
        match self {
            StoreChoice::Keyring => credentials::Backend::Keyring,
            StoreChoice::Kernel => credentials::Backend::Kernel,
            StoreChoice::File => credentials::Backend::File,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log in to a padlock server
    #[command(after_help = "EXAMPLES:
  padlock login --server https://padlock.example.com alice
  printf %s \"$PASSWORD\" | padlock login --server https://padlock.example.com alice --password-stdin")]
    Login(login::LoginArgs),
    /// End the session here and on the server
    Logout,
    /// Who you are, which server, second factor, grant time left (works offline)
    Status(login::StatusArgs),
    /// Check the credential store, the server (reachability, version, TLS, clock) and the
    /// cached session and grant; say what to do about each problem. Exit 0 when all work
    Doctor,
    /// Apps you belong to
    Apps(apps::AppsArgs),
    /// Environments of an app
    Envs(apps::EnvsArgs),
    /// Deployment packages
    #[command(subcommand)]
    Packages(packages::PackagesCmd),
    /// Transport a package to an environment
    #[command(after_help = "EXAMPLES:
  padlock transport --app shop --package 42 --to test
  padlock transport --app shop --from test --to prod
  padlock transport --app shop --package 42 --to prod --detach --otp 123456")]
    Transport(env::TransportArgs),
    /// Start, stop or restart an environment
    #[command(
        subcommand,
        after_help = "EXAMPLES:
  padlock env list --app shop
  padlock env restart --app shop --env prod
  padlock env stop --app shop --env prod --yes --detach"
    )]
    Env(env::EnvCmd),
    /// Backups of an environment
    #[command(
        subcommand,
        after_help = "EXAMPLES:
  padlock backups list --app shop --env prod
  padlock backups create --app shop --env prod
  padlock backups download --app shop --env prod -o prod.bak
  padlock backups restore --app shop --env prod 17"
    )]
    Backups(backups::BackupsCmd),
    /// Node permissions of app members
    #[command(
        subcommand,
        after_help = "EXAMPLES:
  padlock permissions list --app shop
  padlock permissions grant --app shop --env prod --user bob --allow view,transport
  padlock permissions revoke --app shop --user bob --allow backups"
    )]
    Permissions(permissions::PermissionsCmd),
    /// An app's team: develop and deploy members
    #[command(subcommand)]
    Team(team::TeamCmd),
    /// Node details of an app (padlocked)
    #[command(subcommand)]
    Node(node::NodeCmd),
    /// Your second factor
    #[command(name = "2fa", subcommand)]
    TwoFactor(two_factor::TwoFactorCmd),
    /// CI grants: pre-issued, scoped, expiring grants for scripts
    #[command(subcommand)]
    Grant(grant::GrantCmd),
    /// Would an operation be allowed now? Exit 0 yes, 4 no; nothing is done
    #[command(name = "can-i")]
    CanI(grant::CanIArgs),
    /// Follow operations
    #[command(subcommand)]
    Ops(ops::OpsCmd),
    /// Read the audit log (`--output jsonl` streams one event per line for exports)
    Audit(audit::AuditArgs),
    /// Support: users, apps, 2FA resets
    #[command(subcommand)]
    Admin(admin::AdminCmd),
    /// Run the padlock server
    Server(server::ServerArgs),
    /// Print shell completions
    Completions(completions::CompletionsArgs),
    /// Write man pages, one per command, into a directory (for packagers)
    Man(man::ManArgs),
}

/// An error the CLI raises itself, with its exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// A bad flag, argument or missing input: exit 2.
    #[error("{0}")]
    Usage(String),
    /// A second factor is needed and cannot be asked for: exit 3.
    #[error("{0}")]
    NeedSecondFactor(String),
    /// Not allowed, decided before asking the server to act: exit 4.
    #[error("{0}")]
    NotAllowed(String),
    /// Not logged in, or the session ended: exit 1.
    #[error("{0}")]
    NotLoggedIn(String),
}

/// What `padlock` keeps about the last login, outside the credential store: nothing secret,
/// so `padlock status` works offline without unlocking a keyring.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LocalState {
    pub server: Option<String>,
    /// The member's username
    pub user: Option<String>,
    pub second_factor: Option<String>,
    pub grant_expires_at: Option<i64>,
    pub credential_store: Option<StoreChoice>,
    pub credential_store_name: Option<String>,
}

/// The secrets kept in the credential store, one entry per server.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Secrets {
    pub session: String,
    #[serde(default)]
    pub grant: Option<String>,
    #[serde(default)]
    pub grant_expires_at: Option<i64>,
}

pub struct Ctx {
    pub global: GlobalArgs,
    pub config_dir: PathBuf,
}

impl Ctx {
    pub fn new(global: GlobalArgs) -> anyhow::Result<Ctx> {
        let config_dir = match std::env::var_os("PADLOCK_CONFIG_DIR") {
            Some(dir) => PathBuf::from(dir),
            None => directories::ProjectDirs::from("", "", "padlock")
                .map(|dirs| dirs.config_dir().to_owned())
                .context(
                    "no home directory to keep padlock's configuration in: set PADLOCK_CONFIG_DIR",
                )?,
        };
        Ok(Ctx { global, config_dir })
    }

    /// Machine-readable output (`json` or `jsonl`): no notes, errors as JSON.
    pub fn json(&self) -> bool {
        self.global.output != OutputFormat::Text
    }

    /// Prompts are allowed: a person at a terminal, and no `--no-input`.
    pub fn interactive(&self) -> bool {
        !self.global.no_input && std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }

    /// Progress bars and chatter go to stderr only when a person watches it.
    pub fn show_progress(&self) -> bool {
        !self.global.quiet && !self.json() && std::io::stderr().is_terminal()
    }

    fn state_path(&self) -> PathBuf {
        self.config_dir.join("state.json")
    }

    pub fn load_state(&self) -> anyhow::Result<LocalState> {
        let path = self.state_path();
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|err| {
                anyhow::anyhow!(
                    "the padlock state file {} is corrupt ({err}); delete it and run padlock login again",
                    path.display()
                )
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(LocalState::default()),
            Err(err) => Err(err).with_context(|| format!("cannot read {}", path.display())),
        }
    }

    pub fn save_state(&self, state: &LocalState) -> anyhow::Result<()> {
        std::fs::create_dir_all(&self.config_dir).with_context(|| {
            format!(
                "cannot create the config directory {}",
                self.config_dir.display()
            )
        })?;
        let path = self.state_path();
        let temp = path.with_extension("json.tmp");
        std::fs::write(&temp, serde_json::to_vec_pretty(state)?)
            .with_context(|| format!("cannot write {}", temp.display()))?;
        std::fs::rename(&temp, &path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }

    /// The server named by `--server` / `PADLOCK_SERVER`, else the one logged in to.
    pub fn server_url(&self, state: &LocalState) -> anyhow::Result<String> {
        let url = self.global.server.clone().or_else(|| state.server.clone()).ok_or_else(|| {
            CliError::NotLoggedIn("no padlock server known: run padlock login --server URL, or set PADLOCK_SERVER".into())
        })?;
        normalize_server(&url)
    }

    pub fn open_store(
        &self,
        state: &LocalState,
    ) -> anyhow::Result<(Box<dyn CredentialStore>, Option<StoreChoice>)> {
        let choice = self.global.credential_store.or(state.credential_store);
        let store = credentials::open(choice.map(StoreChoice::to_lib), &self.config_dir)?;
        Ok((store, choice))
    }

    /// A connection to the server with the credentials in force: `PADLOCK_GRANT` when set
    /// (and then nothing else: no credential store, no prompt), else the cached session.
    pub fn connect(&self) -> anyhow::Result<Connection> {
        if let Some(grant) = std::env::var("PADLOCK_GRANT")
            .ok()
            .filter(|g| !g.trim().is_empty())
        {
            let server = self.global.server.clone().ok_or_else(|| {
                CliError::Usage(
                    "PADLOCK_GRANT is set but no server is: set PADLOCK_SERVER too".into(),
                )
            })?;
            let server = normalize_server(&server)?;
            return Ok(Connection {
                client: Client::new(&server, Auth::CiGrant(grant.trim().to_owned()))?,
                store: None,
                // A CI job needs nothing a login left behind.
                state: LocalState::default(),
            });
        }
        let state = self.load_state()?;
        let server = self.server_url(&state)?;
        let (store, _) = self.open_store(&state)?;
        let secrets = load_secrets(store.as_ref(), &server)?.ok_or_else(|| {
            CliError::NotLoggedIn(format!(
                "not logged in to {server}: run padlock login --server {server}"
            ))
        })?;
        let now = crate::time::now();
        let grant = secrets
            .grant
            .clone()
            .filter(|_| secrets.grant_expires_at.is_some_and(|at| at > now));
        Ok(Connection {
            client: Client::new(
                &server,
                Auth::Session {
                    token: secrets.session,
                    grant,
                },
            )?,
            store: Some(store),
            state,
        })
    }

    /// Prints a result: JSON on stdout for scripts, or the text for people.
    pub fn print<T: Serialize>(
        &self,
        value: &T,
        text: impl FnOnce(&T) -> String,
    ) -> anyhow::Result<()> {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        match self.global.output {
            OutputFormat::Json => {
                serde_json::to_writer(&mut out, value)?;
                writeln!(out)?;
            }
            // A list becomes one line per element, so exports can be streamed and appended.
            OutputFormat::Jsonl => match serde_json::to_value(value)? {
                serde_json::Value::Array(items) => {
                    for item in items {
                        serde_json::to_writer(&mut out, &item)?;
                        writeln!(out)?;
                    }
                }
                other => {
                    serde_json::to_writer(&mut out, &other)?;
                    writeln!(out)?;
                }
            },
            OutputFormat::Text => {
                let text = text(value);
                if !text.is_empty() {
                    writeln!(out, "{}", text.trim_end())?;
                }
            }
        }
        Ok(())
    }

    /// A note for people on stderr (silenced by `-q` and by `--output json`).
    pub fn note(&self, text: impl std::fmt::Display) {
        if !self.global.quiet && !self.json() {
            eprintln!("{text}");
        }
    }
}

pub fn normalize_server(url: &str) -> anyhow::Result<String> {
    let text = url.trim();
    // `padlock.example.com` and `localhost:8080` are no URLs to the url crate ("relative URL
    // without a base", or a scheme named `localhost`): say what is missing.
    if !text.contains("://") {
        return Err(CliError::Usage(format!(
            "the server address {text:?} has no scheme: write it as https://{text} (or \
             http://{text} for a server without TLS, such as padlock server --dev)"
        ))
        .into());
    }
    let parsed = url::Url::parse(text).map_err(|err| {
        CliError::Usage(format!(
            "the server address {text:?} is not a valid URL ({err}); write it like \
             https://padlock.example.com or http://127.0.0.1:8080"
        ))
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(CliError::Usage(format!(
            "the server address {text:?} is not an http:// or https:// URL; write it like \
             https://padlock.example.com"
        ))
        .into());
    }
    Ok(parsed.as_str().trim_end_matches('/').to_owned())
}

pub fn load_secrets(store: &dyn CredentialStore, server: &str) -> anyhow::Result<Option<Secrets>> {
    let Some(text) = store.load(server)? else {
        return Ok(None);
    };
    Ok(Some(serde_json::from_str(&text).with_context(|| {
        format!(
            "the credentials saved for {server} in the {} are unreadable; run padlock login again",
            store.name()
        )
    })?))
}

/// A client plus what is needed to keep its credentials current.
pub struct Connection {
    pub client: Client,
    store: Option<Box<dyn CredentialStore>>,
    pub state: LocalState,
}

impl Connection {
    pub fn is_ci(&self) -> bool {
        matches!(self.client.auth, Auth::CiGrant(_))
    }

    /// Sends a request; when the server answers that a second factor is needed, obtains a
    /// grant (prompting, or from --otp / --otp-command) and retries once.
    pub async fn call<T: DeserializeOwned>(
        &mut self,
        ctx: &Ctx,
        build: impl Fn(&Client) -> RequestBuilder,
    ) -> anyhow::Result<T> {
        match self.client.json(build(&self.client)).await {
            Err(ClientError::Api(detail))
                if self.store.is_some()
                    && ClientError::Api(detail.clone()).is_second_factor_needed() =>
            {
                two_factor::obtain_grant(ctx, self, &detail).await?;
                Ok(self.client.json(build(&self.client)).await?)
            }
            other => Ok(other?),
        }
    }

    /// Like `call`, for answers that are streamed rather than parsed.
    pub async fn call_raw(
        &mut self,
        ctx: &Ctx,
        build: impl Fn(&Client) -> RequestBuilder,
    ) -> anyhow::Result<reqwest::Response> {
        match self.client.send(build(&self.client)).await {
            Err(ClientError::Api(detail))
                if self.store.is_some()
                    && ClientError::Api(detail.clone()).is_second_factor_needed() =>
            {
                two_factor::obtain_grant(ctx, self, &detail).await?;
                Ok(self.client.send(build(&self.client)).await?)
            }
            other => Ok(other?),
        }
    }

    /// Keeps a newly issued grant: in the credential store beside the session, and its
    /// expiry (not secret) in the local state for `padlock status`.
    pub fn save_grant(&mut self, ctx: &Ctx, grant: &crate::api::GrantIssued) -> anyhow::Result<()> {
        let expires_at = crate::time::parse_rfc3339(&grant.expires_at);
        let Auth::Session {
            token,
            grant: current,
        } = &mut self.client.auth
        else {
            return Ok(());
        };
        *current = Some(grant.token.clone());
        if let Some(store) = &self.store {
            let secrets = Secrets {
                session: token.clone(),
                grant: Some(grant.token.clone()),
                grant_expires_at: expires_at,
            };
            store.save(self.client.server(), &serde_json::to_string(&secrets)?)?;
        }
        self.state.grant_expires_at = expires_at;
        ctx.save_state(&self.state)
    }

    pub fn set_second_factor(&mut self, ctx: &Ctx, method: Option<String>) -> anyhow::Result<()> {
        self.state.second_factor = method;
        ctx.save_state(&self.state)
    }
}

/// A second factor as people call it (`totp` and `sms` are the API's words).
pub fn method_words(method: &str) -> &str {
    match method {
        "totp" => "authenticator app",
        "sms" => "SMS",
        other => other,
    }
}

/// An operation's kind as people say it (`backup_create` is the API's word).
pub fn kind_words(kind: &str) -> &str {
    match kind {
        "backup_create" => "backup",
        "backup_restore" => "restore",
        other => other,
    }
}

/// A plain text table: a header row and columns aligned by display width (the padlock sign
/// takes two columns), two spaces apart, no borders.
pub fn table(headers: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut table = comfy_table::Table::new();
    *table.style_mut() = comfy_table::presets::NOTHING;
    table.set_header(headers.to_vec()).add_rows(rows);
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    let lines: Vec<String> = table
        .lines()
        .map(|line| line.trim_end().to_owned())
        .collect();
    lines.join("\n")
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if !cli.global.quiet {
        crate::client::set_verbosity(cli.global.verbose);
    }
    let ctx = Ctx::new(cli.global)?;
    match cli.command {
        Command::Login(args) => login::login(&ctx, args).await,
        Command::Logout => login::logout(&ctx).await,
        Command::Status(args) => login::status(&ctx, args).await,
        Command::Doctor => doctor::doctor(&ctx).await,
        Command::Apps(cmd) => cmd.run(&ctx).await,
        Command::Envs(cmd) => cmd.run(&ctx).await,
        Command::Packages(cmd) => cmd.run(&ctx).await,
        Command::Transport(args) => env::transport(&ctx, args).await,
        Command::Env(cmd) => cmd.run(&ctx).await,
        Command::Backups(cmd) => cmd.run(&ctx).await,
        Command::Permissions(cmd) => cmd.run(&ctx).await,
        Command::Team(cmd) => cmd.run(&ctx).await,
        Command::Node(cmd) => cmd.run(&ctx).await,
        Command::TwoFactor(cmd) => cmd.run(&ctx).await,
        Command::Grant(cmd) => cmd.run(&ctx).await,
        Command::CanI(args) => grant::can_i(&ctx, args).await,
        Command::Ops(cmd) => cmd.run(&ctx).await,
        Command::Audit(args) => audit::audit(&ctx, args).await,
        Command::Admin(cmd) => cmd.run(&ctx).await,
        Command::Server(_) | Command::Completions(_) | Command::Man(_) => {
            unreachable!("handled before the client runtime starts")
        }
    }
}
