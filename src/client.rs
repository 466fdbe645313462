//! The only HTTP client: builds requests with the credentials in force, turns transport
//! failures and the server's one error shape into `ClientError`, which `main` maps to exit
//! codes. It matches error codes, never status numbers or message text. With `-v` it
//! traces each request on stderr, and it notes how far the server's clock is from ours.

use std::sync::atomic::{AtomicI64, AtomicU8, Ordering};
use std::time::{Duration, Instant};

use reqwest::{Method, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::api::{ErrorBody, ErrorDetail, GRANT_HEADER, codes};

/// What the client presents to the server.
#[derive(Debug, Clone)]
pub enum Auth {
    None,
    /// A person's session, with the interactive grant when one is cached.
    Session {
        token: String,
        grant: Option<String>,
    },
    /// A CI job's pre-issued grant (`PADLOCK_GRANT`).
    CiGrant(String),
}

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("cannot reach the padlock server at {server}: {detail}\n\nhint: {hint}")]
    Unreachable {
        server: String,
        detail: String,
        hint: String,
    },
    #[error(
        "the padlock server at {server} is not trusted: {detail}\n\nhint: if it uses a company or self-signed certificate, set PADLOCK_CA_CERT to the PEM file of its CA"
    )]
    Untrusted { server: String, detail: String },
    #[error(
        "the padlock server at {server} cannot reach its database; try again in a minute or tell its operator"
    )]
    DatabaseUnavailable { server: String },
    #[error("{}", .0.message)]
    Api(ErrorDetail),
    #[error("cannot use the CA certificates in PADLOCK_CA_CERT={path:?}: {detail}")]
    CaCert { path: String, detail: String },
    #[error(
        "the server at {server} sent an answer padlock cannot read ({detail}); is it a padlock server of a matching version?"
    )]
    BadAnswer { server: String, detail: String },
    /// Something answered, but not padlock's API: a web site, a proxy's page, another service.
    #[error(
        "the server at {server} is not a padlock server: it answered {what}\n\nhint: check the address (--server / PADLOCK_SERVER); a padlock server answers {server}/v1/version with its version"
    )]
    NotPadlock { server: String, what: String },
}

/// How much `-v` asked for: 1 traces each request, 2 adds query strings and answer sizes.
static VERBOSITY: AtomicU8 = AtomicU8::new(0);

pub fn set_verbosity(level: u8) {
    VERBOSITY.store(level, Ordering::Relaxed);
}

/// The server's clock minus ours, in seconds, from the `Date` header of its last answer
/// (`i64::MIN`: no answer yet).
static CLOCK_OFFSET: AtomicI64 = AtomicI64::new(i64::MIN);

/// How far the server's clock is from this machine's, once it answered: positive when the
/// server is ahead.
pub fn server_clock_offset() -> Option<i64> {
    match CLOCK_OFFSET.load(Ordering::Relaxed) {
        i64::MIN => None,
        offset => Some(offset),
    }
}

/// Reads an HTTP `Date` header ("Sun, 06 Nov 1994 08:49:37 GMT") as unix seconds.
fn http_date(text: &str) -> Option<i64> {
    let format = time::macros::format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    time::PrimitiveDateTime::parse(text, format)
        .ok()
        .map(|t| t.assume_utc().unix_timestamp())
}

impl ClientError {
    pub fn code(&self) -> Option<&str> {
        match self {
            ClientError::Api(detail) => Some(&detail.code),
            _ => None,
        }
    }

    pub fn is_second_factor_needed(&self) -> bool {
        matches!(
            self.code(),
            Some(codes::SECOND_FACTOR_REQUIRED | codes::ENROLLMENT_REQUIRED)
        )
    }
}

pub struct Client {
    http: reqwest::Client,
    base: String,
    pub auth: Auth,
}

/// The chain of causes of a reqwest error, for a message that says what really failed
/// (connection refused, certificate unknown, …).
fn causes(err: &reqwest::Error) -> String {
    let mut text = String::new();
    let mut source: Option<&dyn std::error::Error> = std::error::Error::source(err);
    while let Some(cause) = source {
        text = cause.to_string();
        source = cause.source();
    }
    if text.is_empty() {
        err.to_string()
    } else {
        text
    }
}

