//! Delivering SMS codes: a JSON-lines outbox (dev mode and tests), a Twilio-compatible HTTP
//! API, or a generic JSON webhook. Codes never reach the log except in outbox mode, whose
//! whole point is to show them to a developer.

use std::io::Write;
use std::path::PathBuf;

use crate::config::SmsConfig;

pub enum SmsSender {
    Outbox {
        file: PathBuf,
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
    pub fn from_config(config: &SmsConfig, default_outbox: PathBuf) -> Result<SmsSender, String> {
        let need = |value: &Option<String>, key: &str| {
            value.clone().ok_or_else(|| {
                format!(
                    "[sms] {key} is required for this provider (or PADLOCK_SMS_{})",
                    key.to_uppercase()
                )
            })
        };
        match config.provider.as_deref().unwrap_or("outbox") {
            "outbox" => Ok(SmsSender::Outbox {
                file: config.outbox_file.clone().unwrap_or(default_outbox),
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
                "unknown SMS provider {other:?}: use outbox, twilio or webhook"
            )),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            SmsSender::Outbox { file } => format!("outbox {}", file.display()),
            SmsSender::Twilio { base_url, .. } => format!("twilio {base_url}"),
            SmsSender::Webhook { url, .. } => format!("webhook {url}"),
        }
    }

    /// Sends `code` to the E.164 number `to`. The error text is for the operator's log.
    pub async fn send(&self, to: &str, code: &str) -> Result<(), String> {
        match self {
            SmsSender::Outbox { file } => {
                tracing::info!(target: "padlock::sms", "SMS code for {to}: {code}");
                let line = serde_json::json!({
                    "to": to,
                    "code": code,
                    "message": message(code),
                    "at": crate::time::rfc3339(crate::time::now()),
                });
                let file = file.clone();
                tokio::task::spawn_blocking(move || {
                    let mut out = std::fs::OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(&file)?;
                    writeln!(out, "{line}")
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
