//! Second-factor lockout: how many codes an account may have evaluated before it is locked,
//! and for how long.
//!
//! **Invariant:** an attempt is *claimed* before its code is evaluated, by one conditional
//! UPDATE that also checks the lock. However many codes arrive at once — at one server or at
//! several replicas — no more than `max_failures` are evaluated per lockout window.

use super::{Result, Store};
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
    },
    /// The account is locked; nothing may be evaluated before `until`.
    Locked { until: i64 },
}

impl Store {
    /// Claims one code evaluation for the account, counting it as a failure until
    /// `clear_failures` says otherwise. The claim that fills the window locks the account.
    pub async fn claim_code_attempt(
        &self,
        account_id: i64,
        policy: LockoutPolicy,
        now: i64,
    ) -> Result<CodeAttempt> {
        // Every SET expression reads the row as it was, on SQLite and PostgreSQL alike.
        let claimed: Option<(Option<i64>, i64)> = self
            .write(move |conn| {
                Box::pin(async move {
                    Ok(sqlx::query_as(
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
                    .fetch_optional(conn)
                    .await?)
                })
            })
            .await?;
        if let Some((locked_until, n_failures)) = claimed {
            let locks_until = locked_until.filter(|until| *until > now);
            return Ok(CodeAttempt::Claimed {
                locks_until,
                // The claim that locks resets the count to 0 for the next window.
                attempts_left: if locks_until.is_some() {
                    0
                } else {
                    (policy.max_failures - n_failures).max(0)
                },
            });
        }
        let until: Option<i64> =
            sqlx::query_scalar("SELECT locked_until FROM accounts WHERE id = $1")
                .bind(account_id)
                .fetch_optional(&self.pool)
                .await?
                .flatten();
        Ok(CodeAttempt::Locked {
            until: until.unwrap_or(now + 1),
        })
    }

    /// A right code: the failures of the window, a lock its last claim set, and the
    /// escalation are forgotten.
    pub async fn clear_failures(&self, account_id: i64) -> Result<()> {
        self.write(move |conn| {
            Box::pin(async move {
                sqlx::query(
                    "UPDATE accounts SET n_failures = 0, locked_until = NULL, \
                       next_lock_seconds = NULL WHERE id = $1",
                )
                .bind(account_id)
                .execute(conn)
                .await?;
                Ok(())
            })
        })
        .await
    }
}