impl Client {
    /// A client for `server`. `PADLOCK_CA_CERT` names a PEM file of extra trusted roots, for
    /// servers with a company or self-signed certificate.
    pub fn new(server: &str, auth: Auth) -> Result<Client, ClientError> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .user_agent(concat!("padlock/", env!("CARGO_PKG_VERSION")));
        if let Some(path) = std::env::var_os("PADLOCK_CA_CERT") {
            let bad = |detail: String| ClientError::CaCert {
                path: path.to_string_lossy().into_owned(),
                detail,
            };
            let pem = std::fs::read(&path).map_err(|err| bad(err.to_string()))?;
            let certs =
                reqwest::Certificate::from_pem_bundle(&pem).map_err(|err| bad(err.to_string()))?;
            if certs.is_empty() {
                return Err(bad("the file holds no PEM certificate".into()));
            }
            for cert in certs {
                builder = builder.add_root_certificate(cert);
            }
        }
        let http = builder.build().map_err(|err| ClientError::CaCert {
            path: String::new(),
            detail: err.to_string(),
        })?;
        Ok(Client {
            http,
            base: server.trim_end_matches('/').to_owned(),
            auth,
        })
    }

    pub fn server(&self) -> &str {
        &self.base
    }

    /// A request to `path` (under `/v1`) with the credentials in force.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let builder = self.http.request(method, format!("{}/v1{path}", self.base));
        match &self.auth {
            Auth::None => builder,
            Auth::Session { token, grant } => {
                let builder = builder.bearer_auth(token);
                match grant {
                    Some(grant) => builder.header(GRANT_HEADER, grant),
                    None => builder,
                }
            }
            Auth::CiGrant(token) => builder.bearer_auth(token),
        }
    }

    /// Sends a request and turns a non-2xx answer into `ClientError::Api`.
    pub async fn send(&self, builder: RequestBuilder) -> Result<Response, ClientError> {
        let request = builder
            .build()
            .map_err(|err| self.transport_failure(&err))?;
        let verbosity = VERBOSITY.load(Ordering::Relaxed);
        // Method and path only: the query may name files, never a secret, but `-v` stays short.
        // Headers, which carry the session and the grant, are never shown.
        let trace = (verbosity > 0).then(|| {
            let url = request.url();
            let query = match url.query() {
                Some(query) if verbosity > 1 => format!("?{query}"),
                _ => String::new(),
            };
            (
                format!("{} {}{query}", request.method(), url.path()),
                Instant::now(),
            )
        });
        let sent = self.http.execute(request).await;
        if let Some((line, started)) = &trace {
            let elapsed = started.elapsed().as_millis();
            match &sent {
                Ok(response) => {
                    let size = match response.content_length() {
                        Some(n) if verbosity > 1 => format!(", {n} bytes"),
                        _ => String::new(),
                    };
                    eprintln!("> {line} -> {} ({elapsed} ms{size})", response.status());
                }
                Err(err) => eprintln!("> {line} -> failed: {} ({elapsed} ms)", causes(err)),
            }
        }
        let response = sent.map_err(|err| self.transport_failure(&err))?;
        if let Some(server_time) = response
            .headers()
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(http_date)
        {
            CLOCK_OFFSET.store(server_time - crate::time::now(), Ordering::Relaxed);
        }
        if response.status().is_success() {
            return Ok(response);
        }
        let status = response.status();
        let content_type = content_type(&response);
        let body = response.bytes().await.unwrap_or_default();
        match serde_json::from_slice::<ErrorBody>(&body) {
            // The one failure that is nobody's fault at the client: say so, not "internal".
            Ok(ErrorBody { error }) if error.code == codes::DATABASE_UNAVAILABLE => {
                Err(ClientError::DatabaseUnavailable {
                    server: self.base.clone(),
                })
            }
            Ok(ErrorBody { mut error }) => {
                if error.code == codes::SERVER_BUSY {
                    error.message = busy_message(&self.base, error.retry_after);
                }
                Err(ClientError::Api(error))
            }
            Err(_) => Err(ClientError::NotPadlock {
                server: self.base.clone(),
                what: describe_answer(status, &content_type, &body),
            }),
        }
    }

    /// A request that got no answer, said in words: what failed, and what to try.
    fn transport_failure(&self, err: &reqwest::Error) -> ClientError {
        let detail = causes(err);
        let server = self.base.clone();
        let lower = detail.to_lowercase();
        let check = "check the URL (--server / PADLOCK_SERVER) and that the server is running";
        // rustls names every verification failure after the peer's certificate.
        if lower.contains("certificate") {
            return ClientError::Untrusted { server, detail };
        }
        let (detail, hint) = if lower.contains("invalidcontenttype")
            || lower.contains("corrupt message")
        {
            // rustls got bytes that are no TLS record: a plain-HTTP server on that port.
            (
                "it does not answer in HTTPS (TLS); it seems to be a plain-HTTP server".to_owned(),
                format!("use {}", self.base.replacen("https://", "http://", 1)),
            )
        } else if lower.contains("connection refused") {
            (
                "nothing accepts connections there (connection refused)".to_owned(),
                check.to_owned(),
            )
        } else if lower.contains("dns error") || lower.contains("lookup address") {
            (
                "its host name is not known (DNS lookup failed)".to_owned(),
                "check the spelling of the server's name (--server / PADLOCK_SERVER)".to_owned(),
            )
        } else if err.is_timeout() || lower.contains("timed out") {
            (
                "no answer in time (timed out)".to_owned(),
                format!("{check}; a firewall may drop the connection"),
            )
        } else if self.base.starts_with("http://")
            && (lower.contains("connection closed") || lower.contains("connection reset"))
        {
            (
                "it closed the connection; it may expect HTTPS".to_owned(),
                format!("try {}", self.base.replacen("http://", "https://", 1)),
            )
        } else {
            (detail, check.to_owned())
        };
        ClientError::Unreachable {
            server,
            detail,
            hint,
        }
    }

    pub async fn json<T: DeserializeOwned>(
        &self,
        builder: RequestBuilder,
    ) -> Result<T, ClientError> {
        let response = self.send(builder).await?;
        let status = response.status();
        let content_type = content_type(&response);
        let body = response
            .bytes()
            .await
            .map_err(|err| self.transport_failure(&err))?;
        serde_json::from_slice(&body).map_err(|err| {
            if content_type.contains("json") {
                ClientError::BadAnswer {
                    server: self.base.clone(),
                    detail: err.to_string(),
                }
            } else {
                // A web site that answers every path with 200 and a page.
                ClientError::NotPadlock {
                    server: self.base.clone(),
                    what: describe_answer(status, &content_type, &body),
                }
            }
        })
    }

    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ClientError> {
        self.json(self.request(Method::GET, path)).await
    }

    pub async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &impl Serialize,
    ) -> Result<T, ClientError> {
        self.json(self.request(Method::POST, path).json(body)).await
    }
}

