//! `padlock server`: the portal. It owns accounts, apps, packages, second factors, grants and
//! the audit log, decides what is padlocked, and runs the operator's hooks.

pub mod connections;
pub mod error;
pub mod extract;
pub mod gate;
pub mod password_work;
pub mod private;
pub mod routes;
pub mod sms;
pub mod throttle;

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;

use crate::auth::password;
use crate::auth::seal::MasterKey;
use crate::config::Config;
use crate::hooks::Hooks;
use crate::store::Store;
use error::ApiError;
use password_work::PasswordWork;
use sms::SmsSender;

/// JSON bodies are small; only package uploads stream more, and they set their own limit.
const JSON_BODY_LIMIT: usize = 64 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<Config>,
    pub master_key: Arc<MasterKey>,
    pub sms: Arc<SmsSender>,
    pub data_dir: Arc<PathBuf>,
    pub hooks: Arc<Hooks>,
    pub password_work: PasswordWork,
}

impl AppState {
    pub fn now(&self) -> i64 {
        crate::time::now()
    }
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .nest("/v1", routes::router())
        .fallback(error::no_such_route)
        .method_not_allowed_fallback(error::no_such_method)
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .with_state(state)
}

async fn ready(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> Result<&'static str, ApiError> {
    state.store.ping().await.map_err(|err| {
        // Not ready is 503 whatever went wrong, so a load balancer takes this replica out.
        let mut err = ApiError::from(err);
        err.status = axum::http::StatusCode::SERVICE_UNAVAILABLE;
        err
    })?;
    Ok("ready")
}

/// What `padlock server` was asked for on its command line.
pub struct ServerOptions {
    pub dev: bool,
    pub config_file: Option<PathBuf>,
    pub listen: Option<String>,
    pub database_url: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub json: bool,
}

pub async fn run(options: ServerOptions) -> anyhow::Result<()> {
    password_work::release_large_blocks();
    let mut config = Config::load(options.config_file.as_deref(), |var| {
        std::env::var(var).ok()
    })?;
    if let Some(listen) = options.listen {
        config.listen = listen;
    }
    if let Some(url) = options.database_url {
        config.database_url = Some(url);
    }
    if let Some(dir) = options.data_dir {
        config.data_dir = Some(dir);
    }
    let daily_odds = config.lockout_policy().guess_chance(24 * 3600);
    if daily_odds > 0.001 {
        tracing::warn!(
            "the lockout settings let someone with a password guess a second-factor code with \
             {:.3} % chance a day (the defaults: 0.011 %); see the README's Security section",
            daily_odds * 100.0
        );
    }
    let data_dir = match (&config.data_dir, options.dev) {
        (Some(dir), _) => dir.clone(),
        (None, true) => tempfile::Builder::new()
            .prefix("padlock-dev-")
            .tempdir()?
            .keep(),
        (None, false) => directories::ProjectDirs::from("", "", "padlock")
            .map(|dirs| dirs.data_dir().to_owned())
            .context("no data folder: pass --data-dir DIR")?,
    };
    for dir in [
        data_dir.clone(),
        data_dir.join("packages"),
        data_dir.join("backups"),
    ] {
        private::create_dir(&dir)?;
    }
    let master_key = load_master_key(&config, &data_dir, options.dev)?;
    let database_url = config
        .database_url
        .clone()
        .unwrap_or_else(|| crate::store::sqlite::url_in(&data_dir));
    private::prepare_sqlite(&database_url)?;
    let store = Store::connect(&database_url)
        .await
        .with_context(|| format!("cannot open the database {}", redact_url(&database_url)))?;
    let outbox = data_dir.join("sms-outbox.jsonl");
    let sms = SmsSender::from_config(&config.sms, outbox.clone(), options.dev)
        .map_err(anyhow::Error::msg)?;
    sms.warn_at_start();
    // Dev scripts read `sms_outbox` from the start line; dev mode has always named its outbox
    // there, whichever provider it uses.
    let sms_outbox = match sms.outbox_file() {
        Some(file) => Some(file.to_owned()),
        None => options.dev.then(|| outbox.clone()),
    };
    let hooks = Hooks::new(config.hooks.clone(), options.dev);
    let missing = hooks.missing_programs();
    if !missing.is_empty() {
        let list = missing.join("\n  ");
        // Dev mode starts anyway (a hook script may be written after the server starts);
        // a production server would only find out at the first deployment.
        if options.dev {
            tracing::warn!("hooks that cannot run:\n  {list}");
        } else {
            anyhow::bail!(
                "hooks that cannot run:\n  {list}\nfix the [[hooks]] of the config, or install what they run"
            );
        }
    }
    let admin_password = if options.dev {
        Some(bootstrap_dev(&store).await?)
    } else {
        None
    };
    let interrupted = store
        .fail_interrupted_operations(crate::time::now())
        .await?;
    if interrupted > 0 {
        tracing::warn!(
            "{interrupted} operation(s) were running when the server stopped; marked failed"
        );
    }

    let tls = match (&config.tls_cert, &config.tls_key) {
        (Some(cert), Some(key)) => Some(
            axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key)
                .await
                .with_context(|| {
                    format!(
                        "cannot load the TLS certificate {} and key {}",
                        cert.display(),
                        key.display()
                    )
                })?,
        ),
        (None, None) => None,
        _ => anyhow::bail!(
            "tls_cert and tls_key go together: set both, or neither behind a TLS-terminating proxy"
        ),
    };
    let listener = std::net::TcpListener::bind(&config.listen)
        .with_context(|| format!("cannot listen on {}", config.listen))?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let url = format!("{}://{addr}", if tls.is_some() { "https" } else { "http" });
    tracing::info!(sms = %sms.describe(), database = %redact_url(&database_url), "padlock server ready");
    throttle::spawn_sweeper(store.clone());
    let password_work = PasswordWork::start(config.password_threads(), config.password_queue())
        .context("cannot start the password hashing threads")?;
    let limits = connections::Limits {
        max_connections: config.max_connections,
        header_read_timeout: config.header_read_timeout.0,
        body_read_timeout: config.body_read_timeout.0,
    };
    let state = AppState {
        store,
        config: Arc::new(config),
        master_key: Arc::new(master_key),
        sms: Arc::new(sms),
        data_dir: Arc::new(data_dir.clone()),
        hooks: Arc::new(hooks),
        password_work,
    };
    if let Some(password) = &admin_password {
        eprintln!("dev mode: data in {}", data_dir.display());
        eprintln!("dev mode: support account admin, password {password}");
        if let Some(file) = state.sms.outbox_file() {
            eprintln!("dev mode: SMS codes go to {}", file.display());
        }
    }
    // Scripts wait for this one line: from here on, connections are accepted.
    if options.json {
        let line = serde_json::json!({
            "url": url,
            "data_dir": data_dir,
            "admin_password": admin_password,
            "sms_outbox": sms_outbox,
        });
        println!("{line}");
    } else {
        println!("padlock listening on {url}");
    }
    use std::io::Write;
    std::io::stdout().flush().ok();

    connections::serve(listener, tls, router(state), limits, shutdown_signal()).await?;
    Ok(())
}

