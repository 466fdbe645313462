//! Delivering SMS codes: a JSON-lines outbox (dev mode and tests), a Twilio-compatible HTTP
//! API, or a generic JSON webhook.
//!
//! Codes reach the log only in dev mode, whose whole point is to show them to a developer.
//! Outside dev mode the outbox is never a silent default: without a configured provider the
//! server sends no SMS at all (`sms_unavailable`), and an outbox the operator asks for by
//! name is a file only the server's user can read.

use std::io::Write;
use std::path::{Path, PathBuf};

use axum::http::StatusCode;

use crate::api::codes;
use crate::config::SmsConfig;
use crate::server::error::ApiError;

pub enum SmsSender {
    Outbox {
        file: PathBuf,
        /// Dev mode only: the code also goes to the log.
        log_codes: bool,
    },
    Twilio {
        base_url: String,
        account_sid: String,
        auth_token: String,
        from: String,
        http: reqwest::Client,
    },
    Webhook {
        url: String,
        token: Option<String>,
        http: reqwest::Client,
    },
    /// No provider outside dev mode: SMS enrollment and sends are refused, TOTP works.
    Unavailable,
}

fn message(code: &str) -> String {
    format!("Your padlock code is {code}. It is valid for 5 minutes. Do not share it.")
}

fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .expect("a reqwest client with a timeout always builds")
}

impl SmsSender {
    /// The sender `config` asks for. Without a provider, dev mode uses the outbox in the data
    /// folder and production sends nothing, so codes never land in a file or log by default.
    pub fn from_config(
        config: &SmsConfig,
        default_outbox: PathBuf,
        dev: bool,
    ) -> Result<SmsSender, String> {
        let need = |value: &Option<String>, key: &str| {
            value.clone().ok_or_else(|| {
                format!(
                    "[sms] {key} is required for this provider (or PADLOCK_SMS_{})",
                    key.to_uppercase()
                )
            })
        };
        let default = if dev { "outbox" } else { "none" };
        match config.provider.as_deref().unwrap_or(default) {
            "none" => Ok(SmsSender::Unavailable),
            "outbox" => Ok(SmsSender::Outbox {
                file: config.outbox_file.clone().unwrap_or(default_outbox),
                log_codes: dev,
            }),
            "twilio" => Ok(SmsSender::Twilio {
                base_url: config
                    .twilio_base_url
                    .clone()
                    .unwrap_or_else(|| "https://api.twilio.com".into()),
                account_sid: need(&config.twilio_account_sid, "twilio_account_sid")?,
                auth_token: need(&config.twilio_auth_token, "twilio_auth_token")?,
                from: need(&config.twilio_from, "twilio_from")?,
                http: http_client(),
            }),
            "webhook" => Ok(SmsSender::Webhook {
                url: need(&config.webhook_url, "webhook_url")?,
                token: config.webhook_token.clone(),
                http: http_client(),
            }),
            other => Err(format!(
                "unknown SMS provider {other:?}: use twilio, webhook, outbox or none"
            )),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            SmsSender::Outbox { file, .. } => format!("outbox {}", file.display()),
            SmsSender::Twilio { base_url, .. } => format!("twilio {base_url}"),
            SmsSender::Webhook { url, .. } => format!("webhook {url}"),
            SmsSender::Unavailable => "none".into(),
        }
    }

    /// The outbox file, when codes go to one.
    pub fn outbox_file(&self) -> Option<&Path> {
        match self {
            SmsSender::Outbox { file, .. } => Some(file),
            _ => None,
        }
    }

    pub fn available(&self) -> bool {
        !matches!(self, SmsSender::Unavailable)
    }

    /// Refuses SMS enrollment and sends up front when the server has no provider, before
    /// anything is stored or counted.
    pub fn require_available(&self) -> Result<(), ApiError> {
        if self.available() {
            return Ok(());
        }
        Err(ApiError::new(
            StatusCode::CONFLICT,
            codes::SMS_UNAVAILABLE,
            "this server sends no SMS codes (no SMS provider is configured); use an authenticator app: \
             padlock 2fa setup --method totp. If your second factor is already SMS, ask support to reset it \
             (padlock admin reset-2fa USER) or the operator to configure [sms] provider",
        ))
    }

    /// Says at start what the SMS set-up means for codes, when it is not the obvious.
    pub fn warn_at_start(&self) {
        match self {
            SmsSender::Unavailable => tracing::warn!(
                "no SMS provider is configured: SMS enrollment and SMS codes are refused \
                 (sms_unavailable), authenticator apps (TOTP) work; set [sms] provider = \"twilio\" \
                 or \"webhook\" to offer SMS"
            ),
            SmsSender::Outbox {
                file,
                log_codes: false,
            } => tracing::warn!(
                "SMS provider outbox: codes are written in clear to {} (mode 0600) and sent to no \
                 phone; use twilio or webhook for real users",
                file.display()
            ),
            _ => {}
        }
    }

    /// Sends `code` to the E.164 number `to`. The error text is for the operator's log.
    pub async fn send(&self, to: &str, code: &str) -> Result<(), String> {
        match self {
            SmsSender::Outbox { file, log_codes } => {
                if *log_codes {
                    tracing::info!(target: "padlock::sms", "SMS code for {to}: {code}");
                }
                let line = serde_json::json!({
                    "to": to,
                    "code": code,
                    "message": message(code),
                    "at": crate::time::rfc3339(crate::time::now()),
                });
                let file = file.clone();
                tokio::task::spawn_blocking(move || {
                    let mut options = std::fs::OpenOptions::new();
                    options.create(true).append(true);
                    // Codes in clear: only the server's user may read them.
                    #[cfg(unix)]
                    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                    writeln!(options.open(&file)?, "{line}")
                })
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| format!("cannot write the SMS outbox: {e}"))
            }
            SmsSender::Twilio {
                base_url,
                account_sid,
                auth_token,
                from,
                http,
            } => {
                let url = format!(
                    "{}/2010-04-01/Accounts/{account_sid}/Messages.json",
                    base_url.trim_end_matches('/')
                );
                let body = form_urlencoded(&[("To", to), ("From", from), ("Body", &message(code))]);
                let response = http
                    .post(url)
                    .basic_auth(account_sid, Some(auth_token))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body)
                    .send()
                    .await
                    .map_err(|e| format!("Twilio request failed: {e}"))?;
                check(response, "Twilio").await
            }
            SmsSender::Webhook { url, token, http } => {
                let mut request = http.post(url).json(&serde_json::json!({
                    "to": to,
                    "code": code,
                    "message": message(code),
                }));
                if let Some(token) = token {
                    request = request.bearer_auth(token);
                }
                let response = request
                    .send()
                    .await
                    .map_err(|e| format!("SMS webhook request failed: {e}"))?;
                check(response, "SMS webhook").await
            }
            SmsSender::Unavailable => Err("no SMS provider is configured".into()),
        }
    }
}

async fn check(response: reqwest::Response, provider: &str) -> Result<(), String> {
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let text = response.text().await.unwrap_or_default();
    Err(format!(
        "{provider} answered {status}: {}",
        text.chars().take(200).collect::<String>()
    ))
}

fn form_urlencoded(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}
