//! Group commit for SQLite: one connection writes, and the writes of all requests that arrive
//! while a commit is on disk go into the next transaction together — one fsync for the batch
//! instead of one per request, and no pool connections queueing for SQLite's single write
//! lock behind the busy handler's sleeps (which made the 1 s tails under load).
//!
//! The writer is a thread of its own, which runs its statements in place through SQLite's
//! library (`sqlite::Connection`) and waits there for each commit's fsync: the runtime's
//! threads never wait on the disk, and no statement is a hand-off to another thread.
//!
//! Each request's writes are one job, run inside a savepoint so a failing job leaves the
//! others of its batch intact — unless the job is a single statement, which SQLite undoes by
//! itself when it fails (statements are atomic), so it runs without a savepoint. A job's
//! answer is delivered only after its batch is durable: an acknowledged write survives
//! `kill -9` and power loss as before (`synchronous = FULL`). If the batch's transaction
//! breaks, the whole batch fails and every caller hears it: no write runs outside the
//! transaction. Conditional statements (single use, throttles) run inside the job, so their
//! answers stay exact: jobs run one after another on the one connection.
//!
//! Audit events are the one write nearly every request makes. A job hands its events to the
//! writer instead of inserting them, and the batch inserts the events of all its succeeded
//! jobs in one statement before it commits, in the same transaction as what they record.

use futures_util::future::BoxFuture;
use tokio::sync::{mpsc, oneshot};

use super::audit::{AuditRecord, insert_audit_events};
use super::sqlite::Connection;
use super::{Result, StoreError, WriteConnection};

/// Runs a job's statements; says whether they succeeded, the audit events to record if they
/// did, and what to do once the batch's fate is known.
type Run = Box<
    dyn for<'c> FnOnce(
            &'c mut WriteConnection<'_>,
        ) -> BoxFuture<'c, (bool, Vec<AuditRecord>, Completion)>
        + Send,
>;

struct Job {
    run: Run,
    shape: Shape,
}

/// How many statements a unit of writes runs, which decides what undoes a failed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Any number: the unit runs in a savepoint, rolled back if it fails.
    Statements,
    /// Exactly one, which undoes itself if it fails.
    Statement,
}

/// Delivers the job's answer: its own outcome if the batch committed, else the commit error.
type Completion = Box<dyn FnOnce(std::result::Result<(), String>) + Send>;

/// The most jobs one transaction takes; more wait for the next.
const MAX_BATCH: usize = 512;

/// How long the writer waits for more jobs before a batch when the last batch had more than
/// one: under concurrent load the requests behind the first job reach the writer within it and
/// share its commit, instead of paying one of their own (an fsync, and the log frames of the
/// same pages again). Measured at 16 connections: without it a commit per 2.8 requests, with
/// it one per 6.5–6.7. A job that comes alone after a lone one commits at once.
const GATHER: std::time::Duration = std::time::Duration::from_micros(50);

#[derive(Clone)]
pub(super) struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Takes `conn` as the only connection that writes, on a thread of its own that ends once
    /// every `Writer` is dropped. The jobs run inside the current runtime's context.
    pub(super) fn start(conn: Connection) -> std::io::Result<Writer> {
        let (jobs, queue) = mpsc::channel(4 * MAX_BATCH);
        let runtime = tokio::runtime::Handle::current();
        std::thread::Builder::new()
            .name("sqlite-writer".to_owned())
            .spawn(move || runtime.block_on(run(conn, queue)))?;
        Ok(Writer { jobs })
    }

    /// Runs `work` in the next batch, records the audit events it returns with it, and
    /// answers once that batch is committed.
    pub(super) async fn write<T, F>(&self, shape: Shape, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(
                &'c mut WriteConnection<'_>,
            ) -> BoxFuture<'c, Result<(T, Vec<AuditRecord>)>>
            + Send
            + 'static,
    {
        let (answer, answered) = oneshot::channel();
        let run: Run = Box::new(move |conn| {
            Box::pin(async move {
                let (outcome, events) = match work(conn).await {
                    Ok((out, events)) => (Ok(out), events),
                    Err(err) => (Err(err), Vec::new()),
                };
                let succeeded = outcome.is_ok();
                let completion = Box::new(move |committed: std::result::Result<(), String>| {
                    let _ = answer.send(match committed {
                        Ok(()) => outcome,
                        Err(message) => Err(StoreError::NotCommitted(message)),
                    });
                }) as Completion;
                (succeeded, events, completion)
            })
        });
        self.jobs
            .send(Job { run, shape })
            .await
            .map_err(|_| StoreError::NotCommitted("the writer has stopped".into()))?;
        answered
            .await
            .map_err(|_| StoreError::NotCommitted("the batch could not begin".into()))?
    }
}

