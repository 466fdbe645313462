//! The server's configuration: a TOML file (`--config FILE`) overlaid with `PADLOCK_<KEY>`
//! environment variables (`PADLOCK_GRANT_TTL=8h`, `PADLOCK_SMS_PROVIDER=webhook`) and then
//! with command-line flags.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize, Serializer};

/// A duration written the way people write it: `8h`, `15m`, `30s`, `7d`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "toml::Value")]
pub struct Span(pub Duration);

/// Written back the way it is read (`8h`, `30d`), for the configuration reference.
impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let seconds = self.0.as_secs();
        let text = match seconds {
            s if s >= 2 * 86_400 && s % 86_400 == 0 => format!("{}d", s / 86_400),
            s if s >= 3600 && s % 3600 == 0 => format!("{}h", s / 3600),
            s if s >= 60 && s % 60 == 0 => format!("{}m", s / 60),
            s => format!("{s}s"),
        };
        serializer.serialize_str(&text)
    }
}

impl TryFrom<toml::Value> for Span {
    type Error = String;
    fn try_from(value: toml::Value) -> Result<Span, String> {
        match value {
            toml::Value::String(text) => parse_span(&text),
            toml::Value::Integer(seconds) if seconds >= 0 => {
                Ok(Span(Duration::from_secs(seconds as u64)))
            }
            other => Err(format!("expected a duration such as \"8h\", got {other}")),
        }
    }
}

pub fn parse_span(text: &str) -> Result<Span, String> {
    humantime::parse_duration(text.trim())
        .map(Span)
        .map_err(|err| format!("{text:?} is not a duration such as \"8h\" or \"15m\": {err}"))
}

impl Span {
    pub fn seconds(self) -> i64 {
        self.0.as_secs() as i64
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub listen: String,
    pub database_url: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub master_key_file: Option<PathBuf>,
    pub master_key: Option<String>,
    pub grant_ttl: Span,
    pub ci_grant_max_ttl: Span,
    pub session_ttl: Span,
    /// Wrong second-factor codes in a row that lock the account.
    pub lockout_failures: i64,
    /// The first lockout's length; each lockout in a row doubles it.
    pub lockout_duration: Span,
    /// The longest a lockout grows to.
    pub lockout_max_duration: Span,
    /// How long an SMS code stays valid.
    pub sms_code_ttl: Span,
    /// How long a resend of a still-pending SMS code waits.
    pub sms_resend_wait: Span,
    /// Largest package accepted, in bytes.
    pub max_package_bytes: u64,
    /// The fixed window in which failed logins are counted.
    pub login_window: Span,
    /// Failed logins per window for one username from one client address.
    pub login_failures_per_account_address: i64,
    /// Failed logins per window from one client address, over all usernames (spraying).
    pub login_failures_per_address: i64,
    /// Failed logins per window for one username from addresses that never logged in to
    /// it; the owner's known addresses are not held back by it.
    pub login_failures_per_account: i64,
    /// Reverse proxies whose `X-Forwarded-For` is believed: addresses or CIDR ranges.
    pub trusted_proxies: TrustedProxies,
    /// Threads that hash passwords (argon2id, 19 MiB each while it runs). Default: half
    /// the cores, at least 1, so that a login flood leaves cores for everyone else.
    pub password_threads: Option<usize>,
    /// Logins that may wait for a hashing thread; past them a login is refused at once
    /// with `server_busy`. Default: 4 per hashing thread.
    pub password_queue: Option<usize>,
    /// How long a client may take to send a request's headers (also how long an idle
    /// connection is kept open).
    pub header_read_timeout: Span,
    /// How long a request body may make no progress. Not a cap on the whole body: a
    /// gigabyte upload that keeps moving is never cut.
    pub body_read_timeout: Span,
    /// Connections served at once; more are closed as soon as they are accepted.
    pub max_connections: usize,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    /// `text` (default) or `json`: one JSON object a line, for log collectors.
    pub log_format: LogFormat,
    /// Where to serve Prometheus metrics (`GET /metrics`), e.g. `127.0.0.1:9090`. Off when
    /// unset; never on `listen`, since metrics are for the operator, not the public.
    pub metrics_listen: Option<String>,
    pub sms: SmsConfig,
    pub hooks: Vec<HookConfig>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            listen: "127.0.0.1:8080".into(),
            database_url: None,
            data_dir: None,
            master_key_file: None,
            master_key: None,
            grant_ttl: Span(Duration::from_secs(8 * 3600)),
            ci_grant_max_ttl: Span(Duration::from_secs(30 * 24 * 3600)),
            session_ttl: Span(Duration::from_secs(30 * 24 * 3600)),
            lockout_failures: 5,
            lockout_duration: Span(Duration::from_secs(15 * 60)),
            lockout_max_duration: Span(Duration::from_secs(24 * 3600)),
            sms_code_ttl: Span(Duration::from_secs(
                crate::auth::sms::CODE_TTL_SECONDS as u64,
            )),
            sms_resend_wait: Span(Duration::from_secs(
                crate::auth::sms::RESEND_WAIT_SECONDS as u64,
            )),
            max_package_bytes: 8 << 30,
            login_window: Span(Duration::from_secs(15 * 60)),
            login_failures_per_account_address: 10,
            login_failures_per_address: 50,
            login_failures_per_account: 20,
            trusted_proxies: TrustedProxies::default(),
            password_threads: None,
            password_queue: None,
            header_read_timeout: Span(Duration::from_secs(10)),
            body_read_timeout: Span(Duration::from_secs(30)),
            max_connections: 512,
            tls_cert: None,
            tls_key: None,
            log_format: LogFormat::Text,
            metrics_listen: None,
            sms: SmsConfig::default(),
            hooks: Vec::new(),
        }
    }
}

