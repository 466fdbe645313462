//! Second-factor lockout: how many codes an account may have evaluated before it is locked,
//! and for how long.
//!
//! **Invariant:** a code's verdict counts only once its attempt is *claimed*, by one
//! conditional UPDATE that also checks the lock. However many codes arrive at once — at one
//! server or at several replicas — no more than `max_failures` are evaluated per lockout
//! window.

use super::{AuditRecord, Result, Shape, Store};
use crate::auth::lockout::LockoutPolicy;

/// The answer to a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeAttempt {
    /// The code may be evaluated. `locks_until` is set when this attempt was the last one
    /// of the window: the account is locked until then unless this code is right.
    /// `attempts_left` is how many more codes may be tried before the lock if this one is
    /// wrong (0 when this one was the last).
    Claimed {
        locks_until: Option<i64>,
        attempts_left: i64,
        /// What `clear_failures` needs to forget this claim and those before it.
        claim: Claim,
    },
    /// The account is locked; nothing may be evaluated before `until`.
    Locked { until: i64 },
}

/// Where one claim stands in its window, for `clear_failures` to tell whether other codes
/// were claimed after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// The window's failure count right after this claim (0 when it set the lock).
    failures: i64,
    /// The lock this claim set, if it was the window's last.
    lock: Option<i64>,
}

/// The answer to a claim that succeeded and left the row at `locked_until`, `n_failures`.
fn claimed(
    policy: LockoutPolicy,
    now: i64,
    locked_until: Option<i64>,
    n_failures: i64,
) -> CodeAttempt {
    let locks_until = locked_until.filter(|until| *until > now);
    CodeAttempt::Claimed {
        locks_until,
        claim: Claim {
            failures: n_failures,
            lock: locks_until,
        },
        // The claim that locks resets the count to 0 for the next window.
        attempts_left: if locks_until.is_some() {
            0
        } else {
            (policy.max_failures - n_failures).max(0)
        },
    }
}

impl Store {
    /// Claims one code evaluation for the account, counting it as a failure until
    /// `clear_failures` says otherwise. The claim that fills the window locks the account.
    /// A successful claim also records the audit events `events_if_claimed` makes of it, in
    /// the same transaction: a code already known to be wrong costs one unit of writes.
    pub async fn claim_code_attempt(
        &self,
        account_id: i64,
        policy: LockoutPolicy,
        now: i64,
        events_if_claimed: impl FnOnce(&CodeAttempt) -> Vec<AuditRecord> + Send + 'static,
    ) -> Result<CodeAttempt> {
        let claimed = self
            .write_audited(Shape::Statement, move |conn| {
                Box::pin(async move {
                    // Every SET expression reads the row as it was, on SQLite and PostgreSQL alike.
                    let row: Option<(Option<i64>, i64)> = sqlx::query_as(
                        "UPDATE accounts SET \
               n_failures = CASE WHEN n_failures + 1 >= $2 THEN 0 ELSE n_failures + 1 END, \
               locked_until = CASE WHEN n_failures + 1 >= $2 \
                 THEN $3 + COALESCE(next_lock_seconds, $4) ELSE locked_until END, \
               next_lock_seconds = CASE WHEN n_failures + 1 >= $2 THEN \
                   CASE WHEN COALESCE(next_lock_seconds, $4) * 2 > $5 THEN $5 \
                        ELSE COALESCE(next_lock_seconds, $4) * 2 END \
                 ELSE next_lock_seconds END \
             WHERE id = $1 AND (locked_until IS NULL OR locked_until <= $3) \
             RETURNING locked_until, n_failures",
                    )
                    .bind(account_id)
                    .bind(policy.max_failures)
                    .bind(now)
                    .bind(policy.base_seconds)
                    .bind(policy.max_seconds.max(policy.base_seconds))
                    .fetch_optional(&mut *conn)
                    .await?;
                    let Some((locked_until, n_failures)) = row else {
                        return Ok((None, Vec::new()));
                    };
                    let attempt = claimed(policy, now, locked_until, n_failures);
                    let events = events_if_claimed(&attempt);
                    Ok((Some(attempt), events))
                })
            })
            .await?;
        if let Some(attempt) = claimed {
            return Ok(attempt);
        }
        let until: Option<i64> =
            sqlx::query_scalar("SELECT locked_until FROM accounts WHERE id = $1")
                .bind(account_id)
                .fetch_optional(&self.db)
                .await?
                .flatten();
        Ok(CodeAttempt::Locked {
            until: until.unwrap_or(now + 1),
        })
    }

