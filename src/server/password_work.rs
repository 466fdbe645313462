//! Password hashing off the request path, bounded. Each argon2id run takes 19 MiB and a
//! core for tens of milliseconds, and anyone can ask for one by attempting a login, so:
//!
//! - a few dedicated threads do the hashing (not tokio's blocking pool, which grows to
//!   512 threads and 512 × 19 MiB under a flood), at a lower CPU priority so that requests
//!   which need no hash stay fast while they are busy;
//! - a short queue waits for them, and a login that finds it full is refused with
//!   `503 server_busy` and `Retry-After` rather than held in memory;
//! - refusals (this one, and the login throttle's `429`) are answered a second late, so a
//!   flooding connection gets one answer a second instead of one per round trip, and
//!   refusing a flood no longer takes the cores from everybody else.
//!
//! Returning the 19 MiB blocks to the system after a flood is `return_large_allocations`' job
//! (`main.rs`).

use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};

use std::time::Duration;

use axum::extract::{FromRef, FromRequestParts};
use axum::http::StatusCode;
use axum::http::request::Parts;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};

use crate::api::codes;
use crate::auth::password;
use crate::server::AppState;
use crate::server::error::{ApiError, ApiResult};

type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads and their queue. Dropping the last clone lets the threads end.
#[derive(Clone)]
pub struct PasswordWork {
    jobs: Sender<Job>,
    /// One per thread plus one per queue place: the jobs that may be hashing or waiting.
    places: Arc<Semaphore>,
}

/// A place among the hashing threads or in their queue, taken before anything else is done
/// for a login: a refused login then costs no database query either, which kept a
/// flood's refusals from queueing every other request behind them at the database.
pub struct Place {
    jobs: Sender<Job>,
    permit: OwnedSemaphorePermit,
}

/// Seconds a refused login is told to wait: a queue's worth of hashes takes well under one.
const BUSY_RETRY_AFTER: Duration = Duration::from_secs(1);

impl PasswordWork {
    /// Starts `threads` hashing threads behind a queue of `queue` waiting jobs.
    pub fn start(threads: usize, queue: usize) -> std::io::Result<PasswordWork> {
        let threads = threads.max(1);
        let (jobs, receiver) = std::sync::mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        for idx in 0..threads {
            let receiver = Arc::clone(&receiver);
            std::thread::Builder::new()
                .name(format!("padlock-password-{idx}"))
                .spawn(move || work(&receiver))?;
        }
        Ok(PasswordWork {
            jobs,
            places: Arc::new(Semaphore::new(threads + queue)),
        })
    }

    /// A place for one password job, or `server_busy` when every place is taken.
    pub fn reserve(&self) -> ApiResult<Place> {
        let permit = Arc::clone(&self.places)
            .try_acquire_owned()
            .map_err(|_| busy())?;
        Ok(Place {
            jobs: self.jobs.clone(),
            permit,
        })
    }
}

impl Place {
    /// Runs `job` on a hashing thread; the place is free again when it is done.
    pub async fn run<T: Send + 'static>(
        self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> ApiResult<T> {
        let (reply, answer) = oneshot::channel();
        let permit = self.permit;
        let job: Job = Box::new(move || {
            // The client went away while queued (a flood rarely waits for its answers):
            // skip the 19 MiB and the CPU.
            if !reply.is_closed() {
                let _ = reply.send(job());
            }
            drop(permit);
        });
        self.jobs
            .send(job)
            .map_err(|_| ApiError::internal("the password hashing threads are gone"))?;
        answer.await.map_err(ApiError::internal)
    }

    pub async fn verify(self, password: String, phc: String) -> ApiResult<bool> {
        self.run(move || password::verify(&password, &phc)).await
    }

    pub async fn hash(self, password: String) -> ApiResult<String> {
        self.run(move || password::hash(&password)).await
    }
}

/// A login's place, taken before its body is read; without one, the refusal is answered
/// later (`answer_later`), holding no body and no hashing memory, only a timer.
impl<S> FromRequestParts<S> for Place
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(_parts: &mut Parts, state: &S) -> Result<Place, ApiError> {
        match AppState::from_ref(state).password_work.reserve() {
            Ok(place) => Ok(place),
            Err(refused) => Err(answer_later(refused).await),
        }
    }
}

/// Holds a refused login's answer for a second. A flooding connection then gets one
/// refusal a second instead of thousands, whose CPU was taken from every other request
/// (a grant-checked read's p99 was 0.5 s during a 16-connection flood). Whoever refuses
/// must have let go of its hashing place first.
pub async fn answer_later(refusal: ApiError) -> ApiError {
    tokio::time::sleep(BUSY_RETRY_AFTER).await;
    refusal
}

fn busy() -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        codes::SERVER_BUSY,
        "the server is checking too many passwords at once; try again in a moment",
    )
    .with_retry_after(BUSY_RETRY_AFTER.as_secs() as i64)
}

fn work(receiver: &Mutex<Receiver<Job>>) {
    lower_priority();
    loop {
        // The lock is held only while waiting for the next job, never while hashing.
        let next = match receiver.lock() {
            Ok(receiver) => receiver.recv(),
            Err(_) => return,
        };
        match next {
            Ok(job) => job(),
            Err(_) => return,
        }
    }
}

/// Hashing yields the CPU to the threads that serve requests: under a login flood the
/// scheduler then runs an ordinary request as soon as it is ready instead of sharing the
/// core evenly with argon2.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        // On Linux a thread is a task with its own nice value; `who = gettid()` sets it for
        // this thread only, not the whole process.
        const NICE: libc::c_int = 10;
        // SAFETY: plain system calls on the calling thread, no memory is passed.
        let result = unsafe {
            let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
            libc::setpriority(libc::PRIO_PROCESS, tid, NICE)
        };
        if result != 0 {
            tracing::debug!(
                "cannot lower the password threads' priority: {}",
                std::io::Error::last_os_error()
            );
        }
    }
}