/// How the server writes its log (to stderr).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// The reverse proxies in front of the server (`trusted_proxies = ["10.0.0.0/8", "::1"]`, or
/// `PADLOCK_TRUSTED_PROXIES="10.0.0.0/8, ::1"`). Empty by default: without it a client could
/// forge `X-Forwarded-For` and pick the address its throttles and audit events are held under.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(try_from = "toml::Value")]
pub struct TrustedProxies(pub Vec<ipnet::IpNet>);

impl Serialize for TrustedProxies {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(ToString::to_string))
    }
}

impl TryFrom<toml::Value> for TrustedProxies {
    type Error = String;
    fn try_from(value: toml::Value) -> Result<TrustedProxies, String> {
        let texts: Vec<String> = match value {
            // One string from the environment: a comma- or space-separated list.
            toml::Value::String(text) => text
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|part| !part.is_empty())
                .map(str::to_owned)
                .collect(),
            toml::Value::Array(items) => items
                .into_iter()
                .map(|item| match item {
                    toml::Value::String(text) => Ok(text),
                    other => Err(format!("expected an address or CIDR range, got {other}")),
                })
                .collect::<Result<_, _>>()?,
            other => Err(format!(
                "expected a list of addresses or CIDR ranges, got {other}"
            ))?,
        };
        texts
            .iter()
            .map(|text| parse_net(text))
            .collect::<Result<_, _>>()
            .map(TrustedProxies)
    }
}

/// `10.0.0.0/8`, or one address (`192.0.2.1`, `::1`) as a range of one.
fn parse_net(text: &str) -> Result<ipnet::IpNet, String> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| {
            format!("{text:?} is neither an IP address nor a CIDR range such as 10.0.0.0/8")
        })
}

impl TrustedProxies {
    pub fn contains(&self, addr: &std::net::IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(addr))
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmsConfig {
    /// `twilio`, `webhook`, `outbox` (a JSON-lines file of codes, mode 0600; in dev mode also
    /// the log) or `none`. Default: `outbox` in dev mode, `none` otherwise.
    pub provider: Option<String>,
    pub outbox_file: Option<PathBuf>,
    pub twilio_account_sid: Option<String>,
    pub twilio_auth_token: Option<String>,
    pub twilio_from: Option<String>,
    /// Base URL of the Twilio-compatible API (default `https://api.twilio.com`).
    pub twilio_base_url: Option<String>,
    pub webhook_url: Option<String>,
    /// Sent as `Authorization: Bearer …` to the webhook.
    pub webhook_token: Option<String>,
}

/// One operator hook: which operation on which app and environment runs which command.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HookConfig {
    /// App name, or `*` for every app.
    #[serde(default = "any")]
    pub app: String,
    /// Environment name, or `*` for every environment.
    #[serde(default = "any")]
    pub env: String,
    /// `transport`, `start`, `stop`, `restart`, `backup_create` or `backup_restore`.
    pub operation: String,
    /// Run with `sh -c`.
    pub command: String,
    #[serde(default = "default_hook_timeout")]
    pub timeout: Span,
    /// Names of the server's environment variables the hook also receives (`AWS_PROFILE`,
    /// `KUBECONFIG`); otherwise it starts from PATH, HOME, LANG, LC_ALL and its `PADLOCK_*`
    /// context only.
    #[serde(default)]
    pub pass_env: Vec<String>,
}