async fn run(mut conn: Connection, mut queue: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    let mut had_company = false;
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        if had_company {
            std::thread::sleep(GATHER);
            while batch.len() < MAX_BATCH {
                let Ok(job) = queue.try_recv() else { break };
                batch.push(job);
            }
        }
        had_company = batch.len() > 1;
        commit_batch(&mut conn, batch.drain(..)).await;
    }
}

async fn commit_batch(conn: &mut Connection, jobs: impl Iterator<Item = Job>) {
    let mut completions = Vec::new();
    let committed = run_batch(conn, jobs, &mut completions)
        .await
        .map_err(|err| {
            tracing::error!("a write batch failed: {err}");
            err.to_string()
        });
    if committed.is_err() {
        // Whatever part of the batch ran is undone (a ROLLBACK with no transaction open fails
        // harmlessly). The jobs not run yet are dropped: their callers, and those of the jobs
        // that ran, hear that nothing was written.
        let _ = conn.execute_batch("ROLLBACK");
    }
    for done in completions {
        done(committed.clone());
    }
}

/// Runs the jobs in one transaction, inserts the events of those that succeeded, and commits.
/// Each job that ran leaves its completion in `completions`, whatever becomes of the batch.
async fn run_batch(
    conn: &mut Connection,
    jobs: impl Iterator<Item = Job>,
    completions: &mut Vec<Completion>,
) -> Result<()> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let mut events = Vec::new();
    for Job { run, shape } in jobs {
        if shape == Shape::Statements {
            conn.execute_batch("SAVEPOINT job")?;
        }
        let (succeeded, job_events, done) = run(&mut WriteConnection::Sqlite(conn)).await;
        completions.push(done);
        if succeeded {
            events.extend(job_events);
        }
        if shape == Shape::Statements {
            // A job that failed part-way leaves nothing behind; its caller gets its error.
            if !succeeded {
                conn.execute_batch("ROLLBACK TO job")?;
            }
            conn.execute_batch("RELEASE job")?;
        }
    }
    insert_audit_events(&mut WriteConnection::Sqlite(conn), &events).await?;
    conn.execute_batch("COMMIT")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use futures_util::future::join_all;
    use tokio::sync::oneshot;

    use super::Shape;
    use crate::store::{AuditRecord, Connections, Store, StoreError, insert_audit_events};

    async fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("p.db").display());
        (dir, Store::connect(&url).await.unwrap())
    }

    fn event(at: i64) -> AuditRecord {
        AuditRecord {
            at,
            actor: "erin".to_owned(),
            action: "node_show".to_owned(),
            outcome: "allowed".to_owned(),
            ..AuditRecord::default()
        }
    }

    /// Runs `jobs`, which send `count` units of writes, with the writer held in a unit that
    /// waits until all of them are queued: so they share one batch.
    async fn in_one_batch<T>(store: &Store, count: usize, jobs: impl Future<Output = T>) -> T {
        let Connections::Sqlite { writer, .. } = &store.db else {
            unreachable!("a SQLite store")
        };
        let queue = writer.jobs.clone();
        let (release, released) = oneshot::channel::<()>();
        let (entered, writer_held) = oneshot::channel::<()>();
        let holding = tokio::spawn({
            let store = store.clone();
            async move {
                store
                    .write(Shape::Statement, move |_| {
                        Box::pin(async move {
                            entered.send(()).unwrap();
                            released.await.unwrap();
                            Ok(())
                        })
                    })
                    .await
            }
        });
        // The writer runs the holding unit in a batch of its own, and waits in it.
        writer_held.await.unwrap();
        let queued = move || queue.max_capacity() - queue.capacity();
        let release_once_queued = async move {
            while queued() < count {
                tokio::task::yield_now().await;
            }
            release.send(()).unwrap();
        };
        let (out, ()) = tokio::join!(jobs, release_once_queued);
        holding.await.unwrap().unwrap();
        out
    }

    async fn recorded(store: &Store) -> Vec<i64> {
        let events = store.audit_events(None, None, None, 0, 100).await.unwrap();
        let mut at: Vec<i64> = events.iter().map(|event| event.at).collect();
        at.sort();
        at
    }

    /// A unit that fails part-way, sent among others, leaves nothing of itself behind and
    /// takes nothing of theirs with it: single statements and savepointed units alike.
    #[tokio::test]
    async fn a_failing_unit_leaves_its_batch_intact() {
        let (_dir, store) = store().await;
        let account = store
            .create_account("erin", "x", false, 0)
            .await
            .unwrap()
            .id;
        store.create_session(account, "taken", 0, 10).await.unwrap();

        let others = join_all((1..=20).map(|at| {
            let store = store.clone();
            async move { store.record_audit(&event(at)).await }
        }));
        // One statement that fails: the token hash is taken.
        let duplicate = store.create_session(account, "taken", 0, 10);
        // Two statements, the second failing after the first wrote.
        let half_done = store.write(Shape::Statements, |conn| {
            Box::pin(async move {
                insert_audit_events(&mut *conn, &[event(100)]).await?;
                sqlx::query("INSERT INTO no_such_table VALUES (1)")
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            })
        });
        let (others, duplicate, half_done) = in_one_batch(&store, 22, async {
            tokio::join!(others, duplicate, half_done)
        })
        .await;

        assert!(others.iter().all(Result::is_ok), "{others:?}");
        assert!(duplicate.is_err());
        assert!(half_done.is_err());
        assert_eq!(recorded(&store).await, (1..=20).collect::<Vec<i64>>());
    }

    /// A write that breaks a unique key says so, as sqlx's own SQLite driver says it: the
    /// store answers `Conflict` (a 409), not a database error (a 500).
    #[tokio::test]
    async fn a_taken_name_is_a_conflict() {
        let (_dir, store) = store().await;
        store.create_account("erin", "x", false, 0).await.unwrap();
        let again = store.create_account("erin", "y", false, 0).await;
        assert!(matches!(again, Err(StoreError::Conflict)), "{again:?}");
    }

    /// SQLite's readers only read: a write sent around the writer fails at once, where it
    /// would otherwise queue for the write lock behind the writer's batches.
    #[tokio::test]
    async fn the_readers_cannot_write_around_the_writer() {
        let (_dir, store) = store().await;
        let bypass = sqlx::query(
            "INSERT INTO audit_events (at, actor, action, outcome) VALUES (1, 'x', 'y', 'z')",
        )
        .execute(&store.db)
        .await
        .unwrap_err();
        assert!(bypass.to_string().contains("readonly"), "{bypass}");
        store.record_audit(&event(2)).await.unwrap();
        assert_eq!(recorded(&store).await, vec![2]);
    }

    /// The events of a batch are inserted with it, before its commit: if they cannot be, no
    /// write of the batch stays, and every caller hears it.
    #[tokio::test]
    async fn a_batch_whose_events_fail_keeps_none_of_its_writes() {
        let (_dir, store) = store().await;
        let account = store
            .create_account("erin", "x", false, 0)
            .await
            .unwrap()
            .id;
        // The table is back after the rollback: SQLite's DDL is transactional.
        let saboteur = store.write(Shape::Statements, |conn| {
            Box::pin(async move {
                sqlx::query("DROP TABLE audit_events")
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            })
        });
        let session = store.create_session(account, "hash", 0, 10);
        let first = event(1);
        let audited = store.record_audit(&first);
        let (saboteur, session, audited) = in_one_batch(&store, 3, async {
            tokio::join!(saboteur, session, audited)
        })
        .await;

        assert!(saboteur.is_err() && session.is_err() && audited.is_err());
        assert!(
            store
                .session_by_token("hash", None, 5)
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(recorded(&store).await, Vec::<i64>::new());
        store.record_audit(&event(2)).await.unwrap();
        assert_eq!(recorded(&store).await, vec![2]);
    }

    /// A job that breaks its batch's transaction (here by ending it) fails the whole batch,
    /// and every caller hears the truth: what was acknowledged is there, and nothing else.
    #[tokio::test]
    async fn an_acknowledged_write_is_there_and_a_refused_one_is_not() {
        let (_dir, store) = store().await;
        let writes = |range: std::ops::RangeInclusive<i64>| {
            join_all(range.map(|at| {
                let store = store.clone();
                async move { (at, store.record_audit(&event(at)).await.is_ok()) }
            }))
        };
        let breaker = store.write(Shape::Statements, |conn| {
            Box::pin(async move {
                sqlx::query("ROLLBACK").execute(&mut *conn).await?;
                Ok(())
            })
        });
        // Jobs before the breaker and after it share its batch.
        let (before, broken, after) = in_one_batch(&store, 21, async {
            tokio::join!(writes(1..=10), breaker, writes(11..=20))
        })
        .await;

        assert!(broken.is_err(), "the breaking job was acknowledged");
        let acknowledged: Vec<i64> = before
            .iter()
            .chain(&after)
            .filter(|(_, ok)| *ok)
            .map(|(at, _)| *at)
            .collect();
        assert_eq!(recorded(&store).await, acknowledged);
        // The writer goes on with the next batch.
        store.record_audit(&event(100)).await.unwrap();
        assert_eq!(recorded(&store).await.last(), Some(&100));
    }
}