/// The master key from `master_key` / `PADLOCK_MASTER_KEY`, else `master_key_file`; dev mode
/// makes one in the data folder.
fn load_master_key(
    config: &Config,
    data_dir: &std::path::Path,
    dev: bool,
) -> anyhow::Result<MasterKey> {
    if let Some(text) = &config.master_key {
        return MasterKey::parse(text).context("PADLOCK_MASTER_KEY / master_key");
    }
    let file = match (&config.master_key_file, dev) {
        (Some(file), _) => file.clone(),
        (None, true) => {
            let file = data_dir.join("master.key");
            if !file.exists() {
                write_private(&file, &MasterKey::generate().to_hex())?;
            }
            file
        }
        (None, false) => anyhow::bail!(
            "no master key: set master_key_file in the config or PADLOCK_MASTER_KEY (32 random bytes as hex, \
             e.g. from `openssl rand -hex 32`); it encrypts the TOTP secrets"
        ),
    };
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("cannot read the master key file {}", file.display()))?;
    MasterKey::parse(&text).with_context(|| format!("master key file {}", file.display()))
}

fn write_private(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    use std::io::Write;
    options
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Dev mode's starting point: the support account `admin` (with a fresh password each start)
/// and the app `demo` with test, acceptance and a padlocked production.
async fn bootstrap_dev(store: &Store) -> anyhow::Result<String> {
    let now = crate::time::now();
    let admin_password = password::generate();
    let hash = password::hash(&admin_password);
    let admin = match store.account_by_username("admin").await? {
        Some(admin) => {
            store.set_password(admin.id, &hash).await?;
            admin
        }
        None => store.create_account("admin", &hash, true, now).await?,
    };
    if store.app_by_name("demo").await?.is_none() {
        let envs = [
            ("test".to_owned(), false),
            ("acceptance".to_owned(), false),
            ("production".to_owned(), true),
        ];
        let app_id = store.create_app("demo", &[admin.id], &envs, now).await?;
        demo_team(store, app_id, now).await?;
    }
    Ok(admin_password)
}

/// The demo app's team, to show the model at a glance: `dana` deploys to test and acceptance
/// only, `devi` develops. They are examples: their passwords are generated and never shown.
async fn demo_team(store: &Store, app_id: i64, now: i64) -> anyhow::Result<()> {
    let env_ids = |names: &[&str], envs: &[crate::store::EnvRecord]| -> Vec<i64> {
        envs.iter()
            .filter(|env| names.contains(&env.name.as_str()))
            .map(|env| env.id)
            .collect()
    };
    let envs = store.envs_of(app_id).await?;
    for (name, role) in [("dana", "deploy"), ("devi", "develop")] {
        let account = match store.account_by_username(name).await? {
            Some(account) => account,
            // The hash of a generated password nobody is shown, computed once per process.
            None => {
                store
                    .create_account(name, password::dummy_hash(), false, now)
                    .await?
            }
        };
        store.add_team_member(app_id, account.id, role).await?;
        if role == "deploy" {
            let all: Vec<String> = gate::PERMISSIONS.iter().map(|p| p.to_string()).collect();
            store
                .grant_permissions(app_id, account.id, &env_ids(&["test"], &envs), &all)
                .await?;
            let some = ["view".to_owned(), "transport".to_owned()];
            store
                .grant_permissions(app_id, account.id, &env_ids(&["acceptance"], &envs), &some)
                .await?;
        }
    }
    Ok(())
}

fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
