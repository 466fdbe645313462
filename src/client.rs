//! The only HTTP client: builds requests with the credentials in force, turns transport
//! failures and the server's one error shape into `ClientError`, which `main` maps to exit
//! codes. It matches error codes, never status numbers or message text.

use std::time::Duration;

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
    #[error(
        "cannot reach the padlock server at {server}: {detail}\n\nhint: check the URL (--server / PADLOCK_SERVER) and that the server is running"
    )]
    Unreachable { server: String, detail: String },
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
        let response = builder.send().await.map_err(|err| {
            let detail = causes(&err);
            let server = self.base.clone();
            // rustls names every verification failure after the peer's certificate.
            if detail.contains("certificate") {
                ClientError::Untrusted { server, detail }
            } else {
                ClientError::Unreachable { server, detail }
            }
        })?;
        if response.status().is_success() {
            return Ok(response);
        }
        let status = response.status();
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
            Err(_) => Err(ClientError::BadAnswer {
                server: self.base.clone(),
                detail: format!(
                    "HTTP {status}: {}",
                    String::from_utf8_lossy(&body)
                        .chars()
                        .take(200)
                        .collect::<String>()
                ),
            }),
        }
    }

    pub async fn json<T: DeserializeOwned>(
        &self,
        builder: RequestBuilder,
    ) -> Result<T, ClientError> {
        let response = self.send(builder).await?;
        let body = response
            .bytes()
            .await
            .map_err(|err| ClientError::Unreachable {
                server: self.base.clone(),
                detail: causes(&err),
            })?;
        serde_json::from_slice(&body).map_err(|err| ClientError::BadAnswer {
            server: self.base.clone(),
            detail: err.to_string(),
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
