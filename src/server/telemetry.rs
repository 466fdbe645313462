//! What the server tells its operator about itself: one log event per request, carrying the
//! request id the client also gets back in `x-request-id`, and, when `metrics_listen` is set,
//! Prometheus metrics on a listener of their own (never the public one: they say who is
//! being locked out and how often).
//!
//! Metrics go through the `metrics` facade; `metrics-exporter-prometheus` renders them. With
//! no `metrics_listen` no recorder is installed and every record below returns before it
//! builds a label.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::header::{CONTENT_TYPE, HeaderName};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tower_http::request_id::{MakeRequestId, RequestId};
use tracing::Instrument;

use crate::config::LogFormat;
use crate::store::Store;
use crate::vocabulary::OperationKind;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The longest request id taken from a client; longer, or with anything but visible ASCII,
/// and the server makes its own (a log line must not carry what a client smuggles in).
const MAX_REQUEST_ID: usize = 64;

/// Set once, when `metrics_listen` is configured.
static PROMETHEUS: OnceLock<PrometheusHandle> = OnceLock::new();

fn metrics_on() -> bool {
    PROMETHEUS.get().is_some()
}

// ---- the log ----------------------------------------------------------------------------

/// Server logs go to stderr, as text or one JSON object a line; `RUST_LOG` refines the level
/// that `-v`/`-q` pick.
pub fn init_logging(format: LogFormat, verbose: u8, quiet: bool) {
    let default = match (quiet, verbose) {
        (true, _) => "warn",
        (false, 0) => "info",
        (false, 1) => "debug",
        _ => "trace",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .init(),
        LogFormat::Text => {
            use std::io::IsTerminal;
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            builder.with_ansi(color).init()
        }
    }
}

// ---- request ids and the request log ----------------------------------------------------

/// Makes a request id for a request that came without a usable one: 128 random bits in hex.
#[derive(Clone, Copy, Default)]
pub struct MakeId;

impl MakeRequestId for MakeId {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let id = format!("{:032x}", rand::random::<u128>());
        HeaderValue::from_str(&id).ok().map(RequestId::new)
    }
}

/// Whether a client's `x-request-id` may be kept: 1 to 64 visible ASCII characters.
pub fn sane_request_id(value: &HeaderValue) -> bool {
    let bytes = value.as_bytes();
    !bytes.is_empty() && bytes.len() <= MAX_REQUEST_ID && bytes.iter().all(|b| b.is_ascii_graphic())
}

/// Drops a client's request id that is not sane, so that `SetRequestIdLayer` makes one.
pub fn drop_insane_request_id(mut request: Request) -> Request {
    if request
        .headers()
        .get(&REQUEST_ID)
        .is_some_and(|value| !sane_request_id(value))
    {
        request.headers_mut().remove(&REQUEST_ID);
    }
    request
}

/// Logs one event per request (`padlock::request`, at info) and counts it: method, route
/// (the matched pattern such as `/v1/apps/{app}/envs`, never the raw path, so neither the
/// log nor the metrics hold what a client typed into a URL), status and duration. Events
/// logged while the request runs carry its id through the `request` span.
pub async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().cloned();
    let request_id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok().map(str::to_owned))
        .unwrap_or_default();
    let span = tracing::info_span!("request", request_id = %request_id);
    let response = next.run(request).instrument(span).await;
    let elapsed = started.elapsed();
    let route = route.as_ref().map_or(UNMATCHED, MatchedPath::as_str);
    let status = response.status();
    tracing::info!(
        target: "padlock::request",
        request_id = %request_id,
        method = %method,
        route,
        status = status.as_u16(),
        duration_ms = elapsed.as_secs_f64() * 1000.0,
        "request"
    );
    if metrics_on() {
        count_request(&method, route, status, elapsed);
    }
    response
}

/// The route label of a request that matched no route: one label for all of them, so a
/// scanner's thousand paths are not a thousand series.
const UNMATCHED: &str = "unmatched";

fn count_request(method: &Method, route: &str, status: StatusCode, elapsed: Duration) {
    let method = method_label(method);
    metrics::counter!(
        "padlock_http_requests_total",
        "method" => method,
        "route" => route.to_owned(),
        "status" => status.as_str().to_owned(),
    )
    .increment(1);
    metrics::histogram!(
        "padlock_http_request_duration_seconds",
        "method" => method,
        "route" => route.to_owned(),
    )
    .record(elapsed);
}

fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

// ---- what the routes record -------------------------------------------------------------