fn any() -> String {
    "*".into()
}

fn default_hook_timeout() -> Span {
    Span(Duration::from_secs(600))
}

/// Keys that `PADLOCK_<KEY>` may set (dots become underscores: `sms.provider` is
/// `PADLOCK_SMS_PROVIDER`). Hooks are left to the file: they are commands.
const ENV_KEYS: &[&str] = &[
    "listen",
    "database_url",
    "data_dir",
    "master_key_file",
    "master_key",
    "grant_ttl",
    "ci_grant_max_ttl",
    "session_ttl",
    "lockout_failures",
    "lockout_duration",
    "lockout_max_duration",
    "sms_code_ttl",
    "sms_resend_wait",
    "max_package_bytes",
    "login_window",
    "login_failures_per_account_address",
    "login_failures_per_address",
    "login_failures_per_account",
    "trusted_proxies",
    "password_threads",
    "password_queue",
    "header_read_timeout",
    "body_read_timeout",
    "max_connections",
    "tls_cert",
    "tls_key",
    "log_format",
    "metrics_listen",
    "sms.provider",
    "sms.outbox_file",
    "sms.twilio_account_sid",
    "sms.twilio_auth_token",
    "sms.twilio_from",
    "sms.twilio_base_url",
    "sms.webhook_url",
    "sms.webhook_token",
];

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{origin} is not valid: {message}")]
    Invalid { origin: String, message: String },
}

impl Config {
    pub fn lockout_policy(&self) -> crate::auth::lockout::LockoutPolicy {
        crate::auth::lockout::LockoutPolicy {
            max_failures: self.lockout_failures,
            base_seconds: self.lockout_duration.seconds(),
            max_seconds: self.lockout_max_duration.seconds(),
        }
    }

    /// Reads `file` (if any) and overlays the `PADLOCK_*` variables from `env`. Each source
    /// is read on its own first, so an error names the one a bad value came from: the file,
    /// or the variable.
    pub fn load(
        file: Option<&Path>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let file_origin = file.map(|path| format!("the config file {}", path.display()));
        let mut table = match (file, &file_origin) {
            (Some(path), Some(origin)) => {
                let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                    path: path.to_owned(),
                    source,
                })?;
                let table: toml::Table =
                    toml::from_str(&text).map_err(|err| ConfigError::Invalid {
                        origin: origin.clone(),
                        message: err.to_string(),
                    })?;
                parse(table.clone(), origin)?;
                table
            }
            _ => toml::Table::new(),
        };
        let mut from_env = Vec::new();
        for key in ENV_KEYS {
            let var = env_var(key);
            if let Some(text) = env(&var) {
                let value = env_value(key, &text);
                let mut alone = toml::Table::new();
                set_path(&mut alone, key, value.clone());
                parse(alone, &var)?;
                set_path(&mut table, key, value);
                from_env.push(*key);
            }
        }
        let origin_of = |key: &str| match (from_env.contains(&key), &file_origin) {
            (true, _) => env_var(key),
            (false, Some(origin)) => origin.clone(),
            (false, None) => "the default".to_owned(),
        };
        // Each source parsed alone, so together they do too.
        let config = parse(table, "the configuration")?;
        // Hooks come from the file only.
        config
            .check_hooks()
            .map_err(|message| ConfigError::Invalid {
                origin: origin_of("hooks"),
                message,
            })?;
        // Below 1, a login limit would let one attempt a window through and refuse every
        // other, the owner's too: never what is meant.
        for (key, limit) in [
            (
                "login_failures_per_account_address",
                config.login_failures_per_account_address,
            ),
            (
                "login_failures_per_address",
                config.login_failures_per_address,
            ),
            (
                "login_failures_per_account",
                config.login_failures_per_account,
            ),
        ] {
            if limit < 1 {
                return Err(ConfigError::Invalid {
                    origin: origin_of(key),
                    message: format!("{key} must be at least 1, got {limit}"),
                });
            }
        }
        Ok(config)
    }

    /// A hook's `pass_env` names variables, and never the server's own `PADLOCK_*` settings
    /// (master key, database URL, SMS tokens): that prefix is the operation's context.
    fn check_hooks(&self) -> Result<(), String> {
        for hook in &self.hooks {
            for name in &hook.pass_env {
                let mut chars = name.chars();
                let valid = chars
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
                if !valid {
                    return Err(format!(
                        "hook {:?}: pass_env takes variable names such as \"AWS_PROFILE\", not {name:?}",
                        hook.command
                    ));
                }
                if name.to_ascii_uppercase().starts_with("PADLOCK_") {
                    return Err(format!(
                        "hook {:?}: pass_env cannot pass {name}: PADLOCK_* variables are the server's \
                         own settings; the hook gets the operation's PADLOCK_* context by itself",
                        hook.command
                    ));
                }
            }
        }
        Ok(())
    }
}