    /// A right code: the window's failures and the escalation are forgotten — unless other
    /// codes were claimed while this one was checked. Those still count, with the ones before,
    /// and a lock one of them set stays: a success never reopens a window an attacker filled.
    pub async fn clear_failures(&self, account_id: i64, claim: Claim, now: i64) -> Result<()> {
        self.write(Shape::Statement, move |conn| {
            Box::pin(async move {
                let query = match claim.lock {
                    // This claim set the lock, so nothing was claimed after it.
                    Some(lock) => sqlx::query(
                        "UPDATE accounts SET n_failures = 0, locked_until = NULL, \
                           next_lock_seconds = NULL WHERE id = $1 AND locked_until = $2",
                    )
                    .bind(account_id)
                    .bind(lock),
                    None => sqlx::query(
                        "UPDATE accounts SET n_failures = 0, next_lock_seconds = NULL \
                         WHERE id = $1 AND n_failures = $2 \
                           AND (locked_until IS NULL OR locked_until <= $3)",
                    )
                    .bind(account_id)
                    .bind(claim.failures)
                    .bind(now),
                };
                query.execute(conn).await?;
                Ok(())
            })
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: LockoutPolicy = LockoutPolicy {
        max_failures: 5,
        base_seconds: 60,
        max_seconds: 3600,
    };
    const NOW: i64 = 1_800_000_000;

    async fn account() -> (tempfile::TempDir, Store, i64) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("p.db").display());
        let store = Store::connect(&url).await.unwrap();
        let id = store
            .create_account("dave", "x", false, NOW)
            .await
            .unwrap()
            .id;
        (dir, store, id)
    }

    async fn claim(store: &Store, id: i64) -> CodeAttempt {
        store
            .claim_code_attempt(id, POLICY, NOW, |_| Vec::new())
            .await
            .unwrap()
    }

    fn claim_of(attempt: CodeAttempt) -> Claim {
        match attempt {
            CodeAttempt::Claimed { claim, .. } => claim,
            CodeAttempt::Locked { .. } => panic!("locked too early"),
        }
    }

    fn attempts_left(attempt: CodeAttempt) -> i64 {
        match attempt {
            CodeAttempt::Claimed {
                attempts_left,
                locks_until: None,
                ..
            } => attempts_left,
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn a_right_code_forgets_the_failures_before_it() {
        let (_dir, store, id) = account().await;
        claim(&store, id).await;
        claim(&store, id).await;
        let right = claim_of(claim(&store, id).await);
        store.clear_failures(id, right, NOW).await.unwrap();
        assert_eq!(attempts_left(claim(&store, id).await), 4);
    }

    /// Codes claimed while a right code was being checked still count after it.
    #[tokio::test]
    async fn claims_made_while_a_right_code_was_checked_still_count() {
        let (_dir, store, id) = account().await;
        let right = claim_of(claim(&store, id).await);
        claim(&store, id).await;
        claim(&store, id).await;
        claim(&store, id).await;
        store.clear_failures(id, right, NOW).await.unwrap();
        assert!(matches!(
            claim(&store, id).await,
            CodeAttempt::Claimed {
                locks_until: Some(_),
                ..
            }
        ));
        assert!(matches!(
            claim(&store, id).await,
            CodeAttempt::Locked { .. }
        ));
    }

    /// A lock that later claims set is not lifted by a right code claimed before them.
    #[tokio::test]
    async fn a_success_does_not_lift_a_lock_set_after_its_claim() {
        let (_dir, store, id) = account().await;
        let right = claim_of(claim(&store, id).await);
        for _ in 0..4 {
            claim(&store, id).await;
        }
        store.clear_failures(id, right, NOW).await.unwrap();
        assert!(matches!(
            claim(&store, id).await,
            CodeAttempt::Locked { .. }
        ));
    }

    /// The claim that filled the window and then proved right lifts its own lock.
    #[tokio::test]
    async fn a_right_last_code_lifts_the_lock_it_set() {
        let (_dir, store, id) = account().await;
        for _ in 0..4 {
            claim(&store, id).await;
        }
        let last = claim_of(claim(&store, id).await);
        assert!(last.lock.is_some());
        store.clear_failures(id, last, NOW).await.unwrap();
        assert_eq!(attempts_left(claim(&store, id).await), 4);
    }

    /// A claim records the events it is given in its own transaction; a refused claim none.
    #[tokio::test]
    async fn a_claim_records_its_events_and_a_refused_claim_none() {
        let (_dir, store, id) = account().await;
        let refusal = || AuditRecord {
            at: NOW,
            actor: "dave".to_owned(),
            action: "2fa_verify".to_owned(),
            outcome: "denied".to_owned(),
            ..AuditRecord::default()
        };
        let mut answers = Vec::new();
        for _ in 0..POLICY.max_failures + 1 {
            let event = refusal();
            answers.push(
                store
                    .claim_code_attempt(id, POLICY, NOW, move |_| vec![event])
                    .await
                    .unwrap(),
            );
        }
        assert!(matches!(answers.last(), Some(CodeAttempt::Locked { .. })));
        let recorded = store.audit_events(None, None, None, 0, 100).await.unwrap();
        assert_eq!(recorded.len() as i64, POLICY.max_failures, "{recorded:?}");
    }
}