/// A second-factor code was checked: `method` is `totp` or `sms`, `outcome` `accepted`,
/// `rejected` (wrong, expired or replayed) or `locked` (refused unchecked, locked out).
pub fn second_factor_check(method: crate::vocabulary::Method, outcome: &'static str) {
    if metrics_on() {
        metrics::counter!(
            "padlock_second_factor_checks_total",
            "method" => method.as_str(),
            "outcome" => outcome,
        )
        .increment(1);
    }
}

/// An account's second-factor checks were locked.
pub fn lockout() {
    if metrics_on() {
        metrics::counter!("padlock_lockouts_total").increment(1);
    }
}

/// A login was refused unchecked because of the failed-login limits.
pub fn login_throttled() {
    if metrics_on() {
        metrics::counter!("padlock_logins_throttled_total").increment(1);
    }
}

/// An operation's hook has ended: `outcome` is `succeeded`, `failed`, `timed_out` or
/// `killed`; `hook` is how long the hook ran.
pub fn operation_ended(kind: OperationKind, outcome: &'static str, hook: Duration) {
    if metrics_on() {
        metrics::counter!(
            "padlock_operations_total",
            "kind" => kind.as_str(),
            "outcome" => outcome,
        )
        .increment(1);
        metrics::histogram!("padlock_hook_duration_seconds", "kind" => kind.as_str()).record(hook);
    }
}

// ---- the metrics listener ---------------------------------------------------------------

/// Request durations are milliseconds to seconds; hooks seconds to their ten-minute timeout.
const REQUEST_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
const HOOK_BUCKETS: &[f64] = &[0.1, 0.5, 1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0];

/// Installs the Prometheus recorder. Called once, before the listeners start.
pub fn install_metrics() -> anyhow::Result<()> {
    use metrics_exporter_prometheus::Matcher;
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(
            Matcher::Full("padlock_http_request_duration_seconds".into()),
            REQUEST_BUCKETS,
        )?
        .set_buckets_for_metric(
            Matcher::Full("padlock_hook_duration_seconds".into()),
            HOOK_BUCKETS,
        )?
        .install_recorder()?;
    describe();
    PROMETHEUS
        .set(handle)
        .map_err(|_| anyhow::anyhow!("the metrics recorder is installed twice"))
}

fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_counter!(
        "padlock_http_requests_total",
        "HTTP requests by method, route pattern and status"
    );
    describe_histogram!(
        "padlock_http_request_duration_seconds",
        Unit::Seconds,
        "Time to answer a request, by method and route pattern"
    );
    describe_counter!(
        "padlock_second_factor_checks_total",
        "Second-factor codes checked, by method (totp, sms) and outcome (accepted, rejected, locked)"
    );
    describe_counter!(
        "padlock_lockouts_total",
        "Accounts whose second-factor checks were locked after wrong codes"
    );
    describe_counter!(
        "padlock_logins_throttled_total",
        "Logins refused by the failed-login limits"
    );
    describe_gauge!(
        "padlock_active_grants",
        "Grants neither expired nor revoked, by kind (grant, ci), read from the database at each scrape"
    );
    describe_counter!(
        "padlock_operations_total",
        "Operations whose hook ended, by kind and outcome (succeeded, failed, timed_out, killed)"
    );
    describe_histogram!(
        "padlock_hook_duration_seconds",
        Unit::Seconds,
        "How long operation hooks ran, by operation kind"
    );
}

/// Serves `GET /metrics` on `listener` until the process ends.
pub async fn serve_metrics(listener: std::net::TcpListener, store: Store) -> std::io::Result<()> {
    let app = axum::Router::new()
        .route("/metrics", axum::routing::get(scrape))
        .with_state(store);
    axum::serve(tokio::net::TcpListener::from_std(listener)?, app).await
}

async fn scrape(State(store): State<Store>) -> Response {
    let Some(handle) = PROMETHEUS.get() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // Grants are counted in the database, so every replica reports the same number.
    match store.count_active_grants(crate::time::now()).await {
        Ok(counts) => {
            for &kind in crate::vocabulary::GrantKind::ALL {
                let count = counts
                    .iter()
                    .find(|(k, _)| *k == kind)
                    .map_or(0, |(_, n)| *n);
                metrics::gauge!("padlock_active_grants", "kind" => kind.as_str()).set(count as f64);
            }
        }
        Err(err) => tracing::warn!("metrics: cannot count active grants: {err}"),
    }
    handle.run_upkeep();
    (
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        handle.render(),
    )
        .into_response()
}
