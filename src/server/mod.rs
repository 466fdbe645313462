//! `padlock server`: the portal. It owns accounts, apps, packages, second factors, grants and
//! the audit log, decides what is padlocked, and runs the operator's hooks.

pub mod connections;
pub mod error;
pub mod extract;
pub mod first_support;
pub mod gate;
pub mod password_work;
pub mod private;
pub mod rotation;
pub mod routes;
pub mod sms;
pub mod telemetry;
pub mod throttle;

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};

use crate::auth::password;
use crate::auth::seal::MasterKey;
use crate::config::{Config, LogFormat};
use crate::hooks::Hooks;
use crate::store::Store;
use crate::vocabulary::Permission;
use error::ApiError;
use password_work::PasswordWork;
use sms::SmsSender;

/// JSON bodies are small; only package uploads stream more, and they set their own limit.
const JSON_BODY_LIMIT: usize = 64 * 1024;

/// What every handler shares. Each extractor that asks for it takes a clone, several per
/// request: one reference count to bump, not one per part.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub store: Store,
    pub config: Config,
    pub master_key: MasterKey,
    pub sms: SmsSender,
    pub data_dir: PathBuf,
    pub hooks: Hooks,
    pub password_work: PasswordWork,
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl Shared {
    pub fn now(&self) -> i64 {
        crate::time::now()
    }
}

pub fn router(state: AppState) -> Router {
    routes().with_state(state)
}

/// Every route the server answers, before it has its state.
fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .nest("/v1", routes::router())
        .fallback(error::no_such_route)
        .method_not_allowed_fallback(error::no_such_method)
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        // Outermost last: a client's request id is checked, kept or made, copied onto the
        // response, and the request is logged and counted under it.
        .layer(axum::middleware::from_fn(telemetry::track))
        .layer(PropagateRequestIdLayer::new(telemetry::REQUEST_ID))
        .layer(SetRequestIdLayer::new(
            telemetry::REQUEST_ID,
            telemetry::MakeId,
        ))
        .layer(axum::middleware::map_request(|request| {
            std::future::ready(telemetry::drop_insane_request_id(request))
        }))
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
    /// `-v` counted and `-q`: the log level when `RUST_LOG` is not set.
    pub verbose: u8,
    pub quiet: bool,
}

/// The configuration, data folder, master key and store `padlock server` and its
/// maintenance commands start from.
pub(crate) struct Opened {
    pub config: Config,
    pub data_dir: PathBuf,
    pub master_key: MasterKey,
    pub database_url: String,
    pub store: Store,
}

/// Loads the configuration (file, `PADLOCK_*`, then flags), makes the data folder, reads the
/// master key and opens the store (running its migrations).
pub(crate) async fn open(options: &ServerOptions) -> anyhow::Result<Opened> {
    let mut config = Config::load(options.config_file.as_deref(), |var| {
        std::env::var(var).ok()
    })?;
    if let Some(listen) = &options.listen {
        config.listen = listen.clone();
    }
    if let Some(url) = &options.database_url {
        config.database_url = Some(url.clone());
    }
    if let Some(dir) = &options.data_dir {
        config.data_dir = Some(dir.clone());
    }
    telemetry::init_logging(config.log_format, options.verbose, options.quiet);
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
    Ok(Opened {
        config,
        data_dir,
        master_key,
        database_url,
        store,
    })
}

pub async fn run(options: ServerOptions) -> anyhow::Result<()> {
    let clock_offset = dev_clock_offset(options.dev)?;
    let Opened {
        config,
        data_dir,
        master_key,
        database_url,
        store,
    } = open(&options).await?;
    let daily_odds = config.lockout_policy().guess_chance(24 * 3600);
    if daily_odds > 0.001 {
        tracing::warn!(
            "the lockout settings let someone with a password guess a second-factor code with \
             {:.3} % chance a day (the defaults: 0.011 %); see the README's Security section",
            daily_odds * 100.0
        );
    }
    rotation::verify_master_key(&store, &master_key).await?;
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
    let metrics_listener = match &config.metrics_listen {
        Some(metrics_listen) => {
            let listener = std::net::TcpListener::bind(metrics_listen)
                .with_context(|| format!("cannot listen on {metrics_listen} (metrics_listen)"))?;
            listener.set_nonblocking(true)?;
            telemetry::install_metrics()?;
            Some(listener)
        }
        None => None,
    };
    let metrics_url = match &metrics_listener {
        Some(listener) => Some(format!("http://{}/metrics", listener.local_addr()?)),
        None => None,
    };
    tracing::info!(sms = %sms.describe(), database = %redact_url(&database_url), "padlock server ready");
    throttle::spawn_sweeper(store.clone());
    if let Some(listener) = metrics_listener {
        let store = store.clone();
        tokio::spawn(async move {
            if let Err(err) = telemetry::serve_metrics(listener, store).await {
                tracing::error!("the metrics listener stopped: {err}");
            }
        });
    }
    if let Some(metrics_url) = &metrics_url {
        tracing::info!("metrics at {metrics_url}");
    }
    let password_work = PasswordWork::start(config.password_threads(), config.password_queue())
        .context("cannot start the password hashing threads")?;
    let limits = connections::Limits {
        max_connections: config.max_connections,
        header_read_timeout: config.header_read_timeout.0,
        body_read_timeout: config.body_read_timeout.0,
    };
    let state = AppState(Arc::new(Shared {
        store,
        config,
        master_key,
        sms,
        data_dir: data_dir.clone(),
        hooks,
        password_work,
    }));
    if let Some(password) = &admin_password {
        let mut lines = vec![
            format!("dev mode: data in {}", data_dir.display()),
            format!("dev mode: support account admin, password {password}"),
        ];
        if let Some(file) = state.sms.outbox_file() {
            lines.push(format!("dev mode: SMS codes go to {}", file.display()));
        }
        for line in lines {
            // A JSON log stays one JSON object a line, for whatever collects it.
            match state.config.log_format {
                LogFormat::Json => tracing::warn!(target: "padlock::dev", "{line}"),
                LogFormat::Text => eprintln!("{line}"),
            }
        }
    }
    // Scripts wait for this one line: from here on, connections are accepted.
    if options.json {
        let line = serde_json::json!({
            "url": url,
            "data_dir": data_dir,
            "admin_password": admin_password,
            "sms_outbox": sms_outbox,
            "metrics_url": metrics_url,
        });
        println!("{line}");
    } else {
        println!("padlock listening on {url}");
    }
    use std::io::Write;
    std::io::stdout().flush().ok();

    let app = match clock_offset {
        Some(offset) => router(state).layer(axum::middleware::map_response(
            move |response: axum::response::Response| shift_date(response, offset),
        )),
        None => router(state),
    };
    connections::serve(listener, tls, app, limits, shutdown_signal()).await?;
    Ok(())
}