impl Config {
    /// `password_threads`, or half the cores (at least 1).
    pub fn password_threads(&self) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        self.password_threads.unwrap_or(cores / 2).max(1)
    }

    /// `password_queue`, or 4 waiting logins per hashing thread.
    pub fn password_queue(&self) -> usize {
        self.password_queue.unwrap_or(4 * self.password_threads())
    }
}

/// The variable that sets `key`: `sms.provider` is `PADLOCK_SMS_PROVIDER`.
fn env_var(key: &str) -> String {
    format!("PADLOCK_{}", key.replace('.', "_").to_uppercase())
}

fn parse(table: toml::Table, origin: &str) -> Result<Config, ConfigError> {
    toml::Value::Table(table)
        .try_into()
        .map_err(|err: toml::de::Error| ConfigError::Invalid {
            origin: origin.to_owned(),
            message: err.to_string(),
        })
}

/// An environment variable's text as a TOML value: a number where the key takes one, else a string.
fn env_value(key: &str, text: &str) -> toml::Value {
    match text.parse::<i64>() {
        Ok(number) if NUMERIC_KEYS.contains(&key) => toml::Value::Integer(number),
        _ => toml::Value::String(text.to_owned()),
    }
}

/// Keys whose value may be a plain number; every other key is text even when it looks like
/// one (`PADLOCK_SMS_TWILIO_FROM=+15005550006`, an all-digit token).
const NUMERIC_KEYS: &[&str] = &[
    "grant_ttl",
    "ci_grant_max_ttl",
    "session_ttl",
    "lockout_failures",
    "lockout_duration",
    "lockout_max_duration",
    "sms_code_ttl",
    "sms_resend_wait",
    "max_package_bytes",
    "login_window",
    "login_failures_per_account_address",
    "login_failures_per_address",
    "login_failures_per_account",
    "password_threads",
    "password_queue",
    "header_read_timeout",
    "body_read_timeout",
    "max_connections",
];

