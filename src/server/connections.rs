//! Serving connections, plain HTTP or TLS, with the limits that keep slow or numerous clients
//! from holding the server: a cap on connections served at once, a deadline for a request's
//! headers (which also closes idle connections), and a deadline for a request body that
//! makes no progress.
//!
//! Both plain HTTP and TLS go through `axum_server`, so both get the same limits.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum_server::accept::Accept;
use axum_server::tls_rustls::{RustlsAcceptor, RustlsConfig};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tower_http::timeout::TimeoutBody;

/// Requests one HTTP/2 connection may have in flight.
const MAX_STREAMS_PER_CONNECTION: u32 = 16;

/// The limits, from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_connections: usize,
    pub header_read_timeout: Duration,
    pub body_read_timeout: Duration,
}

/// Serves `app` on `listener` until `shutdown` completes, then lets requests in flight
/// finish for up to 10 s.
pub async fn serve(
    listener: std::net::TcpListener,
    tls: Option<RustlsConfig>,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    let app = app
        .layer(axum::middleware::map_request(move |request: Request| {
            std::future::ready(with_body_timeout(request, limits.body_read_timeout))
        }))
        .into_make_service_with_connect_info::<SocketAddr>();
    let handle = axum_server::Handle::new();
    let stopper = handle.clone();
    tokio::spawn(async move {
        shutdown.await;
        stopper.graceful_shutdown(Some(Duration::from_secs(10)));
    });
    let limit = ConnectionLimit {
        permits: Arc::new(Semaphore::new(limits.max_connections.max(1))),
    };
    let mut server = axum_server::from_tcp(listener)?
        // Covers the wait for the first request, protocol detection included, which
        // hyper's header timeout does not; later requests on the connection have theirs.
        .first_request_timeout(limits.header_read_timeout)
        .handle(handle);
    server
        .http_builder()
        .http1()
        .header_read_timeout(limits.header_read_timeout);
    // The connection cap would mean little if each connection could carry hyper's default
    // of 200 requests at once over HTTP/2; padlock's clients send one at a time.
    server
        .http_builder()
        .http2()
        .max_concurrent_streams(MAX_STREAMS_PER_CONNECTION);
    match tls {
        Some(tls) => {
            let acceptor = RustlsAcceptor::new(tls)
                .handshake_timeout(limits.header_read_timeout)
                .acceptor(limit);
            server.acceptor(acceptor).serve(app).await
        }
        None => server.acceptor(limit).serve(app).await,
    }
}

/// Gives the request body a deadline for each piece: a stalled body fails after
/// `timeout`, a long one that keeps arriving is never cut.
fn with_body_timeout(request: Request, timeout: Duration) -> Request {
    request.map(|body| Body::new(TimeoutBody::new(timeout, body)))
}

/// Accepts a connection only while fewer than the cap are open; past it, the connection is
/// closed at once, before any TLS handshake or HTTP parsing.
#[derive(Clone)]
struct ConnectionLimit {
    permits: Arc<Semaphore>,
}

impl<S: Send + 'static> Accept<TcpStream, S> for ConnectionLimit {
    type Stream = Limited<TcpStream>;
    type Service = S;
    type Future = std::future::Ready<io::Result<(Self::Stream, S)>>;

    fn accept(&self, stream: TcpStream, service: S) -> Self::Future {
        let accepted = match Arc::clone(&self.permits).try_acquire_owned() {
            Ok(permit) => {
                // Answers are small and written whole; don't let Nagle hold them back.
                let _ = stream.set_nodelay(true);
                Ok((
                    Limited {
                        stream,
                        _permit: permit,
                    },
                    service,
                ))
            }
            Err(_) => Err(io::Error::other("too many connections")),
        };
        std::future::ready(accepted)
    }
}

/// A connection holding its place under the cap until it is dropped.
struct Limited<T> {
    stream: T,
    _permit: OwnedSemaphorePermit,
}

impl<T: AsyncRead + Unpin> AsyncRead for Limited<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Limited<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
