//! padlock: deployment operations behind a second factor. One binary: the CLI and, with
//! `padlock server`, the portal it talks to.
//!
//! `main` parses the command line before anything else runs (no runtime, TLS roots, keyring
//! or config for `--version` and `--help`), dispatches, and turns errors into the stable
//! exit codes of the README.

mod api;
mod auth;
mod cli;
mod client;
mod config;
mod credentials;
mod hooks;
mod server;
mod store;
mod time;
mod version;
mod vocabulary;

use std::process::ExitCode;

use crate::api::codes;
use crate::cli::{Cli, CliError, Command};
use crate::client::ClientError;

/// The server's requests allocate and free on every runtime thread at once: glibc's malloc
/// and free took 16 % of the server's CPU under load, mimalloc's thread-local pages take 10 %
/// (bench/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(err) => return command_line_error(err),
    };
    let json = cli.global.output != cli::OutputFormat::Text;
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let (code, exit) = classify(&err);
            if json {
                let body =
                    serde_json::json!({"error": {"code": code, "message": format!("{err:#}")}});
                eprintln!("{body}");
            } else {
                eprintln!("error: {err:#}");
            }
            ExitCode::from(exit)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Completions(args) => Ok(cli::completions::print(args)?),
        Command::Man(args) => cli::man::write(args),
        Command::Server(args) => {
            let json = cli.global.output != cli::OutputFormat::Text;
            let (verbose, quiet) = (cli.global.verbose, cli.global.quiet);
            return_large_allocations();
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()?;
            match args.command {
                Some(cli::server::ServerCmd::RotateMasterKey(rotate)) => {
                    runtime.block_on(cli::server::rotate_master_key(rotate, json, verbose, quiet))
                }
                Some(cli::server::ServerCmd::AddSupportAccount(add)) => {
                    runtime.block_on(cli::server::add_support_account(add, json, verbose, quiet))
                }
                None => runtime.block_on(server::run(args.location.into_lib(
                    args.dev,
                    args.listen,
                    json,
                    verbose,
                    quiet,
                ))),
            }
        }
        _ => {
            // Before the runtime starts any thread (see the function).
            time::init_local_offset();
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?
                .block_on(cli::run(cli))
        }
    }
}

/// argon2 takes 19 MiB per password check. mimalloc returns freed memory a while after the
/// free, but only when the thread that freed it calls the allocator again: the password
/// threads, idle after a login flood, kept their blocks (38 MiB with two threads) until the
/// next login. With no delay it goes back to the OS when freed, which costs the request path
/// nothing measurable (bench/README.md).
fn return_large_allocations() {
    /// `mi_option_purge_delay`, in milliseconds, by its number in mimalloc's `mi_option_e`:
    /// the crate leaves the options unnamed. `a_login_flood_keeps_memory_flat…` fails if it
    /// moves.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: sets one of the allocator's tuning options before any other thread runs.
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
    }
}

/// clap's own errors (a bad flag, a missing argument) follow `--output json` like every
/// other error: one JSON object on stderr, exit 2. Help and version print as usual.
fn command_line_error(err: clap::Error) -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let machine = |format: &str| format == "json" || format == "jsonl";
    let json = args
        .windows(2)
        .any(|w| w[0] == "--output" && machine(&w[1]))
        || args
            .iter()
            .any(|a| a.strip_prefix("--output=").is_some_and(machine))
        || std::env::var("PADLOCK_OUTPUT").is_ok_and(|v| machine(&v));
    if !json || !err.use_stderr() {
        err.exit();
    }
    let text = err.render().to_string();
    let message = text.trim().trim_start_matches("error: ");
    eprintln!(
        "{}",
        serde_json::json!({"error": {"code": "usage", "message": message}})
    );
    ExitCode::from(2)
}

/// The reader of stdout has gone (`padlock … | head -1`): nothing is wrong, so padlock ends
/// with exit 0 and says nothing, as ripgrep does. serde_json wraps the write error in its own.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let kind = match (
            cause.downcast_ref::<std::io::Error>(),
            cause.downcast_ref::<serde_json::Error>(),
        ) {
            (Some(io), _) => Some(io.kind()),
            (None, Some(json)) => json.io_error_kind(),
            (None, None) => None,
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// The error's machine-readable code and the exit code of SPEC section 6.
fn classify(err: &anyhow::Error) -> (String, u8) {
    for cause in err.chain() {
        if let Some(client) = cause.downcast_ref::<ClientError>() {
            return match client {
                ClientError::Unreachable { .. } => ("unreachable".into(), 6),
                ClientError::Untrusted { .. } => ("untrusted_server".into(), 6),
                ClientError::BadAnswer { .. } | ClientError::NotPadlock { .. } => {
                    ("bad_answer".into(), 1)
                }
                ClientError::DatabaseUnavailable { .. } => (codes::DATABASE_UNAVAILABLE.into(), 1),
                ClientError::CaCert { .. } => ("usage".into(), 2),
                ClientError::Api(detail) => (detail.code.clone(), exit_code_for(&detail.code)),
            };
        }
        if let Some(cli) = cause.downcast_ref::<CliError>() {
            return match cli {
                CliError::Usage(_) => ("usage".into(), 2),
                CliError::NeedSecondFactor(_) => (codes::SECOND_FACTOR_REQUIRED.into(), 3),
                CliError::NotAllowed(_) => (codes::FORBIDDEN.into(), 4),
                CliError::NotLoggedIn(_) => (codes::UNAUTHENTICATED.into(), 1),
            };
        }
        if cause
            .downcast_ref::<credentials::CredentialError>()
            .is_some()
        {
            return ("credential_store".into(), 1);
        }
    }
    ("failed".into(), 1)
}

fn exit_code_for(code: &str) -> u8 {
    match code {
        codes::BAD_REQUEST => 2,
        codes::SECOND_FACTOR_REQUIRED | codes::ENROLLMENT_REQUIRED => 3,
        codes::FORBIDDEN | codes::OUT_OF_SCOPE => 4,
        codes::GRANT_EXPIRED | codes::GRANT_REVOKED => 5,
        _ => 1,
    }
}