fn set_path(table: &mut toml::Table, dotted: &str, value: toml::Value) {
    match dotted.split_once('.') {
        Some((head, rest)) => {
            let inner = table
                .entry(head)
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            if let toml::Value::Table(inner) = inner {
                set_path(inner, rest, value);
            }
        }
        None => {
            table.insert(dotted.to_owned(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn file_values_and_env_overlay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("padlock.toml");
        std::fs::write(
            &path,
            r#"
grant_ttl = "2h"
lockout_failures = 3
[sms]
provider = "outbox"
[[hooks]]
env = "production"
operation = "transport"
command = "deploy.sh"
timeout = "30s"
pass_env = ["AWS_PROFILE", "KUBECONFIG"]
"#,
        )
        .unwrap();
        let config = Config::load(Some(&path), |var| match var {
            "PADLOCK_GRANT_TTL" => Some("90m".into()),
            "PADLOCK_SMS_PROVIDER" => Some("webhook".into()),
            "PADLOCK_LOCKOUT_DURATION" => Some("60".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(config.grant_ttl.seconds(), 90 * 60);
        assert_eq!(config.lockout_failures, 3);
        assert_eq!(config.lockout_duration.seconds(), 60);
        assert_eq!(config.sms.provider.as_deref(), Some("webhook"));
        assert_eq!(config.hooks[0].app, "*");
        assert_eq!(config.hooks[0].timeout.seconds(), 30);
        assert_eq!(config.hooks[0].pass_env, ["AWS_PROFILE", "KUBECONFIG"]);
        assert_eq!(config.ci_grant_max_ttl.seconds(), 30 * 24 * 3600);
    }

    #[test]
    fn trusted_proxies_from_the_file_or_the_environment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("padlock.toml");
        std::fs::write(
            &path,
            "trusted_proxies = [\"10.0.0.0/8\", \"::1\"]\nlogin_failures_per_address = 7\n",
        )
        .unwrap();
        let config = Config::load(Some(&path), no_env).unwrap();
        let ip = |text: &str| text.parse::<std::net::IpAddr>().unwrap();
        assert!(config.trusted_proxies.contains(&ip("10.1.2.3")));
        assert!(config.trusted_proxies.contains(&ip("::1")));
        assert!(!config.trusted_proxies.contains(&ip("11.0.0.1")));
        assert_eq!(config.login_failures_per_address, 7);
        assert_eq!(config.login_window.seconds(), 15 * 60);

        let config = Config::load(None, |var| {
            (var == "PADLOCK_TRUSTED_PROXIES").then(|| "192.0.2.1, 2001:db8::/32".to_owned())
        })
        .unwrap();
        assert!(config.trusted_proxies.contains(&ip("192.0.2.1")));
        assert!(!config.trusted_proxies.contains(&ip("192.0.2.2")));
        assert!(config.trusted_proxies.contains(&ip("2001:db8::5")));

        let err = Config::load(None, |var| {
            (var == "PADLOCK_TRUSTED_PROXIES").then(|| "10.0.0.0/33".to_owned())
        })
        .unwrap_err()
        .to_string();
        assert!(err.contains("CIDR"), "{err}");
        let err = Config::load(None, |var| {
            (var == "PADLOCK_LOGIN_FAILURES_PER_ADDRESS").then(|| "0".to_owned())
        })
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("login_failures_per_address must be at least 1"),
            "{err}"
        );
        assert!(
            Config::load(None, no_env)
                .unwrap()
                .trusted_proxies
                .0
                .is_empty()
        );
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.toml");
        for (text, needle) in [
            ("grant_ttl = [", "line 1"),
            ("grant_ttl = \"eight hours\"", "not a duration"),
            ("unknown_key = 1", "unknown field"),
        ] {
            std::fs::write(&path, text).unwrap();
            let err = Config::load(Some(&path), no_env).unwrap_err().to_string();
            assert!(err.contains("bad.toml"), "{err}");
            assert!(err.contains(needle), "{text}: {err}");
        }
        for (pass_env, needle) in [
            ("[\"PADLOCK_MASTER_KEY\"]", "cannot pass PADLOCK_MASTER_KEY"),
            ("[\"padlock_sms_twilio_auth_token\"]", "cannot pass"),
            ("[\"AWS_PROFILE=prod\"]", "variable names"),
            ("[\"\"]", "variable names"),
        ] {
            let text = format!(
                "[[hooks]]\noperation = \"start\"\ncommand = \"x\"\npass_env = {pass_env}\n"
            );
            std::fs::write(&path, text).unwrap();
            let err = Config::load(Some(&path), no_env).unwrap_err().to_string();
            assert!(err.contains(needle), "{pass_env}: {err}");
        }
        let missing = Config::load(Some(&dir.path().join("none.toml")), no_env).unwrap_err();
        assert!(matches!(missing, ConfigError::Read { .. }));
    }

    /// A bad value's error names where it came from: the variable, or the file.
    #[test]
    fn a_bad_value_names_its_source() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("padlock.toml");
        std::fs::write(&path, "lockout_failures = 3\n").unwrap();
        let bad_env = |var: &str| (var == "PADLOCK_GRANT_TTL").then(|| "eight hours".to_owned());
        let err = Config::load(Some(&path), bad_env).unwrap_err().to_string();
        assert!(
            err.starts_with("PADLOCK_GRANT_TTL is not valid") && err.contains("grant_ttl"),
            "{err}"
        );
        assert!(!err.contains("padlock.toml"), "{err}");

        std::fs::write(&path, "grant_ttl = \"eight hours\"\n").unwrap();
        let good_env = |var: &str| (var == "PADLOCK_LOCKOUT_FAILURES").then(|| "4".to_owned());
        let err = Config::load(Some(&path), good_env).unwrap_err().to_string();
        assert!(err.starts_with("the config file"), "{err}");
        assert!(
            err.contains("padlock.toml") && !err.contains("PADLOCK_"),
            "{err}"
        );

        std::fs::write(&path, "login_failures_per_account = 0\n").unwrap();
        let err = Config::load(Some(&path), no_env).unwrap_err().to_string();
        assert!(err.contains("padlock.toml"), "{err}");
        let zero =
            |var: &str| (var == "PADLOCK_LOGIN_FAILURES_PER_ACCOUNT").then(|| "0".to_owned());
        std::fs::write(&path, "").unwrap();
        let err = Config::load(Some(&path), zero).unwrap_err().to_string();
        assert!(
            err.starts_with("PADLOCK_LOGIN_FAILURES_PER_ACCOUNT"),
            "{err}"
        );
    }

    /// Every key of the configuration, dotted (`sms.provider`, `hooks.timeout`), with its
    /// default as JSON (null: none, or computed).
    fn keys_and_defaults() -> Vec<(String, serde_json::Value)> {
        let hook: HookConfig = toml::from_str("operation = \"start\"\ncommand = \"x\"").unwrap();
        let mut config = serde_json::to_value(Config::default()).unwrap();
        let config = config.as_object_mut().unwrap();
        config.remove("hooks");
        let sms = config.remove("sms").unwrap();
        let mut keys: Vec<(String, serde_json::Value)> = config
            .iter()
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        for (prefix, table) in [("sms", sms), ("hooks", serde_json::to_value(hook).unwrap())] {
            for (key, value) in table.as_object().unwrap() {
                keys.push((format!("{prefix}.{key}"), value.clone()));
            }
        }
        keys
    }

    /// docs/operating.md lists every key in its configuration reference, with the default
    /// the code has.
    #[test]
    fn every_key_is_in_the_operating_guide() {
        let guide = include_str!("../docs/operating.md");
        let keys = keys_and_defaults();
        assert!(keys.len() >= 40, "{keys:?}");
        for (key, default) in keys {
            let row = guide
                .lines()
                .find(|line| line.starts_with(&format!("| `{key}` |")))
                .unwrap_or_else(|| panic!("docs/operating.md has no row for `{key}`"));
            let required = ["hooks.operation", "hooks.command"].contains(&key.as_str());
            let shown = row.split('|').nth(2).unwrap().trim();
            let wanted = match &default {
                _ if required => "required".to_owned(),
                serde_json::Value::Null => {
                    assert!(shown.starts_with("none"), "`{key}`: {shown}");
                    continue;
                }
                other => format!("`{other}`"),
            };
            assert_eq!(shown, wanted, "the default of `{key}` in docs/operating.md");
        }
    }

    /// The README's Security section promises these bounds for the defaults: an attacker who
    /// has the password hits a valid code with at most 0.1 % chance a day and 1 % a year.
    #[test]
    fn default_lockout_keeps_guessing_below_the_promised_odds() {
        let policy = Config::default().lockout_policy();
        let (day, year) = (86_400, 365 * 86_400);
        assert_eq!(policy.max_guesses(day), 35);
        assert_eq!(policy.max_guesses(year), 1855);
        assert!(
            policy.guess_chance(day) <= 0.001,
            "{}",
            policy.guess_chance(day)
        );
        assert!(
            policy.guess_chance(year) <= 0.01,
            "{}",
            policy.guess_chance(year)
        );
    }
}