fn content_type(response: &Response) -> String {
    response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_lowercase()
}

/// What a server that is not padlock answered, in a few words rather than its whole page.
fn describe_answer(status: reqwest::StatusCode, content_type: &str, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let start = text.trim_start();
    let kind = if content_type.contains("html") || start.starts_with('<') {
        // The page's title, when it has one, says whose page it is.
        let title = start
            .to_lowercase()
            .find("<title>")
            .and_then(|at| {
                let rest = &start[at + 7..];
                rest.find('<').map(|end| rest[..end].trim().to_owned())
            })
            .filter(|t| !t.is_empty() && t.len() <= 80)
            .map(|t| format!(" titled {t:?}"))
            .unwrap_or_default();
        format!("a web page{title}")
    } else if body.is_empty() {
        "nothing".to_owned()
    } else {
        let first = start.lines().next().unwrap_or_default();
        let first: String = first.chars().take(60).collect();
        format!("{first:?}")
    };
    format!("HTTP {status} with {kind}, not padlock's API")
}

/// `server_busy` is about the server, not the request: say so, and when to come back.
fn busy_message(server: &str, retry_after: Option<u64>) -> String {
    let wait = retry_after.unwrap_or(1);
    format!(
        "the padlock server at {server} is too busy to check a password right now (it is \
         receiving more logins than it can hash)\n\nhint: try again in {wait} s; if this \
         persists, tell the server's operator"
    )
}

/// Percent-encodes one path segment (app, environment and user names are checked by the
/// server, but a typo must not turn into another route).
pub fn segment(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}