/// `PADLOCK_DEV_CLOCK_OFFSET=SECONDS`, for dev mode only: the server's `Date` header runs that
/// many seconds ahead (behind, when negative), as a server with a wrong clock would, so that
/// `padlock doctor`'s clock check can be tried. Nothing else reads it: codes, grants and
/// expiries keep the real clock. Outside dev mode the server refuses to start with it set.
const DEV_CLOCK_OFFSET: &str = "PADLOCK_DEV_CLOCK_OFFSET";

fn dev_clock_offset(dev: bool) -> anyhow::Result<Option<i64>> {
    let Some(text) = std::env::var_os(DEV_CLOCK_OFFSET) else {
        return Ok(None);
    };
    if !dev {
        anyhow::bail!(
            "{DEV_CLOCK_OFFSET} is for development only (it makes the server misreport its \
             clock): unset it, or run padlock server --dev"
        );
    }
    let seconds = text
        .to_str()
        .and_then(|text| text.trim().parse::<i64>().ok())
        .with_context(|| {
            format!("{DEV_CLOCK_OFFSET} must be a whole number of seconds, not {text:?}")
        })?;
    Ok(Some(seconds))
}

async fn shift_date(
    mut response: axum::response::Response,
    offset: i64,
) -> axum::response::Response {
    let now = std::time::SystemTime::now();
    let seconds = std::time::Duration::from_secs(offset.unsigned_abs());
    let shifted = if offset >= 0 {
        now + seconds
    } else {
        now - seconds
    };
    if let Ok(value) = axum::http::HeaderValue::from_str(&httpdate::fmt_http_date(shifted)) {
        response
            .headers_mut()
            .insert(axum::http::header::DATE, value);
    }
    response
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
            let all = Permission::ALL;
            store
                .grant_permissions(app_id, account.id, &env_ids(&["test"], &envs), all)
                .await?;
            let some = [Permission::View, Permission::Transport];
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

#[cfg(test)]
mod tests {
    /// The paths the router serves. axum has no API to list them, but its `Debug` output
    /// names each path once, as `RouteId(N): "/path"`, routes before the fallback's catch-all;
    /// should that format change, the count below fails rather than the comparison passing
    /// on nothing.
    fn routed_paths() -> std::collections::BTreeSet<String> {
        let debug = format!("{:?}", super::routes());
        // The fallback's own catch-all router comes after the routes.
        let debug = debug.split("fallback_router:").next().unwrap_or_default();
        let mut paths = std::collections::BTreeSet::new();
        for (at, _) in debug.match_indices("): \"/") {
            let rest = &debug[at + 4..];
            let end = rest.find('"').expect("a closing quote");
            paths.insert(rest[..end].to_owned());
        }
        paths
    }

    #[test]
    fn every_routed_path_is_in_the_openapi_document_and_back() {
        use utoipa::OpenApi;
        let document: std::collections::BTreeSet<String> = super::routes::ApiDoc::openapi()
            .paths
            .paths
            .keys()
            .cloned()
            .collect();
        // Served outside the document: probes for load balancers, and the document itself.
        let undocumented = ["/healthz", "/readyz", "/v1/openapi.json"];
        let routed = routed_paths();
        assert!(routed.len() > 20, "axum's Debug output changed: {routed:?}");
        let missing: Vec<&String> = routed
            .iter()
            .filter(|path| !document.contains(*path) && !undocumented.contains(&path.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "routed but not in the OpenAPI document: {missing:?}"
        );
        let unrouted: Vec<&String> = document
            .iter()
            .filter(|path| !routed.contains(*path))
            .collect();
        assert!(
            unrouted.is_empty(),
            "in the OpenAPI document but not routed: {unrouted:?}"
        );
    }
}
